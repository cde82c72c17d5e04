// Snapshot -> report model. Pure: everything a renderer shows is decided here, so the Markdown, HTML,
// JSON, SARIF and CSV renderings of one run can never disagree with each other or with the exit code.
// Skipped files are listed with their reasons, so a gap cannot vanish by a file being left out.
// @implements STM-4, ST-40
import type { TraceSnapshot } from '../api';
import { createCoverage, refiningItems, type ItemCoverage } from '../coverage';
import { jsonLocation, verdictFor } from '../export/checkJson';
import { itemFingerprint } from '../impact/fingerprint';
import { reviewStatusOf, type ReviewStore } from '../impact/reviews';
import type { TraceGraph } from '../link';
import { FINDING_CODES, type Finding, type Severity, type TraceItem } from '../model';
import { buildEvidence } from './evidence';
import { buildInterfaces } from './interfaces';
import type { ReportContext } from './index';
import {
  REPORT_MARKER, REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION,
  type FindingEntry, type MatrixRow, type ReportHeader, type ReportModel, type ReportSummary, type RuleEntry, type ThreatEntry, type TracedItem, type TraceRef,
} from './model';
import { RULE_TEXT } from './rules';
import { compareIds, compareLocations } from './sort';

type Coverage = (id: string) => ItemCoverage;

export function buildReport(snapshot: TraceSnapshot, context: ReportContext): ReportModel {
  const { graph } = snapshot;
  const coverage = createCoverage(graph);
  const summary = buildSummary(snapshot, context.failOn ?? snapshot.summary.failOn);
  const threats = graph.itemsOfKind('threat').sort(byId).map((threat) => buildThreat(snapshot, coverage, threat));
  const matrix = matrixItems(graph).map((item) => traceItem(graph, coverage, item, snapshot.reviews));
  const findings = snapshot.findings.map(findingEntry);
  const interfaces = buildInterfaces(snapshot);
  return {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: REPORT_MARKER,
    header: buildHeader(snapshot, context),
    summary,
    threats,
    matrix,
    interfaces,
    rules: buildRules(snapshot),
    findings,
    evidence: buildEvidence({ summary, threats, matrix, interfaces, findings }, graph.itemsOfKind('interface').length),
    skipped: snapshot.skipped.map(({ file, reason }) => ({ file, reason })),
    ...(context.impact ? { impact: context.impact } : {}),
  };
}

function buildHeader(snapshot: TraceSnapshot, context: ReportContext): ReportHeader {
  const f = snapshot.summary.files;
  const scope = context.scope ?? `${plural(f.specs + f.code + f.tests, 'file')}: ${f.specs} spec, ${f.code} code, ${f.tests} test; ${f.skipped} skipped`;
  return {
    project: snapshot.workspaceName,
    ...(context.commit ? { commit: context.commit } : {}),
    tool: { name: context.toolName, version: context.toolVersion },
    date: context.date.toISOString(),
    configFile: context.configFile ?? null,
    scope,
    linkBase: context.linkBase ?? '',
  };
}

function buildSummary(snapshot: TraceSnapshot, failOn: Severity): ReportSummary {
  const { summary } = snapshot;
  const verdict = verdictFor(snapshot, failOn);
  const n = summary.findings;
  const counts = `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${n.info} info`;
  const reason = failOn === 'off'
    ? 'fail-on is off, so findings never fail the run'
    : verdict === 'fail' ? `findings at or above fail-on ${failOn}` : `nothing at or above fail-on ${failOn}`;
  return {
    verdict,
    failOn,
    verdictLine: `${verdict === 'fail' ? 'FAIL' : 'PASS'}: ${counts}; ${reason}`,
    kinds: summary.kinds.map((k) => ({ kind: k.kind, total: k.total, needImpl: k.needImpl, implemented: k.implemented, needTest: k.needTest, verified: k.verified })),
    findings: { error: n.error, warning: n.warning, info: n.info },
    files: { ...summary.files },
  };
}

function buildThreat(snapshot: TraceSnapshot, coverage: Coverage, threat: TraceItem): ThreatEntry {
  const { graph } = snapshot;
  const mitigators = unique(graph.linksTo(threat.id).filter((l) => l.relation === 'mitigates').map((l) => l.source))
    .map((id) => graph.items.get(id))
    .filter((item): item is TraceItem => item !== undefined)
    .sort(byId);
  const requirementIds = new Set(mitigators.filter(isRequirement).map((m) => m.id));
  for (const mitigation of mitigators) {
    for (const id of refiningItems(graph, mitigation.id)) if (graph.items.get(id)?.kind === 'requirement') requirementIds.add(id);
  }
  const code = graph.tracesOf(threat.id).filter((t) => t.tag === 'mitigates').map((t) => jsonLocation(t.location)).sort(compareLocations);
  const status = attribute(threat, 'status')?.toLowerCase() ?? null;
  const risk = status === 'accepted' || status === 'transferred'
    ? { risk: { owner: attribute(threat, 'owner'), rationale: attribute(threat, 'rationale'), reviewBy: attribute(threat, 'review-by') } }
    : {};
  return {
    id: threat.id,
    title: threat.title,
    location: jsonLocation(threat.idLocation),
    severity: attribute(threat, 'severity'),
    likelihood: attribute(threat, 'likelihood'),
    status,
    mitigated: mitigators.length > 0 || code.length > 0,
    mitigations: mitigators.filter((m) => !isRequirement(m)).map((m) => traceItem(graph, coverage, m, snapshot.reviews)),
    requirements: [...requirementIds].sort(compareIds).map((id) => traceItem(graph, coverage, graph.items.get(id) as TraceItem, snapshot.reviews)),
    code,
    independentMitigations: mitigators.length,
    ...risk,
    findings: unique(snapshot.findings.filter((f) => f.id === threat.id).map((f) => f.code)),
  };
}

/** An item with its direct traces and those that reach it through items refining it. */
function traceItem(graph: TraceGraph, coverage: Coverage, item: TraceItem, reviews: ReviewStore | undefined): TracedItem {
  const sources = [item.id, ...refiningItems(graph, item.id).sort(compareIds)];
  const collect = (pick: (id: string) => readonly { location: Finding['location'] }[]): TraceRef[] => {
    // Direct traces first, then per refining item; each in location order (the graph keeps scan order,
    // which varies between runs). A line already listed is not listed again through another item.
    const seen = new Set<string>();
    const unseen = (location: TraceRef['location']) => {
      const key = `${location.file}:${location.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    return sources.flatMap((id) => pick(id).map((t) => jsonLocation(t.location)).sort(compareLocations)
      .filter(unseen)
      .map((location) => ({ location, ...(id === item.id ? {} : { via: id }) })));
  };
  const covered = coverage(item.id);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    location: jsonLocation(item.idLocation),
    needs: [...item.needs],
    implementations: collect((id) => graph.implementationsOf(id)),
    tests: collect((id) => graph.testsOf(id)),
    implemented: covered.implemented,
    verified: covered.verified,
    gaps: item.needs.filter((need) => (need === 'impl' ? !covered.implemented : !covered.verified)),
    fingerprint: itemFingerprint(item),
    review: reviewStatusOf(reviews, item.id, itemFingerprint(item)),
  };
}

/** Requirements and mitigations, plus items of any other kind (never threats) that need something. */
function matrixItems(graph: TraceGraph): TraceItem[] {
  const order = (item: TraceItem) => (item.kind === 'mitigation' ? 0 : item.kind === 'requirement' ? 1 : 2);
  return [...graph.items.values()]
    .filter((item) => item.kind === 'mitigation' || item.kind === 'requirement' || (item.kind !== 'threat' && item.needs.length > 0))
    .sort((a, b) => order(a) - order(b) || compareIds(a.id, b.id));
}

function buildRules(snapshot: TraceSnapshot): RuleEntry[] {
  return FINDING_CODES.map((code) => ({
    code,
    ...RULE_TEXT[code],
    severity: snapshot.config.severity[code],
    count: snapshot.findings.filter((f) => f.code === code).length,
  }));
}

function findingEntry(finding: Finding): FindingEntry {
  return {
    code: finding.code,
    severity: finding.severity as FindingEntry['severity'],
    message: finding.message,
    location: jsonLocation(finding.location),
    ...(finding.id ? { id: finding.id } : {}),
    ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
  };
}

function attribute(item: TraceItem, key: string): string | null {
  const value = item.attributes[key]?.trim();
  return value ? value : null;
}

const isRequirement = (item: TraceItem) => item.kind === 'requirement';
const byId = (a: TraceItem, b: TraceItem) => compareIds(a.id, b.id);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type { MatrixRow };
