// A guard against pathologically nested containers. The parser recurses per nesting level and slows down
// sharply long before it overflows (hundreds of nested list items take seconds), so lines nested deeper
// than any real spec are reported and left out of the parse; the rest of the file is parsed as usual.
// This is a per-line estimate, not parsing: it counts the block quote and list markers that open a line,
// plus its indentation when a marker follows it.

/** Deeper than any document a person writes, shallow enough for the parser to stay fast. */
export const MAX_NESTING = 100;

/** The source offset of the first line nested deeper than `limit`, or -1. */
export function findExcessiveNesting(text: string, limit = MAX_NESTING): number {
  let lineStart = 0;
  while (lineStart < text.length) {
    if (lineDepth(text, lineStart) > limit) return lineStart;
    const next = nextLineStart(text, lineStart);
    if (next < 0) break;
    lineStart = next;
  }
  return -1;
}

/**
 * The text with every line nested deeper than `limit` replaced by an empty HTML comment. Line breaks are
 * kept, so every other line keeps its number and its characters, which is all a range holds. A comment at
 * the start of a line closes every open list and block quote, and the scanner ignores comments; the deep
 * text itself is never handed to the parser.
 */
export function hideExcessiveNesting(text: string, limit = MAX_NESTING): string {
  const parts: string[] = [];
  let copied = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const next = nextLineStart(text, lineStart);
    if (lineDepth(text, lineStart) > limit) {
      parts.push(text.slice(copied, lineStart), '<!---->');
      copied = lineEnd(text, lineStart);
    }
    if (next < 0) break;
    lineStart = next;
  }
  return parts.length ? parts.join('') + text.slice(copied) : text;
}

function lineDepth(text: string, at: number): number {
  let i = at;
  let indent = 0;
  let markers = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (markers === 0) indent += c === 9 ? 4 : 1;
      i++;
    } else if (c === 62 /* > */) {
      markers++;
      i++;
    } else {
      const end = listMarkerEnd(text, i);
      if (end < 0) break;
      markers++;
      i = end;
    }
  }
  return markers ? markers + (indent >> 1) : 0;
}

/** The offset after a bullet (`-`, `+`, `*`) or ordered (`1.`, `1)`) marker followed by a space or tab, or -1. */
function listMarkerEnd(text: string, i: number): number {
  let j = i;
  const c = text.charCodeAt(j);
  if (c === 45 || c === 43 || c === 42) j++;
  else {
    while (j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    if (j === i || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) return -1;
    j++;
  }
  const after = text.charCodeAt(j);
  return after === 32 || after === 9 ? j : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The offset of the line break that ends the line starting at `from`, or the text's length. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}
