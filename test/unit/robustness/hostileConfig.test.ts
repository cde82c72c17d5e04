// A hostile or broken `.sectrace.yaml` or `.gitignore` comes with the workspace, like any other file: it
// must end as config-error findings at its lines (or a listed note), never as a crash or a hang, and the
// rest of the workspace is still traced.
//
// Covered elsewhere, not repeated here:
// - unknown keys are warnings at their line, wrong types errors at theirs, invalid YAML, alias bombs:
//   test/unit/engine/config.test.ts ("reports ... at line ...", "does not expand YAML alias bombs");
// - the same as findings of a trace: test/unit/engine/check.test.ts ("config-error with the line of the
//   bad key; unknown keys are warnings");
// - an unusable configuration makes the CLI exit 2 naming file and line: test/unit/cli/cli.test.ts;
// - detector patterns that could backtrack are refused at load, and never run even when handed over
//   without the loader; lines are capped: test/unit/interfaces/config.test.ts.
// @verifies STM-2, ST-6
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { createTraceService, type TraceSnapshot } from '../../../src/core';
import { makeDir, runCli } from '../../support/cli';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { joinLines } from '../../support/text';
import { TODAY } from '../engine/helpers';

const NORMAL = {
  'docs/spec.md': joinLines('## SR-1: Lock the rate', 'needs: impl'),
  'src/ok.ts': '// @implements SR-1\n',
};

async function indexed(files: Record<string, string>) {
  const workspace = createMemoryWorkspace({ ...NORMAL, ...files });
  const service = createTraceService({ workspace, now: () => TODAY });
  await service.index();
  return { service, workspace, snapshot: service.snapshot() };
}

/** `code severity line` of each configuration finding (1-based line). */
function configFindings(snapshot: TraceSnapshot): string[] {
  return snapshot.findings.filter((f) => f.location.file === '.sectrace.yaml').map((f) => `${f.code} ${f.severity} ${f.location.range.start.line + 1}`);
}

function assertRestTraced(snapshot: TraceSnapshot): void {
  assert.deepEqual(snapshot.graph.implementationsOf('SR-1').map((t) => t.location.file), ['src/ok.ts']);
}

describe('robustness: a hostile .sectrace.yaml', () => {
  it('unknown keys, wrong types and catastrophic patterns become findings at their lines; the scan finishes', async () => {
    const config = joinLines(
      'version: 1',
      'colour: blue', // 2: unknown key, a warning
      'max-file-size: huge', // 3: wrong type
      'prefixes: { SR: requirement, "S(R+)+": requirement }', // 4: a prefix that would be a regular expression
      'interfaces:',
      '  detectors:',
      '    - name: evil',
      '      languages: [typescript]',
      "      pattern: '(a+)+$'", // 9: exponential backtracking
    );
    // A line that makes `(a+)+$` backtrack for hours, in a file the detector would be run on.
    const { snapshot } = await indexed({ '.sectrace.yaml': config, 'src/evil.ts': `const s = 1; // ${'a'.repeat(40)}!\n` });
    assert.deepEqual(configFindings(snapshot), ['config-error warning 2', 'config-error error 3', 'config-error error 4', 'config-error error 9']);
    const messages = snapshot.findings.map((f) => f.message).join('\n');
    assert.match(messages, /invalid ID prefix `S\(R\+\)\+`/);
    assert.match(messages, /the pattern of detector `evil` is refused: .*nested quantifiers/);
    assert.deepEqual(snapshot.graph.interfaces(), [], 'the refused detector never ran');
    assertRestTraced(snapshot);
  });

  it('a kind named like an Object property (`constructor`) is refused instead of breaking the check', async () => {
    // Before: `needs.constructor` found Object's own function and every snapshot threw a TypeError.
    const { snapshot } = await indexed({ '.sectrace.yaml': 'prefixes: { SR: requirement, X: constructor }\n', 'docs/x.md': '## X-1: A\n' });
    assert.deepEqual(configFindings(snapshot), ['config-error error 1']);
    assert.match(snapshot.findings[0].message, /cannot be `constructor`/);
    assertRestTraced(snapshot);
  });

  it('globs that would take minutes per path, or compile to a regular expression too large, are refused', async function () {
    // Without the refusal the first glob alone takes far longer than the test's timeout on the long name
    // below, and the last one throws on the first path of the walk.
    this.timeout(20_000);
    const config = joinLines(
      `specs: ["docs/**/*.md", "**/${'*a'.repeat(15)}*x"]`, // 1: 17 repeating wildcards
      'tests:',
      '  - "**/*.test.*"',
      '  - "**/a/**/b/**/c/*.ts"', // 4: three `**`
      `exclude: ["${'['.repeat(50_000)}"]`, // 5: far too long
    );
    const { snapshot } = await indexed({ '.sectrace.yaml': config, [`docs/${'a'.repeat(200)}.md`]: '## SR-2: Long name\nneeds: none\n' });
    assert.deepEqual(configFindings(snapshot), ['config-error error 1', 'config-error error 4', 'config-error error 5']);
    assert.match(snapshot.findings[0].message, /the glob `\*\*\/\*a.*` in `specs` is refused: it has 17 repeating wildcards/);
    assert.match(snapshot.findings[1].message, /in `tests` is refused: it has 3 `\*\*`/);
    assert.ok(snapshot.findings[2].message.length < 300, 'a long glob is cut short in the message');
    // The globs that are fine still apply: the long-named spec is a spec, found by `docs/**/*.md`.
    assert.deepEqual([...snapshot.graph.items.keys()].sort(), ['SR-1', 'SR-2']);
    assertRestTraced(snapshot);
  });

  it('the CLI exits 2 on a refused glob with a short message naming file and line, not an internal error', async () => {
    const dir = makeDir({ ...NORMAL, '.sectrace.yaml': `version: 1\nexclude: ["${'['.repeat(50_000)}"]\n` });
    const { code, stderr } = await runCli(['check', dir]).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
    assert.equal(code, 2);
    assert.match(stderr, /\.sectrace\.yaml:2:\d+: the glob `\[+…` in `exclude` is refused: it is longer than 500 characters/);
    assert.doesNotMatch(stderr, /internal error/);
    const message = stderr.split('\n\nUsage:')[0];
    assert.ok(message.length < 400, `${message.length} characters before the usage text`);
  });
});

describe('robustness: a hostile .gitignore', () => {
  it('a rule too long to compile is left out and listed; the file\'s other rules still apply, walk and refresh alike', async () => {
    // Before: the ignore matcher threw "Invalid regular expression" on the first path, and so did index().
    const gitignore = `${'a/'.repeat(30_000)}\ngenerated/\n`;
    const { service, workspace, snapshot } = await indexed({ '.gitignore': gitignore, 'generated/g.ts': '// @implements SR-1\n' });
    assert.deepEqual(snapshot.skipped, [{ file: '.gitignore', reason: 'the rule on line 1 is longer than 4096 characters and not applied' }]);
    assert.equal(snapshot.graph.fileFacts('generated/g.ts'), undefined, 'line 2 still ignores generated/');
    assertRestTraced(snapshot);
    // One changed file is checked against the .gitignore files on its way without a walk.
    workspace.write('src/new.ts', '// @implements SR-1\n');
    await service.refresh(['src/new.ts', 'generated/g.ts']);
    assert.deepEqual(service.snapshot().graph.implementationsOf('SR-1').map((t) => t.location.file), ['src/new.ts', 'src/ok.ts']);
  });
});
