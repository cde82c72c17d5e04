// `importers:` in .sectrace.yaml: a list enables exactly those formats, `auto` (or no key) auto-detects,
// anything else is a configuration error at its line.
// @verifies ST-30
import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/core';
import { importerSettings } from '../../../src/core/importers';
import { findingKeys, scan, trace } from './helpers';

describe('importers: configuration and auto-detection', () => {
  it('no key and `auto` auto-detect; a list enables exactly those; [] none', () => {
    assert.equal(parseConfig('').config.importers, undefined);
    assert.equal(parseConfig('importers: auto\n').config.importers, undefined);
    assert.deepEqual(parseConfig('importers: [oft, threatspec, oft]\n').config.importers, ['oft', 'threatspec']);
    assert.deepEqual(parseConfig('importers: []\n').config.importers, []);
    const auto = importerSettings(DEFAULT_CONFIG);
    assert.deepEqual([...auto.enabled], ['oft', 'strictdoc', 'lobster']);
    assert.equal(auto.auto, true);
  });

  it('an unknown importer or a wrong type is a fatal problem at its line', () => {
    const { problems } = parseConfig('version: 1\nimporters: [oft, reqif]\n');
    assert.deepEqual(problems.map((p) => [p.range.start.line, p.fatal, p.message]), [[1, true, 'unknown importer `reqif`: `importers` must be `auto` or a list of oft, threatspec, strictdoc, lobster']]);
    assert.equal(parseConfig('importers: oft\n').problems.length, 1);
  });

  it('auto-detection never reads ThreatSpec, and reads OFT, StrictDoc and LOBSTER markers', () => {
    const text = '// @threat X (#x)\n// @relation(REQ-1, scope=file)\n// lobster-trace: REQ-1\n// [impl->dsn~a~1]\n';
    assert.deepEqual(scan('src/a.ts', text).tags.map((t) => t.imported?.format), ['oft', 'strictdoc', 'lobster']);
    assert.deepEqual(scan('src/a.ts', text).items, []);
  });

  it('a file without any marker is returned untouched (the fast path)', () => {
    const facts = scan('src/a.ts', '// @implements SR-1\nconst x = ~y;\n');
    assert.deepEqual(facts.tags.map((t) => t.imported), [undefined]);
  });

  it('a workspace without imported formats traces exactly as before', async () => {
    const { snapshot } = await trace({ 'docs/spec.md': '## SR-1: A\nneeds: impl\n', 'src/a.ts': '// @implements SR-1\n' });
    assert.deepEqual(findingKeys(snapshot), []);
  });
});
