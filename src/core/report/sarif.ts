// SARIF 2.1.0 rendering for code scanning (GitHub, Azure DevOps, IDE viewers): one result per finding,
// rule metadata per finding code, locations relative to the repository root (`%SRCROOT%`) with 1-based
// regions. Validated in the tests against the official OASIS schema (schemas/sarif-schema-2.1.0.json).
// @implements ST-13
import type { Severity } from '../model';
import { encodePath } from './escape';
import { REPORT_MARKER, type FindingEntry, type ReportModel, type RuleEntry } from './model';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note' | 'none'>> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

export function renderSarif(report: ReportModel): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.code, index]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    // Near the top of the file, so `report --out` recognises a previous report by its first kilobyte.
    properties: { generator: REPORT_MARKER },
    runs: [
      {
        tool: { driver: driver(report) },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.header.date }],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.code) as number)),
        properties: runProperties(report),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function driver(report: ReportModel) {
  const { name, version } = report.header.tool;
  return {
    name,
    version,
    ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(version) ? { semanticVersion: version } : {}),
    rules: report.rules.map(rule),
  };
}

function rule(entry: RuleEntry) {
  return {
    id: entry.code,
    name: entry.name,
    shortDescription: { text: entry.shortDescription },
    fullDescription: { text: entry.fullDescription },
    help: { text: `${entry.fullDescription} ${entry.help}` },
    defaultConfiguration: { level: LEVELS[entry.severity], enabled: entry.severity !== 'off' },
    properties: { tags: ['security', 'traceability'] },
  };
}

function result(finding: FindingEntry, ruleIndex: number) {
  const { location } = finding;
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(location.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
        },
      },
    ],
    ...(finding.id ? { properties: { itemId: finding.id, ...(finding.suggestion ? { suggestion: finding.suggestion } : {}) } } : {}),
  };
}

function runProperties(report: ReportModel) {
  const { header, summary } = report;
  return {
    project: header.project,
    ...(header.commit ? { commit: header.commit } : {}),
    configFile: header.configFile,
    scope: header.scope,
    failOn: summary.failOn,
    verdict: summary.verdict,
  };
}
