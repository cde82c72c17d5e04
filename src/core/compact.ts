// Memory for a large trace: most of the graph's heap is ranges, positions and tiny arrays, one set per
// ID written anywhere. Ranges and positions are immutable values, and in real code most of them repeat
// (the same short ID at the same column of the same line number in many files), so the graph keeps one
// shared object per distinct small single-line range, the way V8 keeps one copy of a short string.
// (References themselves, ID and range, hardly repeat: pooling them cost more than it saved.)
// Empty lists are shared too. Facts are compacted in place when the graph takes them: they are fresh
// from a scanner or from a worker's message, and nobody else holds them yet.
// @implements ST-63
import type { FileFacts, IdRef, Position, Range, TagFact } from './model';

/** Ranges are pooled only within these bounds, so the pool's key stays a small integer. */
const MAX_LINE = 1 << 15;
const MAX_CHARACTER = 1 << 8;
/** A bound on the pool, so an editor session that sees many files cannot grow it without end. */
const MAX_POOLED = 1 << 20;

const EMPTY: readonly never[] = Object.freeze([]);

export class RangePool {
  private readonly ranges = new Map<number, Range>();
  private readonly positions = new Map<number, Position>();

  /** The shared copy of a range equal to this one, or the range itself when it is not pooled. */
  range(range: Range): Range {
    const key = rangeKey(range);
    if (key < 0) return range;
    const known = this.ranges.get(key);
    if (known) return known;
    const shared: Range = { start: this.position(range.start), end: this.position(range.end) };
    if (this.ranges.size < MAX_POOLED) this.ranges.set(key, shared);
    return shared;
  }

  private position(position: Position): Position {
    const key = (position.line << 8) | position.character;
    const known = this.positions.get(key);
    if (known) return known;
    const shared: Position = { line: position.line, character: position.character };
    if (this.positions.size < MAX_POOLED) this.positions.set(key, shared);
    return shared;
  }
}

/** A small integer for a small single-line range; -1 for any other range, which is not pooled. */
function rangeKey({ start, end }: Range): number {
  if (start.line !== end.line || start.line >= MAX_LINE || start.character >= MAX_CHARACTER || end.character >= MAX_CHARACTER) return -1;
  return (start.line << 16) | (start.character << 8) | end.character;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Replaces the ranges of a file's references and tags with pooled ones, and empty lists with one shared list. */
export function compactFacts(facts: FileFacts, pool: RangePool): FileFacts {
  const target = facts as Mutable<FileFacts>;
  for (const tag of facts.tags) compactTag(tag as Mutable<TagFact>, pool);
  target.items = shared(facts.items);
  target.tags = shared(facts.tags);
  target.mentions = compactRefs(facts.mentions, pool);
  target.problems = shared(facts.problems);
  return facts;
}

function compactTag(tag: Mutable<TagFact>, pool: RangePool): void {
  tag.range = pool.range(tag.range);
  tag.refs = compactRefs(tag.refs, pool);
  tag.foreign = compactRefs(tag.foreign, pool);
}

/** The list with pooled ranges, in place (the list is the graph's now); the shared list when empty. */
function compactRefs(refs: readonly IdRef[], pool: RangePool): readonly IdRef[] {
  if (!refs.length) return EMPTY;
  const list = refs as IdRef[];
  for (const ref of list) (ref as Mutable<IdRef>).range = pool.range(ref.range);
  return list;
}

function shared<T>(list: readonly T[]): readonly T[] {
  return list.length ? list : EMPTY;
}
