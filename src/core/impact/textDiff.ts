// What changed in an item's text, as lines for a terminal, a hover or a report: a line diff of two
// `itemText`s (title, attributes, one line per paragraph), with the changed words of each changed line
// pair marked. The `diff` package does the diffing (Myers' algorithm).
// @implements ST-52
import { diffLines, diffWordsWithSpace } from 'diff';

export interface DiffLine {
  /** `-` only in the old text, `+` only in the new one, ` ` in both. */
  readonly op: '-' | '+' | ' ';
  readonly text: string;
}

/** The lines of both texts in order; unchanged lines further than `context` from a change are dropped. */
export function lineDiff(oldText: string, newText: string, context = 1): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(withNewline(oldText), withNewline(newText))) {
    const op = change.added ? '+' : change.removed ? '-' : ' ';
    for (const text of change.value.replace(/\n$/, '').split('\n')) lines.push({ op, text });
  }
  const near = lines.map((_, i) => lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.op !== ' '));
  return lines.filter((line, i) => line.op !== ' ' || (near[i] && line.text.trim() !== ''));
}

/** The words removed and added between two lines: `["-shall", "+must"]`, for a one-line summary. */
export function changedWords(oldLine: string, newLine: string, limit = 6): string[] {
  const words: string[] = [];
  for (const change of diffWordsWithSpace(oldLine, newLine)) {
    if (!change.added && !change.removed) continue;
    const text = change.value.trim();
    if (text) words.push(`${change.added ? '+' : '-'}${text}`);
  }
  return words.length > limit ? [...words.slice(0, limit), '…'] : words;
}

/**
 * The diff as `- old` / `+ new` lines, each prefixed with `indent`. A line changed in place is followed by
 * its changed words (`~ -three +five`), which a long paragraph otherwise hides.
 */
export function formatLineDiff(oldText: string, newText: string, indent = ''): string[] {
  const lines = lineDiff(oldText, newText);
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(`${indent}${line.op} ${line.text}`.trimEnd());
    const before = lines[i - 1];
    if (line.op === '+' && before?.op === '-' && lines[i - 2]?.op !== '-' && lines[i + 1]?.op !== '+') {
      const words = changedWords(before.text, line.text);
      if (words.length) out.push(`${indent}~ ${words.join(' ')}`);
    }
  });
  return out;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
