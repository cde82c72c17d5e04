// The `check --json` document: the graph and the findings, versioned. Lines and columns are 1-based here
// (as in editors' status bars and SARIF); the engine inside is 0-based. Schema: schemas/check.schema.json.
// Bump CHECK_JSON_VERSION on any incompatible change and say so in the CHANGELOG.
// @implements ST-13
import type { TraceSnapshot } from '../api';
import { createCoverage } from '../coverage';
import { resolveInterfaces } from '../interfaces/check';
import { SEVERITY_RANK, type Location, type Severity } from '../model';

export const CHECK_JSON_VERSION = 1;

export interface JsonLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function jsonLocation(location: Location): JsonLocation {
  const { start, end } = location.range;
  return { file: location.file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A list built element by element as it is written, so a large document need not be in memory at once. */
export interface LazyList<T = unknown> {
  readonly lazy: true;
  elements(): Iterable<T>;
}

function lazyList<S, T>(source: () => Iterable<S>, map: (value: S) => T): LazyList<T> {
  return {
    lazy: true,
    *elements() {
      for (const value of source()) yield map(value);
    },
  };
}

export function isLazyList(value: unknown): value is LazyList {
  return typeof value === 'object' && value !== null && (value as LazyList).lazy === true;
}

export function toCheckJson(snapshot: TraceSnapshot, tool: { name: string; version: string }, failOn = snapshot.summary.failOn): unknown {
  const document = checkJsonSections(snapshot, tool, failOn);
  return Object.fromEntries(Object.entries(document).map(([key, value]) => [key, isLazyList(value) ? [...value.elements()] : value]));
}

/**
 * The `check --json` document with its two largest lists (items with their traces, and all traces) as
 * lazy lists; `toCheckJson` is the same document with every list built.
 */
export function checkJsonSections(snapshot: TraceSnapshot, tool: { name: string; version: string }, failOn = snapshot.summary.failOn): Record<string, unknown> {
  const { graph } = snapshot;
  const coverage = createCoverage(graph);
  const failing = verdictFor(snapshot, failOn);
  return {
    schemaVersion: CHECK_JSON_VERSION,
    tool,
    workspace: snapshot.workspaceName,
    summary: { ...snapshot.summary, failOn, verdict: failing },
    items: lazyList(() => [...graph.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), (item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      description: item.description,
      attributes: item.attributes,
      needs: item.needs,
      location: jsonLocation(item.idLocation),
      implemented: coverage(item.id).implemented,
      verified: coverage(item.id).verified,
      implementations: graph.implementationsOf(item.id).map((t) => jsonLocation(t.location)),
      tests: graph.testsOf(item.id).map((t) => jsonLocation(t.location)),
      references: graph.referencesOf(item.id).map(jsonLocation),
    })),
    links: graph.links.map((l) => ({ source: l.source, target: l.target, relation: l.relation, location: jsonLocation(l.location) })),
    traces: lazyList(() => graph.tracesInOrder(), (t) => ({ id: t.id, tag: t.tag, role: t.role, location: jsonLocation(t.location) })),
    interfaces: resolveInterfaces(graph, snapshot.config).map((r) => ({
      id: r.fact.id,
      name: r.fact.name,
      kind: r.fact.kind,
      detector: r.fact.detector,
      ...(r.fact.method !== undefined ? { method: r.fact.method } : {}),
      ...(r.fact.route !== undefined ? { route: r.fact.route } : {}),
      ...(r.fact.symbol !== undefined ? { symbol: r.fact.symbol } : {}),
      location: jsonLocation({ file: r.fact.file, range: r.fact.range }),
      ...(r.exposure ? { exposure: r.exposure } : {}),
      context: Object.fromEntries(Object.entries(r.context).map(([field, v]) => [field, { value: v.value, from: v.from, location: jsonLocation(v.location) }])),
      implements: r.implements,
      threats: r.threats,
      missing: r.missing,
      annotated: r.annotated,
    })),
    findings: snapshot.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, location: jsonLocation(f.location), ...(f.id ? { id: f.id } : {}), ...(f.suggestion ? { suggestion: f.suggestion } : {}) })),
    skipped: snapshot.skipped,
  };
}


/** The verdict for a fail level, which the CLI may override: `fail` exactly when a finding is at or above it. */
export function verdictFor(snapshot: TraceSnapshot, failOn: Severity): 'pass' | 'fail' {
  if (failOn === 'off') return 'pass';
  return snapshot.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 'fail' : 'pass';
}
