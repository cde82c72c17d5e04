// The interface register (IEC 81001-5-1 §5.4.3) in the report model and in every format: every
// interface with its resolved context, linked threats and gaps; the evidence map's 5.4.3 row points at it.
// @verifies ST-62
import { strict as assert } from 'node:assert';
import { renderReport } from '../../../src/core/report';
import { joinLines } from '../../support/text';
import { parseCsv, reportOf, reportSchemaErrors } from './helpers';

const FILES = {
  'docs/interfaces.md': joinLines(
    '## THR-1: Forged rate change',
    'status: accepted',
    'owner: safety board',
    'rationale: bounded by the pump',
    'review-by: 2027-01-01',
    '',
    '## IF-1: Infusion control API',
    'exposure: external',
    'implications: forged commands change a running infusion',
    'assets: AST-1 infusion parameters',
    'threats: THR-1',
    '',
  ),
  'src/app.ts': joinLines(
    '// @implements IF-1',
    '// @trust-boundary hospital network -> gateway',
    "app.put('/infusions/:id/rate', changeRate);",
    '',
    "app.get('/metrics', metrics);",
    '',
    '// @exposure internal',
    '// @assets none',
    "app.get('/health', health);",
    '',
    '// @exposure both',
    '// @implications reads the dose history',
    '// @assets AST-1',
    "app.get('/history', history);",
    '',
    '// @exposure sideways',
    '// @implications x',
    '// @assets y',
    "app.get('/odd', odd);",
    '',
  ),
};

describe('report: interface register', () => {
  it('lists every interface with its resolved context, threats and gaps, in file and line order', async () => {
    const report = await reportOf(FILES);
    const rows = report.interfaces.map((i) => [i.name, i.exposure, i.assets, i.implications, i.trustBoundary, i.threats.join(' '), i.implements.join(' '), i.missing.join(' '), i.findings.join(' ')]);
    assert.deepEqual(rows, [
      ['PUT /infusions/:id/rate', 'external', 'AST-1 infusion parameters', 'forged commands change a running infusion', 'hospital network -> gateway', 'THR-1', 'IF-1', '', ''],
      ['GET /metrics', null, null, null, null, '', '', 'exposure implications assets', 'interface-missing-context'],
      ['GET /health', 'internal', 'none', null, null, '', '', 'implications', 'interface-incomplete-context'],
      ['GET /history', 'both', 'AST-1', 'reads the dose history', null, '', '', '', 'external-interface-no-threat'],
      ['GET /odd', null, 'y', 'x', null, '', '', '', 'interface-invalid-exposure'],
    ]);
    assert.deepEqual(report.interfaces[0].location, { file: 'src/app.ts', line: 3, column: 1, endLine: 3, endColumn: 30 });
    assert.equal(report.interfaces[0].id, 'src/app.ts#PUT /infusions/:id/rate');
    assert.equal(report.interfaces[0].kind, 'http');
    assert.equal(report.interfaces[0].detector, 'express');
    assert.equal(reportSchemaErrors(JSON.parse(renderReport(report, 'json'))), '');
  });

  it('the evidence map\'s 5.4.3 row points at the register and counts from it', async () => {
    const report = await reportOf(FILES);
    const row = report.evidence.find((e) => e.clause === '5.4.3');
    assert.deepEqual(row?.sections, ['interfaces', 'findings']);
    assert.equal(row?.statement, '5 interfaces found in code and API documents (1 external, 1 both, 1 internal, 2 with no valid exposure), listed in the interface register; without complete security context: 2; exposed externally without a linked threat: 1; 1 interface item defined in specs.');
  });

  it('markdown: a table after the matrix, links to the route line, MISSING for missing fields', async () => {
    const text = renderReport(await reportOf(FILES), 'md');
    const section = text.slice(text.indexOf('## Interface register'), text.indexOf('## Findings'));
    assert.ok(text.indexOf('## Requirement and mitigation matrix') < text.indexOf('## Interface register'));
    const lines = section.split('\n');
    assert.equal(lines[2], '| Interface | Kind | Exposure | Assets | Implications | Trust boundary | Threats | Gaps |');
    assert.equal(lines[4], '| [PUT /infusions/:id/rate](src/app.ts#L3) (IF-1) · src/app.ts:3 | http | external | AST-1 infusion parameters | forged commands change a running infusion | hospital network -&gt; gateway | THR-1 | — |');
    assert.equal(lines[5], '| [GET /metrics](src/app.ts#L5) · src/app.ts:5 | http | not stated | — | — | — | — | **MISSING** @exposure, @implications, @assets |');
    assert.equal(lines[8], '| [GET /odd](src/app.ts#L19) · src/app.ts:19 | http | not valid | y | x | — | — | interface-invalid-exposure |');
    assert.match(text, /\| 5\.4\.3 \| Security of interfaces \| Interface register, Findings \|/);
  });

  it('html: a sortable, filterable table with a nav link; exposure sorts external, both, internal, not stated', async () => {
    const text = renderReport(await reportOf(FILES), 'html');
    assert.match(text, /<a href="#interfaces">Interface register<\/a>/);
    assert.match(text, /<input type="search" placeholder="Filter rows" aria-label="Filter rows" data-filter="interface-table" data-count="interface-table-count">/);
    assert.match(text, /<table id="interface-table" class="sortable">/);
    const table = text.slice(text.indexOf('<table id="interface-table"'), text.indexOf('</table>', text.indexOf('<table id="interface-table"')));
    const sortKeys = [...table.matchAll(/<td data-sort="(\d)">/g)].map((m) => m[1]);
    assert.deepEqual(sortKeys, ['0', '3', '2', '1', '3']);
    assert.match(text, /<a href="src\/app.ts#L5" data-file="src\/app.ts" data-line="5">GET \/metrics<\/a>/);
    assert.match(text, /<span class="gap">MISSING<\/span> @exposure, @implications, @assets/);
    assert.match(text, /<td data-sort="3">not valid<\/td>/);
    assert.match(text, /data-line="3">PUT \/infusions\/:id\/rate<\/a> \(IF-1\)<br><span class="muted">src\/app.ts:3<\/span>/);
  });

  it('csv stays the matrix: same header, no interface rows', async () => {
    const rows = parseCsv(renderReport(await reportOf(FILES), 'csv'));
    assert.equal(rows[0][0], 'ID');
    assert.ok(rows.every((row) => !row.join(',').includes('/metrics')));
  });

  it('no interfaces: the section says so', async () => {
    const report = await reportOf({ 'docs/spec.md': '## SR-1: A requirement\n' });
    assert.deepEqual(report.interfaces, []);
    assert.match(renderReport(report, 'md'), /## Interface register\n\nNo interfaces were found in code or API documents\./);
    assert.match(renderReport(report, 'html'), /<section id="interfaces"><h2>Interface register<\/h2>\n<p>No interfaces were found in code or API documents\.<\/p>/);
  });
});
