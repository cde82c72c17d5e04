// The interface register (IEC 81001-5-1 §5.4.3): every interface the detectors found, with the context
// `check` resolves for it (own annotation, class block, interface items) and the findings at its route
// line. The same resolution as `check` and `check --json`, so the register and the findings agree.
// @implements ST-62
import type { TraceSnapshot } from '../api';
import { jsonLocation } from '../export/checkJson';
import { resolveInterfaces, type ResolvedInterface } from '../interfaces/check';
import type { Finding, FindingCode } from '../model';
import type { InterfaceEntry } from './model';

/** The finding codes the checker reports at an interface's route line. */
const INTERFACE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'interface-missing-context',
  'interface-incomplete-context',
  'interface-invalid-exposure',
  'interface-unknown-field',
  'external-interface-no-threat',
]);

export function buildInterfaces(snapshot: TraceSnapshot): InterfaceEntry[] {
  const atRoute = new Map<string, FindingCode[]>();
  for (const finding of snapshot.findings) {
    if (!INTERFACE_CODES.has(finding.code)) continue;
    const key = routeKey(finding.location);
    const codes = atRoute.get(key) ?? [];
    if (!codes.includes(finding.code)) codes.push(finding.code);
    atRoute.set(key, codes);
  }
  return resolveInterfaces(snapshot.graph, snapshot.config).map((resolved) => entry(resolved, atRoute.get(routeKey({ file: resolved.fact.file, range: resolved.fact.range })) ?? []));
}

function entry(resolved: ResolvedInterface, findings: readonly FindingCode[]): InterfaceEntry {
  const { fact, context } = resolved;
  return {
    id: fact.id,
    name: fact.name,
    kind: fact.kind,
    detector: fact.detector,
    location: jsonLocation({ file: fact.file, range: fact.range }),
    exposure: resolved.exposure ?? null,
    assets: context.assets?.value ?? null,
    implications: context.implications?.value ?? null,
    trustBoundary: context['trust-boundary']?.value ?? null,
    threats: [...resolved.threats],
    implements: [...resolved.implements],
    missing: [...resolved.missing],
    findings: [...findings],
  };
}

function routeKey(location: Finding['location']): string {
  return `${location.file}\u0000${location.range.start.line}:${location.range.start.character}`;
}
