// Review stamps: `.sectrace/reviews.yaml`, a small committed file that records, per item, which version of
// its text was reviewed (the fingerprint), by whom and on which day, with the text itself so a later change
// can be shown as a diff. One entry per item, sorted by ID, one field per line: a review shows up in a
// pull request as a few added or changed lines.
// Reading never throws: problems come back with their lines and become `config-error` findings.
// @implements ST-53
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Range } from '../model';
import { compareIds } from '../report/sort';
import { yamlRange } from '../text/yamlRange';

export const REVIEWS_FILE = '.sectrace/reviews.yaml';

export interface ReviewStamp {
  readonly id: string;
  /** The full fingerprint of the item's text when it was reviewed. */
  readonly fingerprint: string;
  readonly by: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The item's text as reviewed (`itemText`), for diffs; absent in hand-written entries. */
  readonly text?: string;
}

export interface ReviewProblem {
  readonly message: string;
  readonly range: Range;
}

export interface ReviewStore {
  readonly stamps: ReadonlyMap<string, ReviewStamp>;
  readonly problems: readonly ReviewProblem[];
}

export const EMPTY_REVIEWS: ReviewStore = { stamps: new Map(), problems: [] };

const HEADER = [
  '# Review stamps: which version of each item was reviewed, by whom and when.',
  '# Written by `sectrace review` and the editor; commit it with the change it reviews.',
  '# The fingerprint is that of the text below it; an item whose text changes gets `changed-since-review`.',
];
const FINGERPRINT = /^[0-9a-f]{6,16}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses the store's text. Entries with problems are left out; the rest are kept. */
export function parseReviews(text: string): ReviewStore {
  const lineCounter = new LineCounter();
  // The failsafe schema reads every scalar as text: a fingerprint such as 0123456789012345 stays itself.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
  const problems: ReviewProblem[] = [];
  const rangeOf = (node: YamlNode | null | undefined): Range => yamlRange(lineCounter, node);
  const fail = (node: YamlNode | null | undefined, message: string) => problems.push({ message: `${REVIEWS_FILE}: ${message}`, range: rangeOf(node) });
  const error = doc.errors[0];
  if (error) {
    const s = lineCounter.linePos(error.pos[0]);
    const at = { line: s.line - 1, character: s.col - 1 };
    return { stamps: new Map(), problems: [{ message: `${REVIEWS_FILE}: invalid YAML: ${error.message.split('\n')[0]}`, range: { start: at, end: at } }] };
  }
  const stamps = new Map<string, ReviewStamp>();
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { stamps, problems };
  if (!isMap(root)) {
    fail(root, 'expected `version: 1` and a `reviews:` mapping');
    return { stamps, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'version') {
      if (!isScalar(value) || value.value !== '1') fail(value, '`version` must be 1');
    } else if (key === 'reviews') {
      if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) continue;
      if (!isMap(value)) {
        fail(value, '`reviews` must map item IDs to their stamps');
        continue;
      }
      for (const entry of value.items) {
        const id = isScalar(entry.key) ? String(entry.key.value) : '';
        const stamp = readStamp(id, entry.value as YamlNode | null, (node, message) => fail(node ?? (entry.key as YamlNode), `\`${id}\`: ${message}`));
        if (stamp) stamps.set(id, stamp);
      }
    } else fail(pair.key as YamlNode, `unknown key \`${key}\` (known keys: version, reviews)`);
  }
  return { stamps, problems };
}

function readStamp(id: string, node: YamlNode | null, fail: (node: YamlNode | null | undefined, message: string) => void): ReviewStamp | undefined {
  if (!isMap(node)) {
    fail(node, 'a stamp needs `fingerprint`, `by` and `date`');
    return undefined;
  }
  const fields: Record<string, string> = {};
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (!['fingerprint', 'by', 'date', 'text'].includes(key)) {
      fail(pair.key as YamlNode, `unknown field \`${key}\` (known: fingerprint, by, date, text)`);
      continue;
    }
    if (!isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number')) {
      fail(value ?? (pair.key as YamlNode), `\`${key}\` must be text`);
      return undefined;
    }
    fields[key] = String(value.value);
  }
  const missing = ['fingerprint', 'by', 'date'].filter((key) => !fields[key]?.trim());
  if (missing.length) {
    fail(node, `missing ${missing.join(', ')}`);
    return undefined;
  }
  if (!FINGERPRINT.test(fields.fingerprint)) {
    fail(node, `fingerprint \`${fields.fingerprint}\` is not 6 to 16 lower-case hex digits`);
    return undefined;
  }
  if (!DATE.test(fields.date)) {
    fail(node, `date \`${fields.date}\` is not YYYY-MM-DD`);
    return undefined;
  }
  return { id, fingerprint: fields.fingerprint, by: fields.by.trim(), date: fields.date, ...(fields.text !== undefined ? { text: fields.text } : {}) };
}

/** The whole file for these stamps: header, then one entry per ID in ID order. Deterministic. */
export function serializeReviews(stamps: Iterable<ReviewStamp>): string {
  const sorted = [...stamps].sort((a, b) => compareIds(a.id, b.id));
  const lines = [...HEADER, 'version: 1', sorted.length ? 'reviews:' : 'reviews: {}'];
  for (const stamp of sorted) {
    lines.push(`  ${scalar(stamp.id)}:`, `    fingerprint: ${scalar(stamp.fingerprint)}`, `    by: ${scalar(oneLine(stamp.by))}`, `    date: ${scalar(stamp.date)}`);
    if (stamp.text !== undefined) lines.push(...textLines(stamp.text));
  }
  return lines.join('\n') + '\n';
}

/** Adds or replaces stamps, keeping every other entry as it was. */
export function withStamps(store: ReviewStore, stamps: readonly ReviewStamp[]): ReviewStamp[] {
  const next = new Map(store.stamps);
  for (const stamp of stamps) next.set(stamp.id, stamp);
  return [...next.values()];
}

/** A block literal when the text allows one (it always does for `itemText` output), a quoted string otherwise. */
function textLines(text: string): string[] {
  const lines = text.split('\n');
  const literal = text !== '' && !/[\r\t]/.test(text) && !lines.some((line) => /\s$/.test(line)) && !/^\s/.test(lines[0]) && !text.endsWith('\n');
  if (!literal) return [`    text: ${JSON.stringify(text)}`];
  return ['    text: |-', ...lines.map((line) => (line === '' ? '' : `      ${line}`))];
}

/** A YAML 1.2 core-schema number (and YAML 1.1's sexagesimal-free forms): such text must be quoted. */
const YAML_NUMBER = /^(?:[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Plain when any YAML reader reads it back as the same string, double-quoted (JSON is valid YAML)
 * otherwise: a fingerprint of digits only, or one like `12e45678`, would read as a number.
 */
function scalar(text: string): string {
  const plain = /^[A-Za-z0-9][\w .,()'/@+-]*$/.test(text) && !/[ ]$/.test(text) && !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(text) && !YAML_NUMBER.test(text) && !/ #|: /.test(text);
  return plain ? text : JSON.stringify(text);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An item's review state, for reports and the editor. */
export interface ReviewStatus {
  /** `reviewed`: the stamp is of the current text; `changed`: the text changed since; `unreviewed`: no stamp. */
  readonly status: 'reviewed' | 'changed' | 'unreviewed';
  readonly by?: string;
  readonly date?: string;
  /** The fingerprint that was reviewed. */
  readonly fingerprint?: string;
}

export function reviewStatusOf(store: ReviewStore | undefined, id: string, fingerprint: string): ReviewStatus {
  const stamp = store?.stamps.get(id);
  if (!stamp) return { status: 'unreviewed' };
  return { status: fingerprint.startsWith(stamp.fingerprint) ? 'reviewed' : 'changed', by: stamp.by, date: stamp.date, fingerprint: stamp.fingerprint };
}

/** `reviewed 2026-06-15 by Dana`, `changed since review (2026-06-15, Dana)`, `not reviewed`. */
export function reviewStatusText(review: ReviewStatus): string {
  if (review.status === 'reviewed') return `reviewed ${review.date} by ${review.by}`;
  if (review.status === 'changed') return `changed since review (${review.date}, ${review.by})`;
  return 'not reviewed';
}
