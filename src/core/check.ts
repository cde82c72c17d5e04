// Check: graph -> findings with stable codes. Each rule is a small function over the graph; the rule
// set reads like the 81001-5-1 questions a reviewer asks (is every threat mitigated or its risk owned?
// is every requirement implemented and tested?). Rules never throw on odd data: they report it.
// @implements ST-9
import type { SectraceConfig, ConfigProblem } from './config';
import { createCoverage, type ItemCoverage } from './coverage';
import { checkImpact } from './impact/check';
import type { ReviewStore } from './impact/reviews';
import { checkImported } from './importers';
import { checkInterfaces } from './interfaces/check';
import { closestId } from './suggest';
import type { TraceGraph, UnresolvedRef } from './link';
import type { Finding, FindingCode, Location, Severity, ThreatStatus, TraceItem } from './model';

export interface CheckInput {
  readonly graph: TraceGraph;
  readonly config: SectraceConfig;
  readonly configProblems: readonly ConfigProblem[];
  readonly configFile: string;
  readonly today: Date;
  /** Review stamps from `.sectrace/reviews.yaml` (docs/impact.md). */
  readonly reviews?: ReviewStore;
  /** Coverage shared with the summary, so it is computed once per snapshot. */
  readonly coverage?: (id: string) => ItemCoverage;
}

interface Emit {
  (code: FindingCode, location: Location, message: string, extra?: { id?: string; suggestion?: string; severity?: Severity }): void;
}

const THREAT_STATUSES: readonly ThreatStatus[] = ['open', 'mitigated', 'accepted', 'transferred'];

export function check(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (code, location, message, extra = {}) => {
    const severity = extra.severity ?? input.config.severity[code];
    if (severity === 'off') return;
    findings.push({ code, severity, message, location, ...(extra.id ? { id: extra.id } : {}), ...(extra.suggestion ? { suggestion: extra.suggestion } : {}) });
  };
  const coverage = input.coverage ?? createCoverage(input.graph);
  checkConfig(input, emit);
  checkFiles(input, emit);
  checkUnresolved(input.graph, input.config, emit);
  checkDuplicates(input.graph, emit);
  for (const item of input.graph.items.values()) {
    checkNeeds(item, coverage(item.id), emit);
    checkAttributes(item, input.graph, emit);
    if (item.kind === 'threat') checkThreat(item, input.graph, input.today, emit);
  }
  checkRefinesCycles(input.graph, emit);
  checkImported(input.graph, input.config, emit);
  checkInterfaces(input, emit);
  checkImpact(input, emit);
  return findings.sort(compareFindings);
}

function checkConfig(input: CheckInput, emit: Emit): void {
  for (const problem of input.configProblems) {
    emit('config-error', { file: input.configFile, range: problem.range }, problem.message, problem.fatal ? {} : { severity: 'warning' });
  }
}

function checkFiles(input: CheckInput, emit: Emit): void {
  for (const file of input.graph.problemFiles()) {
    const facts = input.graph.fileFacts(file);
    for (const problem of facts?.problems ?? []) emit(problem.code, { file, range: problem.range }, problem.message);
  }
}

function checkUnresolved(graph: TraceGraph, config: SectraceConfig, emit: Emit): void {
  const known = [...graph.items.keys()];
  for (const ref of graph.unresolved) {
    if (!ref.configured) {
      const prefix = ref.id.replace(/-.*$/, '');
      emit('unknown-id', ref.location, `\`${ref.id}\`: the prefix \`${prefix}\` is not configured (configured: ${Object.keys(config.prefixes).join(', ')})`, { id: ref.id });
      continue;
    }
    const suggestion = closestId(ref.id, known);
    const hint = suggestion ? ` (did you mean \`${suggestion}\`?)` : '';
    const code: FindingCode = ref.via === 'mention' ? 'unknown-reference' : 'unknown-id';
    emit(code, ref.location, `\`${ref.id}\` is not defined in any spec${hint}`, { id: ref.id, ...(suggestion ? { suggestion } : {}) });
  }
}

function checkDuplicates(graph: TraceGraph, emit: Emit): void {
  for (const [id, all] of graph.definitions) {
    // ThreatSpec defines an object wherever an annotation names it: those definitions merge into one item.
    const definitions = all.filter((d) => d.item.imported?.format !== 'threatspec');
    if (definitions.length < 2) continue;
    const first = definitions[0].item.idLocation;
    for (const duplicate of definitions.slice(1)) {
      emit('duplicate-id', duplicate.item.idLocation, `\`${id}\` is already defined at ${first.file}:${first.range.start.line + 1}`, { id });
    }
  }
}

function checkNeeds(item: TraceItem, coverage: ItemCoverage, emit: Emit): void {
  if (item.needs.includes('impl') && !coverage.implemented) {
    emit('unimplemented', item.idLocation, `${item.kind} \`${item.id}\` has no implementation: no code comment tags it with @implements`, { id: item.id });
  }
  if (item.needs.includes('test') && !coverage.verified) {
    emit('unverified', item.idLocation, `${item.kind} \`${item.id}\` has no test: no test tags it with @verifies`, { id: item.id });
  }
}

function checkAttributes(item: TraceItem, graph: TraceGraph, emit: Emit): void {
  const needs = item.attributes.needs;
  // OpenFastTrace's needs are artifact types (impl, utest, dsn), which its own rules check.
  if (needs !== undefined && item.imported?.format !== 'oft') {
    const unknown = needs.toLowerCase().split(/[\s,;]+/).filter((w) => w && !['impl', 'test', 'none'].includes(w));
    if (unknown.length) emit('invalid-attribute', item.location, `\`${item.id}\`: unknown need ${unknown.map((w) => `\`${w}\``).join(', ')} (use impl, test or none)`, { id: item.id });
  }
  for (const link of graph.linksFrom(item.id)) {
    const target = graph.items.get(link.target);
    if (!target) continue;
    if (link.relation === 'mitigates' && target.kind !== 'threat') {
      emit('invalid-attribute', link.location, `\`${item.id}\` mitigates \`${target.id}\`, which is a ${target.kind}, not a threat`, { id: item.id });
    } else if (link.relation === 'threatens' && target.kind !== 'asset') {
      emit('invalid-attribute', link.location, `\`${item.id}\` threatens \`${target.id}\`, which is a ${target.kind}, not an asset`, { id: item.id });
    }
  }
}

function checkThreat(threat: TraceItem, graph: TraceGraph, today: Date, emit: Emit): void {
  const status = threat.attributes.status?.toLowerCase().trim();
  if (status !== undefined && !(THREAT_STATUSES as readonly string[]).includes(status)) {
    emit('invalid-attribute', threat.location, `\`${threat.id}\`: status \`${threat.attributes.status}\` is not one of ${THREAT_STATUSES.join(', ')}`, { id: threat.id });
  }
  const mitigated = graph.linksTo(threat.id).some((l) => l.relation === 'mitigates') || graph.tracesOf(threat.id).some((t) => t.tag === 'mitigates');
  if (status === 'accepted' || status === 'transferred') {
    checkAcceptance(threat, status, today, emit);
    return;
  }
  if (!mitigated) {
    emit('unmitigated-threat', threat.idLocation, `threat \`${threat.id}\` has no mitigation: no item mitigates it, no code is tagged @mitigates, and its risk is not accepted or transferred`, { id: threat.id });
  }
}

function checkAcceptance(threat: TraceItem, status: string, today: Date, emit: Emit): void {
  const missing = ['owner', 'rationale', 'review-by'].filter((key) => !threat.attributes[key]?.trim());
  if (missing.length) {
    emit('incomplete-risk-acceptance', threat.idLocation, `threat \`${threat.id}\` is ${status} but has no ${missing.join(', ')}`, { id: threat.id });
    return;
  }
  const reviewBy = parseDate(threat.attributes['review-by']);
  if (!reviewBy) {
    emit('invalid-attribute', threat.location, `\`${threat.id}\`: review-by \`${threat.attributes['review-by']}\` is not a date (use YYYY-MM-DD)`, { id: threat.id });
  } else if (reviewBy.getTime() < startOfDay(today)) {
    emit('expired-risk-acceptance', threat.idLocation, `the ${status} risk of threat \`${threat.id}\` was due for review on ${threat.attributes['review-by'].trim()}`, { id: threat.id });
  }
}

function checkRefinesCycles(graph: TraceGraph, emit: Emit): void {
  // Depth-first search with colours: an edge to an item still on the stack closes a cycle.
  const state = new Map<string, 'active' | 'done'>();
  for (const start of graph.items.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'active');
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const edges = graph.linksFrom(frame.id).filter((l) => l.relation === 'refines');
      if (frame.next >= edges.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const edge = edges[frame.next++];
      const seen = state.get(edge.target);
      if (seen === 'active') {
        const cycle = [...stack.slice(stack.findIndex((f) => f.id === edge.target)).map((f) => f.id), edge.target];
        emit('refines-cycle', edge.location, `\`refines\` links form a cycle: ${cycle.join(' -> ')}`, { id: frame.id });
      } else if (!seen) {
        state.set(edge.target, 'active');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
}

export function parseDate(text: string | undefined): Date | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text ?? '');
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 ? date : undefined;
}

function startOfDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function compareFindings(a: Finding, b: Finding): number {
  const file = a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0;
  return file || a.location.range.start.line - b.location.range.start.line || a.location.range.start.character - b.location.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export type { UnresolvedRef };
