// Position lookups ("which ID is under the cursor?") run on every hover and keystroke, so each file's
// ID occurrences are flattened once into an array sorted by position and searched by bisection.
// @implements ST-11
import type { FileFacts, Position, Range } from './model';
import { comparePositions } from './text/lines';

export interface Occurrence {
  readonly id: string;
  readonly range: Range;
  readonly via: 'definition' | 'tag' | 'attribute' | 'mention';
}

const byFacts = new WeakMap<FileFacts, Occurrence[]>();

export function occurrencesIn(facts: FileFacts): readonly Occurrence[] {
  let list = byFacts.get(facts);
  if (list) return list;
  list = [];
  for (const item of facts.items) {
    list.push({ id: item.id, range: item.idRange, via: 'definition' });
    for (const attribute of item.attributes) for (const ref of attribute.refs) list.push({ id: ref.id, range: ref.range, via: 'attribute' });
  }
  for (const tag of facts.tags) {
    for (const ref of tag.refs) list.push({ id: ref.id, range: ref.range, via: 'tag' });
    for (const ref of tag.foreign) list.push({ id: ref.id, range: ref.range, via: 'tag' });
  }
  for (const mention of facts.mentions) list.push({ id: mention.id, range: mention.range, via: 'mention' });
  list.sort((a, b) => comparePositions(a.range.start, b.range.start));
  byFacts.set(facts, list);
  return list;
}

/** The occurrence whose range contains the position (ends inclusive, so a cursor right after an ID finds it). */
export function occurrenceAt(facts: FileFacts, position: Position): Occurrence | undefined {
  const list = occurrencesIn(facts);
  let low = 0;
  let high = list.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (comparePositions(list[mid].range.start, position) <= 0) {
      candidate = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (candidate < 0) return undefined;
  const hit = list[candidate];
  return comparePositions(position, hit.range.end) <= 0 ? hit : undefined;
}
