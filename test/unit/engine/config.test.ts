// @verifies ST-3
import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/core';

describe('config: .sectrace.yaml', () => {
  it('an empty file gives the defaults and no problems', () => {
    assert.deepEqual(parseConfig(''), { config: DEFAULT_CONFIG, problems: [] });
  });

  it('reads every key', () => {
    const { config, problems } = parseConfig([
      'version: 1',
      'prefixes: { REQ: requirement, HAZ: threat }',
      'specs: ["docs/**/*.md"]',
      'include: ["src/**"]',
      'exclude: ["src/gen/**"]',
      'gitignore: false',
      'tests: ["**/*.check.ts"]',
      'needs: { requirement: [impl] }',
      'severity: { unverified: error }',
      'fail-on: warning',
      'max-file-size: 1000',
    ].join('\n'));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.prefixes, { REQ: 'requirement', HAZ: 'threat' });
    assert.deepEqual(config.specs, ['docs/**/*.md']);
    assert.deepEqual(config.include, ['src/**']);
    assert.ok(config.exclude.includes('src/gen/**') && config.exclude.includes('**/node_modules/**'));
    assert.equal(config.gitignore, false);
    assert.deepEqual(config.tests, ['**/*.check.ts']);
    assert.deepEqual(config.needs.requirement, ['impl']);
    assert.deepEqual(config.needs.mitigation, ['impl', 'test']);
    assert.equal(config.severity.unverified, 'error');
    assert.equal(config.severity.unimplemented, 'error');
    assert.equal(config.failOn, 'warning');
    assert.equal(config.maxFileSize, 1000);
  });

  const problemCases: [string, string, number, boolean][] = [
    ['prefixes: [SR]', 'must map ID prefixes', 1, true],
    ['prefixes: { "S R": requirement }', 'invalid ID prefix', 1, true],
    ['prefixes: { SR: Requirement }', 'lower-case word', 1, true],
    ['specs: 3', 'list of glob strings', 1, true],
    ['version: 1\nneeds: { requirement: [build] }', 'unknown need `build`', 2, true],
    ['severity: { nope: error }', 'unknown finding code `nope`', 1, false],
    ['severity: { unverified: loud }', 'must be one of', 1, true],
    ['gitignore: maybe', 'true or false', 1, true],
    ['version: 2', '`version` must be 1', 1, true],
    ['\n\ncolor: red', 'unknown key `color`', 3, false],
    ['specs: [a\nb: [', 'invalid YAML', 2, true],
    ['- just\n- a list', 'must be a mapping', 1, true],
    ['a: 1\na: 2', 'invalid YAML', 2, true],
  ];
  for (const [text, message, line, fatal] of problemCases) {
    it(`reports ${JSON.stringify(text)} at line ${line}`, () => {
      const { problems } = parseConfig(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.ok(problems[0].message.includes(message), problems[0].message);
      assert.equal(problems[0].range.start.line + 1, line);
      assert.equal(problems[0].fatal, fatal);
    });
  }

  it('does not expand YAML alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'specs: *d'].join('\n');
    const started = Date.now();
    const { problems } = parseConfig(bomb);
    assert.ok(Date.now() - started < 1000);
    assert.ok(problems.some((p) => p.fatal));
  });
});
