// The command line's writes on real files: a file is replaced atomically (a temporary file in the same
// folder, renamed over it) with its permission bits, never written through a symbolic link, and nothing
// is left behind when a write fails. `pin`, `review` and `report --out` replace files that way; `report
// --out` replaces only its own previous reports unless --force.
// @verifies STM-6
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../src/cli/atomicWrite';
import { pinOf } from '../../../src/core/impact/fingerprint';
import { makeDir, runCli } from '../../support/cli';
import { fingerprintIn, trace } from './helpers';

const SPEC = '## SR-1: Lock the pump\n\nLock after five failed attempts.\n';
const modeOf = (file: string) => fs.statSync(file).mode & 0o7777;
const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

function withMode(file: string, content: string | Uint8Array, mode: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  // The mode given to open is masked by the umask; set it exactly.
  fs.chmodSync(file, mode);
  return file;
}

describe('atomic writes keep bytes and modes', () => {
  describe('writeFileAtomic', () => {
    it('replaces the content and keeps the exact permission bits of the file it replaces', () => {
      const dir = makeDir({});
      for (const mode of [0o755, 0o775, 0o666, 0o751, 0o640, 0o600, 0o444]) {
        const file = withMode(path.join(dir, `f-${mode.toString(8)}`), 'old', mode);
        writeFileAtomic(file, Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
        assert.deepEqual(fs.readFileSync(file), Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
        assert.equal(modeOf(file), mode, mode.toString(8));
      }
      assert.deepEqual(leftovers(dir), []);
    });

    it('creates a missing file and its folders with the default mode', () => {
      const dir = makeDir({});
      const file = path.join(dir, 'a', 'b', 'new.yaml');
      writeFileAtomic(file, 'x: 1\n');
      assert.equal(fs.readFileSync(file, 'utf8'), 'x: 1\n');
      const umask = process.umask();
      assert.equal(modeOf(file), 0o666 & ~umask);
    });

    it('replaces a symbolic link at the target instead of writing through it', () => {
      const dir = makeDir({ 'outside.txt': 'not ours\n', 'repo/keep.txt': '' });
      const link = path.join(dir, 'repo', 'store.yaml');
      fs.symlinkSync(path.join(dir, 'outside.txt'), link);
      writeFileAtomic(link, 'ours\n');
      assert.equal(fs.readFileSync(path.join(dir, 'outside.txt'), 'utf8'), 'not ours\n', 'the linked file is untouched');
      assert.equal(fs.lstatSync(link).isSymbolicLink(), false);
      assert.equal(fs.readFileSync(link, 'utf8'), 'ours\n');
    });

    it('leaves nothing behind and the target as it was when the write fails', () => {
      const dir = makeDir({ 'target/inside.txt': 'kept\n' });
      // Renaming a file over a folder fails: the temporary file must go, the folder stay.
      assert.throws(() => writeFileAtomic(path.join(dir, 'target'), 'x'));
      assert.deepEqual(fs.readdirSync(dir), ['target']);
      assert.equal(fs.readFileSync(path.join(dir, 'target', 'inside.txt'), 'utf8'), 'kept\n');
    });
  });

  describe('sectrace pin and review', () => {
    it('pin keeps an executable script executable and a private file private, changing only the pin', async () => {
      const oldPin = pinOf(fingerprintIn((await trace({ 'docs/spec.md': SPEC.replace('five', 'three') })).snapshot, 'SR-1'));
      const newPin = pinOf(fingerprintIn((await trace({ 'docs/spec.md': SPEC })).snapshot, 'SR-1'));
      const script = `#!/bin/sh\r\n\t# @implements SR-1#${oldPin}\r\nexit 0\r\n`;
      const secret = `\uFEFF// @implements SR-1#${oldPin}\n`;
      const dir = makeDir({ 'docs/spec.md': SPEC });
      withMode(path.join(dir, 'tools/lock.sh'), script, 0o755);
      withMode(path.join(dir, 'src/keys.ts'), secret, 0o600);
      const { code, stdout } = await runCli(['pin', dir]);
      assert.equal(code, 0, stdout);
      assert.equal(fs.readFileSync(path.join(dir, 'tools/lock.sh'), 'utf8'), script.replace(oldPin, newPin));
      assert.equal(fs.readFileSync(path.join(dir, 'src/keys.ts'), 'utf8'), secret.replace(oldPin, newPin));
      assert.equal(modeOf(path.join(dir, 'tools/lock.sh')), 0o755);
      assert.equal(modeOf(path.join(dir, 'src/keys.ts')), 0o600);
      assert.deepEqual([...leftovers(path.join(dir, 'tools')), ...leftovers(path.join(dir, 'src'))], []);
    });

    it('review keeps the mode of the review store, and replaces a linked store instead of writing through it', async () => {
      const dir = makeDir({ 'docs/spec.md': SPEC });
      const store = withMode(path.join(dir, '.sectrace/reviews.yaml'), 'version: 1\nreviews: {}\n', 0o640);
      const first = await runCli(['review', dir, 'SR-1', '--by', 'Dana Reviewer', '--date', '2026-06-01']);
      assert.equal(first.code, 0, first.stderr);
      assert.match(fs.readFileSync(store, 'utf8'), /SR-1:\n {4}fingerprint: [0-9a-f]+\n {4}by: Dana Reviewer\n/);
      assert.equal(modeOf(store), 0o640);
      assert.deepEqual(leftovers(path.dirname(store)), []);

      const outside = makeDir({ 'reviews.yaml': 'version: 1\nreviews: {}\n' });
      fs.rmSync(store);
      fs.symlinkSync(path.join(outside, 'reviews.yaml'), store);
      const second = await runCli(['review', dir, 'SR-1', '--by', 'Dana Reviewer', '--date', '2026-06-02']);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(fs.readFileSync(path.join(outside, 'reviews.yaml'), 'utf8'), 'version: 1\nreviews: {}\n', 'the file outside is untouched');
      assert.equal(fs.lstatSync(store).isSymbolicLink(), false);
    });
  });

  describe('sectrace report --out', () => {
    it('replaces its own previous report atomically, and refuses a link to a file that is not a report', async () => {
      const dir = makeDir({ 'docs/spec.md': '## SR-1: A\nneeds: none\n', 'notes.txt': 'my notes\n' });
      const out = path.join(dir, 'reports', 'trace.html');
      assert.equal((await runCli(['report', dir, '--out', out, '--fail-on', 'off'])).code, 0);
      const first = fs.readFileSync(out, 'utf8');
      assert.equal((await runCli(['report', dir, '--out', out, '--fail-on', 'off'])).code, 0);
      assert.match(first, /<!DOCTYPE html>/i);
      assert.deepEqual(leftovers(path.dirname(out)), []);
      const link = path.join(dir, 'reports', 'linked.md');
      fs.symlinkSync(path.join(dir, 'notes.txt'), link);
      const refused = await runCli(['report', dir, '--out', link]);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /refusing to overwrite .*linked\.md: it is not a sectrace report/);
      assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'my notes\n');
      assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
    });

    it('keeps the permission bits of the report it replaces', async () => {
      const dir = makeDir({ 'docs/spec.md': '## SR-1: A\nneeds: none\n' });
      const out = path.join(dir, 'trace.md');
      assert.equal((await runCli(['report', dir, '--out', out, '--format', 'md', '--fail-on', 'off'])).code, 0);
      fs.chmodSync(out, 0o640);
      assert.equal((await runCli(['report', dir, '--out', out, '--format', 'md', '--fail-on', 'off'])).code, 0);
      assert.equal(modeOf(out), 0o640);
      assert.deepEqual(leftovers(dir), []);
    });
  });
});
