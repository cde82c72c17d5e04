// Link: the facts of all files -> one graph. The graph is kept incrementally: a changed file's old
// contributions are taken out and its new ones put in, so re-indexing one file costs that file, not the
// workspace. References are stored whether or not their target exists; resolution happens when asked,
// so defining or deleting an item needs no pass over the files that mention it.
// Invariant: the graph depends only on the set of facts and the configuration, never on the order
// files were added in (definitions are kept sorted; per-ID lists are read sorted by location).
// @implements ST-4
import type { SectraceConfig } from './config';
import type { IdMatcher } from './ids';
import { compactFacts, RangePool } from './compact';
import { FactsReader, forEachMention, visitLinks, visitMentions, visitTraces, type WrittenLink } from './factsReader';
import { LINK_ATTRIBUTES } from './linkAttributes';
import { compareLocations, compareStrings, FileIndex } from './fileIndex';
import { definitionRank, primaryItem, resolvedByImporter } from './importers/graph';
import type { CodeTrace, FileFacts, FileRole, InterfaceFact, ItemFact, ItemLink, Kind, Location, Need, TraceItem } from './model';

/** An ID used somewhere that no item defines (or whose prefix is not configured). */
export interface UnresolvedRef {
  readonly id: string;
  readonly location: Location;
  /** How it was used: a tag, a link attribute, or a bare mention. */
  readonly via: 'tag' | 'attribute' | 'mention';
  /** False when the ID's prefix is not configured (XYZ-3 after a tag). */
  readonly configured: boolean;
}

export interface Definition {
  readonly item: TraceItem;
  readonly fact: ItemFact;
  readonly file: string;
}

/**
 * What changed in the graph since the checker last looked: the IDs whose findings may differ, the files
 * whose own findings may differ, and whether a change can reach beyond them. The checker re-checks only
 * these, so re-indexing one file costs that file and its neighbours, not the workspace.
 */
export interface GraphChanges {
  /** IDs written in a changed file, their link neighbours (either direction) and their `refines` ancestors. */
  readonly ids: Set<string>;
  readonly files: Set<string>;
  /** A `refines` link was added or removed: cycles are looked for again. */
  refines: boolean;
  /** An ID became defined or undefined: "did you mean" suggestions are computed again. */
  idSet: boolean;
  /** An interface or threat ID changed: interface context is resolved again everywhere. */
  interfaces: boolean;
}

export function noChanges(): GraphChanges {
  return { ids: new Set(), files: new Set(), refines: false, idSet: false, interfaces: false };
}

const INTERFACE_KINDS: ReadonlySet<string> = new Set(['interface', 'threat']);

export class TraceGraph {
  /** Every definition per ID, sorted by file; more than one means a duplicate. */
  readonly definitions = new Map<string, Definition[]>();
  private readonly files = new Map<string, FileFacts>();
  private readonly itemsById = new Map<string, TraceItem>();
  private readonly outgoing = this.index(new FactsReader(visitLinks('source')));
  private readonly incoming = this.index(new FactsReader(visitLinks('target')));
  private readonly linksByRef = this.index(new FactsReader(visitLinks('ref')));
  private readonly tracesById = this.index(new FactsReader(visitTraces));
  private readonly mentionsById = this.index(new FactsReader(visitMentions));
  /** Direct implementation and test counts per ID, kept on every change, so coverage is O(1) per item. */
  private readonly implementationCounts = new Map<string, number>();
  private readonly testCounts = new Map<string, number>();
  /** Pinned traces per ID: the change-impact check visits only items that have some. */
  private readonly pinnedCounts = new Map<string, number>();
  /** Files with problems or foreign tag IDs, so checks need not visit every file. */
  private readonly filesWithProblems = new Set<string>();
  private readonly filesWithForeign = new Set<string>();
  /** Interfaces per file (IEC 81001-5-1 §5.4.3), so listing them visits only the files that have some. */
  private readonly interfacesByFile = new Map<string, readonly InterfaceFact[]>();
  private interfaceList: InterfaceFact[] | undefined;
  private readonly roles: Record<FileRole, number> = { spec: 0, code: 0, test: 0 };
  /** OpenFastTrace definitions, counted so `oftActive` need not visit every item. */
  private oftDefinitionCount = 0;
  private changes = noChanges();
  /** Changes are recorded only once a checker has looked: before that, the first check visits everything. */
  private tracking = false;
  /** Shared ranges for the facts the graph holds (see compact.ts). */
  private readonly ranges = new RangePool();
  private cache: { links?: ItemLink[]; unresolved?: UnresolvedRef[] } = {};

  constructor(
    private readonly config: SectraceConfig,
    private readonly ids: IdMatcher,
  ) {}

  /** The first definition of each ID (by file path). */
  get items(): ReadonlyMap<string, TraceItem> {
    return this.itemsById;
  }

  /** Resolved item links (both ends defined). */
  get links(): readonly ItemLink[] {
    return (this.cache.links ??= [...this.outgoing.ids()].flatMap((id) => this.outgoing.get(id)).filter((l) => this.resolved(l)).map(stripRef).sort((a, b) => compareLocations(a.location, b.location)));
  }

  /**
   * Traces from tags to defined items, built on each call (keep the list to use it twice): a large
   * workspace has hundreds of thousands, and the graph does not hold them as objects of their own.
   */
  get traces(): readonly CodeTrace[] {
    return [...this.tracesInOrder()];
  }

  /** `traces`, one file at a time, so that a writer need not hold them all at once. */
  *tracesInOrder(): IterableIterator<CodeTrace> {
    for (const file of [...this.files.keys()].sort(compareStrings)) {
      const traces: CodeTrace[] = [];
      visitTraces(this.files.get(file) as FileFacts, undefined, (id, trace) => {
        if (this.itemsById.has(id)) traces.push(trace);
      });
      yield* traces.sort((a, b) => compareLocations(a.location, b.location));
    }
  }

  /** Bare mentions of defined items, built on each call like `traces`. */
  get references(): readonly { id: string; location: Location }[] {
    return [...this.mentionsById.ids()]
      .filter((id) => this.itemsById.has(id))
      .flatMap((id) => this.mentionsById.get(id).map((location) => ({ id, location })))
      .sort((a, b) => compareLocations(a.location, b.location));
  }

  /** `traces.length`, counted without building the list. */
  get traceCount(): number {
    let count = 0;
    for (const facts of this.files.values()) for (const tag of facts.tags) for (const ref of tag.refs) if (this.itemsById.has(ref.id)) count++;
    return count;
  }

  /** How many bare mentions of defined items there are: `references.length` without building the list. */
  get referenceCount(): number {
    let count = 0;
    for (const facts of this.files.values()) {
      forEachMention(facts, (ref) => {
        if (this.itemsById.has(ref.id)) count++;
      });
    }
    return count;
  }

  /** Every use of an ID that no item defines. */
  get unresolved(): readonly UnresolvedRef[] {
    return (this.cache.unresolved ??= this.computeUnresolved().sort((a, b) => compareLocations(a.location, b.location)));
  }

  /** Every interface found in code and API specs, by file and position. @implements ST-22 */
  interfaces(): readonly InterfaceFact[] {
    return (this.interfaceList ??= [...this.interfacesByFile.values()].flat().sort((a, b) => compareLocations(a, b) || compareStrings(a.id, b.id)));
  }

  /** The interfaces found in one file, in position order. */
  interfacesIn(file: string): readonly InterfaceFact[] {
    const found = this.interfacesByFile.get(file);
    return found ? [...found].sort((a, b) => compareLocations(a, b) || compareStrings(a.id, b.id)) : [];
  }

  /** Files with at least one interface. */
  interfaceFiles(): IterableIterator<string> {
    return this.interfacesByFile.keys();
  }

  fileFacts(file: string): FileFacts | undefined {
    return this.files.get(file);
  }

  /** A per-ID index whose values are read back from the facts of the files it names (always in the graph). */
  private index<V extends Location | { readonly location: Location }>(reader: FactsReader<V>): FileIndex<V> {
    return new FileIndex<V>((file, id) => reader.read(this.files.get(file) as FileFacts, id));
  }

  filePaths(): IterableIterator<string> {
    return this.files.keys();
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** How many files of each role are in the graph. */
  get roleCounts(): Readonly<Record<FileRole, number>> {
    return this.roles;
  }

  /** Whether any definition was read by the OpenFastTrace importer. */
  get hasOftDefinitions(): boolean {
    return this.oftDefinitionCount > 0;
  }

  /** What changed since the last call; the next call starts from nothing. */
  takeChanges(): GraphChanges {
    const changes = this.changes;
    this.changes = noChanges();
    this.tracking = true;
    return changes;
  }

  /** Files whose facts carry problems. */
  problemFiles(): ReadonlySet<string> {
    return this.filesWithProblems;
  }

  /** Files with tag arguments whose prefix is not configured. */
  foreignFiles(): ReadonlySet<string> {
    return this.filesWithForeign;
  }

  linksFrom(id: string): readonly ItemLink[] {
    return this.outgoing.get(id).filter((l) => this.resolved(l));
  }

  linksTo(id: string): readonly ItemLink[] {
    return this.incoming.get(id).filter((l) => this.resolved(l));
  }

  /** Whether code is tagged `@mitigates` with the ID; cheaper than looking through `tracesOf(id)`. */
  hasMitigatingCode(id: string): boolean {
    return this.itemsById.has(id) && this.tracesById.some(id, (trace) => trace.tag === 'mitigates');
  }

  tracesOf(id: string): readonly CodeTrace[] {
    return this.itemsById.has(id) ? this.tracesById.get(id) : [];
  }

  /** Whether code implements the item directly; cheaper than `implementationsOf(id).length`. */
  hasImplementation(id: string): boolean {
    return this.itemsById.has(id) && (this.implementationCounts.get(id) ?? 0) > 0;
  }

  /** Whether any tag pins the item (`SR-12#3fa9c1`). */
  hasPinnedTraces(id: string): boolean {
    return (this.pinnedCounts.get(id) ?? 0) > 0;
  }

  /** Whether a test verifies the item directly; cheaper than `testsOf(id).length`. */
  hasTest(id: string): boolean {
    return this.itemsById.has(id) && (this.testCounts.get(id) ?? 0) > 0;
  }

  implementationsOf(id: string): readonly CodeTrace[] {
    return this.tracesOf(id).filter(isImplementation);
  }

  testsOf(id: string): readonly CodeTrace[] {
    return this.tracesOf(id).filter(isTest);
  }

  referencesOf(id: string): readonly Location[] {
    return this.itemsById.has(id) ? this.mentionsById.get(id) : [];
  }

  /** Every place the ID is written, defined or not: definitions, tag arguments, link attributes, mentions. */
  occurrences(id: string): Location[] {
    const all = [
      ...(this.definitions.get(id) ?? []).map((d) => d.item.idLocation),
      ...this.tracesById.get(id).map((t) => t.location),
      ...this.linksByRef.get(id).map((l) => l.location),
      ...this.mentionsById.get(id),
    ];
    // An imported annotation can both define an item and trace to it with the same written ID: list each place once.
    const seen = new Set<string>();
    return all.filter((location) => {
      const key = locationKey(location);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  itemsOfKind(kind: Kind): TraceItem[] {
    return [...this.itemsById.values()].filter((item) => item.kind === kind);
  }

  /** Puts a file's facts in, replacing what the same file contributed before. The graph takes the facts over. */
  setFile(given: FileFacts): void {
    const facts = compactFacts(given, this.ranges);
    this.removeFile(facts.file);
    this.files.set(facts.file, facts);
    this.roles[facts.role]++;
    if (facts.problems.length) this.filesWithProblems.add(facts.file);
    if (facts.tags.some((t) => t.foreign.length)) this.filesWithForeign.add(facts.file);
    if (facts.interfaces?.length) {
      this.interfacesByFile.set(facts.file, facts.interfaces);
      this.interfaceList = undefined;
    }
    for (const fact of facts.items) this.define(facts.file, fact);
    for (const fact of facts.items) this.addAttributeLinks(facts.file, fact);
    for (const tag of facts.tags) {
      for (const ref of tag.refs) {
        this.tracesById.add(ref.id, facts.file);
        count(tag.tag === 'verifies' || facts.role === 'test' ? this.testCounts : this.implementationCounts, ref.id, 1);
        if (ref.pin !== undefined) count(this.pinnedCounts, ref.id, 1);
      }
    }
    for (const mention of facts.mentions) this.mentionsById.add(mention.id, facts.file);
    this.cache = {};
    this.markChanged(facts);
  }

  removeFile(file: string): void {
    const old = this.files.get(file);
    if (!old) return;
    // Neighbours and ancestors are looked up before the links go, so the checker also visits what loses them.
    this.markChanged(old);
    this.files.delete(file);
    this.roles[old.role]--;
    this.filesWithProblems.delete(file);
    this.filesWithForeign.delete(file);
    if (this.interfacesByFile.delete(file)) this.interfaceList = undefined;
    for (const fact of old.items) {
      const before = this.definitions.get(fact.id) ?? [];
      const remaining = before.filter((d) => d.file !== file);
      this.oftDefinitionCount -= countOft(before) - countOft(remaining);
      if (before.length && !remaining.length) this.changes.idSet = true;
      setOrDelete(this.definitions, fact.id, remaining);
      if (remaining.length) this.itemsById.set(fact.id, primaryItem(remaining));
      else this.itemsById.delete(fact.id);
      for (const attribute of fact.attributes) {
        for (const ref of attribute.refs) {
          for (const key of [fact.id, ref.id]) {
            this.outgoing.removeFile(key, file);
            this.incoming.removeFile(key, file);
          }
          this.linksByRef.removeFile(ref.id, file);
          this.mentionsById.removeFile(ref.id, file);
        }
      }
    }
    for (const tag of old.tags) {
      const counts = tag.tag === 'verifies' || old.role === 'test' ? this.testCounts : this.implementationCounts;
      for (const ref of tag.refs) {
        this.tracesById.removeFile(ref.id, file);
        count(counts, ref.id, -1);
        if (ref.pin !== undefined) count(this.pinnedCounts, ref.id, -1);
      }
    }
    for (const mention of old.mentions) this.mentionsById.removeFile(mention.id, file);
    this.cache = {};
  }

  /** Records what a file's facts touch, as the graph stands now (called before removal and after addition). */
  private markChanged(facts: FileFacts): void {
    if (!this.tracking) return;
    const changes = this.changes;
    changes.files.add(facts.file);
    const touch = (id: string) => this.markId(id);
    for (const fact of facts.items) {
      touch(fact.id);
      for (const attribute of fact.attributes) {
        if (LINK_ATTRIBUTES[attribute.key]?.relation === 'refines') changes.refines = true;
        for (const ref of attribute.refs) touch(ref.id);
      }
    }
    for (const tag of facts.tags) for (const ref of tag.refs) touch(ref.id);
    for (const mention of facts.mentions) touch(mention.id);
  }

  private markId(id: string): void {
    const changes = this.changes;
    if (changes.ids.has(id)) return;
    changes.ids.add(id);
    if (INTERFACE_KINDS.has(this.itemsById.get(id)?.kind ?? this.ids.kindOf(id) ?? '')) changes.interfaces = true;
    for (const link of this.outgoing.get(id)) changes.ids.add(link.target);
    for (const link of this.incoming.get(id)) changes.ids.add(link.source);
    // Coverage flows up `refines` links: every ancestor's coverage may change with this ID's traces.
    const stack = [id];
    const seen = new Set(stack);
    while (stack.length) {
      for (const link of this.outgoing.get(stack.pop() as string)) {
        if (link.relation !== 'refines' || seen.has(link.target)) continue;
        seen.add(link.target);
        changes.ids.add(link.target);
        stack.push(link.target);
      }
    }
  }

  private define(file: string, fact: ItemFact): void {
    const kind = this.ids.kindOf(fact.id) ?? fact.imported?.kind ?? 'requirement';
    const attributes: Record<string, string> = {};
    for (const attribute of fact.attributes) if (!(attribute.key in attributes)) attributes[attribute.key] = attribute.value;
    const item: TraceItem = {
      id: fact.id,
      kind,
      title: fact.title,
      description: fact.description,
      attributes,
      location: { file, range: fact.range },
      idLocation: { file, range: fact.idRange },
      form: fact.form,
      // OpenFastTrace items need artifact types (impl, utest, dsn), which its own rules check. Kinds come
      // from the workspace (an imported type may be `constructor`), so only own keys of `needs` count.
      needs: fact.imported?.format === 'oft' ? [] : needsOf(attributes.needs, (Object.hasOwn(this.config.needs, kind) ? this.config.needs[kind] : undefined) ?? []),
      ...(fact.imported ? { imported: fact.imported } : {}),
    };
    const list = this.definitions.get(fact.id) ?? [];
    if (!list.length) this.changes.idSet = true;
    if (fact.imported?.format === 'oft') this.oftDefinitionCount++;
    list.push({ item, fact, file });
    list.sort((a, b) => definitionRank(a) - definitionRank(b) || compareStrings(a.file, b.file) || a.item.location.range.start.line - b.item.location.range.start.line);
    this.definitions.set(fact.id, list);
    this.itemsById.set(fact.id, primaryItem(list));
  }

  private addAttributeLinks(file: string, fact: ItemFact): void {
    for (const attribute of fact.attributes) {
      const spec = LINK_ATTRIBUTES[attribute.key];
      for (const ref of attribute.refs) {
        if (!spec) {
          this.mentionsById.add(ref.id, file);
          continue;
        }
        const [source, target] = spec.reverse ? [ref.id, fact.id] : [fact.id, ref.id];
        this.outgoing.add(source, file);
        this.incoming.add(target, file);
        this.linksByRef.add(ref.id, file);
      }
    }
  }

  private resolved(link: WrittenLink): boolean {
    return this.itemsById.has(link.source) && this.itemsById.has(link.target);
  }

  /** Every ID written anywhere: defined, traced, linked or mentioned. */
  *writtenIds(): IterableIterator<string> {
    yield* this.definitions.keys();
    for (const index of [this.tracesById, this.linksByRef, this.mentionsById]) for (const id of index.ids()) if (!this.definitions.has(id)) yield id;
  }

  /** The uses of a configured ID that no item defines (none when it is defined). */
  unresolvedOf(id: string): UnresolvedRef[] {
    if (this.itemsById.has(id) || resolvedByImporter(id)) return [];
    const result: UnresolvedRef[] = [];
    for (const t of this.tracesById.get(id)) result.push({ id, location: t.location, via: 'tag', configured: true });
    for (const l of this.linksByRef.get(id)) result.push({ id, location: l.location, via: 'attribute', configured: true });
    for (const location of this.mentionsById.get(id)) result.push({ id, location, via: 'mention', configured: true });
    return result;
  }

  /** Tag arguments in the file whose prefix is not configured. */
  foreignRefsOf(file: string): UnresolvedRef[] {
    if (!this.filesWithForeign.has(file)) return [];
    const facts = this.files.get(file) as FileFacts;
    return facts.tags.flatMap((tag) => tag.foreign.map((ref): UnresolvedRef => ({ id: ref.id, location: { file, range: ref.range }, via: 'tag', configured: false })));
  }

  private computeUnresolved(): UnresolvedRef[] {
    const seen = new Set<string>();
    const result: UnresolvedRef[] = [];
    for (const index of [this.tracesById, this.linksByRef, this.mentionsById]) {
      for (const id of index.ids()) {
        if (seen.has(id)) continue;
        seen.add(id);
        result.push(...this.unresolvedOf(id));
      }
    }
    for (const file of this.filesWithForeign) result.push(...this.foreignRefsOf(file));
    return result;
  }
}

/** Builds a graph from scratch. */
export function link(files: Iterable<FileFacts>, config: SectraceConfig, ids: IdMatcher): TraceGraph {
  const graph = new TraceGraph(config, ids);
  for (const facts of files) graph.setFile(facts);
  return graph;
}

/** `needs: impl, test` (or `none`) overrides the kind's default; unknown words are reported by the checker. */
export function needsOf(value: string | undefined, fallback: readonly Need[]): readonly Need[] {
  if (value === undefined) return fallback;
  const words = value.toLowerCase().split(/[\s,;]+/).filter(Boolean);
  return (['impl', 'test'] as const).filter((need) => words.includes(need));
}

function locationKey(location: Location): string {
  const { start, end } = location.range;
  return `${location.file}:${start.line}:${start.character}:${end.line}:${end.character}`;
}

function countOft(definitions: readonly Definition[]): number {
  let n = 0;
  for (const d of definitions) if (d.fact.imported?.format === 'oft') n++;
  return n;
}

function count(counts: Map<string, number>, id: string, delta: number): void {
  const next = (counts.get(id) ?? 0) + delta;
  if (next) counts.set(id, next);
  else counts.delete(id);
}

function isImplementation(trace: CodeTrace): boolean {
  return trace.tag !== 'verifies' && trace.role !== 'test';
}

function isTest(trace: CodeTrace): boolean {
  return trace.tag === 'verifies' || trace.role === 'test';
}

function stripRef({ ref: _ref, ...link }: WrittenLink): ItemLink {
  return link;
}

function setOrDelete<K, V>(map: Map<K, V[]>, key: K, list: V[]): void {
  if (list.length) map.set(key, list);
  else map.delete(key);
}

export { compareLocations, compareStrings };
