// OpenFastTrace coverage tags: `[impl->dsn~name~1]`, with a covering item name and revision
// (`[impl~name~2->dsn~x~1]`, `[impl~~2->dsn~x~1]`), several covered IDs (`[impl->dsn~a~1, dsn~b~2]`) and
// needed coverage (`[dsn->feat~x~1>>impl,utest]`). The grammar is OFT's full coverage tag; a tag never
// spans lines. sectrace reads tags in comments only (OFT reads whole lines; see docs/importers.md).
//
// Each tag becomes a trace tag whose refs are the covered IDs (so hover, references and coverage work as
// for native tags) plus OFT's own fields, from which the OFT rules rebuild the items OFT generates.
// @implements ST-31, ST-36
import type { FileRole, IdRef, TagFact } from '../../model';
import type { ImportOutput, LineSpan, TextCursor } from '../text';
import { OFT_ID, OFT_NAME } from './ids';

const TYPE = '[A-Za-z]+';
const ID_TEXT = `${TYPE}~${OFT_NAME}~\\d+`;
const TAG = new RegExp(
  String.raw`\[\s*(${TYPE})(?:~(${OFT_NAME})?~(\d+))?\s*->\s*(${ID_TEXT}(?:\s*,\s*${ID_TEXT})*)\s*(?:>>\s*(${TYPE}(?:\s*,\s*${TYPE})*)\s*)?\]`,
  'gdu',
);
const COVERED = new RegExp(OFT_ID, 'gu');
/** What an author probably meant as a coverage tag: an artifact type, an arrow, and an ID's beginning. */
const LOOKS_LIKE_TAG = /\[\s*[A-Za-z]+[^[\]\s]*\s*->\s*[A-Za-z]+~/g;

/** Whether a coverage tag's artifact type marks a test: `utest`, `itest`, `stest`, `test`. */
export function isTestType(type: string): boolean {
  return /test/i.test(type);
}

/** Reads the coverage tags on one line (or the comment part of it). */
export function readTagsOnLine(cursor: TextCursor, line: LineSpan, role: FileRole, out: ImportOutput): void {
  const text = cursor.text.slice(line.start, line.end);
  if (!text.includes('->')) return;
  const found: number[] = [];
  TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  let index = 0;
  while ((match = TAG.exec(text)) !== null) {
    found.push(match.index);
    out.tags.push(tagFact(cursor, line, match, index++, role));
  }
  LOOKS_LIKE_TAG.lastIndex = 0;
  while ((match = LOOKS_LIKE_TAG.exec(text)) !== null) {
    if (found.includes(match.index)) continue;
    const close = text.indexOf(']', match.index);
    const end = line.start + (close === -1 ? text.length : close + 1);
    const written = cursor.text.slice(line.start + match.index, end);
    out.problems.push({
      code: 'malformed-tag',
      message: `\`${written}\` looks like an OpenFastTrace coverage tag but is not one (expected \`[type->type~name~revision]\`); OpenFastTrace ignores it`,
      range: cursor.range(line.start + match.index, end),
    });
  }
}

function tagFact(cursor: TextCursor, line: LineSpan, match: RegExpExecArray, index: number, role: FileRole): TagFact {
  const [, type, name, revision, , needs] = match;
  const indices = match.indices as RegExpIndicesArray;
  const coveredStart = line.start + indices[4][0];
  const refs: IdRef[] = [];
  COVERED.lastIndex = 0;
  for (const id of match[4].matchAll(COVERED)) {
    refs.push({ id: id[0], range: cursor.range(coveredStart + id.index, coveredStart + id.index + id[0].length) });
  }
  const attributes: Record<string, string> = { type, line: String(cursor.line(line.start) + 1), index: String(index) };
  if (name !== undefined) attributes.name = name;
  if (revision !== undefined) attributes.revision = revision;
  if (needs !== undefined) attributes.needs = needs.split(',').map((n) => n.trim()).filter(Boolean).join(', ');
  const start = line.start + match.index;
  return {
    tag: isTestType(type) || role === 'test' ? 'verifies' : 'implements',
    refs,
    foreign: [],
    range: cursor.range(start, start + match[0].length),
    imported: { format: 'oft', attributes },
  };
}
