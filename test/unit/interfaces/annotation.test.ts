// The annotation above an interface: comment styles, line endings, decorator stacks, class-level blocks,
// and what is not an annotation.
// @verifies ST-18
import { strict as assert } from 'node:assert';
import { symbolOf } from '../../../src/core/interfaces';
import { contexts, interfacesOf, lines } from './helpers';

describe('interfaces: the annotation', () => {
  it('kernel-doc parameters (`@exposure:`) are documentation, not an annotation', () => {
    const text = lines(
      '/**',
      ' * struct imx274_ctrls - imx274 ctrl structure',
      ' * @handler: V4L2 ctrl handler structure',
      ' * @exposure: Pointer to exposure ctrl structure',
      ' */',
      'struct imx274_ctrls {',
      '\tstruct v4l2_ctrl *exposure;',
      '};',
    );
    assert.deepEqual(interfacesOf('drivers/media/i2c/imx274.c', text), []);
  });

  it('reads every field, several on one line, with IDs and the block range', () => {
    const text = lines(
      'const app = express();',
      '// @exposure external',
      '// @implications forged or replayed commands change a running infusion',
      '// @assets AST-1 dose settings, patient identity',
      '// @trust-boundary hospital network -> gateway',
      '// @threats THR-1, THR-2   @access clinician role via mTLS   @safeguards schema validation, rate limit',
      '// @implements IF-3',
      "app.put('/infusions/:id/rate', handler);",
    );
    const [rate] = interfacesOf('src/app.ts', text);
    const annotation = rate.annotation!;
    assert.deepEqual(annotation.fields.map((f) => [f.name, f.value]), [
      ['exposure', 'external'],
      ['implications', 'forged or replayed commands change a running infusion'],
      ['assets', 'AST-1 dose settings, patient identity'],
      ['trust-boundary', 'hospital network -> gateway'],
      ['threats', 'THR-1, THR-2'],
      ['access', 'clinician role via mTLS'],
      ['safeguards', 'schema validation, rate limit'],
    ]);
    assert.deepEqual(annotation.fields[4].refs.map((r) => [r.id, r.range.start.line, r.range.start.character]), [['THR-1', 5, 12], ['THR-2', 5, 19]]);
    assert.deepEqual(annotation.fields[2].refs.map((r) => r.id), ['AST-1']);
    assert.deepEqual(annotation.implements.map((r) => r.id), ['IF-3']);
    assert.deepEqual(annotation.range, { start: { line: 1, character: 0 }, end: { line: 6, character: 19 } });
    assert.deepEqual(annotation.fields[0].range, { start: { line: 1, character: 3 }, end: { line: 1, character: 21 } });
  });

  it('block comments /** ... */ with leading stars, and a colon after the field', () => {
    const text = lines(
      '/**',
      ' * Starts an infusion.',
      ' * @exposure: both',
      ' * @implications a wrong dose reaches the patient',
      ' * @param body the request',
      ' * @assets AST-1 */',
      "router.post('/infusions', start);",
    );
    assert.deepEqual(contexts('src/routes.ts', text), ['POST /infusions: exposure=both, implications=a wrong dose reaches the patient, assets=AST-1']);
  });

  it('CRLF line endings and tab indentation', () => {
    const text = ['func routes(r *gin.Engine) {', '\t// @exposure internal', '\t// @implications pump status is disclosed', '\t// @assets AST-2', '\tr.GET("/status", status)', '}', ''].join('\r\n');
    const [status] = interfacesOf('internal/routes.go', text);
    assert.deepEqual(status.annotation?.fields.map((f) => `${f.name}=${f.value}`), ['exposure=internal', 'implications=pump status is disclosed', 'assets=AST-2']);
    assert.deepEqual(status.insert, { line: 4, indent: '\t', commentPrefix: '//' });
    assert.deepEqual(status.range.start, { line: 4, character: 1 });
  });

  it('Python # comments above the decorator stack', () => {
    const text = lines(
      '# @exposure external',
      '# @implications a forged signature loads a tampered library',
      '# @assets AST-3',
      "@app.post('/library')",
      '@require_role("pharmacist")',
      'def upload(): ...',
    );
    assert.deepEqual(contexts('tools/api.py', text), ['POST /library: exposure=external, implications=a forged signature loads a tampered library, assets=AST-3']);
  });

  it('above a multi-line decorator stack, not between the decorators', () => {
    const text = lines(
      'export class PumpsController {',
      '  // @exposure external',
      '  // @assets AST-1',
      '  @ApiResponse({',
      '    status: 200,',
      '  })',
      "  @Get(':id')",
      '  find() {}',
      '}',
    );
    assert.deepEqual(contexts('src/pumps.controller.ts', text), ['GET /:id: exposure=external, assets=AST-1']);
  });

  it('a class-level block covers the class routes; a method block is its own and the class block fills its gaps', () => {
    const text = lines(
      '// @exposure external',
      '// @assets AST-1 infusion parameters',
      '// @implications commands change running infusions',
      '@RestController',
      '@RequestMapping("/api")',
      'public class InfusionController {',
      '    @GetMapping("/infusions")',
      '    public List<Infusion> list() { return all(); }',
      '',
      '    // @exposure internal',
      '    // @implications only the ward monitor reads this',
      '    @GetMapping("/metrics")',
      '    public String metrics() { return ""; }',
      '}',
    );
    assert.deepEqual(contexts('src/main/java/InfusionController.java', text), [
      'GET /api/infusions: - | InfusionController: exposure=external, assets=AST-1 infusion parameters, implications=commands change running infusions',
      'GET /api/metrics: exposure=internal, implications=only the ward monitor reads this | InfusionController: exposure=external, assets=AST-1 infusion parameters, implications=commands change running infusions',
    ]);
  });

  it('a protobuf service block covers its rpcs', () => {
    const text = lines(
      'syntax = "proto3";',
      '// @exposure internal',
      '// @assets AST-1',
      'service Pump {',
      '  rpc SetRate (RateRequest) returns (Ack);',
      '  // @implications a forged stop interrupts therapy',
      '  rpc Stop (StopRequest) returns (Ack);',
      '}',
    );
    assert.deepEqual(contexts('proto/pump.proto', text), [
      'rpc Pump.SetRate: - | Pump: exposure=internal, assets=AST-1',
      'rpc Pump.Stop: implications=a forged stop interrupts therapy | Pump: exposure=internal, assets=AST-1',
    ]);
  });

  it('what is not the annotation: a blank line between, a trailing code comment, prose, documentation tags', () => {
    const text = lines(
      '// @exposure external',
      '',
      "app.get('/a', a);",
      "const x = 1; // @exposure external",
      "app.get('/b', b);",
      '// Counters for the monitoring system; see @exposure in the README.',
      "app.get('/c', c);",
      '/** Lists items. @param req the request @returns the items */',
      "app.get('/d', d);",
      '// @implements SR-1',
      "app.get('/e', e);",
    );
    assert.deepEqual(contexts('src/app.ts', text), ['GET /a: -', 'GET /b: -', 'GET /c: -', 'GET /d: -', 'GET /e: -']);
  });

  it('a block with only @implements of an interface item, or a misspelt field, is an annotation', () => {
    const text = lines(
      '// @implements IF-2',
      "app.get('/a', a);",
      '// @exposre external',
      "app.get('/b', b);",
    );
    const [a, b] = interfacesOf('src/app.ts', text);
    assert.deepEqual(a.annotation?.implements.map((r) => r.id), ['IF-2']);
    assert.deepEqual(a.annotation?.fields, []);
    assert.deepEqual(b.annotation?.fields.map((f) => f.name), ['exposre']);
  });

  it('an @exposure block above code no detector knows declares an interface there', () => {
    const text = lines(
      'export class DeviceLink {',
      '  connect(socket: Socket) {',
      '    // @exposure internal',
      '    // @implications a forged frame misreports an infusion',
      '    // @assets AST-1',
      "    socket.on('data', (chunk) => this.onData(chunk));",
      '  }',
      '}',
      '// @exposure local',
      'export function loadLibrary(path: string) {}',
      '// @exposure internal',
      '',
      'function orphan() {}',
      '/** Mentions `@exposure` in prose: not a declaration. */',
      'function described() {}',
      '// @exposure internal',
      'func (s *Server) Start() error {',
    );
    const found = interfacesOf('src/devicelink/link.ts', text);
    assert.deepEqual(found.map((i) => [i.id, i.kind, i.detector, i.range.start.line]), [
      ["src/devicelink/link.ts#socket.on('data')", 'declared', 'annotation', 5],
      ['src/devicelink/link.ts#loadLibrary', 'declared', 'annotation', 9],
      ['src/devicelink/link.ts#Start', 'declared', 'annotation', 16],
    ]);
    assert.deepEqual(found[0].insert, { line: 5, indent: '    ', commentPrefix: '//' });
  });

  it('names a declared interface by what is declared or called on its line', () => {
    assert.equal(symbolOf('function declared(a) {'), 'declared');
    assert.equal(symbolOf('export async function load(path: string) {'), 'load');
    assert.equal(symbolOf('func (s *Server) Start() error {'), 'Start');
    assert.equal(symbolOf('func Listen() {'), 'Listen');
    assert.equal(symbolOf('    def serve(self):'), 'serve');
    assert.equal(symbolOf('const port = openPort(2575);'), 'port');
    assert.equal(symbolOf("socket.on('data', (chunk) => this.onData(chunk));"), "socket.on('data')");
    assert.equal(symbolOf('public Response get(@PathParam("id") String id) {'), 'get');
  });
});
