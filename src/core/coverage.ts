// Coverage: whether an item is implemented and verified. An item counts as implemented (or verified)
// when code (or a test) traces to it directly, or to an item that refines it, at any depth: a mitigation
// is implemented through the requirements that refine it. Cycles in `refines` are reported by the
// checker; here they are simply not walked twice.
// @implements ST-8
import type { TraceGraph } from './link';

export interface ItemCoverage {
  readonly implemented: boolean;
  readonly verified: boolean;
}

export function createCoverage(graph: TraceGraph): (id: string) => ItemCoverage {
  const memo = new Map<string, ItemCoverage>();
  const compute = (id: string): ItemCoverage => {
    const known = memo.get(id);
    if (known) return known;
    let implemented = graph.hasImplementation(id);
    let verified = graph.hasTest(id);
    if (!implemented || !verified) {
      for (const refining of refiningItems(graph, id)) {
        implemented ||= graph.hasImplementation(refining);
        verified ||= graph.hasTest(refining);
        if (implemented && verified) break;
      }
    }
    const result = { implemented, verified };
    memo.set(id, result);
    return result;
  };
  return compute;
}

/** Items that refine `id`, directly or transitively (each once, cycles tolerated). */
export function refiningItems(graph: TraceGraph, id: string): string[] {
  const seen = new Set<string>([id]);
  const stack = [id];
  const result: string[] = [];
  while (stack.length) {
    const current = stack.pop() as string;
    for (const link of graph.linksTo(current)) {
      if (link.relation !== 'refines' || seen.has(link.source)) continue;
      seen.add(link.source);
      result.push(link.source);
      stack.push(link.source);
    }
  }
  return result;
}
