// The detected interfaces of a snapshot with their context resolved, computed once per snapshot and
// shared by the Interfaces view and the quick fix. Resolution is the engine's (the same function that
// `check` and `check --json` use), so the editor never disagrees with CI about what is missing.
import type { Finding, TraceSnapshot } from '../../core/index';
import { resolveInterfaces, type ResolvedInterface } from '../../core/interfaces/index';

/** The finding codes reported at an interface's route line. */
export const INTERFACE_FINDING_CODES: ReadonlySet<string> = new Set([
  'interface-missing-context',
  'interface-incomplete-context',
  'interface-invalid-exposure',
  'interface-unknown-field',
  'external-interface-no-threat',
]);

// A snapshot object is replaced whenever facts change, so it is a safe cache key.
const cache = new WeakMap<TraceSnapshot, readonly ResolvedInterface[]>();
const findingCache = new WeakMap<TraceSnapshot, ReadonlyMap<string, readonly Finding[]>>();

export function resolvedInterfaces(snapshot: TraceSnapshot): readonly ResolvedInterface[] {
  let resolved = cache.get(snapshot);
  if (!resolved) cache.set(snapshot, (resolved = resolveInterfaces(snapshot.graph, snapshot.config)));
  return resolved;
}

/** The interface findings at the interface's route line (where the checker reports them). */
export function interfaceFindings(snapshot: TraceSnapshot, resolved: ResolvedInterface): readonly Finding[] {
  let index = findingCache.get(snapshot);
  if (!index) findingCache.set(snapshot, (index = indexFindings(snapshot)));
  return index.get(keyOf(resolved.fact.file, resolved.fact.range.start)) ?? [];
}

function indexFindings(snapshot: TraceSnapshot): Map<string, Finding[]> {
  const index = new Map<string, Finding[]>();
  for (const finding of snapshot.findings) {
    if (!INTERFACE_FINDING_CODES.has(finding.code)) continue;
    const key = keyOf(finding.location.file, finding.location.range.start);
    const list = index.get(key);
    if (list) list.push(finding);
    else index.set(key, [finding]);
  }
  return index;
}

function keyOf(file: string, position: { readonly line: number; readonly character: number }): string {
  return `${file}\u0000${position.line}:${position.character}`;
}
