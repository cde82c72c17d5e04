// 100,000 findings in one workspace: the engine returns every one, `sectrace check --json` prints valid
// JSON holding them all, and the report renders in every format without error. The findings are tags to
// IDs no spec defines (100 files of 1,000 tags each), next to one spec item that a normal file implements.
//
// The Problems panel's per-file cap (`toDiagnostics` in src/vscode/features/diagnostics.ts) builds
// `vscode.Diagnostic` objects, so it only runs inside VS Code: test/integration/30-diagnostics.test.ts
// tests it there ("the cap").
// @verifies STM-2, ST-6
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { createTraceService, type TraceSnapshot } from '../../src/core';
import { buildReport, renderReport, REPORT_FORMATS } from '../../src/core/report';
import { makeDir, runCli } from '../support/cli';
import { createMemoryWorkspace } from '../support/memoryWorkspace';
import { TODAY } from '../unit/engine/helpers';

const FILES = 100;
const TAGS_PER_FILE = 1000;
const TOTAL = FILES * TAGS_PER_FILE;

/** The workspace: `src/fN.ts` tag SR-100000 and up, which no spec defines; `src/ok.ts` implements SR-1. */
function workspaceFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'docs/spec.md': '## SR-1: Lock the rate\nneeds: impl\n',
    'src/ok.ts': '// @implements SR-1\n',
  };
  for (let f = 0; f < FILES; f++) {
    files[`src/f${f}.ts`] = Array.from({ length: TAGS_PER_FILE }, (_, i) => `// @implements SR-${100_000 + f * TAGS_PER_FILE + i}`).join('\n');
  }
  return files;
}

/** `SR-100000` ... `SR-199999`, each named by exactly one finding. */
function assertEveryUnknownIdOnce(ids: readonly (string | undefined)[]): void {
  assert.equal(ids.length, TOTAL);
  const distinct = new Set(ids);
  assert.equal(distinct.size, TOTAL);
  for (const id of [`SR-${100_000}`, `SR-${100_000 + TOTAL - 1}`]) assert.ok(distinct.has(id), id);
}

describe('robustness: 100,000 findings in one workspace', function () {
  // Tracing them takes about a second per run; rendering all five formats about three (HTML the most).
  this.timeout(120_000);
  const files = workspaceFiles();
  let snapshot: TraceSnapshot | undefined;

  before(async () => {
    const service = createTraceService({ workspace: createMemoryWorkspace(files), now: () => TODAY });
    await service.index();
    snapshot = service.snapshot();
  });
  after(() => {
    snapshot = undefined;
  });

  it('the engine returns every finding, each at its file and line, and still links the normal file', () => {
    const { findings, graph } = snapshot as TraceSnapshot;
    assert.ok(findings.every((f) => f.code === 'unknown-id'), 'nothing but the unknown IDs');
    assertEveryUnknownIdOnce(findings.map((f) => f.id));
    const last = findings.at(-1);
    assert.equal(`${last?.location.file}:${last?.location.range.start.line}`, `src/f99.ts:${TAGS_PER_FILE - 1}`);
    assert.deepEqual(graph.implementationsOf('SR-1').map((t) => t.location.file), ['src/ok.ts']);
  });

  it('`sectrace check --json` prints valid JSON with every finding, following its schema', async () => {
    const dir = makeDir(files);
    try {
      const { code, stdout } = await runCli(['check', dir, '--json']);
      assert.equal(code, 1);
      const document = JSON.parse(stdout) as { findings: { code: string; id?: string }[]; summary: { findings: { error: number } } };
      assertEveryUnknownIdOnce(document.findings.map((f) => f.id));
      assert.equal(document.summary.findings.error, TOTAL);
      const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/check.schema.json'), 'utf8'));
      const validate = new Ajv({ allErrors: false }).compile(schema);
      assert.ok(validate(document), JSON.stringify(validate.errors?.slice(0, 3)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the report renders in every format (what `sectrace report --format ...` writes), each holding every finding', () => {
    const model = buildReport(snapshot as TraceSnapshot, { toolName: 'sectrace', toolVersion: '0.0.0-test', date: TODAY, failOn: 'error' });
    assert.equal(model.findings.length, TOTAL);
    const lastId = `SR-${100_000 + TOTAL - 1}`;
    // Each rendering is checked and dropped before the next: together they are over 100 MB of text.
    const checks: Record<(typeof REPORT_FORMATS)[number], (text: string) => void> = {
      json: (text) => assertEveryUnknownIdOnce((JSON.parse(text) as { findings: { id?: string }[] }).findings.map((f) => f.id)),
      sarif: (text) => assert.equal((JSON.parse(text) as { runs: { results: unknown[] }[] }).runs[0].results.length, TOTAL),
      // Markdown and HTML show each finding's message once; the last ID stands for the end of the list.
      md: (text) => {
        assert.equal(text.split('is not defined').length - 1, TOTAL);
        assert.ok(text.includes(lastId));
      },
      html: (text) => {
        assert.equal(text.split('is not defined').length - 1, TOTAL);
        assert.ok(text.includes(lastId));
        assert.ok(text.trimEnd().endsWith('</html>'));
      },
      // CSV is the item matrix: its one item, implemented by the normal file.
      csv: (text) => {
        const rows = text.split('\r\n');
        assert.equal(rows.length, 3, 'header, one row, and the final line break');
        assert.match(rows[1], /^SR-1,requirement,Lock the rate,docs\/spec\.md:1,impl,yes,not needed,src\/ok\.ts:1,/);
      },
    };
    assert.deepEqual([...REPORT_FORMATS].sort(), Object.keys(checks).sort(), 'a check for every format');
    for (const format of REPORT_FORMATS) checks[format](renderReport(model, format));
  });
});
