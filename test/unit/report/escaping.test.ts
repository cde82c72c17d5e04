// Hostile spec text in every format: `<script>`, `|`, `"`, line breaks and formula starters must come out
// as inert text. Checked end to end (spec -> engine -> report) and on a model with text no scanner yields.
// @verifies STM-1
import { strict as assert } from 'node:assert';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { renderReport, REPORT_FORMATS, type ReportModel } from '../../../src/core/report';
import { escapeMarkdown, escapeMarkdownMessage } from '../../../src/core/report/escape';
import { joinLines } from '../../support/text';
import { parseCsv, reportOf, reportSchemaErrors, sarifSchemaErrors } from './helpers';

const SCRIPT = '<script>alert(1)</script>';
const HOSTILE_TITLE = `${SCRIPT} a|b "q" *em* <img src=x onerror=alert(3)> [x](javascript:alert(2))`;
const HOSTILE_ROUTE = '/x/<script>alert(1)</script>|*em*/[x](javascript:alert(2))';
const HOSTILE_IMPLICATIONS = '<img src=x onerror=alert(3)> a|b *em* [x](javascript:alert(2)) `c` "q"';

// Markdown strips raw HTML and emphasis from headings, so the hostile text arrives through code spans and
// backslash escapes, which the scanner turns into exactly these characters.
const FILES = {
  'docs/spec.md': joinLines(
    '## THR-1: `<script>alert(1)</script>` a\\|b "q" \\*em\\* `<img src=x onerror=alert(3)>` \\[x\\](javascript:alert(2))',
    'severity: `<b>high</b>`',
    `status: \`${SCRIPT}\``,
    '',
    '## SR-1: =cmd|\' /C calc\'!A0',
    'mitigates: THR-1',
    '',
    '## SR-2: +SUM(1) @x -2',
    '',
  ),
  'src/a.ts': '// @implements SR-1\n',
  // A hostile route and annotation: the interface register shows both.
  'src/api.ts': joinLines(
    '// @exposure external',
    `// @implications ${HOSTILE_IMPLICATIONS}`,
    "// @assets =cmd|' /C calc'!A0",
    `// @trust-boundary ${SCRIPT}`,
    `app.get('${HOSTILE_ROUTE}', handler);`,
    '',
  ),
};

describe('report: hostile text is escaped in every format', () => {
  it('markdown: parsed as GFM, no HTML, no link and no extra table cell comes from spec text', async () => {
    const text = renderReport(await reportOf(FILES), 'md');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
    const nodes = flatten(tree);
    const html = nodes.filter((n) => n.type === 'html').map((n) => n.value);
    assert.deepEqual(html, ['<!-- sectrace:report 1: a generated file; regenerate it instead of editing -->'], 'the marker is the only HTML');
    assert.ok(nodes.filter((n) => n.type === 'link').every((n) => !/^javascript:/i.test(n.url ?? '')), 'no link from a title');
    assert.equal(nodes.filter((n) => n.type === 'emphasis').length, 0, 'no emphasis from a title');
    for (const table of nodes.filter((n) => n.type === 'table')) {
      const widths = (table.children ?? []).map((row) => row.children?.length);
      assert.ok(widths.every((w) => w === widths[0]), `every row of a table has its header's cell count: ${widths.join(',')}`);
    }
    const plain = nodes.filter((n) => n.type === 'text' || n.type === 'inlineCode').map((n) => n.value).join('');
    assert.ok(plain.includes(HOSTILE_TITLE), 'the title reads back exactly as text');
    assert.ok(plain.includes(`GET ${HOSTILE_ROUTE}`), 'the route reads back exactly as text');
    assert.ok(plain.includes(HOSTILE_IMPLICATIONS), 'the annotation reads back exactly as text');
  });

  it('html: the only script element is the report\'s own; spec text is entity-escaped', async () => {
    const text = renderReport(await reportOf(FILES), 'html');
    assert.equal((text.match(/<script/gi) ?? []).length, 1);
    assert.doesNotMatch(text, /<img|<b>|onerror=alert\(3\)>/i);
    assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(text.includes('a|b &quot;q&quot;'));
    assert.ok(text.includes('GET /x/&lt;script&gt;alert(1)&lt;/script&gt;|*em*/[x](javascript:alert(2))'), 'the route as text');
    assert.ok(text.includes('&lt;img src=x onerror=alert(3)&gt; a|b *em* [x](javascript:alert(2)) `c` &quot;q&quot;'), 'the annotation as text');
  });

  it('json: the text survives exactly and the output still validates', async () => {
    const text = renderReport(await reportOf(FILES), 'json');
    const parsed = JSON.parse(text) as ReportModel;
    assert.equal(parsed.threats[0].title, HOSTILE_TITLE);
    assert.equal(parsed.threats[0].status, SCRIPT);
    assert.deepEqual(parsed.interfaces.map((i) => [i.name, i.implications, i.assets, i.trustBoundary]), [[`GET ${HOSTILE_ROUTE}`, HOSTILE_IMPLICATIONS, "=cmd|' /C calc'!A0", SCRIPT]]);
    assert.equal(reportSchemaErrors(parsed), '');
  });

  it('sarif: messages carry the text as plain text and the log still validates', async () => {
    const text = renderReport(await reportOf(FILES), 'sarif');
    const parsed = JSON.parse(text) as { runs: { results: { message: { text: string } }[] }[] };
    assert.ok(parsed.runs[0].results.some((r) => r.message.text.includes(SCRIPT)), 'the invalid status is quoted in a message');
    assert.equal(sarifSchemaErrors(parsed), '');
  });

  it('csv: formula starters get an apostrophe, quotes are doubled, cells read back', async () => {
    const text = renderReport(await reportOf(FILES), 'csv');
    const rows = parseCsv(text);
    assert.ok(rows.every((row) => row.length === rows[0].length), 'every row has the header\'s cell count');
    const sr1 = rows.find((row) => row[0] === 'SR-1');
    const sr2 = rows.find((row) => row[0] === 'SR-2');
    assert.equal(sr1?.[2], "'=cmd|' /C calc'!A0");
    assert.equal(sr2?.[2], "'+SUM(1) @x -2");
    assert.ok(rows.flat().every((cell) => !/^[=+\-@]/.test(cell)), 'no cell starts a formula');
  });

  describe('on a model with line breaks and quotes in every text field', () => {
    const nasty = `line1\r\nline2\n=HYPERLINK("x")|<script>"'`;
    const model = hostileModel(nasty);

    for (const format of REPORT_FORMATS) {
      it(`${format}: the text cannot break out of its field`, () => {
        const text = renderReport(model, format);
        if (format === 'md' || format === 'html') assert.ok(!text.includes('<script>"'), 'the tag is not written raw');
        if (format === 'md') assert.ok(!/line1\r?\n/.test(text), 'a value stays on one line');
        if (format === 'html') assert.equal((text.match(/<script/g) ?? []).length, 1);
        if (format === 'json' || format === 'sarif') assert.ok(text.includes(JSON.stringify(nasty).slice(1, -1)), 'escaped as a JSON string');
        if (format === 'csv') {
          const rows = parseCsv(text);
          assert.equal(rows[1][2], nasty, 'the title reads back exactly');
          assert.equal(rows[1].length, rows[0].length);
        }
      });
    }
  });

  it('escapeMarkdownMessage turns backticked parts into code spans whose pipes cannot split a cell', () => {
    assert.equal(escapeMarkdownMessage('`SR-9` is not defined (did you mean `SR-1`?)'), '`SR-9` is not defined (did you mean `SR-1`?)');
    assert.equal(escapeMarkdownMessage('status `<script>|x` is *bad*'), 'status `<script>\\|x` is \\*bad\\*');
    assert.equal(escapeMarkdownMessage('odd ` count <b>'), 'odd \\` count &lt;b&gt;');
  });

  it('escapeMarkdown leaves no unescaped Markdown or HTML syntax', () => {
    assert.equal(escapeMarkdown('a|b *c* _d_ `e` [f](g) <h> & $x$ # ~s~ !'), 'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) &lt;h&gt; &amp; \\$x\\$ \\# \\~s\\~ \\!');
    assert.equal(escapeMarkdown('two\nlines'), 'two lines');
  });
});

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

function flatten(node: MdNode): MdNode[] {
  return [node, ...(node.children ?? []).flatMap(flatten)];
}

/** A report model whose every text field holds `text`: covers paths no scanner produces (line breaks). */
function hostileModel(text: string): ReportModel {
  const location = { file: 'docs/spec.md', line: 1, column: 1, endLine: 1, endColumn: 5 };
  const item = { id: 'SR-1', kind: 'requirement', title: text, location, needs: ['impl', 'test'] as const, implementations: [], tests: [], implemented: false, verified: false, gaps: ['impl', 'test'] as const, fingerprint: '0123456789abcdef', review: { status: 'changed' as const, by: text, date: text } };
  return {
    $schema: 'https://sectrace.dev/schemas/report.schema.json',
    schemaVersion: 1,
    generator: 'sectrace:report',
    header: { project: text, tool: { name: 'sectrace', version: '0.0.0-test' }, date: '2026-06-15T12:00:00.000Z', configFile: null, scope: text, linkBase: '' },
    summary: { verdict: 'fail', failOn: 'error', verdictLine: 'FAIL', kinds: [], findings: { error: 1, warning: 0, info: 0 }, files: { specs: 1, code: 0, tests: 0, skipped: 1 } },
    threats: [{ id: 'THR-1', title: text, location, severity: text, likelihood: text, status: 'accepted', mitigated: false, mitigations: [], requirements: [item], code: [], independentMitigations: 0, risk: { owner: text, rationale: text, reviewBy: text }, findings: [] }],
    matrix: [item],
    interfaces: [{ id: `src/a.ts#${text}`, name: text, kind: 'http', detector: 'express', location, exposure: null, assets: text, implications: text, trustBoundary: text, threats: [text], implements: [text], missing: ['exposure'], findings: ['interface-incomplete-context'] }],
    rules: [{ code: 'unimplemented', name: 'Unimplemented', shortDescription: 's', fullDescription: 'f', help: 'h', severity: 'error', count: 1 }],
    findings: [{ code: 'unimplemented', severity: 'error', message: text, location }],
    evidence: [],
    skipped: [{ file: 'bin/x', reason: text }],
  };
}
