// Re-pinning rewrites only the pin's characters: every other byte of the file stays as it was, whatever
// its line endings, BOM, indentation or encoding. The CLI's `pin` writes atomically and keeps permissions.
// @verifies ST-55
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pinOf } from '../../../src/core/impact/fingerprint';
import { applyPinEdits, type PinEdit } from '../../../src/core/impact/repin';
import { cli, fingerprintIn, makeDir, trace } from './helpers';

const SPEC = '## SR-1: Lock the pump\n\nLock after three failed attempts.\n\n## SR-2: Audit\nneeds: impl\n';
const CHANGED = SPEC.replace('three', 'five');

function bytesOf(...parts: (string | number[])[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

/** Asserts that `after` equals `before` with `from` replaced by `to` once, at the same place. */
function assertOnlyPinChanged(before: Buffer, after: Buffer, from: string, to: string, encoding: 'utf8' | 'utf16le' = 'utf8'): void {
  const a = Buffer.from(from, encoding);
  const b = Buffer.from(to, encoding);
  const at = before.indexOf(a);
  assert.ok(at >= 0, `${from} not in the file`);
  assert.equal(before.indexOf(a, at + 1), -1, `${from} is in the file more than once`);
  assert.deepEqual(after, Buffer.concat([before.subarray(0, at), b, before.subarray(at + a.length)]));
}

describe('impact: re-pinning in place', () => {
  const edit = (over: Partial<PinEdit>): PinEdit => ({ file: 'src/a.ts', id: 'SR-1', line: 0, character: 15, oldPin: '000000', newPin: 'abcdef', ...over });

  it('replaces only the pin: CRLF line ends, a BOM, tabs and other pins on the line are kept', () => {
    const before = bytesOf([0xef, 0xbb, 0xbf], 'x\r\n\t\t// @implements SR-2#111111, SR-1#000000\r\n\tlet a = "SR-1#000000";\r\n');
    const result = applyPinEdits(before, [edit({ line: 1, character: 30 })]);
    assert.deepEqual(result.refused, []);
    const expected = bytesOf([0xef, 0xbb, 0xbf], 'x\r\n\t\t// @implements SR-2#111111, SR-1#abcdef\r\n\tlet a = "SR-1#000000";\r\n');
    assert.deepEqual(Buffer.from(result.bytes), expected);
  });

  it('finds the column after characters outside the BMP and after invalid UTF-8 bytes', () => {
    const before = bytesOf('// 𝄞 ü ', [0xff, 0xfe], ' @implements SR-1#000000\n');
    // 𝄞 is two UTF-16 units; each invalid byte decodes to one U+FFFD.
    const result = applyPinEdits(before, [edit({ character: 23 })]);
    assert.deepEqual(result.refused, []);
    assertOnlyPinChanged(before, Buffer.from(result.bytes), 'SR-1#000000', 'SR-1#abcdef');
  });

  it('keeps UTF-16 files UTF-16 (both byte orders)', () => {
    for (const [bom, encoding] of [[[0xff, 0xfe], 'utf16le'], [[0xfe, 0xff], 'utf16be']] as const) {
      const body = '// é\r\n// @implements SR-1#000000\r\n';
      const encoded = encoding === 'utf16le' ? Buffer.from(body, 'utf16le') : Buffer.from(body, 'utf16le').swap16();
      const before = Buffer.concat([Buffer.from(bom), encoded]);
      const result = applyPinEdits(before, [edit({ line: 1 })]);
      const expected = encoding === 'utf16le' ? Buffer.from(body.replace('000000', 'abcdef'), 'utf16le') : Buffer.from(body.replace('000000', 'abcdef'), 'utf16le').swap16();
      assert.deepEqual(Buffer.from(result.bytes), Buffer.concat([Buffer.from(bom), expected]), encoding);
    }
  });

  it('adds a pin right after an unpinned ID, keeps the length of a longer pin, and does several edits at once', () => {
    const before = bytesOf('// @implements SR-1, SR-2#00000000\n// @verifies SR-1\n');
    const result = applyPinEdits(before, [
      edit({ oldPin: undefined, newPin: 'abcdef' }),
      edit({ id: 'SR-2', character: 21, oldPin: '00000000', newPin: '12345678' }),
      edit({ line: 1, character: 13, oldPin: undefined, newPin: 'abcdef' }),
    ]);
    assert.equal(Buffer.from(result.bytes).toString('utf8'), '// @implements SR-1#abcdef, SR-2#12345678\n// @verifies SR-1#abcdef\n');
    assert.equal(result.applied.length, 3);
  });

  it('refuses an edit whose ID or pin is no longer there, and changes nothing for it', () => {
    const before = bytesOf('// @implements SR-1#000001\n// @implements SR-1#00000000\n');
    const result = applyPinEdits(before, [edit({}), edit({ line: 1, oldPin: '000000' }), edit({ line: 7 })]);
    assert.equal(result.applied.length, 0);
    assert.equal(result.refused.length, 3);
    assert.deepEqual(Buffer.from(result.bytes), before);
  });

  describe('sectrace pin', () => {
    async function pinFor(spec: string): Promise<string> {
      return pinOf(fingerprintIn((await trace({ 'docs/spec.md': spec })).snapshot, 'SR-1'));
    }

    it('re-pins stale pins in place, byte for byte, keeping permissions, and says what it changed', async () => {
      const oldPin = await pinFor(SPEC);
      const newPin = await pinFor(CHANGED);
      const code = bytesOf([0xef, 0xbb, 0xbf], `#!/usr/bin/env node\r\n\t// @implements SR-1#${oldPin}\r\n\tfunction lock() {}\r\n\t// @implements SR-2\r\n`);
      const dir = makeDir({ 'docs/spec.md': CHANGED, 'src/a.js': code, 'test/a.test.ts': `// @verifies SR-1#${oldPin}\n// @verifies SR-1#${newPin}\n` });
      fs.chmodSync(path.join(dir, 'src/a.js'), 0o751);
      const dry = await cli(['pin', dir, '--dry-run']);
      assert.equal(dry.code, 0);
      assert.match(dry.stdout, /would update 2 pins in 2 files/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'src/a.js')), code);
      const { code: exit, stdout } = await cli(['pin', dir]);
      assert.equal(exit, 0, stdout);
      assert.equal(stdout, [
        `src/a.js:2:17  re-pinned SR-1 #${oldPin} -> #${newPin}`,
        `test/a.test.ts:1:14  re-pinned SR-1 #${oldPin} -> #${newPin}`,
        'sectrace pin: updated 2 pins in 2 files',
        '',
      ].join('\n'));
      assertOnlyPinChanged(code, fs.readFileSync(path.join(dir, 'src/a.js')), `SR-1#${oldPin}`, `SR-1#${newPin}`);
      assert.equal(fs.statSync(path.join(dir, 'src/a.js')).mode & 0o777, 0o751);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'src')), ['a.js'], 'no temporary file is left behind');
      const again = await cli(['check', dir]);
      assert.doesNotMatch(again.stdout, /suspect-link/);
      assert.match((await cli(['pin', dir])).stdout, /every pinned link is up to date \(use --add to pin unpinned tags too\)/);
    });

    it('--id limits it to one item; --add pins unpinned tags too', async () => {
      const dir = makeDir({ 'docs/spec.md': CHANGED, 'src/a.ts': '// @implements SR-1#000000\n// @implements SR-2\n' });
      const one = await cli(['pin', dir, '--id', 'SR-2']);
      assert.match(one.stdout, /every pinned link to SR-2 is up to date/);
      const added = await cli(['pin', dir, '--id', 'SR-2', '--add']);
      assert.match(added.stdout, /src\/a\.ts:2:16 {2}pinned SR-2#[0-9a-f]{6}\n/);
      assert.match(fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8'), /^\/\/ @implements SR-1#000000\n\/\/ @implements SR-2#[0-9a-f]{6}\n$/);
      const unknown = await cli(['pin', dir, '--id', 'SR-9']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /not defined in any spec: SR-9/);
    });
  });
});
