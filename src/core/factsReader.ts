// Reading one ID's uses back from a file's facts, for the graph's per-ID indexes (see fileIndex.ts). A small
// file is scanned for the ID. A large one, such as a spec whose table defines thousands of items, is
// grouped by ID the first time it is read: reading every ID of such a file then costs the file once,
// where scanning it per ID cost its size times its IDs.
// @implements ST-4, ST-63
import { LINK_ATTRIBUTES } from './linkAttributes';
import type { CodeTrace, FileFacts, IdRef, ItemLink, Location } from './model';

/** A link as written: `ref` is the end named in the attribute, which may not exist. */
export interface WrittenLink extends ItemLink {
  readonly ref: string;
}

/** Calls `emit` for each use in the file; with `wanted`, only for that ID, so no other value is built. */
type Visit<V> = (facts: FileFacts, wanted: string | undefined, emit: (id: string, value: V) => void) => void;

/** Files with fewer facts than this are scanned on each read; larger ones are grouped by ID once. */
const GROUP_FROM = 64;
const EMPTY: readonly never[] = [];

export class FactsReader<V> {
  private readonly groups = new WeakMap<FileFacts, Map<string, V[]>>();

  constructor(private readonly visit: Visit<V>) {}

  read(facts: FileFacts, id: string): readonly V[] {
    if (facts.items.length + facts.tags.length + facts.mentions.length < GROUP_FROM) {
      const found: V[] = [];
      this.visit(facts, id, (_id, value) => found.push(value));
      return found;
    }
    return this.groupsOf(facts).get(id) ?? EMPTY;
  }

  private groupsOf(facts: FileFacts): Map<string, V[]> {
    let groups = this.groups.get(facts);
    if (groups) return groups;
    const built = new Map<string, V[]>();
    this.visit(facts, undefined, (id, value) => {
      const list = built.get(id);
      if (list) list.push(value);
      else built.set(id, [value]);
    });
    this.groups.set(facts, (groups = built));
    return groups;
  }
}

/** The file's traces (tag arguments), under the ID they name. */
export const visitTraces: Visit<CodeTrace> = (facts, wanted, emit) => {
  for (const tag of facts.tags) {
    for (const ref of tag.refs) {
      if (wanted !== undefined && ref.id !== wanted) continue;
      const trace: CodeTrace = { id: ref.id, tag: tag.tag, role: facts.role, location: { file: facts.file, range: ref.range } };
      emit(ref.id, ref.pin ? { ...trace, pin: ref.pin } : trace);
    }
  }
};

/** The file's bare mentions, in prose and comments and in attributes that are not links. */
export const visitMentions: Visit<Location> = (facts, wanted, emit) => {
  forEachMention(facts, (ref) => {
    if (wanted === undefined || ref.id === wanted) emit(ref.id, { file: facts.file, range: ref.range });
  });
};

/** Each bare mention in the file as written, for readers and counts alike. */
export function forEachMention(facts: FileFacts, each: (ref: IdRef) => void): void {
  for (const item of facts.items) {
    for (const attribute of item.attributes) if (!LINK_ATTRIBUTES[attribute.key]) attribute.refs.forEach(each);
  }
  facts.mentions.forEach(each);
}

/** The links written in the file's item attributes, under their source, their target or the ID written. */
export function visitLinks(end: 'source' | 'target' | 'ref'): Visit<WrittenLink> {
  return (facts, wanted, emit) => {
    for (const fact of facts.items) {
      for (const attribute of fact.attributes) {
        const spec = LINK_ATTRIBUTES[attribute.key];
        if (!spec) continue;
        for (const ref of attribute.refs) {
          const [source, target] = spec.reverse ? [ref.id, fact.id] : [fact.id, ref.id];
          const key = end === 'source' ? source : end === 'target' ? target : ref.id;
          if (wanted === undefined || key === wanted) emit(key, { source, target, relation: spec.relation, location: { file: facts.file, range: ref.range }, ref: ref.id });
        }
      }
    }
  };
}
