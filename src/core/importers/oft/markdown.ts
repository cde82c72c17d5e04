// OpenFastTrace specification items in Markdown, read line by line with OFT's own state machine (its
// Markdown importer's transition table), so that what OFT counts as an item, a title, a Covers list or a
// forwarding line is exactly what is counted here:
//
//   ### Title                     (a heading right before the ID gives the title)
//   `dsn~name~1`                  (a line starting with an ID starts an item)
//   Status: draft                 (only as the first line after the ID)
//   Description text ...
//   Rationale: / Comment:         (on their own line; the text follows)
//   Covers:                       (a list, one reference per bullet line)
//   * req~name~1
//   Depends: (list, as Covers)    Needs: impl, utest (or a bullet list)    Tags: a, b (or a bullet list)
//   arch --> dsn, itest : req~x~1 (forwarding: an item arch~x~1 that covers req~x~1 and needs dsn, itest)
//
// `oft:off` on a line stops reading until a line with `oft:on`. Single-line HTML comments may hold
// coverage tags (`<!-- [impl->dsn~x~1] -->`), as OFT reads them too.
// @implements ST-31
import type { AttributeFact, IdRef, ItemFact, Range } from '../../model';
import { linesIn, type ImportOutput, type LineSpan, type TextCursor } from '../text';
import { OFT_ID, parseOftId } from './ids';
import { readTagsOnLine } from './tags';

type State = 'START' | 'TITLE' | 'SPEC_ITEM' | 'DESCRIPTION' | 'RATIONALE' | 'COMMENT' | 'COVERS' | 'DEPENDS' | 'NEEDS' | 'TAGS';

interface LineInput {
  readonly text: string;
  readonly next: string | undefined;
}

/** A line pattern: on a match, the first group's text and its offset in the line ('' and 0 without a group). */
type Pattern = (line: LineInput) => { token: string; at: number } | undefined;

const full = (source: string): Pattern => {
  const re = new RegExp(`^(?:${source})$`, 'du');
  return ({ text }) => {
    const m = re.exec(text);
    if (!m) return undefined;
    return m.length > 1 && m[1] !== undefined ? { token: m[1], at: (m.indices as RegExpIndicesArray)[1][0] } : { token: '', at: 0 };
  };
};

const ARTIFACT = '[a-zA-Z]+';
const BULLET_REF = String.raw`\s{0,3}[+*-](?:.*\W)?(${OFT_ID.replace(/\((?!\?)/g, '(?:')})(?:\W.*)?`;
const UNDERLINE = /^(?:={3,}|-{3,})\s*$/;
const HASH_TITLE = full(String.raw`#+\s*(.*)`);

const P = {
  ID: full(`\`?(${OFT_ID.replace(/\((?!\?)/g, '(?:')})\`?.*`),
  SECTION_TITLE: ((line) => HASH_TITLE(line) ?? (line.next !== undefined && UNDERLINE.test(line.next) ? { token: line.text, at: 0 } : undefined)) as Pattern,
  UNDERLINE: ((line) => (UNDERLINE.test(line.text) ? { token: '', at: 0 } : undefined)) as Pattern,
  FORWARD: full(String.raw`.*?(${ARTIFACT}\s*-->\s*${ARTIFACT}(?:,\s*${ARTIFACT})*\s*:\s*${OFT_ID.replace(/\((?!\?)/g, '(?:')}).*?`),
  EVERYTHING: full('(.*)'),
  EMPTY: full(String.raw`(\s*)`),
  NOT_EMPTY: full('([^\\n\\r]+)'),
  STATUS: full(String.raw`Status:\s*(approved|proposed|draft)\s*`),
  RATIONALE: full(String.raw`Rationale:\s*`),
  COMMENT: full(String.raw`Comment:\s*`),
  DESCRIPTION: full(String.raw`Description:\s*`),
  COVERS: full(String.raw`Covers:\s*`),
  DEPENDS: full(String.raw`Depends:\s*`),
  REF: full(BULLET_REF),
  NEEDS_INT: full(String.raw`Needs:(\s*\w+\s*(?:,\s*\w+\s*)*)`),
  NEEDS: full(String.raw`Needs:\s*`),
  NEEDS_REF: full(String.raw`\s{0,3}[+*-](?:.*\W)?(\p{Alphabetic}+)(?:\W.*)?`),
  TAGS_INT: full(String.raw`Tags:(\s*\w+\s*(?:,\s*\w+\s*)*)`),
  TAGS: full(String.raw`Tags:\s*`),
  TAG_ENTRY: full(String.raw`\s{0,3}[+*-]\s*(.*)`),
};

type Action = 'beginItem' | 'rememberTitle' | 'forward' | 'none' | 'resetTitle' | 'forwardResetTitle' | 'setStatus' | 'endRemember' | 'beginRationale' | 'beginComment' | 'addNeeds' | 'addTag' | 'beginDescription' | 'appendDescription' | 'appendRationale' | 'appendComment' | 'addCoverage' | 'addDependency' | 'endForward';

type Transition = readonly [State, State, Pattern, Action];

/** OFT's Markdown importer transition table, in its order: the first transition that matches wins. */
const TRANSITIONS: readonly Transition[] = [
  ['START', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['START', 'TITLE', P.SECTION_TITLE, 'rememberTitle'],
  ['START', 'START', P.FORWARD, 'forward'],
  ['START', 'START', P.EVERYTHING, 'none'],

  ['TITLE', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['TITLE', 'TITLE', P.SECTION_TITLE, 'rememberTitle'],
  ['TITLE', 'TITLE', P.UNDERLINE, 'none'],
  ['TITLE', 'TITLE', P.EMPTY, 'none'],
  ['TITLE', 'START', P.FORWARD, 'forwardResetTitle'],
  ['TITLE', 'START', P.EVERYTHING, 'resetTitle'],

  ['SPEC_ITEM', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['SPEC_ITEM', 'SPEC_ITEM', P.STATUS, 'setStatus'],
  ['SPEC_ITEM', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['SPEC_ITEM', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['SPEC_ITEM', 'COMMENT', P.COMMENT, 'beginComment'],
  ['SPEC_ITEM', 'COVERS', P.COVERS, 'none'],
  ['SPEC_ITEM', 'DEPENDS', P.DEPENDS, 'none'],
  ['SPEC_ITEM', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['SPEC_ITEM', 'NEEDS', P.NEEDS, 'none'],
  ['SPEC_ITEM', 'TAGS', P.TAGS_INT, 'addTag'],
  ['SPEC_ITEM', 'TAGS', P.TAGS, 'none'],
  ['SPEC_ITEM', 'DESCRIPTION', P.DESCRIPTION, 'beginDescription'],
  ['SPEC_ITEM', 'DESCRIPTION', P.NOT_EMPTY, 'beginDescription'],

  ['DESCRIPTION', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['DESCRIPTION', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['DESCRIPTION', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['DESCRIPTION', 'COMMENT', P.COMMENT, 'beginComment'],
  ['DESCRIPTION', 'COVERS', P.COVERS, 'none'],
  ['DESCRIPTION', 'DEPENDS', P.DEPENDS, 'none'],
  ['DESCRIPTION', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['DESCRIPTION', 'NEEDS', P.NEEDS, 'none'],
  ['DESCRIPTION', 'TAGS', P.TAGS_INT, 'addTag'],
  ['DESCRIPTION', 'TAGS', P.TAGS, 'none'],
  ['DESCRIPTION', 'DESCRIPTION', P.EVERYTHING, 'appendDescription'],

  ['RATIONALE', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['RATIONALE', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['RATIONALE', 'COMMENT', P.COMMENT, 'beginComment'],
  ['RATIONALE', 'COVERS', P.COVERS, 'none'],
  ['RATIONALE', 'DEPENDS', P.DEPENDS, 'none'],
  ['RATIONALE', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['RATIONALE', 'NEEDS', P.NEEDS, 'none'],
  ['RATIONALE', 'TAGS', P.TAGS_INT, 'addTag'],
  ['RATIONALE', 'TAGS', P.TAGS, 'none'],
  ['RATIONALE', 'RATIONALE', P.EVERYTHING, 'appendRationale'],

  ['COMMENT', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['COMMENT', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['COMMENT', 'COVERS', P.COVERS, 'none'],
  ['COMMENT', 'DEPENDS', P.DEPENDS, 'none'],
  ['COMMENT', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['COMMENT', 'NEEDS', P.NEEDS, 'none'],
  ['COMMENT', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['COMMENT', 'TAGS', P.TAGS_INT, 'addTag'],
  ['COMMENT', 'TAGS', P.TAGS, 'none'],
  ['COMMENT', 'COMMENT', P.EVERYTHING, 'appendComment'],

  ['COVERS', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['COVERS', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['COVERS', 'COVERS', P.REF, 'addCoverage'],
  ['COVERS', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['COVERS', 'COMMENT', P.COMMENT, 'beginComment'],
  ['COVERS', 'DEPENDS', P.DEPENDS, 'none'],
  ['COVERS', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['COVERS', 'NEEDS', P.NEEDS, 'none'],
  ['COVERS', 'COVERS', P.EMPTY, 'none'],
  ['COVERS', 'TAGS', P.TAGS_INT, 'addTag'],
  ['COVERS', 'TAGS', P.TAGS, 'none'],
  ['COVERS', 'START', P.FORWARD, 'endForward'],

  ['DEPENDS', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['DEPENDS', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['DEPENDS', 'DEPENDS', P.REF, 'addDependency'],
  ['DEPENDS', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['DEPENDS', 'COMMENT', P.COMMENT, 'beginComment'],
  ['DEPENDS', 'DEPENDS', P.DEPENDS, 'none'],
  ['DEPENDS', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['DEPENDS', 'NEEDS', P.NEEDS, 'none'],
  ['DEPENDS', 'DEPENDS', P.EMPTY, 'none'],
  ['DEPENDS', 'COVERS', P.COVERS, 'none'],
  ['DEPENDS', 'TAGS', P.TAGS_INT, 'addTag'],
  ['DEPENDS', 'TAGS', P.TAGS, 'none'],
  ['DEPENDS', 'START', P.FORWARD, 'endForward'],

  ['NEEDS', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['NEEDS', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['NEEDS', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['NEEDS', 'COMMENT', P.COMMENT, 'beginComment'],
  ['NEEDS', 'DEPENDS', P.DEPENDS, 'none'],
  ['NEEDS', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['NEEDS', 'NEEDS', P.NEEDS_REF, 'addNeeds'],
  ['NEEDS', 'NEEDS', P.EMPTY, 'none'],
  ['NEEDS', 'COVERS', P.COVERS, 'none'],
  ['NEEDS', 'TAGS', P.TAGS_INT, 'addTag'],
  ['NEEDS', 'TAGS', P.TAGS, 'none'],
  ['NEEDS', 'START', P.FORWARD, 'endForward'],

  ['TAGS', 'TAGS', P.TAG_ENTRY, 'addTag'],
  ['TAGS', 'SPEC_ITEM', P.ID, 'beginItem'],
  ['TAGS', 'TITLE', P.SECTION_TITLE, 'endRemember'],
  ['TAGS', 'RATIONALE', P.RATIONALE, 'beginRationale'],
  ['TAGS', 'COMMENT', P.COMMENT, 'beginComment'],
  ['TAGS', 'DEPENDS', P.DEPENDS, 'none'],
  ['TAGS', 'NEEDS', P.NEEDS_INT, 'addNeeds'],
  ['TAGS', 'NEEDS', P.NEEDS, 'none'],
  ['TAGS', 'NEEDS', P.EMPTY, 'none'],
  ['TAGS', 'COVERS', P.COVERS, 'none'],
  ['TAGS', 'TAGS', P.TAGS, 'none'],
  ['TAGS', 'TAGS', P.TAGS_INT, 'addTag'],
  ['TAGS', 'START', P.FORWARD, 'endForward'],
];

const OFF = /(?:^|[^\p{L}\p{N}_])oft:off(?:[^\p{L}\p{N}_]|$)/u;
const ON = /(?:^|[^\p{L}\p{N}_])oft:on(?:[^\p{L}\p{N}_]|$)/u;
const HTML_COMMENT_LINE = /^\s*<!--.*-->\s*$/;
const FORWARDING = new RegExp(String.raw`(${ARTIFACT})\s*-->\s*(${ARTIFACT}(?:,\s*${ARTIFACT})*)\s*:\s*(${OFT_ID.replace(/\((?!\?)/g, '(?:')})`, 'du');

interface Draft {
  id: string;
  idStart: number;
  idLine: LineSpan;
  titleLine: LineSpan | undefined;
  title: string | undefined;
  status: string | undefined;
  description: string[];
  rationale: string[];
  comment: string[];
  covers: IdRef[];
  depends: IdRef[];
  needs: string[];
  tags: string[];
}

/** Reads the OpenFastTrace items of one Markdown file. */
export function readOftMarkdown(cursor: TextCursor, out: ImportOutput): void {
  const text = cursor.text;
  const lines = [...linesIn(text, 0, text.length)];
  let state: State = 'START';
  let enabled = true;
  let lastTitle: { text: string; line: LineSpan } | undefined;
  let draft: Draft | undefined;

  const end = () => {
    if (draft) out.items.push(toItem(cursor, draft));
    draft = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const span = lines[i];
    const lineText = text.slice(span.start, span.end);
    if (HTML_COMMENT_LINE.test(lineText)) readTagsOnLine(cursor, span, 'spec', out);
    if (!enabled) {
      if (ON.test(lineText)) enabled = true;
      continue;
    }
    if (OFF.test(lineText)) {
      enabled = false;
      continue;
    }
    const input: LineInput = { text: lineText, next: i + 1 < lines.length ? text.slice(lines[i + 1].start, lines[i + 1].end) : undefined };
    for (const [from, to, pattern, action] of TRANSITIONS) {
      if (from !== state) continue;
      const hit = pattern(input);
      if (!hit) continue;
      const { token, at } = hit;
      switch (action) {
        case 'beginItem':
          end();
          draft = {
            id: token, idStart: span.start + at, idLine: span, titleLine: lastTitle?.line, title: lastTitle?.text,
            status: undefined, description: [], rationale: [], comment: [], covers: [], depends: [], needs: [], tags: [],
          };
          break;
        case 'rememberTitle':
          lastTitle = { text: token, line: span };
          break;
        case 'endRemember':
          end();
          lastTitle = { text: token, line: span };
          break;
        case 'resetTitle':
          lastTitle = undefined;
          break;
        case 'forward':
          forward(cursor, span, out);
          break;
        case 'forwardResetTitle':
          forward(cursor, span, out);
          lastTitle = undefined;
          break;
        case 'endForward':
          end();
          lastTitle = undefined;
          forward(cursor, span, out);
          break;
        case 'setStatus':
          if (draft) draft.status = token;
          break;
        case 'beginDescription':
          draft?.description.push(token);
          break;
        case 'appendDescription':
          draft?.description.push(token);
          break;
        case 'beginRationale':
        case 'beginComment':
          break;
        case 'appendRationale':
          draft?.rationale.push(token);
          break;
        case 'appendComment':
          draft?.comment.push(token);
          break;
        case 'addCoverage':
          draft?.covers.push({ id: token, range: cursor.range(span.start + at, span.start + at + token.length) });
          break;
        case 'addDependency':
          draft?.depends.push({ id: token, range: cursor.range(span.start + at, span.start + at + token.length) });
          break;
        case 'addNeeds':
          draft?.needs.push(...split(token));
          break;
        case 'addTag':
          draft?.tags.push(...split(token));
          break;
        case 'none':
          break;
      }
      // The title belongs to the item it precedes; OFT forgets it when that item ends.
      if (action === 'beginItem') lastTitle = undefined;
      state = to;
      break;
    }
  }
  end();
}

function split(list: string): string[] {
  return list.split(',').map((part) => part.trim()).filter(Boolean);
}

function toItem(cursor: TextCursor, draft: Draft): ItemFact {
  const parsed = parseOftId(draft.id);
  const idRange = cursor.range(draft.idStart, draft.idStart + draft.id.length);
  const attributes: AttributeFact[] = [];
  const add = (key: string, value: string, refs: readonly IdRef[] = [], range: Range = idRange) => attributes.push({ key, value, range, refs });
  if (draft.needs.length) add('needs', draft.needs.join(', '));
  if (draft.covers.length) add('covers', draft.covers.map((r) => r.id).join(', '), draft.covers, span(draft.covers));
  if (draft.depends.length) add('depends', draft.depends.map((r) => r.id).join(', '), draft.depends, span(draft.depends));
  if (draft.tags.length) add('tags', draft.tags.join(', '));
  add('status', draft.status ?? 'approved');
  if (parsed) add('revision', String(parsed.revision));
  const rationale = draft.rationale.join('\n').trim();
  if (rationale) add('rationale', rationale);
  const comment = draft.comment.join('\n').trim();
  if (comment) add('comment', comment);
  const first = draft.titleLine ?? draft.idLine;
  return {
    id: draft.id,
    idRange,
    title: draft.title?.trim() ?? '',
    description: draft.description.join('\n').trim(),
    attributes,
    range: cursor.range(first.start, draft.idLine.end),
    form: 'heading',
    imported: { format: 'oft', kind: parsed?.type ?? 'requirement' },
  };
}

function span(refs: readonly IdRef[]): Range {
  return { start: refs[0].range.start, end: refs[refs.length - 1].range.end };
}

/** `arch --> dsn, itest : req~x~1`: an item `arch~x~1` that covers `req~x~1` and needs dsn and itest. */
function forward(cursor: TextCursor, line: LineSpan, out: ImportOutput): void {
  const lineText = cursor.text.slice(line.start, line.end);
  const match = FORWARDING.exec(lineText);
  const original = match && parseOftId(match[3]);
  if (!match || !original) return;
  const indices = match.indices as RegExpIndicesArray;
  const [skipped, targets, originalId] = [match[1], match[2], match[3]];
  const skippedRange = cursor.range(line.start + indices[1][0], line.start + indices[1][1]);
  const originalRef: IdRef = { id: originalId, range: cursor.range(line.start + indices[3][0], line.start + indices[3][1]) };
  const needs = split(targets);
  out.items.push({
    id: `${skipped}~${original.name}~${original.revision}`,
    idRange: skippedRange,
    title: '',
    description: '',
    attributes: [
      { key: 'needs', value: needs.join(', '), range: skippedRange, refs: [] },
      { key: 'covers', value: originalId, range: originalRef.range, refs: [originalRef] },
      { key: 'forwards', value: needs.join(', '), range: skippedRange, refs: [] },
      { key: 'status', value: 'approved', range: skippedRange, refs: [] },
      { key: 'revision', value: String(original.revision), range: skippedRange, refs: [] },
    ],
    range: cursor.range(line.start, line.end),
    form: 'heading',
    imported: { format: 'oft', kind: skipped },
  });
}
