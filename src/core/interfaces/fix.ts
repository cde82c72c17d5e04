// What the quick fix for an interface without (complete) security context writes: the annotation
// template in a new block above the interface (above its decorator stack), or only the missing fields,
// added to the interface's own block. Plain data and text, so the editor applies it as a snippet and the
// unit tests check it without an editor. It only ever inserts whole lines, each ending in the document's
// own line break and starting with the indentation and comment marker found in the file, so nothing
// that is already in the file changes: not its line endings, not its tabs, not its decorators.
// @implements ST-60
import type { ResolvedInterface } from './check';
import { DEFAULT_REQUIRED_FIELDS, INTERFACE_FIELDS, type Exposure, type InterfaceFieldName } from './model';

/** The exposure choices in the order offered; the first is written when the snippet is not filled in. */
export const EXPOSURE_CHOICES: readonly Exposure[] = ['external', 'internal', 'both'];

/** The prose lines above a new template: what the fields mean and which optional ones exist. */
export const TEMPLATE_NOTES: readonly string[] = [
  'Security context (IEC 81001-5-1 §5.4.3): exposure internal, external or both; what misuse could do;',
  'the assets (AST-n) reachable through it. Optional: @trust-boundary, @threats THR-n, @access, @safeguards',
];

export interface AnnotationFixLine {
  /** Indentation and comment marker, exactly as written (`\t// `, `    # `, `\t * `). */
  readonly prefix: string;
  /** A field line (`@exposure ...`) when set; otherwise a prose note. */
  readonly field?: InterfaceFieldName;
  readonly note?: string;
}

export interface AnnotationFix {
  /** `template`: a new annotation block above the interface; `fields`: missing fields added to a block. */
  readonly mode: 'template' | 'fields';
  /** Zero-based line the new lines are inserted before, at its first character. */
  readonly line: number;
  readonly lines: readonly AnnotationFixLine[];
  /** The fields written, in order; the cursor goes to the first one's value. */
  readonly fields: readonly InterfaceFieldName[];
}

/** The text of a zero-based line of the document, without its line break; undefined past the end. */
export type LineAt = (line: number) => string | undefined;

const CLOSER_ONLY = /^([ \t]*)\*+\/[ \t]*$/;
const STAR_MARGIN = /^[ \t]*\*+(?!\/)[ \t]?/;
const LINE_COMMENT = /^([ \t]*)(\/\/+|#+|--+)([ \t]*)/;

/**
 * The fix for one interface, or undefined when there is nothing to add or no comment can be written
 * there (JSON). `required` is the configuration's `interfaces.required`.
 */
export function annotationFix(resolved: ResolvedInterface, lineAt: LineAt, required: readonly InterfaceFieldName[]): AnnotationFix | undefined {
  const { insert } = resolved.fact;
  if (!insert.commentPrefix || lineAt(insert.line) === undefined) return undefined;
  const standard = `${insert.indent}${insert.commentPrefix} `;
  if (!resolved.annotated) {
    const fields = INTERFACE_FIELDS.filter((f) => DEFAULT_REQUIRED_FIELDS.includes(f) || required.includes(f));
    return {
      mode: 'template',
      line: insert.line,
      lines: [...TEMPLATE_NOTES.map((note) => ({ prefix: standard, note })), ...fields.map((field) => ({ prefix: standard, field }))],
      fields,
    };
  }
  const fields = resolved.missing;
  if (!fields.length) return undefined;
  const at = ownBlockEnd(resolved, lineAt) ?? { line: insert.line, prefix: standard };
  return { mode: 'fields', line: at.line, lines: fields.map((field) => ({ prefix: at.prefix, field })), fields };
}

/**
 * Where fields are added to the interface's own comment block, in its own style: before the closing
 * `*\/` of a block comment (with its `*` margin), or after its last line comment (with its marker and
 * indentation). Undefined when the interface has no own block directly above it (its context comes from
 * its class or an interface item): then the fields go into a new block of their own above it.
 */
function ownBlockEnd(resolved: ResolvedInterface, lineAt: LineAt): { line: number; prefix: string } | undefined {
  const own = resolved.fact.annotation;
  const anchor = resolved.fact.insert.line;
  if (!own || own.range.end.line !== anchor - 1) return undefined;
  const last = lineAt(own.range.end.line) ?? '';
  const closer = CLOSER_ONLY.exec(last);
  if (closer) {
    if (own.range.start.line === own.range.end.line) return undefined;
    const above = lineAt(own.range.end.line - 1) ?? '';
    const margin = STAR_MARGIN.exec(above)?.[0];
    const prefix = margin ? (/[ \t]$/.test(margin) ? margin : `${margin} `) : `${closer[1]}* `;
    return { line: own.range.end.line, prefix };
  }
  const comment = LINE_COMMENT.exec(last);
  if (comment) return { line: anchor, prefix: `${comment[1]}${comment[2]}${comment[3] || ' '}` };
  return undefined;
}

/** The fix as plain text: the exposure's first choice and empty values, one line break per line. */
export function annotationFixText(fix: AnnotationFix, eol: string): string {
  return fix.lines.map((line) => `${line.prefix}${line.field ? `@${line.field} ${line.field === 'exposure' ? EXPOSURE_CHOICES[0] : ''}` : line.note}${eol}`).join('');
}

/**
 * The fix as a snippet (TextMate syntax, as VS Code's snippets): the exposure value is a choice, every
 * other value an empty tab stop, in order. Empty values stay findings until they are filled in, so leaving
 * the snippet early never hides a gap.
 */
export function annotationFixSnippet(fix: AnnotationFix, eol: string): string {
  let stop = 0;
  const value = (field: InterfaceFieldName) => (field === 'exposure' ? `\${${++stop}|${EXPOSURE_CHOICES.join(',')}|}` : `\${${++stop}}`);
  return fix.lines.map((line) => `${escapeSnippet(line.prefix)}${line.field ? `@${line.field} ${value(line.field)}` : escapeSnippet(line.note ?? '')}${escapeSnippet(eol)}`).join('');
}

/** Where the first field's value starts (zero-based, after the fix is applied) and how long it is. */
export function firstValueRange(fix: AnnotationFix): { line: number; character: number; length: number } {
  const index = fix.lines.findIndex((line) => line.field);
  const line = fix.lines[index];
  const field = line.field as InterfaceFieldName;
  return { line: fix.line + index, character: line.prefix.length + field.length + 2, length: field === 'exposure' ? EXPOSURE_CHOICES[0].length : 0 };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
