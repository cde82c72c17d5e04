// The evidence map: which IEC 81001-5-1 activities each report section gives evidence for, with the
// numbers a reviewer or auditor looks for first. It points at evidence; it does not claim conformance.
import type { EvidenceEntry, FindingEntry, MatrixRow, ReportSummary, ThreatEntry } from './model';

interface Built {
  readonly summary: ReportSummary;
  readonly threats: readonly ThreatEntry[];
  readonly matrix: readonly MatrixRow[];
  readonly findings: readonly FindingEntry[];
}

export const EVIDENCE_DISCLAIMER = 'The map shows where this report gives evidence for an activity; it does not by itself show conformance.';

export function buildEvidence(report: Built, interfaces: number): EvidenceEntry[] {
  const requirements = report.matrix.filter((row) => row.kind === 'requirement');
  const mitigations = report.matrix.filter((row) => row.kind === 'mitigation');
  return [
    {
      clause: '5.2',
      activity: 'Security requirements',
      sections: ['matrix', 'summary'],
      statement: `${count(requirements.length, 'requirement')} and ${count(mitigations.length, 'mitigation')} are defined; ${ratio(requirements, 'impl')} requirements that need code are implemented.`,
    },
    {
      clause: '5.3',
      activity: 'Defence in depth',
      sections: ['threats'],
      statement: defenceInDepth(report.threats),
    },
    {
      clause: '5.4.3',
      activity: 'Security of interfaces',
      sections: ['findings'],
      statement: interfaceStatement(report.findings, interfaces),
    },
    {
      clause: '5.7.1',
      activity: 'Security requirements testing',
      sections: ['matrix'],
      statement: `${ratio(requirements, 'test')} requirements that need a test are verified by tagged tests.`,
    },
    {
      clause: '5.7.2',
      activity: 'Threat mitigation testing',
      sections: ['threats', 'matrix'],
      statement: `${ratio(mitigations, 'test')} mitigations that need a test are verified by tagged tests (directly or through the requirements that refine them).`,
    },
    {
      clause: '7',
      activity: 'Security risk management',
      sections: ['threats', 'findings'],
      statement: riskManagement(report.threats),
    },
  ];
}

function defenceInDepth(threats: readonly ThreatEntry[]): string {
  if (!threats.length) return 'No threats are defined.';
  const by = (test: (n: number) => boolean) => threats.filter((t) => test(t.independentMitigations)).length;
  return `Independent mitigations per threat are listed in the threat register: ${by((n) => n === 0)} with none, ${by((n) => n === 1)} with one, ${by((n) => n >= 2)} with two or more.`;
}

/** Until the report has its own interface section, the interface findings are the evidence. */
function interfaceStatement(findings: readonly FindingEntry[], interfaces: number): string {
  const n = (...codes: string[]) => findings.filter((f) => codes.includes(f.code)).length;
  return `${count(interfaces, 'interface item')} defined in specs; in code, ${n('interface-missing-context', 'interface-incomplete-context')} interfaces lack security context and ${n('external-interface-no-threat')} external interfaces have no linked threat (see Findings). An interface inventory section is not part of this report yet.`;
}

function riskManagement(threats: readonly ThreatEntry[]): string {
  const status = (s: string) => threats.filter((t) => t.status === s).length;
  const undecided = threats.filter((t) => !t.mitigated && t.status !== 'accepted' && t.status !== 'transferred').length;
  const riskFindings = threats.filter((t) => t.findings.some((code) => code.endsWith('risk-acceptance'))).length;
  return `${count(threats.length, 'threat')}: ${threats.filter((t) => t.mitigated).length} with mitigations, ${status('accepted')} accepted, ${status('transferred')} transferred, ${undecided} with neither mitigation nor risk decision; ${count(riskFindings, 'risk decision')} incomplete or due for review.`;
}

function ratio(rows: readonly MatrixRow[], need: 'impl' | 'test'): string {
  const needing = rows.filter((row) => row.needs.includes(need));
  const done = needing.filter((row) => (need === 'impl' ? row.implemented : row.verified));
  return `${done.length} of ${needing.length}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
