// The interface findings through the whole engine, including the cases where each must not fire, and
// context inherited from interface items in specs.
// @verifies ST-21, ST-22
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTraceService, type TraceSnapshot } from '../../../src/core';
import { toCheckJson } from '../../../src/core/export/checkJson';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { TODAY, trace } from '../engine/helpers';
import { lines } from './helpers';

/** Interface findings only: `code file:line`. */
function interfaceFindings(snapshot: TraceSnapshot): string[] {
  return snapshot.findings.filter((f) => /interface/.test(f.code)).map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1}`);
}

const THREATS = lines('## THR-1: Replay of dose commands', 'status: accepted', 'owner: safety board', 'rationale: bounded', 'review-by: 2027-01-01');
const COMPLETE = ['// @exposure external', '// @implications forged commands change a running infusion', '// @assets AST-1 dose settings'];

describe('interfaces: findings', () => {
  it('interface-missing-context: an interface with no annotation, at its route line; not for an annotated one', async () => {
    const { snapshot } = await trace({
      'src/app.ts': lines("app.get('/metrics', metrics);", ...COMPLETE, '// @threats THR-1', "app.post('/infusions', start);"),
      'docs/threats.md': THREATS,
    });
    assert.deepEqual(interfaceFindings(snapshot), ['interface-missing-context src/app.ts:1']);
    const [finding] = snapshot.findings.filter((f) => f.code === 'interface-missing-context');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^interface `GET \/metrics` \(express\) has no security context: write @exposure, @implications and @assets/);
    assert.deepEqual(finding.location.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } });
  });

  it('interface-incomplete-context names the missing fields; required fields are configurable', async () => {
    const files = { 'src/app.ts': lines('// @exposure internal', '// @assets AST-2', "app.get('/status', status);") };
    const { snapshot } = await trace(files);
    assert.deepEqual(interfaceFindings(snapshot), ['interface-incomplete-context src/app.ts:3']);
    assert.match(snapshot.findings.find((f) => f.code === 'interface-incomplete-context')!.message, /lacks @implications \(IEC 81001-5-1 §5\.4\.3\)$/);
    const relaxed = await trace({ ...files, '.sectrace.yaml': 'interfaces: { required: [exposure] }\n' });
    assert.deepEqual(interfaceFindings(relaxed.snapshot), []);
    const stricter = await trace({ ...files, '.sectrace.yaml': 'interfaces: { required: [exposure, assets, implications, trust-boundary] }\n' });
    assert.match(stricter.snapshot.findings.find((f) => f.code === 'interface-incomplete-context')!.message, /lacks @implications and @trust-boundary/);
  });

  it('interface-invalid-exposure is an error; exposure may carry a note after the word, in any case', async () => {
    const { snapshot } = await trace({
      'src/a.ts': lines('// @exposure local', '// @implications x', '// @assets y', "app.get('/a', a);"),
      'src/b.ts': lines('// @exposure Internal (ward network only)', '// @implications x', '// @assets y', "app.get('/b', b);"),
    });
    assert.deepEqual(interfaceFindings(snapshot), ['interface-invalid-exposure src/a.ts:4']);
    assert.equal(snapshot.findings[0].severity, 'error');
    assert.match(snapshot.findings[0].message, /`@exposure local` on line 1 is not internal, external or both/);
  });

  it('interface-unknown-field, with a suggestion in the message; documentation tags are not fields', async () => {
    const { snapshot } = await trace({
      'src/a.ts': lines('/**', ' * @exposure internal', ' * @implications x', ' * @asets y', ' * @param req the request', ' * @assets z', ' */', "app.get('/a', a);"),
    });
    assert.deepEqual(interfaceFindings(snapshot), ['interface-unknown-field src/a.ts:8']);
    assert.match(snapshot.findings[0].message, /`@asets` on line 4 is not an interface field \(did you mean `@assets`\?\)/);
  });

  it('external-interface-no-threat: external or both without a linked threat; internal ones and linked ones are fine', async () => {
    const { snapshot } = await trace({
      'docs/threats.md': THREATS,
      'src/app.ts': lines(
        ...COMPLETE, "app.get('/a', a);", '',
        ...COMPLETE, '// @threats THR-1', "app.get('/b', b);", '',
        ...COMPLETE, '// @threats THR-9', "app.get('/c', c);", '',
        '// @exposure internal', '// @implications x', '// @assets y', "app.get('/d', d);", '',
        '// @exposure both', '// @implications x', '// @assets y', '// @mitigates THR-1', "app.get('/e', e);",
      ),
    });
    assert.deepEqual(interfaceFindings(snapshot), ['external-interface-no-threat src/app.ts:4', 'external-interface-no-threat src/app.ts:16']);
    const [first, second] = snapshot.findings.filter((f) => f.code === 'external-interface-no-threat');
    assert.match(first.message, /is exposed externally but no threat is linked to it: name its threats with @threats THR-n$/);
    assert.match(second.message, /\(`THR-9` named by @threats is not a defined threat\)/);
  });

  it('context and threats are inherited from the interface item the code implements', async () => {
    const spec = lines(
      '## IF-1: Infusion control API',
      'exposure: external',
      'implications: forged commands change a running infusion',
      'assets: AST-1',
      'threats: THR-1',
      '',
      '## IF-2: Status API',
      'exposure: external',
      '',
      '## THR-2: Eavesdropping',
      'threatens: IF-2',
      'status: accepted',
      'owner: o',
      'rationale: r',
      'review-by: 2027-01-01',
    );
    const { snapshot } = await trace({
      'docs/interfaces.md': spec,
      'docs/threats.md': THREATS,
      'src/app.ts': lines(
        '// @implements IF-1',
        "app.post('/infusions', start);",
        '// @implements IF-2',
        '// @implications discloses patient identity',
        "app.get('/infusions/:id', status);",
        '// @exposure internal',
        '// @implements IF-2',
        "app.get('/ward', ward);",
      ),
    });
    // IF-2 lacks assets; its threat links to it through `threatens` (which the checker also flags as a link to a non-asset).
    assert.deepEqual(interfaceFindings(snapshot), ['interface-incomplete-context src/app.ts:5', 'interface-incomplete-context src/app.ts:8']);
    assert.match(snapshot.findings.find((f) => f.location.range.start.line === 4)!.message, /lacks @assets \(also not inherited from IF-2\)/);
    const json = toCheckJson(snapshot, { name: 'sectrace', version: 'test' }) as { interfaces: { name: string; exposure?: string; threats: string[]; implements: string[]; context: Record<string, { from: string }> }[] };
    const summary = json.interfaces.map((i) => [i.name, i.exposure, i.implements.join(), i.threats.join(), i.context.exposure?.from]);
    assert.deepEqual(summary, [
      ['POST /infusions', 'external', 'IF-1', 'THR-1', 'IF-1'],
      ['GET /infusions/:id', 'external', 'IF-2', 'THR-2', 'IF-2'],
      ['GET /ward', 'internal', 'IF-2', 'THR-2', 'annotation'],
    ]);
  });

  it('an interface item with an invalid exposure is reported at the item, not again at each route', async () => {
    const { snapshot } = await trace({
      'docs/interfaces.md': lines('## IF-4: Drug library import', 'exposure: local', 'implications: x', 'assets: AST-3'),
      'src/library.ts': lines('// @implements IF-4', "router.post('/library', upload);"),
    });
    assert.deepEqual(interfaceFindings(snapshot), ['interface-invalid-exposure docs/interfaces.md:2']);
    assert.equal(snapshot.findings[0].id, 'IF-4');
  });

  it('a class-level annotation covers the class routes; findings can be turned off', async () => {
    const controller = lines(
      '// @exposure internal',
      '// @implications status only',
      '@Controller("pumps")',
      'export class PumpsController {',
      '  @Get()',
      '  list() {}',
      '  // @assets AST-1',
      "  @Get(':id')",
      '  find() {}',
      '}',
    );
    const { snapshot } = await trace({ 'src/pumps.controller.ts': controller });
    assert.deepEqual(interfaceFindings(snapshot), ['interface-incomplete-context src/pumps.controller.ts:5']);
    const off = await trace({ 'src/pumps.controller.ts': controller, '.sectrace.yaml': 'severity: { interface-incomplete-context: off }\n' });
    assert.deepEqual(interfaceFindings(off.snapshot), []);
  });

  it('graph.interfaces() follows edits and overlays incrementally, and equals a fresh trace', async () => {
    const workspace = createMemoryWorkspace({ 'src/a.ts': "app.get('/a', a);\n", 'src/b.ts': 'export const b = 1;\n' });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    assert.deepEqual(service.snapshot().graph.interfaces().map((i) => i.id), ['src/a.ts#GET /a']);
    service.setOverlay('src/b.ts', "router.post('/b', b);\n");
    assert.deepEqual(service.snapshot().graph.interfaces().map((i) => i.id), ['src/a.ts#GET /a', 'src/b.ts#POST /b']);
    workspace.remove('src/a.ts');
    await service.refresh(['src/a.ts']);
    const after = service.snapshot();
    assert.deepEqual(after.graph.interfaces().map((i) => i.id), ['src/b.ts#POST /b']);
    const fresh = await trace({ 'src/b.ts': "router.post('/b', b);\n" });
    assert.deepEqual(after.graph.interfaces(), fresh.snapshot.graph.interfaces());
    assert.deepEqual(interfaceFindings(after), interfaceFindings(fresh.snapshot));
  });

  it('check --json carries the interfaces and validates against the schema', async () => {
    const { snapshot } = await trace({
      'docs/threats.md': THREATS,
      'src/app.ts': lines(...COMPLETE, '// @threats THR-1', "app.post('/infusions', start);", "app.get('/metrics', metrics);"),
    });
    const json = toCheckJson(snapshot, { name: 'sectrace', version: 'test' }) as { interfaces: unknown[] };
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/check.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(json), JSON.stringify(validate.errors));
    assert.deepEqual(json.interfaces[0], {
      id: 'src/app.ts#POST /infusions',
      name: 'POST /infusions',
      kind: 'http',
      detector: 'express',
      method: 'POST',
      route: '/infusions',
      location: { file: 'src/app.ts', line: 5, column: 1, endLine: 5, endColumn: 22 },
      exposure: 'external',
      context: {
        exposure: { value: 'external', from: 'annotation', location: { file: 'src/app.ts', line: 1, column: 4, endLine: 1, endColumn: 22 } },
        implications: { value: 'forged commands change a running infusion', from: 'annotation', location: { file: 'src/app.ts', line: 2, column: 4, endLine: 2, endColumn: 59 } },
        assets: { value: 'AST-1 dose settings', from: 'annotation', location: { file: 'src/app.ts', line: 3, column: 4, endLine: 3, endColumn: 31 } },
        threats: { value: 'THR-1', from: 'annotation', location: { file: 'src/app.ts', line: 4, column: 4, endLine: 4, endColumn: 18 } },
      },
      implements: [],
      threats: ['THR-1'],
      missing: [],
      annotated: true,
    });
    assert.deepEqual(json.interfaces[1], {
      id: 'src/app.ts#GET /metrics', name: 'GET /metrics', kind: 'http', detector: 'express', method: 'GET', route: '/metrics',
      location: { file: 'src/app.ts', line: 6, column: 1, endLine: 6, endColumn: 19 },
      context: {}, implements: [], threats: [], missing: ['exposure', 'implications', 'assets'], annotated: false,
    });
  });
});
