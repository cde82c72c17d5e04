// Which files are traced: defaults, .gitignore (nested), excludes, symbolic links.
// @verifies ST-7, STM-3
import { strict as assert } from 'node:assert';
import { createIdMatcher, createScanContext, DEFAULT_CONFIG, parseConfig } from '../../../src/core';
import { isPathWalked, walkWorkspace } from '../../../src/core/walk';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';

const context = (yaml = '') => {
  const { config } = parseConfig(yaml);
  return createScanContext(config, createIdMatcher(config.prefixes));
};

describe('walk: which files are traced', () => {
  it('skips node_modules, dist, build, out, vendor and .git without listing them', async () => {
    const files: Record<string, string> = { 'src/a.ts': '', 'README.md': '' };
    for (const dir of ['node_modules/x', 'dist', 'build', 'out', 'vendor', '.git', 'src/node_modules/y']) files[`${dir}/b.ts`] = '';
    const workspace = createMemoryWorkspace(files);
    const result = await walkWorkspace(workspace, context());
    assert.deepEqual(result.files, ['README.md', 'src/a.ts']);
    assert.ok(!workspace.calls.some((c) => /readDirectory .*(node_modules|dist|\.git)/.test(c)), workspace.calls.join('\n'));
  });

  it('respects nested .gitignore files relative to their folder', async () => {
    const workspace = createMemoryWorkspace({
      '.gitignore': 'generated/\n*.log.ts\n',
      'src/.gitignore': 'local.ts\n',
      'src/a.ts': '', 'src/local.ts': '', 'local.ts': '', 'generated/g.ts': '', 'x.log.ts': '',
    });
    const result = await walkWorkspace(workspace, context());
    assert.deepEqual(result.files, ['local.ts', 'src/a.ts']);
  });

  it('a !rule in a nearer .gitignore brings back a file or a folder that one further up ignores, as in git', async () => {
    const workspace = createMemoryWorkspace({
      '.gitignore': '*.gen.ts\ncache/\n',
      'api/.gitignore': '!client.gen.ts\n!cache/\n',
      'api/client.gen.ts': '', 'api/server.gen.ts': '', 'api/cache/a.ts': '', 'web/client.gen.ts': '', 'web/cache/b.ts': '',
    });
    const result = await walkWorkspace(workspace, context());
    assert.deepEqual(result.files, ['api/cache/a.ts', 'api/client.gen.ts']);
    assert.ok(await isPathWalked(workspace, context(), 'api/cache/a.ts'));
    assert.ok(!(await isPathWalked(workspace, context(), 'web/cache/b.ts')));
  });

  it('rules match case as git does by default: `perf` does not ignore `Perf/`', async () => {
    const workspace = createMemoryWorkspace({ '.gitignore': 'perf\n*.GEN.ts\n', 'perf/a.ts': '', 'lib/Perf/b.ts': '', 'c.GEN.ts': '', 'd.gen.ts': '' });
    assert.deepEqual((await walkWorkspace(workspace, context())).files, ['d.gen.ts', 'lib/Perf/b.ts']);
  });

  it('a rule with a path applies at its own depth only, and a later rule overrides an earlier one', async () => {
    const workspace = createMemoryWorkspace({
      '.gitignore': '*.gen.ts\n/arch/*/include/generated/\n!arch/keep.gen.ts\n',
      'arch/x86/include/generated/a.ts': '', 'arch/x86/include/a.ts': '', 'arch/x86/include/x/generated/c.ts': '',
      'lib/arch/x86/include/generated/b.ts': '', 'arch/keep.gen.ts': '', 'arch/x86/b.gen.ts': '',
      'arch/arm/.gitignore': '/include/\n', 'arch/arm/include/e.ts': '', 'arch/arm/y/include/d.ts': '',
    });
    const result = await walkWorkspace(workspace, context());
    assert.deepEqual(result.files, [
      'arch/arm/y/include/d.ts', 'arch/keep.gen.ts', 'arch/x86/include/a.ts', 'arch/x86/include/x/generated/c.ts', 'lib/arch/x86/include/generated/b.ts',
    ]);
  });

  it('gitignore: false traces ignored files too', async () => {
    const workspace = createMemoryWorkspace({ '.gitignore': 'generated/\n', 'generated/g.ts': '' });
    assert.deepEqual((await walkWorkspace(workspace, context('gitignore: false'))).files, ['generated/g.ts']);
  });

  it('applies configured excludes and includes; specs are always included', async () => {
    const workspace = createMemoryWorkspace({ 'src/a.ts': '', 'src/gen/b.ts': '', 'lib/c.ts': '', 'docs/s.md': '' });
    const result = await walkWorkspace(workspace, context('include: ["src/**"]\nexclude: ["src/gen/**"]'));
    assert.deepEqual(result.files, ['docs/s.md', 'src/a.ts']);
  });

  it('does not follow symbolic links, and says so', async () => {
    const workspace = createMemoryWorkspace({ 'src/a.ts': '', '@link:src/loop.ts': '' });
    const result = await walkWorkspace(workspace, context());
    assert.deepEqual(result.files, ['src/a.ts']);
    assert.deepEqual(result.skipped, [{ file: 'src/loop.ts', reason: 'symbolic link (not followed)' }]);
  });

  it('an unreadable folder is reported as skipped, the rest is walked', async () => {
    const workspace = createMemoryWorkspace({ 'src/a.ts': '', 'secret/b.ts': '' });
    workspace.failOn('secret', 'EACCES');
    const result = await walkWorkspace(workspace, createScanContext(DEFAULT_CONFIG, createIdMatcher(DEFAULT_CONFIG.prefixes)));
    assert.deepEqual(result.files, ['src/a.ts']);
    assert.deepEqual(result.skipped, [{ file: 'secret', reason: 'folder not readable: EACCES' }]);
  });

  it('files in languages we do not lex are not traced', async () => {
    const workspace = createMemoryWorkspace({ 'a.png': '', 'b.ts': '', 'c.unknownext': '' });
    assert.deepEqual((await walkWorkspace(workspace, context())).files, ['b.ts']);
  });
});
