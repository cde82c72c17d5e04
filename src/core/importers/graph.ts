// What the graph needs to know about imported facts: IDs an importer resolves by its own rules, and how
// definitions from ThreatSpec combine. ThreatSpec adds an object to its library wherever an annotation
// names it, so the same threat is "defined" at every annotation that names it; those definitions are one
// item. A native definition comes first; each attribute (and an empty title or description) is taken
// from the first definition that has it, so `@accepts #sqli to ... with ...` gives the threat defined by
// `@threat SQL injection (#sqli)` its status and rationale.
// @implements ST-33
import type { TraceItem } from '../model';
import { isOftId } from './oft/ids';

/**
 * IDs whose resolution an importer's rules decide instead of the native `unknown-id` check: OpenFastTrace
 * IDs, which OFT resolves with revisions (orphaned, outdated, predated) and only where OFT applies.
 */
export function resolvedByImporter(id: string): boolean {
  return isOftId(id);
}

/** Definitions that merge into one item instead of being duplicates. */
export function mergesDefinitions(item: TraceItem): boolean {
  return item.imported?.format === 'threatspec';
}

/** Sort key of a definition: native and other definitions first, merging ones after. */
export function definitionRank(definition: { readonly item: TraceItem }): number {
  return mergesDefinitions(definition.item) ? 1 : 0;
}

/** The item an ID stands for: its first definition, with what merging definitions add to it. */
export function primaryItem(definitions: readonly { readonly item: TraceItem }[]): TraceItem {
  const first = definitions[0].item;
  const merging = definitions.slice(1).filter((d) => mergesDefinitions(d.item));
  if (!merging.length) return first;
  const attributes = { ...first.attributes };
  let { title, description } = first;
  for (const { item } of merging) {
    for (const [key, value] of Object.entries(item.attributes)) if (!(key in attributes)) attributes[key] = value;
    title ||= item.title;
    description ||= item.description;
  }
  return { ...first, title, description, attributes };
}
