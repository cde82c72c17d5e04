// The evidence map: which IEC 81001-5-1 activities each report section gives evidence for, with the
// numbers a reviewer or auditor looks for first. It points at evidence; it does not claim conformance.
import type { EvidenceEntry, FindingEntry, InterfaceEntry, MatrixRow, ReportSummary, ThreatEntry } from './model';

interface Built {
  readonly summary: ReportSummary;
  readonly threats: readonly ThreatEntry[];
  readonly matrix: readonly MatrixRow[];
  readonly interfaces: readonly InterfaceEntry[];
  readonly findings: readonly FindingEntry[];
}

export const EVIDENCE_DISCLAIMER = 'The map shows where this report gives evidence for an activity; it does not by itself show conformance.';

export function buildEvidence(report: Built, interfaceItems: number): EvidenceEntry[] {
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
      sections: ['interfaces', 'findings'],
      statement: interfaceStatement(report.interfaces, interfaceItems),
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

/** The interface register is the evidence: how many interfaces, how exposed, how many lack context or a threat. */
function interfaceStatement(interfaces: readonly InterfaceEntry[], interfaceItems: number): string {
  const exposed = (exposure: InterfaceEntry['exposure']) => interfaces.filter((i) => i.exposure === exposure).length;
  const lacking = interfaces.filter((i) => i.missing.length > 0).length;
  const noThreat = interfaces.filter((i) => i.findings.includes('external-interface-no-threat')).length;
  return `${count(interfaces.length, 'interface')} found in code and API documents (${exposed('external')} external, ${exposed('both')} both, ${exposed('internal')} internal, ${exposed(null)} with no valid exposure), listed in the interface register; without complete security context: ${lacking}; exposed externally without a linked threat: ${noThreat}; ${count(interfaceItems, 'interface item')} defined in specs.`;
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
