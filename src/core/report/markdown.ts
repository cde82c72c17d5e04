// Markdown rendering: readable in a pull request and in VS Code's preview. Every piece of workspace text
// goes through `escapeMarkdown`; links are relative (`src/a.ts#L12`), which both viewers resolve.
import { escapeMarkdown as md, escapeMarkdownMessage as mdMessage, fileHref, locationLabel } from './escape';
import { impactMarkdown, reviewCellText } from './impact';
import { EVIDENCE_DISCLAIMER } from './evidence';
import * as label from './labels';
import { REPORT_MARKER, SECTION_TITLES, type InterfaceEntry, type ReportLocation, type ReportModel, type ThreatEntry, type TracedItem, type TraceRef } from './model';

export function renderMarkdown(report: ReportModel): string {
  const out = [
    `<!-- ${REPORT_MARKER} ${report.schemaVersion}: a generated file; regenerate it instead of editing -->`,
    `# ${md(label.reportTitle(report))}`,
    '',
    ...table(['Field', 'Value'], label.headerFields(report).map(([k, v]) => [k, md(v)])),
    '',
    md(label.linkNote(report)),
    '',
    ...summary(report),
    ...evidence(report),
    ...threats(report),
    ...matrix(report),
    ...interfaces(report),
    ...findings(report),
    ...impactMarkdown(report.impact, report.header.linkBase),
    ...skipped(report),
  ];
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function summary(report: ReportModel): string[] {
  const s = report.summary;
  return [
    `## ${SECTION_TITLES.summary}`,
    '',
    `**${md(s.verdictLine)}**`,
    '',
    ...table(['Kind', 'Items', 'Implemented', 'Verified'], s.kinds.map((k) => [md(k.kind), String(k.total), label.coverageText(k.implemented, k.needImpl), label.coverageText(k.verified, k.needTest)])),
    '',
    `Findings: ${label.findingCountsText(report)}. Files: ${md(label.filesText(report))}.`,
    '',
  ];
}

function evidence(report: ReportModel): string[] {
  const rows = report.evidence.map((e) => [e.clause, md(e.activity), e.sections.map((s) => SECTION_TITLES[s]).join(', ') || '—', md(e.statement)]);
  return ['## Evidence map (IEC 81001-5-1)', '', ...table(['Clause', 'Activity', 'Report sections', 'What this report shows'], rows), '', EVIDENCE_DISCLAIMER, ''];
}

function threats(report: ReportModel): string[] {
  const out = [`## ${SECTION_TITLES.threats}`, ''];
  if (!report.threats.length) out.push('No threats are defined.', '');
  for (const threat of report.threats) out.push(...threatBlock(report, threat));
  return out;
}

function threatBlock(report: ReportModel, threat: ThreatEntry): string[] {
  const link = (l: ReportLocation) => locationLink(report, l);
  const items = [...threat.mitigations, ...threat.requirements];
  const unmitigated = label.noMitigationText(threat);
  return [
    `### ${md(threat.id)}: ${md(threat.title)}`,
    '',
    `${label.threatFacts(threat).map(([k, v]) => `${k}: **${md(v)}**`).join(' · ')} · defined at ${link(threat.location)}`,
    '',
    ...label.riskFacts(threat).map(([k, v]) => `- ${k}: ${md(v)}`),
    '',
    ...(items.length ? [...table(['Mitigated by', 'Kind', 'Title', 'Implemented in', 'Verified by'], items.map((item) => tracedCells(report, item))), ''] : []),
    ...(threat.code.length ? [`Code tagged @mitigates ${md(threat.id)}: ${threat.code.map(link).join(', ')}`, ''] : []),
    ...(unmitigated ? [`**${md(unmitigated)}**`, ''] : []),
    ...(threat.findings.length ? [`Findings: ${threat.findings.join(', ')}`, ''] : []),
  ];
}

function matrix(report: ReportModel): string[] {
  const rows = report.matrix.map((row) => [...tracedCells(report, row), md(reviewCellText(row))]);
  return [
    `## ${SECTION_TITLES.matrix}`,
    '',
    ...(rows.length ? table(['ID', 'Kind', 'Title', 'Implemented in', 'Verified by', 'Review'], rows) : ['No requirements or mitigations are defined.']),
    '',
    `${label.GAP} marks what an item needs and lacks. "via" names the refining item a trace comes through.`,
    '',
  ];
}

function tracedCells(report: ReportModel, item: TracedItem): string[] {
  const cell = (refs: readonly TraceRef[], need: 'impl' | 'test') => {
    if (refs.length) return refs.map((r) => traceRef(report, r)).join('<br>');
    return item.gaps.includes(need) ? `**${label.GAP}**` : '—';
  };
  const id = `[${md(item.id)}](${fileHref(report.header.linkBase, item.location)})`;
  return [id, md(item.kind), md(item.title), cell(item.implementations, 'impl'), cell(item.tests, 'test')];
}

function traceRef(report: ReportModel, ref: TraceRef): string {
  return `${locationLink(report, ref.location)}${ref.via ? ` (via ${md(ref.via)})` : ''}`;
}

/** The interface register: one row per interface, its context as resolved, and what it lacks. */
function interfaces(report: ReportModel): string[] {
  const gaps = (entry: InterfaceEntry) => {
    const parts = [...(entry.missing.length ? [`**${label.GAP}** ${md(label.missingFieldsText(entry))}`] : []), ...label.interfaceFindingCodes(entry)];
    return parts.join('; ') || '—';
  };
  const text = (value: string | null) => (value === null ? '—' : md(value));
  const rows = report.interfaces.map((entry) => [
    `[${md(entry.name)}](${fileHref(report.header.linkBase, entry.location)})${entry.implements.length ? ` ${md(label.implementsText(entry))}` : ''} · ${md(locationLabel(entry.location))}`,
    md(entry.kind),
    label.exposureText(entry),
    text(entry.assets),
    text(entry.implications),
    text(entry.trustBoundary),
    entry.threats.map(md).join(', ') || '—',
    gaps(entry),
  ]);
  return [
    `## ${SECTION_TITLES.interfaces}`,
    '',
    ...(rows.length ? [...table(label.INTERFACE_COLUMNS, rows), '', md(label.INTERFACE_NOTE)] : [label.NO_INTERFACES]),
    '',
  ];
}

function findings(report: ReportModel): string[] {
  const out = [`## ${SECTION_TITLES.findings}`, ''];
  const groups = label.findingGroups(report);
  if (!groups.length) out.push('No findings.', '');
  for (const { rule, findings: list } of groups) {
    out.push(`### ${rule.code} (${rule.severity}): ${list.length}`, '', `${mdMessage(rule.shortDescription)} ${mdMessage(rule.help)}`, '');
    out.push(...table(['Severity', 'Location', 'Message'], list.map((f) => [f.severity, locationLink(report, f.location), mdMessage(f.message)])), '');
  }
  return out;
}

function skipped(report: ReportModel): string[] {
  if (!report.skipped.length) return [];
  return ['## Skipped files', '', ...report.skipped.map((s) => `- ${md(s.file)}: ${md(s.reason)}`), ''];
}

function locationLink(report: ReportModel, location: ReportLocation): string {
  return `[${md(locationLabel(location))}](${fileHref(report.header.linkBase, location)})`;
}

function table(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}
