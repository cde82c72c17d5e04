// Change impact findings: links whose item changed after they were pinned (`suspect-link`), tags without a
// pin when the configuration requires one (`unpinned-link`), items whose text changed after their last
// recorded review (`changed-since-review`) and items of a kind that needs a review but has none
// (`unreviewed`). Fingerprints are computed only for items that have a pinned tag or a stamp.
// @implements ST-52, ST-53
import type { SectraceConfig } from '../config';
import type { TraceGraph } from '../link';
import type { CodeTrace, FindingCode, Location, Severity, TraceItem } from '../model';
import { itemFingerprint, itemText, pinMatches, pinOf } from './fingerprint';
import { REVIEWS_FILE, type ReviewStamp, type ReviewStore } from './reviews';

export interface ImpactCheckInput {
  readonly graph: TraceGraph;
  readonly config: SectraceConfig;
  readonly reviews?: ReviewStore;
}

export type ImpactEmit = (code: FindingCode, location: Location, message: string, extra?: { id?: string; severity?: Severity }) => void;

export function checkImpact(input: ImpactCheckInput, emit: ImpactEmit): void {
  checkReviewStore(input.reviews, emit);
  const imported = importedTagRefs(input.graph);
  for (const item of input.graph.items.values()) checkItemImpact(item, input, imported, emit);
}

/** Problems of the review store itself, reported at its file. */
export function checkReviewStore(reviews: ReviewStore | undefined, emit: ImpactEmit): void {
  for (const problem of reviews?.problems ?? []) {
    emit('config-error', { file: REVIEWS_FILE, range: problem.range }, problem.message, { severity: problem.message.includes('invalid YAML') ? 'error' : 'warning' });
  }
}

/** One item's change-impact findings: its pinned (or, with require-pins, unpinned) traces and its review. */
export function checkItemImpact(item: TraceItem, input: ImpactCheckInput, imported: (trace: CodeTrace) => boolean, emit: ImpactEmit): void {
  const { graph, config, reviews } = input;
  const stamp = reviews?.stamps.get(item.id);
  // Without require-pins only pinned traces can give a finding, and most items have none.
  const traces = config.requirePins || graph.hasPinnedTraces(item.id) ? graph.tracesOf(item.id) : [];
  for (const trace of traces) {
    if (trace.pin !== undefined) {
      const fingerprint = itemFingerprint(item);
      if (!pinMatches(trace.pin, fingerprint)) emit('suspect-link', pinnedRange(trace), suspectMessage(item, trace, fingerprint, reviews), { id: item.id });
    } else if (config.requirePins && !imported(trace)) {
      emit('unpinned-link', trace.location, `this @${trace.tag} tag does not pin \`${item.id}\`: write \`${item.id}#${pinOf(itemFingerprint(item))}\` (or run \`sectrace pin --add\`) once the code matches the item`, { id: item.id });
    }
  }
  if (stamp) {
    const fingerprint = itemFingerprint(item);
    if (!pinMatches(stamp.fingerprint, fingerprint)) {
      const changed = stamp.text !== undefined ? changedParts(stamp.text, itemText(item)) : [];
      const what = changed.length ? `; changed: ${changed.join(', ')}` : '';
      emit('changed-since-review', item.idLocation, `${item.kind} \`${item.id}\` changed after its review by ${stamp.by} on ${stamp.date} (reviewed #${pinOf(stamp.fingerprint)}, now #${pinOf(fingerprint)}${what}): review the change and record it with \`sectrace review ${item.id}\``, { id: item.id });
    }
  } else if (config.reviews.required.includes(item.kind)) {
    emit('unreviewed', item.idLocation, `${item.kind} \`${item.id}\` has no recorded review: review it and record it with \`sectrace review ${item.id} --by NAME\``, { id: item.id });
  }
}

/** The range of the ID and its pin (`SR-12#3fa9c1`): where a suspect link is shown and re-pinned. */
export function pinnedRange(trace: CodeTrace): Location {
  const { start, end } = trace.location.range;
  const pinEnd = trace.pin === undefined ? end : { line: end.line, character: end.character + 1 + trace.pin.length };
  return { file: trace.location.file, range: { start, end: pinEnd } };
}

/** Where the pin's characters are (after the `#`), or undefined for an unpinned trace. */
export function pinRange(trace: CodeTrace): Location | undefined {
  if (trace.pin === undefined) return undefined;
  const { end } = trace.location.range;
  return { file: trace.location.file, range: { start: { line: end.line, character: end.character + 1 }, end: { line: end.line, character: end.character + 1 + trace.pin.length } } };
}

function suspectMessage(item: TraceItem, trace: CodeTrace, fingerprint: string, reviews: ReviewStore | undefined): string {
  const old = reviewedText(reviews?.stamps.get(item.id), trace.pin as string);
  const changed = old !== undefined ? changedParts(old, itemText(item)) : [];
  const what = changed.length ? `; changed: ${changed.join(', ')}` : '';
  return `${item.kind} \`${item.id}\` changed after this link was pinned (pinned #${trace.pin}, now #${pinOf(fingerprint, trace.pin)}${what}): review this ${trace.tag === 'verifies' || trace.role === 'test' ? 'test' : 'code'} against the item's text, then re-pin it`;
}

/** The stamp's text when the stamp is of the pinned version. */
export function reviewedText(stamp: ReviewStamp | undefined, pin: string): string | undefined {
  return stamp?.text !== undefined && pinMatches(pin, stamp.fingerprint) ? stamp.text : undefined;
}

/** Which parts differ between two `itemText`s: `title`, `description`, and each attribute key. */
export function changedParts(oldText: string, newText: string): string[] {
  const a = splitItemText(oldText);
  const b = splitItemText(newText);
  const parts: string[] = [];
  if (a.title !== b.title) parts.push('title');
  const keys = [...new Set([...a.attributes.keys(), ...b.attributes.keys()])].sort();
  for (const key of keys) if (a.attributes.get(key) !== b.attributes.get(key)) parts.push(`\`${key}\``);
  if (a.description !== b.description) parts.push('description');
  return parts;
}

function splitItemText(text: string): { title: string; attributes: Map<string, string>; description: string } {
  const lines = text.split('\n');
  const blank = lines.indexOf('', 1);
  const attributeLines = lines.slice(1, blank < 0 ? lines.length : blank);
  const attributes = new Map<string, string>();
  for (const line of attributeLines) {
    const colon = line.indexOf(': ');
    if (colon > 0) attributes.set(line.slice(0, colon), line.slice(colon + 2));
  }
  return { title: lines[0] ?? '', attributes, description: blank < 0 ? '' : lines.slice(blank + 1).join('\n') };
}

/** Tags an importer read (OpenFastTrace coverage tags and the like) carry their own versioning: never asked for pins. */
export function importedTagRefs(graph: TraceGraph): (trace: CodeTrace) => boolean {
  const byFile = new Map<string, Set<string>>();
  return (trace) => {
    const file = trace.location.file;
    let keys = byFile.get(file);
    if (!keys) {
      keys = new Set();
      for (const tag of graph.fileFacts(file)?.tags ?? []) {
        if (tag.imported) for (const ref of tag.refs) keys.add(positionKey(ref.range.start));
      }
      byFile.set(file, keys);
    }
    return keys.has(positionKey(trace.location.range.start));
  };
}

function positionKey(position: { line: number; character: number }): string {
  return `${position.line}:${position.character}`;
}
