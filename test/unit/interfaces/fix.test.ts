// The quick fix's text, through the whole engine: where it goes (above the decorator stack, into the
// interface's own block, before a block comment's closer), in which comment syntax and indentation, with
// the file's line break; and that it inserts whole lines only, so the rest of the file stays byte for byte.
// @verifies ST-60
import { strict as assert } from 'node:assert';
import type { TraceSnapshot } from '../../../src/core';
import { annotationFix, annotationFixSnippet, annotationFixText, firstValueRange, resolveInterfaces, TEMPLATE_NOTES, type AnnotationFix } from '../../../src/core/interfaces';
import { trace } from '../engine/helpers';

const NOTES = TEMPLATE_NOTES;

/** The fix for the interface whose route is on `line` (1-based) of `file`. */
async function fixFor(files: Record<string, string>, file: string, line: number): Promise<{ fix: AnnotationFix | undefined; snapshot: TraceSnapshot }> {
  const { snapshot } = await trace(files);
  const resolved = resolveInterfaces(snapshot.graph, snapshot.config).find((r) => r.fact.file === file && r.fact.range.start.line === line - 1);
  assert.ok(resolved, `no interface at ${file}:${line}`);
  const lines = files[file].split(/\r\n|\n|\r/);
  return { fix: annotationFix(resolved, (n) => lines[n], snapshot.config.interfaces.required), snapshot };
}

/** Inserts `text` before the zero-based `line` of `source`, keeping every other character. */
function insertAt(source: string, line: number, text: string): string {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const match = /\r\n|\n|\r/g;
    match.lastIndex = offset;
    const found = match.exec(source);
    assert.ok(found, `line ${line} is past the end`);
    offset = found.index + found[0].length;
  }
  return source.slice(0, offset) + text + source.slice(offset);
}

function interfaceCodes(snapshot: TraceSnapshot): string[] {
  return snapshot.findings.filter((f) => /interface/.test(f.code)).map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1}`);
}

const NEST_CRLF = [
  "import { Controller, Get, Post, UseGuards } from '@nestjs/common';",
  '',
  "@Controller('pumps')",
  'export class PumpsController {',
  "\t@Get(':id')",
  '\t@UseGuards(AuthGuard)',
  '\tfindOne() {}',
  '',
  '\t// Changes the rate of a running infusion.',
  '\t// @exposure internal',
  "\t@Post(':id/rate')",
  '\tsetRate() {}',
  '}',
  '',
].join('\r\n');

describe('interfaces: quick fix text', () => {
  it('missing context: the template above the decorator stack, with tabs, // and CRLF; nothing else changes', async () => {
    const { fix } = await fixFor({ 'src/pumps.controller.ts': NEST_CRLF }, 'src/pumps.controller.ts', 5);
    assert.ok(fix);
    assert.equal(fix.mode, 'template');
    assert.equal(fix.line, 4);
    assert.deepEqual(fix.fields, ['exposure', 'implications', 'assets']);
    const text = annotationFixText(fix, '\r\n');
    assert.equal(text, [...NOTES.map((n) => `\t// ${n}`), '\t// @exposure external', '\t// @implications ', '\t// @assets ', ''].join('\r\n'));
    const fixed = insertAt(NEST_CRLF, fix.line, text);
    assert.equal(fixed.replace(text, ''), NEST_CRLF, 'only the inserted lines are new');
    assert.deepEqual(firstValueRange(fix), { line: 6, character: '\t// @exposure '.length, length: 'external'.length });
  });

  it('incomplete context: only the missing fields, after the last line of the own block, in its style', async () => {
    const { fix } = await fixFor({ 'src/pumps.controller.ts': NEST_CRLF }, 'src/pumps.controller.ts', 11);
    assert.ok(fix);
    assert.equal(fix.mode, 'fields');
    assert.equal(fix.line, 10);
    assert.deepEqual(fix.fields, ['implications', 'assets']);
    assert.equal(annotationFixText(fix, '\r\n'), '\t// @implications \r\n\t// @assets \r\n');
    assert.deepEqual(firstValueRange(fix), { line: 10, character: '\t// @implications '.length, length: 0 });
  });

  it('a filled-in fix resolves the finding; an unfilled one keeps it (an empty value is still missing)', async () => {
    const file = 'src/pumps.controller.ts';
    const { fix, snapshot } = await fixFor({ [file]: NEST_CRLF }, file, 11);
    assert.deepEqual(interfaceCodes(snapshot), ['interface-missing-context src/pumps.controller.ts:5', 'interface-incomplete-context src/pumps.controller.ts:11']);
    const unfilled = insertAt(NEST_CRLF, fix!.line, annotationFixText(fix!, '\r\n'));
    assert.deepEqual(interfaceCodes((await trace({ [file]: unfilled })).snapshot), ['interface-missing-context src/pumps.controller.ts:5', 'interface-incomplete-context src/pumps.controller.ts:13']);
    const filled = insertAt(NEST_CRLF, fix!.line, '\t// @implications a wrong rate harms the patient\r\n\t// @assets AST-1 infusion parameters\r\n');
    assert.deepEqual(interfaceCodes((await trace({ [file]: filled })).snapshot), ['interface-missing-context src/pumps.controller.ts:5']);
  });

  it('a JSDoc block: the fields go before its closer, with its * margin', async () => {
    const java = ['@RestController', '@RequestMapping("/api/pumps")', 'public class PumpController {', '\t/**', '\t * Reads a pump.', '\t * @exposure external', '\t */', '\t@GetMapping("/{id}")', '\t@PreAuthorize("hasRole(\'clinician\')")', '\tpublic Pump get() { return null; }', '}', ''].join('\n');
    const { fix } = await fixFor({ 'src/PumpController.java': java }, 'src/PumpController.java', 8);
    assert.ok(fix);
    assert.equal(fix.line, 6);
    assert.equal(annotationFixText(fix, '\n'), '\t * @implications \n\t * @assets \n');
    const fixed = insertAt(java, fix.line, '\t * @implications reads dose history\n\t * @assets AST-1\n');
    const { snapshot } = await trace({ 'src/PumpController.java': fixed });
    assert.deepEqual(interfaceCodes(snapshot), ['external-interface-no-threat src/PumpController.java:10'], 'the block is complete; only the threat link is left');
  });

  it('Python: # comments at the decorator stack, indented like it; C#: above the attributes', async () => {
    const python = ['from flask import Flask', '', 'def create_app():', '    api = Flask(__name__)', '', "    @api.get('/health')", '    @login_required', '    def health():', "        return 'ok'", ''].join('\n');
    const { fix } = await fixFor({ 'tools/status.py': python }, 'tools/status.py', 6);
    assert.ok(fix);
    assert.equal(fix.line, 5);
    assert.equal(annotationFixText(fix, '\n'), [...NOTES.map((n) => `    # ${n}`), '    # @exposure external', '    # @implications ', '    # @assets ', ''].join('\n'));
    const csharp = ['namespace Gateway', '{', '    [ApiController]', '    [Route("api/[controller]")]', '    public class PumpsController : ControllerBase', '    {', '        [HttpGet("{id}")]', '        [Authorize(Roles = "clinician")]', '        public IActionResult Get(int id) => Ok();', '    }', '}', ''].join('\r\n');
    const cs = (await fixFor({ 'Controllers/PumpsController.cs': csharp }, 'Controllers/PumpsController.cs', 7)).fix;
    assert.equal(cs?.line, 6);
    assert.equal(cs?.lines[2].prefix, '        // ');
  });

  it('context from the class block: the missing fields go into a new block of the route, never into the class block', async () => {
    const ts = ['// @exposure internal', '// @assets AST-2', "@Controller('status')", 'export class StatusController {', "  @Get('live')", '  live() {}', '}', ''].join('\n');
    const { fix } = await fixFor({ 'src/status.ts': ts }, 'src/status.ts', 5);
    assert.ok(fix);
    assert.equal(fix.mode, 'fields');
    assert.equal(fix.line, 4);
    assert.equal(annotationFixText(fix, '\n'), '  // @implications \n');
  });

  it('required fields from the configuration join the template; JSON (no comments) gets no fix', async () => {
    const files = { 'src/app.ts': "app.get('/metrics', metrics);\n", '.sectrace.yaml': 'interfaces: { required: [exposure, trust-boundary] }\n' };
    const { fix } = await fixFor(files, 'src/app.ts', 1);
    assert.deepEqual(fix?.fields, ['exposure', 'implications', 'assets', 'trust-boundary']);
    assert.equal(fix?.line, 0);
    const json = JSON.stringify({ openapi: '3.0.0', paths: { '/pumps': { get: { responses: {} } } } }, null, 2);
    assert.equal((await fixFor({ 'api/openapi.json': json }, 'api/openapi.json', 5)).fix, undefined);
  });

  it('the snippet: a choice for the exposure, empty tab stops, escaped text, the given line break', async () => {
    const { fix } = await fixFor({ 'src/app.ts': "app.get('/metrics', metrics);\n" }, 'src/app.ts', 1);
    const snippet = annotationFixSnippet(fix!, '\r\n');
    assert.equal(snippet, [...NOTES.map((n) => `// ${n}`), '// @exposure ${1|external,internal,both|}', '// @implications ${2}', '// @assets ${3}', ''].join('\r\n'));
    const hostile: AnnotationFix = { mode: 'fields', line: 0, fields: ['assets'], lines: [{ prefix: '$x} \\ ', field: 'assets' }, { prefix: '# ', note: '${1:x}' }] };
    assert.equal(annotationFixSnippet(hostile, '\n'), '\\$x\\} \\\\ @assets ${1}\n# \\${1:x\\}\n');
  });

  it('no fix when the context is complete', async () => {
    const ts = ['// @exposure internal', '// @implications none', '// @assets AST-2', "app.get('/live', live);", ''].join('\n');
    assert.equal((await fixFor({ 'src/app.ts': ts }, 'src/app.ts', 4)).fix, undefined);
  });
});
