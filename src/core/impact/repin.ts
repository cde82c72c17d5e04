// Re-pinning in place: which pins to write (stale ones, and unpinned tags when asked), and the byte-exact
// edit of a file's content that writes them. Only the pin's characters change: line endings, a BOM, tabs,
// invalid UTF-8 elsewhere in the file and the encoding (UTF-8 or UTF-16 with BOM) are kept byte for byte.
// An edit whose ID is no longer where the scan saw it is refused, not guessed.
// @implements ST-55
import type { TraceSnapshot } from '../api';
import type { CodeTrace } from '../model';
import { LineIndex } from '../text/lines';
import { importedTagRefs } from './check';
import { itemFingerprint, pinMatches, pinOf } from './fingerprint';

export interface PinEdit {
  readonly file: string;
  readonly id: string;
  /** Zero-based line and UTF-16 character of the ID's first character. */
  readonly line: number;
  readonly character: number;
  /** The pin written now; undefined when the tag has none and one is added. */
  readonly oldPin?: string;
  readonly newPin: string;
}

export interface RepinOptions {
  /** Only links to these items (all when absent or empty). */
  readonly ids?: readonly string[];
  /** Also pin tags that have no pin yet. */
  readonly add?: boolean;
}

/** The edits that bring every selected pin up to date with its item's current fingerprint, by file and position. */
export function planRepin(snapshot: TraceSnapshot, options: RepinOptions = {}): PinEdit[] {
  const graph = snapshot.graph;
  const only = options.ids?.length ? new Set(options.ids) : undefined;
  const imported = importedTagRefs(graph);
  const edits: PinEdit[] = [];
  for (const trace of graph.traces) {
    if (only && !only.has(trace.id)) continue;
    const item = graph.items.get(trace.id);
    if (!item) continue;
    const fingerprint = itemFingerprint(item);
    const edit = editFor(trace, fingerprint, options.add === true && !imported(trace));
    if (edit) edits.push(edit);
  }
  return edits;
}

/** The edit for one trace, or undefined when its pin is current (or it has none and none is to be added). */
export function editFor(trace: CodeTrace, fingerprint: string, add: boolean): PinEdit | undefined {
  const at = { file: trace.location.file, id: trace.id, line: trace.location.range.start.line, character: trace.location.range.start.character };
  if (trace.pin !== undefined) return pinMatches(trace.pin, fingerprint) ? undefined : { ...at, oldPin: trace.pin, newPin: pinOf(fingerprint, trace.pin) };
  return add ? { ...at, newPin: pinOf(fingerprint) } : undefined;
}

export interface RepinResult {
  readonly bytes: Uint8Array;
  readonly applied: readonly PinEdit[];
  /** Edits whose ID (and old pin) were not found where expected: the file changed since it was scanned. */
  readonly refused: readonly PinEdit[];
}

/** Applies the edits of one file to its bytes. */
export function applyPinEdits(bytes: Uint8Array, edits: readonly PinEdit[]): RepinResult {
  const encoding = encodingOf(bytes);
  const located: { edit: PinEdit; offset: number; remove: number; insert: Uint8Array }[] = [];
  const refused: PinEdit[] = [];
  const text = encoding === 'utf-8' ? undefined : new TextDecoder(encoding).decode(bytes.subarray(2));
  const lines = text !== undefined ? new LineIndex(text) : undefined;
  const utf8Lines = encoding === 'utf-8' ? byteLineStarts(bytes) : undefined;
  for (const edit of edits) {
    const offset = text !== undefined && lines ? utf16Offset(text, lines, edit) : utf8Offset(bytes, utf8Lines as number[], edit);
    if (offset === undefined) {
      refused.push(edit);
      continue;
    }
    const unit = encoding === 'utf-8' ? 1 : 2;
    const pinStart = offset + edit.id.length * unit;
    const insert = encodeAscii(edit.oldPin === undefined ? `#${edit.newPin}` : edit.newPin, encoding);
    located.push({ edit, offset: edit.oldPin === undefined ? pinStart : pinStart + unit, remove: edit.oldPin === undefined ? 0 : edit.oldPin.length * unit, insert });
  }
  located.sort((a, b) => b.offset - a.offset);
  let result = bytes;
  for (const { offset, remove, insert } of located) {
    const next = new Uint8Array(result.length - remove + insert.length);
    next.set(result.subarray(0, offset), 0);
    next.set(insert, offset);
    next.set(result.subarray(offset + remove), offset + insert.length);
    result = next;
  }
  return { bytes: result, applied: located.map((l) => l.edit).reverse(), refused };
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** What must stand at the ID's place: the ID, then `#` and the old pin (or, when adding, no `#` at all). */
function expected(edit: PinEdit): string {
  return edit.oldPin === undefined ? edit.id : `${edit.id}#${edit.oldPin}`;
}

function matchesAfter(edit: PinEdit, next: number | undefined): boolean {
  // The old pin must end there (no longer hex run); an added pin must not follow an existing one.
  if (edit.oldPin === undefined) return next !== 0x23; /* # */
  return next === undefined || !/[\w#-]/.test(String.fromCharCode(next));
}

/**
 * UTF-8: line starts are found in the bytes (line breaks are ASCII whatever else the file holds), then the
 * ID is looked for in that line's bytes. The occurrence whose UTF-16 column matches wins; when invalid
 * bytes make columns disagree, a single occurrence on the line is still unambiguous.
 */
function utf8Offset(bytes: Uint8Array, starts: number[], edit: PinEdit): number | undefined {
  if (edit.line >= starts.length) return undefined;
  const from = starts[edit.line];
  const to = edit.line + 1 < starts.length ? starts[edit.line + 1] : bytes.length;
  const needle = new TextEncoder().encode(expected(edit));
  const hits: number[] = [];
  for (let i = from; i + needle.length <= to; i++) {
    let j = 0;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length && matchesAfter(edit, i + needle.length < to ? bytes[i + needle.length] : undefined)) hits.push(i);
  }
  const bom = edit.line === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const exact = hits.find((hit) => decoder.decode(bytes.subarray(from + bom, hit)).length === edit.character);
  if (exact !== undefined) return exact;
  return hits.length === 1 ? hits[0] : undefined;
}

function utf16Offset(text: string, lines: LineIndex, edit: PinEdit): number | undefined {
  if (edit.line >= lines.lineCount) return undefined;
  const offset = lines.offsetAt({ line: edit.line, character: edit.character });
  const want = expected(edit);
  if (text.slice(offset, offset + want.length) !== want) return undefined;
  const next = text.charCodeAt(offset + want.length);
  if (!matchesAfter(edit, Number.isNaN(next) ? undefined : next)) return undefined;
  return 2 + offset * 2;
}

function byteLineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) starts.push(i + 1);
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) starts.push(i + 1);
  }
  return starts;
}

function encodeAscii(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i * 2] = encoding === 'utf-16le' ? code : 0;
    out[i * 2 + 1] = encoding === 'utf-16le' ? 0 : code;
  }
  return out;
}
