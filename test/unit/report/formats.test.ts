// Each rendering of one report: structure, links, schema validity, and that every format carries the
// marker `report --out` looks for.
// @verifies ST-40, ST-13
import { strict as assert } from 'node:assert';
import { isPreviousReport, renderReport, REPORT_FORMATS, type ReportModel } from '../../../src/core/report';
import { joinLines } from '../../support/text';
import { parseCsv, reportOf, reportSchemaErrors, sarifSchemaErrors } from './helpers';

const FILES = {
  'docs/spec.md': joinLines(
    '## THR-1: Replay',
    'severity: high',
    '',
    '## MIT-1: Sequence numbers',
    'mitigates: THR-1',
    '',
    '## SR-1: Check the sequence',
    'refines: MIT-1',
    '',
    '## SR-2: Audit',
    '',
  ),
  'src/dir with space/link.ts': joinLines('', '  // @implements SR-1', '// @implements SR-7', ''),
  'test/link.test.ts': '// @verifies SR-1\n',
};

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
  }[];
}

describe('report: formats', () => {
  let report: ReportModel;
  before(async () => {
    report = await reportOf(FILES);
  });

  it('json is the model, and validates against schemas/report.schema.json', () => {
    const parsed = JSON.parse(renderReport(report, 'json')) as ReportModel;
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(report)));
    assert.equal(parsed.$schema, 'https://sectrace.dev/schemas/report.schema.json');
    assert.equal(parsed.schemaVersion, 1);
    assert.equal(reportSchemaErrors(parsed), '');
  });

  it('sarif validates against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(renderReport(report, 'sarif')) as SarifLog;
    assert.equal(sarifSchemaErrors(log), '');
    assert.equal(log.version, '2.1.0');
  });

  it('the SARIF validation is not vacuous: it rejects a 0-based region, a raw space in a URI, a bad level', () => {
    const log = JSON.parse(renderReport(report, 'sarif')) as SarifLog;
    const location = log.runs[0].results[0].locations[0].physicalLocation;
    location.region.startLine = 0;
    location.artifactLocation.uri = 'src/dir with space/link.ts';
    log.runs[0].results[0].level = 'fatal';
    const errors = sarifSchemaErrors(log);
    assert.match(errors, /startLine must be >= 1/);
    assert.match(errors, /uri must match format "uri-reference"/);
    assert.match(errors, /level must be equal to one of the allowed values/);
  });

  it('sarif has one result per finding, with rule metadata, %SRCROOT% URIs and 1-based regions', () => {
    const log = JSON.parse(renderReport(report, 'sarif')) as SarifLog;
    const run = log.runs[0];
    assert.equal(run.results.length, report.findings.length);
    assert.equal(run.tool.driver.name, 'sectrace');
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(run.tool.driver.rules.find((r) => r.id === 'unverified')?.defaultConfiguration.level, 'warning');
    const unknown = run.results.find((r) => r.ruleId === 'unknown-id');
    assert.ok(unknown);
    assert.equal(unknown.level, 'error');
    assert.deepEqual(unknown.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/dir%20with%20space/link.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 16, endLine: 3, endColumn: 20 },
    });
  });

  it('markdown has the sections, relative links with #L anchors and gap marks', () => {
    const text = renderReport(report, 'md');
    for (const heading of ['## Summary', '## Evidence map (IEC 81001-5-1)', '## Threat register', '### THR-1: Replay', '## Requirement and mitigation matrix', '## Findings']) {
      assert.ok(text.includes(`\n${heading}\n`), heading);
    }
    assert.ok(text.includes('[src/dir with space/link.ts:2](src/dir%20with%20space/link.ts#L2)'));
    assert.match(text, /\| \[SR-2\]\(docs\/spec\.md#L10\) \| requirement \| Audit \| \*\*MISSING\*\* \| \*\*MISSING\*\* \|/);
    assert.match(text, /\*\*FAIL: 2 errors, 1 warning, 0 info; findings at or above fail-on error\*\*/);
  });

  it('html is self-contained: no external URL, inline style and script only, CSP forbids the rest', () => {
    const text = renderReport(report, 'html');
    assert.match(text, /^<!DOCTYPE html>\n/);
    assert.match(text, /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.doesNotMatch(text, /\b(?:src|href)="(?:https?:)?\/\//i, 'no external resource or link');
    assert.doesNotMatch(text, /<link\b|<img\b|<iframe\b|@import/i);
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('html location links are relative hrefs with data-file and 1-based data-line', () => {
    const text = renderReport(report, 'html');
    assert.ok(text.includes('<a href="src/dir%20with%20space/link.ts#L2" data-file="src/dir with space/link.ts" data-line="2">src/dir with space/link.ts:2</a>'));
    assert.match(text, /<table id="matrix-table" class="sortable">/);
    assert.match(text, /<input type="search"[^>]*data-filter="matrix-table"/);
  });

  it('links honour linkBase, for a report written below the workspace root', async () => {
    const nested = await reportOf(FILES, { linkBase: '../' });
    assert.ok(renderReport(nested, 'md').includes('](../src/dir%20with%20space/link.ts#L2)'));
    assert.ok(renderReport(nested, 'html').includes('href="../src/dir%20with%20space/link.ts#L2" data-file="src/dir with space/link.ts"'));
  });

  it('csv is RFC 4180 with CRLF line ends and one row per matrix item', () => {
    const text = renderReport(report, 'csv');
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
    const rows = parseCsv(text);
    assert.deepEqual(rows.map((r) => r[0]), ['ID', 'MIT-1', 'SR-1', 'SR-2']);
    assert.deepEqual(rows[1].slice(5, 9), ['yes', 'yes', 'src/dir with space/link.ts:2 (via SR-1)', 'test/link.test.ts:1 (via SR-1)']);
    assert.deepEqual(rows[3].slice(5), ['no', 'no', '', '', 'impl test', 'not reviewed']);
  });

  it('every format carries the previous-report marker; other files do not', () => {
    for (const format of REPORT_FORMATS) assert.ok(isPreviousReport(renderReport(report, format)), format);
    assert.ok(!isPreviousReport('# My notes\n\nsectrace is great\n'));
    assert.ok(!isPreviousReport('ID,Kind,Title\r\n'));
    assert.ok(!isPreviousReport('{"version": "2.1.0", "runs": []}'));
  });

  it('renderings are stable: the same model renders to the same bytes', () => {
    for (const format of REPORT_FORMATS) assert.equal(renderReport(report, format), renderReport(JSON.parse(JSON.stringify(report)) as ReportModel, format), format);
  });
});
