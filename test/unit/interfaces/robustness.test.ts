// No file can make interface detection slow or throw: crafted repetitions of every construct the
// detectors walk (decorator stacks, call chains, comment blocks, brackets, classes), and random soups of
// their tokens fed to the detectors directly, without the safety net of detectInterfaces.
// @verifies ST-17, STM-2
import { strict as assert } from 'node:assert';
import { createIdMatcher } from '../../../src/core/ids';
import type { LanguageDetector } from '../../../src/core/interfaces/detection';
import { csharpDetector } from '../../../src/core/interfaces/detectors/csharp';
import { goDetector } from '../../../src/core/interfaces/detectors/go';
import { javascriptDetector } from '../../../src/core/interfaces/detectors/javascript';
import { jvmDetector } from '../../../src/core/interfaces/detectors/jvm';
import { openApiDetector } from '../../../src/core/interfaces/detectors/openapi';
import { protobufDetector } from '../../../src/core/interfaces/detectors/protobuf';
import { pythonDetector } from '../../../src/core/interfaces/detectors/python';
import { SourceText } from '../../../src/core/interfaces/source';
import type { LanguageId } from '../../../src/core/scan/code';
import { interfacesOf } from './helpers';

const ids = createIdMatcher({ THR: 'threat', AST: 'asset', IF: 'interface' });

const DETECTORS: readonly [LanguageId, string, LanguageDetector][] = [
  ['typescript', 'src/x.ts', javascriptDetector],
  ['python', 'src/x.py', pythonDetector],
  ['java', 'src/X.java', jvmDetector],
  ['kotlin', 'src/X.kt', jvmDetector],
  ['csharp', 'src/X.cs', csharpDetector],
  ['go', 'src/x.go', goDetector],
  ['protobuf', 'src/x.proto', protobufDetector],
  ['yaml', 'src/openapi.yaml', openApiDetector],
];

/** Units that, repeated many times, stress one walk each. */
const HOSTILE: readonly [string, string][] = [
  ['src/stack.ts', '@Get()\n'],
  ['src/chain.ts', "  .get('/x', h)\n"],
  ['src/block.ts', '// @exposure external\n'],
  ['src/open.ts', "app.get('/x', f(\n"],
  ['src/classes.ts', 'class A extends B(\n'],
  ['src/nest.ts', "@Controller('x') class C { @Get(':id') f() {} \n"],
  ['src/objects.ts', "server.route([{ method: 'GET', path: '/x' \n"],
  ['src/Stack.java', '@GetMapping("/x")\n'],
  ['src/Classes.java', '@RequestMapping("/a") class A {\n'],
  ['src/Stack.cs', '[HttpGet("x")]\n'],
  ['src/groups.go', 'g := g.Group("/x")\n'],
  ['src/app.py', "@app.route('/x', methods=[\n"],
  ['src/urls.py', "urlpatterns = [path('x/', v),\n"],
  ['api/openapi.yaml', 'openapi: 3.0.0\npaths:\n' + '  /x:\n    get: {}\n'.repeat(10)],
  ['proto/x.proto', 'service S { rpc A(B) returns (C);\n'],
];

describe('interfaces: robustness', function () {
  // Generous: the bound is what matters, and shared test machines are slow.
  this.timeout(60_000);

  for (const [path, unit] of HOSTILE) {
    it(`a file of ${JSON.stringify(unit.slice(0, 30))} repeated stays fast (${path})`, () => {
      const text = unit.repeat(Math.ceil(400_000 / unit.length));
      const started = Date.now();
      const found = interfacesOf(path, text);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 4000, `took ${elapsed} ms`);
      assert.ok(found.length <= 5000);
    });
  }

  it('one very long line of route-like text', () => {
    const text = `${"app.get('/x', h); ".repeat(30_000)}\n`;
    const started = Date.now();
    interfacesOf('src/long.ts', text);
    assert.ok(Date.now() - started < 4000);
  });

  it('random soups of the detectors\' tokens never throw and give ranges inside the text', () => {
    const tokens = [
      '@Get(', '@Controller(', 'class X ', '{', '}', '(', ')', '[', ']', "'/a'", '"/b"', '`/c`', ',', '.get(', '.post(', '.route(', 'app', 'router',
      '\n', '\r\n', '  ', '// @exposure external\n', '/*', '*/', '# @assets AST-1\n', '"', "'", '@app.route(', 'methods=[', '@GetMapping(',
      '@RequestMapping(', '@Path(', '@GET', '[HttpGet(', '[Route(', '.MapGet(', 'r.GET(', '.HandleFunc(', 'service S {', 'rpc A(', 'paths:\n',
      'openapi: 3\n', '  /x:\n', '    get:\n', 'x-exposure: ', 'createServer(', 'import { createServer } from "https";\n', 'express()', '.listen(',
      'Server', '@implements IF-1', '\\', '`', 'urlpatterns', 'path(', 'Blueprint(', 'url_prefix=', 'MapGroup(', 'Group(',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      const parts: string[] = [];
      const length = 5 + (next() % 120);
      for (let i = 0; i < length; i++) parts.push(tokens[next() % tokens.length]);
      const text = parts.join('');
      for (const [language, , detector] of DETECTORS) {
        const source = new SourceText(text, language);
        const found = detector.detect(source, ids);
        for (const d of found) {
          assert.ok(d.start >= 0 && d.start <= text.length && d.end >= d.start - 1, `${language}: ${JSON.stringify(text)}`);
          assert.ok(d.anchorLine >= 0 && d.anchorLine < source.lineCount, `${language}: ${JSON.stringify(text)}`);
        }
      }
      for (const [, path] of DETECTORS) {
        for (const fact of interfacesOf(path, text)) {
          assert.ok(fact.range.start.line <= fact.range.end.line);
          assert.ok(fact.insert.line >= 0);
        }
      }
    }
  });
});
