// Link: all files' facts -> one graph. Pure and total: a dangling reference becomes an unresolved entry
// the checker reports, never an exception. Invariant: the graph depends only on the facts and the
// configuration, not on the order files were scanned in (files are sorted first).
// @implements SR-104
import type { SectraceConfig } from './config';
import type { IdMatcher } from './ids';
import type {
  CodeTrace, FileFacts, IdRef, ItemFact, ItemLink, Kind, Location, Need, Relation, TraceItem,
} from './model';

/** Attribute keys that link items, with the relation they express and whether they point backwards. */
export const LINK_ATTRIBUTES: Readonly<Record<string, { relation: Relation; reverse: boolean }>> = {
  mitigates: { relation: 'mitigates', reverse: false },
  'mitigated-by': { relation: 'mitigates', reverse: true },
  refines: { relation: 'refines', reverse: false },
  'refined-by': { relation: 'refines', reverse: true },
  threatens: { relation: 'threatens', reverse: false },
  'threatened-by': { relation: 'threatens', reverse: true },
};

/** An ID used somewhere that no item defines (or whose prefix is not configured). */
export interface UnresolvedRef {
  readonly id: string;
  readonly location: Location;
  /** How it was used: a tag, a link attribute, or a bare mention. */
  readonly via: 'tag' | 'attribute' | 'mention';
  /** False when the ID's prefix is not configured (`@implements XYZ-3`). */
  readonly configured: boolean;
}

export interface Definition {
  readonly item: TraceItem;
  readonly fact: ItemFact;
  readonly file: string;
}

export class TraceGraph {
  /** First definition of each ID, in file order. */
  readonly items = new Map<string, TraceItem>();
  /** Every definition per ID; more than one means a duplicate. */
  readonly definitions = new Map<string, Definition[]>();
  readonly links: ItemLink[] = [];
  readonly traces: CodeTrace[] = [];
  readonly references: { id: string; location: Location }[] = [];
  readonly unresolved: UnresolvedRef[] = [];
  private readonly outgoing = new Map<string, ItemLink[]>();
  private readonly incoming = new Map<string, ItemLink[]>();
  private readonly tracesById = new Map<string, CodeTrace[]>();
  private readonly referencesById = new Map<string, Location[]>();

  linksFrom(id: string): readonly ItemLink[] {
    return this.outgoing.get(id) ?? [];
  }

  linksTo(id: string): readonly ItemLink[] {
    return this.incoming.get(id) ?? [];
  }

  tracesOf(id: string): readonly CodeTrace[] {
    return this.tracesById.get(id) ?? [];
  }

  implementationsOf(id: string): readonly CodeTrace[] {
    return this.tracesOf(id).filter((t) => t.tag !== 'verifies' && t.role !== 'test');
  }

  testsOf(id: string): readonly CodeTrace[] {
    return this.tracesOf(id).filter((t) => t.tag === 'verifies' || t.role === 'test');
  }

  referencesOf(id: string): readonly Location[] {
    return this.referencesById.get(id) ?? [];
  }

  itemsOfKind(kind: Kind): TraceItem[] {
    return [...this.items.values()].filter((item) => item.kind === kind);
  }

  /** @internal used by `link` only. */
  addLink(link: ItemLink): void {
    this.links.push(link);
    push(this.outgoing, link.source, link);
    push(this.incoming, link.target, link);
  }

  /** @internal used by `link` only. */
  addTrace(trace: CodeTrace): void {
    this.traces.push(trace);
    push(this.tracesById, trace.id, trace);
  }

  /** @internal used by `link` only. */
  addReference(id: string, location: Location): void {
    this.references.push({ id, location });
    push(this.referencesById, id, location);
  }
}

export function link(files: readonly FileFacts[], config: SectraceConfig, ids: IdMatcher): TraceGraph {
  const graph = new TraceGraph();
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const facts of sorted) {
    for (const fact of facts.items) define(graph, facts.file, fact, config, ids);
  }
  for (const facts of sorted) {
    for (const fact of facts.items) linkAttributes(graph, facts.file, fact);
    for (const tag of facts.tags) {
      for (const ref of tag.refs) {
        const location = { file: facts.file, range: ref.range };
        if (graph.items.has(ref.id)) graph.addTrace({ id: ref.id, tag: tag.tag, role: facts.role, location });
        else graph.unresolved.push({ id: ref.id, location, via: 'tag', configured: true });
      }
      for (const ref of tag.foreign) graph.unresolved.push({ id: ref.id, location: { file: facts.file, range: ref.range }, via: 'tag', configured: false });
    }
    for (const mention of facts.mentions) {
      const location = { file: facts.file, range: mention.range };
      if (graph.items.has(mention.id)) graph.addReference(mention.id, location);
      else graph.unresolved.push({ id: mention.id, location, via: 'mention', configured: true });
    }
  }
  return graph;
}

function define(graph: TraceGraph, file: string, fact: ItemFact, config: SectraceConfig, ids: IdMatcher): void {
  const kind = ids.kindOf(fact.id) ?? 'requirement';
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
    needs: needsOf(attributes.needs, config.needs[kind] ?? []),
  };
  const definitions = graph.definitions.get(fact.id);
  if (definitions) definitions.push({ item, fact, file });
  else {
    graph.definitions.set(fact.id, [{ item, fact, file }]);
    graph.items.set(fact.id, item);
  }
}

/** `needs: impl, test` (or `none`) overrides the kind's default; unknown words are reported by the checker. */
export function needsOf(value: string | undefined, fallback: readonly Need[]): readonly Need[] {
  if (value === undefined) return fallback;
  const words = value.toLowerCase().split(/[\s,;]+/).filter(Boolean);
  return (['impl', 'test'] as const).filter((need) => words.includes(need));
}

function linkAttributes(graph: TraceGraph, file: string, fact: ItemFact): void {
  // Only the first definition of a duplicated ID contributes links; the duplicate is reported instead.
  if (graph.definitions.get(fact.id)?.[0]?.fact !== fact) return;
  for (const attribute of fact.attributes) {
    const spec = LINK_ATTRIBUTES[attribute.key];
    if (!spec) {
      for (const ref of attribute.refs) addMention(graph, file, ref);
      continue;
    }
    for (const ref of attribute.refs) {
      const location = { file, range: ref.range };
      if (!graph.items.has(ref.id)) {
        graph.unresolved.push({ id: ref.id, location, via: 'attribute', configured: true });
        continue;
      }
      const [source, target] = spec.reverse ? [ref.id, fact.id] : [fact.id, ref.id];
      graph.addLink({ source, target, relation: spec.relation, location });
    }
  }
}

function addMention(graph: TraceGraph, file: string, ref: IdRef): void {
  const location = { file, range: ref.range };
  if (graph.items.has(ref.id)) graph.addReference(ref.id, location);
  else graph.unresolved.push({ id: ref.id, location, via: 'mention', configured: true });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
