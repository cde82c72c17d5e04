// HTML rendering: one self-contained file (inline style and script, a Content-Security-Policy that
// forbids every external request), sortable and filterable tables, light and dark. Location links are
// relative hrefs for a browser and carry `data-file` / `data-line` (1-based) for the VS Code webview.
import { fileHref, locationLabel } from './escape';
import { EVIDENCE_DISCLAIMER } from './evidence';
import { SCRIPT, STYLE } from './htmlAssets';
import { el, join, trusted, type Child, type Html } from './htmlBuilder';
import { impactHtml, reviewCellText } from './impact';
import * as label from './labels';
import { REPORT_MARKER, SECTION_TITLES, type InterfaceEntry, type ReportLocation, type ReportModel, type ThreatEntry, type TracedItem, type TraceRef } from './model';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
const SEVERITY_ORDER: Readonly<Record<string, number>> = { critical: 0, error: 0, high: 1, warning: 1, medium: 2, moderate: 2, info: 3, low: 3 };

export function renderHtml(report: ReportModel): string {
  const title = label.reportTitle(report);
  const head = el('head', {},
    el('meta', { charset: 'utf-8' }),
    el('meta', { 'http-equiv': 'Content-Security-Policy', content: CSP }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'generator', content: `${REPORT_MARKER} ${report.schemaVersion}` }),
    el('title', {}, title),
    el('style', {}, trusted(STYLE)));
  const body = el('body', {},
    header(report, title),
    nav(report),
    summary(report),
    evidence(report),
    threats(report),
    matrix(report),
    interfaces(report),
    findings(report),
    impactHtml(report, (l, text) => locationLink(report, l, text), (id, headers, rows) => table(id, headers, rows)),
    skipped(report),
    el('script', {}, trusted(SCRIPT)));
  return `<!DOCTYPE html>\n<!-- ${REPORT_MARKER} ${report.schemaVersion}: a generated file; regenerate it instead of editing -->\n${el('html', { lang: 'en' }, head, body).html}`;
}

function header(report: ReportModel, title: string): Html {
  const fields = label.headerFields(report).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]);
  return el('header', {}, el('h1', {}, title), el('dl', { class: 'meta' }, ...fields), el('p', { class: 'note' }, label.linkNote(report)));
}

function nav(report: ReportModel): Html {
  const links: [string, string][] = [['summary', SECTION_TITLES.summary], ['evidence', 'Evidence map'], ['threats', SECTION_TITLES.threats], ['matrix', SECTION_TITLES.matrix], ['interfaces', SECTION_TITLES.interfaces], ['findings', SECTION_TITLES.findings]];
  if (report.impact) links.push(['impact', 'Change impact']);
  if (report.skipped.length) links.push(['skipped', 'Skipped files']);
  return el('nav', {}, ...links.map(([id, text]) => el('a', { href: `#${id}` }, text)));
}

function summary(report: ReportModel): Html {
  const s = report.summary;
  const rows = s.kinds.map((k) => [k.kind, String(k.total), label.coverageText(k.implemented, k.needImpl), label.coverageText(k.verified, k.needTest)]);
  return section('summary', SECTION_TITLES.summary,
    el('p', {}, el('span', { class: `verdict ${s.verdict}`, 'data-verdict': s.verdict }, s.verdictLine)),
    table('kinds-table', ['Kind', 'Items', 'Implemented', 'Verified'], rows, { numeric: [1, 2, 3], compact: true }),
    el('p', {}, `Findings: ${label.findingCountsText(report)}. Files: ${label.filesText(report)}.`));
}

function evidence(report: ReportModel): Html {
  const rows = report.evidence.map((e) => [e.clause, e.activity, e.sections.length ? join(e.sections.map((s) => el('a', { href: `#${s}` }, SECTION_TITLES[s])), ', ') : '—', e.statement]);
  return section('evidence', 'Evidence map (IEC 81001-5-1)',
    table('evidence-table', ['Clause', 'Activity', 'Report sections', 'What this report shows'], rows),
    el('p', { class: 'note' }, EVIDENCE_DISCLAIMER));
}

function threats(report: ReportModel): Html {
  if (!report.threats.length) return section('threats', SECTION_TITLES.threats, el('p', {}, 'No threats are defined.'));
  const rows = report.threats.map((t) => [
    el('a', { href: `#threat-${t.id}` }, t.id),
    t.title,
    sortCell(t.severity ?? 'not set', SEVERITY_ORDER[t.severity?.toLowerCase() ?? '']),
    sortCell(t.likelihood ?? 'not set', SEVERITY_ORDER[t.likelihood?.toLowerCase() ?? '']),
    t.status ?? 'not set',
    String(t.independentMitigations),
    [...t.mitigations, ...t.requirements].map((m) => m.id).join(', ') || (t.mitigated ? 'code only' : t.risk ? `risk ${t.status}` : gap()),
  ]);
  return section('threats', SECTION_TITLES.threats,
    filter('threat-table'),
    table('threat-table', ['ID', 'Title', 'Severity', 'Likelihood', 'Status', 'Independent mitigations', 'Mitigated by'], rows, { sortable: true, numeric: [5], nowrap: [0] }),
    ...report.threats.map((t) => threatArticle(report, t)));
}

function threatArticle(report: ReportModel, threat: ThreatEntry): Html {
  const items = [...threat.mitigations, ...threat.requirements];
  const facts = [...label.threatFacts(threat), ...label.riskFacts(threat)].flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v === label.GAP ? gap() : v)]);
  const unmitigated = label.noMitigationText(threat);
  return el('article', { class: 'threat', id: `threat-${threat.id}` },
    el('h3', {}, `${threat.id}: ${threat.title}`),
    el('dl', { class: 'meta' }, ...facts, el('dt', {}, 'Defined at'), el('dd', {}, locationLink(report, threat.location))),
    items.length > 0 && table(`threat-${threat.id}-items`, ['Mitigated by', 'Kind', 'Title', 'Implemented in', 'Verified by'], items.map((i) => tracedCells(report, i)), { nowrap: [0, 1] }),
    threat.code.length > 0 && el('p', {}, `Code tagged @mitigates ${threat.id}: `, join(threat.code.map((l) => locationLink(report, l)), ', ')),
    unmitigated !== undefined && el('p', {}, el('strong', { class: threat.risk ? undefined : 'gap' }, unmitigated)),
    threat.findings.length > 0 && el('p', { class: 'muted' }, `Findings: ${threat.findings.join(', ')}`));
}

function matrix(report: ReportModel): Html {
  if (!report.matrix.length) return section('matrix', SECTION_TITLES.matrix, el('p', {}, 'No requirements or mitigations are defined.'));
  return section('matrix', SECTION_TITLES.matrix,
    filter('matrix-table'),
    table('matrix-table', ['ID', 'Kind', 'Title', 'Implemented in', 'Verified by', 'Review'], report.matrix.map((row) => [...tracedCells(report, row), reviewCellText(row)]), { sortable: true, nowrap: [0, 1] }),
    el('p', { class: 'note' }, `${label.GAP} marks what an item needs and lacks. "via" names the refining item a trace comes through.`));
}

function tracedCells(report: ReportModel, item: TracedItem): Child[] {
  const cell = (refs: readonly TraceRef[], need: 'impl' | 'test'): Child => {
    if (refs.length) return join(refs.map((r) => join([locationLink(report, r.location), r.via && el('span', { class: 'via' }, ` (via ${r.via})`)])), '<br>');
    return item.gaps.includes(need) ? gap() : '—';
  };
  return [locationLink(report, item.location, item.id), item.kind, item.title, cell(item.implementations, 'impl'), cell(item.tests, 'test')];
}

const EXPOSURE_ORDER: Readonly<Record<string, number>> = { external: 0, both: 1, internal: 2 };

/** The interface register: sortable and filterable like the other tables; gaps marked as in the matrix. */
function interfaces(report: ReportModel): Html {
  if (!report.interfaces.length) return section('interfaces', SECTION_TITLES.interfaces, el('p', {}, label.NO_INTERFACES));
  const text = (value: string | null) => value ?? '—';
  const gaps = (entry: InterfaceEntry): Child => {
    const parts: Child[] = [...(entry.missing.length ? [join([gap(), ` ${label.missingFieldsText(entry)}`])] : []), ...label.interfaceFindingCodes(entry)];
    return parts.length ? join(parts, '<br>') : '—';
  };
  const rows = report.interfaces.map((entry) => [
    [locationLink(report, entry.location, entry.name), entry.implements.length > 0 && ` ${label.implementsText(entry)}`, el('br'), el('span', { class: 'muted' }, locationLabel(entry.location))],
    entry.kind,
    sortCell(label.exposureText(entry), EXPOSURE_ORDER[entry.exposure ?? ''] ?? 3),
    text(entry.assets),
    text(entry.implications),
    text(entry.trustBoundary),
    entry.threats.join(', ') || '—',
    gaps(entry),
  ]);
  return section('interfaces', SECTION_TITLES.interfaces,
    filter('interface-table'),
    table('interface-table', label.INTERFACE_COLUMNS, rows, { sortable: true, nowrap: [1, 2] }),
    el('p', { class: 'note' }, label.INTERFACE_NOTE));
}

function findings(report: ReportModel): Html {
  const groups = label.findingGroups(report);
  if (!groups.length) return section('findings', SECTION_TITLES.findings, el('p', {}, 'No findings.'));
  const ruleRows = groups.map(({ rule, findings: list }) => [rule.code, sortCell(rule.severity, SEVERITY_ORDER[rule.severity]), String(list.length), message(`${rule.shortDescription} ${rule.help}`)]);
  const rows = report.findings.map((f) => [sortCell(f.severity, SEVERITY_ORDER[f.severity]), f.code, locationLink(report, f.location), message(f.message)]);
  return section('findings', SECTION_TITLES.findings,
    table('rule-table', ['Code', 'Severity', 'Count', 'What it means and how to resolve it'], ruleRows, { sortable: true, numeric: [2], nowrap: [0, 1] }),
    filter('finding-table'),
    table('finding-table', ['Severity', 'Code', 'Location', 'Message'], rows, { sortable: true, nowrap: [0, 1] }));
}

function skipped(report: ReportModel): Html | undefined {
  if (!report.skipped.length) return undefined;
  return section('skipped', 'Skipped files', el('ul', {}, ...report.skipped.map((s) => el('li', {}, `${s.file}: ${s.reason}`))));
}

function locationLink(report: ReportModel, location: ReportLocation, text = locationLabel(location)): Html {
  return el('a', { href: fileHref(report.header.linkBase, location), 'data-file': location.file, 'data-line': location.line }, text);
}

interface TableOptions {
  readonly sortable?: boolean;
  readonly numeric?: readonly number[];
  /** Columns whose cells never wrap (IDs, kinds, severities). */
  readonly nowrap?: readonly number[];
  /** As wide as its content, not the page. */
  readonly compact?: boolean;
}

function table(id: string, headers: string[], rows: (Child | Child[])[][], options: TableOptions = {}): Html {
  const numeric = new Set(options.numeric ?? []);
  const nowrap = new Set(options.nowrap ?? []);
  const classOf = (i: number) => [numeric.has(i) && 'num', nowrap.has(i) && 'nowrap'].filter(Boolean).join(' ') || undefined;
  const th = headers.map((h, i) => el('th', { scope: 'col', class: classOf(i) }, options.sortable ? el('button', { type: 'button' }, h) : h));
  const tr = rows.map((cells) => el('tr', {}, ...cells.map((c, i) => (isCell(c) ? c : el('td', { class: classOf(i) }, ...(Array.isArray(c) ? c : [c]))))));
  const classes = [options.sortable && 'sortable', options.compact && 'compact'].filter(Boolean).join(' ');
  return el('table', { id, class: classes || undefined }, el('thead', {}, el('tr', {}, ...th)), el('tbody', {}, ...tr));
}

/** A cell already built (with its own sort key). */
interface Cell extends Html {
  readonly cell: true;
}

function isCell(value: unknown): value is Cell {
  return typeof value === 'object' && value !== null && (value as Cell).cell === true;
}

function sortCell(text: string, order: number | undefined): Cell {
  return { ...el('td', { 'data-sort': order === undefined ? `9 ${text}` : String(order) }, text), cell: true };
}

function filter(tableId: string): Html {
  const countId = `${tableId}-count`;
  return el('div', { class: 'filter' },
    el('input', { type: 'search', placeholder: 'Filter rows', 'aria-label': 'Filter rows', 'data-filter': tableId, 'data-count': countId }),
    el('span', { class: 'muted', id: countId }));
}

/** Message text with its `backticked` parts (IDs, values) as code elements; all of it escaped. */
function message(text: string): Html {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return join([text]);
  return join(parts.map((part, i) => (i % 2 === 0 ? part : el('code', {}, part))));
}

function gap(): Html {
  return el('span', { class: 'gap' }, label.GAP);
}

function section(id: string, title: string, ...children: Child[]): Html {
  return el('section', { id }, el('h2', {}, title), ...children);
}
