// Wording shared by the human formats (Markdown, HTML), so both say the same thing the same way.
// Everything returned here is plain text: each renderer escapes it for its own syntax.
import type { FindingEntry, InterfaceEntry, ReportModel, RuleEntry, ThreatEntry } from './model';

export function reportTitle(report: ReportModel): string {
  return `Security design review: ${report.header.project}`;
}

/** The header as label/value pairs. */
export function headerFields(report: ReportModel): [string, string][] {
  const h = report.header;
  return [
    ['Project', h.project],
    ['Commit', h.commit ?? 'unknown (not a git repository)'],
    ['Tool', `${h.tool.name} ${h.tool.version}`],
    ['Date', h.date],
    ['Configuration', h.configFile ?? 'defaults (no configuration file)'],
    ['Scope', h.scope],
    ['Fail level', report.summary.failOn],
  ];
}

export function linkNote(report: ReportModel): string {
  return report.header.linkBase
    ? `File links are relative to this report's folder (the workspace root is ${report.header.linkBase}); line numbers start at 1.`
    : 'File links are relative to the workspace root; line numbers start at 1.';
}

export function coverageText(done: number, needed: number): string {
  return needed ? `${done} of ${needed}` : '—';
}

export function findingCountsText(report: ReportModel): string {
  const n = report.summary.findings;
  return `${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info`;
}

export function filesText(report: ReportModel): string {
  const f = report.summary.files;
  return `${f.specs} spec, ${f.code} code and ${f.tests} test files traced; ${f.skipped} skipped`;
}

export function threatFacts(threat: ThreatEntry): [string, string][] {
  return [
    ['Severity', threat.severity ?? 'not set'],
    ['Likelihood', threat.likelihood ?? 'not set'],
    ['Status', threat.status ?? 'not set'],
    ['Independent mitigations', String(threat.independentMitigations)],
  ];
}

/** The risk decision of an accepted or transferred threat; `MISSING` marks an absent part. */
export function riskFacts(threat: ThreatEntry): [string, string][] {
  if (!threat.risk) return [];
  const { owner, rationale, reviewBy } = threat.risk;
  return [['Risk owner', owner ?? GAP], ['Rationale', rationale ?? GAP], ['Review by', reviewBy ?? GAP]];
}

export function noMitigationText(threat: ThreatEntry): string | undefined {
  if (threat.mitigated) return undefined;
  return threat.risk ? `No mitigation: the risk is ${threat.status}, with the owner, rationale and review date above.` : 'No mitigation and no risk decision: this is a gap.';
}

/** Findings grouped by code, in the order of the rules (most structural first), only codes that fired. */
export function findingGroups(report: ReportModel): { rule: RuleEntry; findings: FindingEntry[] }[] {
  return report.rules
    .filter((rule) => rule.count > 0)
    .map((rule) => ({ rule, findings: report.findings.filter((f) => f.code === rule.code) }));
}

export const GAP = 'MISSING';

export const INTERFACE_COLUMNS = ['Interface', 'Kind', 'Exposure', 'Assets', 'Implications', 'Trust boundary', 'Threats', 'Gaps'];

/** The exposure in force, or why there is none: not written or inherited, or not a valid word. */
export function exposureText(entry: InterfaceEntry): string {
  return entry.exposure ?? (entry.findings.includes('interface-invalid-exposure') ? 'not valid' : 'not stated');
}

/** The interface items it implements, shown after its name: `(IF-1)`; '' when none. */
export function implementsText(entry: InterfaceEntry): string {
  return entry.implements.length ? `(${entry.implements.join(', ')})` : '';
}

/** Findings at the interface other than the missing fields themselves (those are listed after `MISSING`). */
export function interfaceFindingCodes(entry: InterfaceEntry): string[] {
  return entry.findings.filter((code) => code !== 'interface-missing-context' && code !== 'interface-incomplete-context');
}

export function missingFieldsText(entry: InterfaceEntry): string {
  return entry.missing.map((field) => `@${field}`).join(', ');
}

export const INTERFACE_NOTE = `Context comes from the comment block above each interface, from its class (service, path) block, or from the interface item it implements (@implements IF-n). ${GAP} lists the required fields that are neither written nor inherited.`;
export const NO_INTERFACES = 'No interfaces were found in code or API documents.';
