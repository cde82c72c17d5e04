// The rules: small functions from a piece of the graph to findings, each answering one of the 81001-5-1
// questions a reviewer asks (is every threat mitigated or its risk owned? is every requirement implemented
// and tested?). Rules never throw on odd data: they report it. Each rule looks at one ID, one file, or
// (for `refines` cycles) the whole graph, so the checker (check.ts) can re-run only what a change touched.
// @implements ST-9
import type { SectraceConfig, ConfigProblem } from './config';
import type { ItemCoverage } from './coverage';
import { closestId } from './suggest';
import type { TraceGraph, UnresolvedRef } from './link';
import type { Finding, FindingCode, Location, Severity, ThreatStatus, TraceItem } from './model';

export interface Emit {
  (code: FindingCode, location: Location, message: string, extra?: { id?: string; suggestion?: string; severity?: Severity }): void;
}

const THREAT_STATUSES: readonly ThreatStatus[] = ['open', 'mitigated', 'accepted', 'transferred'];

export function checkConfig(problems: readonly ConfigProblem[], configFile: string, emit: Emit): void {
  for (const problem of problems) {
    emit('config-error', { file: configFile, range: problem.range }, problem.message, problem.fatal ? {} : { severity: 'warning' });
  }
}

/** Problems the scanners found in one file, and tag arguments whose prefix is not configured. */
export function checkFile(graph: TraceGraph, file: string, config: SectraceConfig, emit: Emit): void {
  for (const problem of graph.fileFacts(file)?.problems ?? []) emit(problem.code, { file, range: problem.range }, problem.message);
  checkUnresolved(graph.foreignRefsOf(file), [], config, emit);
}

/** `known` is every defined ID, for the "did you mean" suggestion. */
export function checkUnresolved(refs: readonly UnresolvedRef[], known: readonly string[], config: SectraceConfig, emit: Emit): void {
  for (const ref of refs) {
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

export function checkDuplicates(id: string, graph: TraceGraph, emit: Emit): void {
  // ThreatSpec defines an object wherever an annotation names it: those definitions merge into one item.
  const definitions = (graph.definitions.get(id) ?? []).filter((d) => d.item.imported?.format !== 'threatspec');
  if (definitions.length < 2) return;
  const first = definitions[0].item.idLocation;
  for (const duplicate of definitions.slice(1)) {
    emit('duplicate-id', duplicate.item.idLocation, `\`${id}\` is already defined at ${first.file}:${first.range.start.line + 1}`, { id });
  }
}

export function checkNeeds(item: TraceItem, coverage: ItemCoverage, emit: Emit): void {
  if (item.needs.includes('impl') && !coverage.implemented) {
    emit('unimplemented', item.idLocation, `${item.kind} \`${item.id}\` has no implementation: no code comment tags it with @implements`, { id: item.id });
  }
  if (item.needs.includes('test') && !coverage.verified) {
    emit('unverified', item.idLocation, `${item.kind} \`${item.id}\` has no test: no test tags it with @verifies`, { id: item.id });
  }
}

export function checkAttributes(item: TraceItem, graph: TraceGraph, emit: Emit): void {
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

export function checkThreat(threat: TraceItem, graph: TraceGraph, today: Date, emit: Emit): void {
  const status = threat.attributes.status?.toLowerCase().trim();
  if (status !== undefined && !(THREAT_STATUSES as readonly string[]).includes(status)) {
    emit('invalid-attribute', threat.location, `\`${threat.id}\`: status \`${threat.attributes.status}\` is not one of ${THREAT_STATUSES.join(', ')}`, { id: threat.id });
  }
  const mitigated = graph.linksTo(threat.id).some((l) => l.relation === 'mitigates') || graph.hasMitigatingCode(threat.id);
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

export function checkRefinesCycles(graph: TraceGraph, emit: Emit): void {
  // Depth-first search with colours: an edge to an item still on the stack closes a cycle.
  const state = new Map<string, 'active' | 'done'>();
  // Starting from IDs in sorted order names each cycle the same way, whatever order the files came in.
  for (const start of [...graph.items.keys()].sort()) {
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

/**
 * A total order (file, position, code, then message and end), so the findings read the same however the
 * checker came to them: all at once, or a changed part at a time.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const x = a.location.range;
  const y = b.location.range;
  return (
    compareStrings(a.location.file, b.location.file) ||
    x.start.line - y.start.line ||
    x.start.character - y.start.character ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message) ||
    x.end.line - y.end.line ||
    x.end.character - y.end.character
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { UnresolvedRef };
