// Shared by the change-impact tests: trace an in-memory workspace, scan one spec's items, temp folders
// and scripted git repositories, and a CLI runner.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createIdMatcher, createScanContext, DEFAULT_CONFIG, scanText, type TraceSnapshot } from '../../../src/core';
import { runCli } from '../../support/cli';
import { itemFingerprint } from '../../../src/core/impact/fingerprint';
import type { ItemFact } from '../../../src/core/model';

export { trace, TODAY } from '../engine/helpers';

const context = createScanContext(DEFAULT_CONFIG, createIdMatcher(DEFAULT_CONFIG.prefixes));

/** The items of a Markdown spec, as the scanner reads them. */
export function specItems(markdown: string): readonly ItemFact[] {
  return scanText('docs/spec.md', markdown, context).items;
}

/** The fingerprint of the one item a Markdown snippet defines, computed as the engine does. */
export function specFingerprint(markdown: string, id = 'SR-1'): string {
  const fact = specItems(markdown).find((item) => item.id === id);
  if (!fact) throw new Error(`${id} is not defined in:\n${markdown}`);
  const attributes: Record<string, string> = {};
  for (const a of fact.attributes) if (!(a.key in attributes)) attributes[a.key] = a.value;
  return itemFingerprint({ id: fact.id, kind: 'requirement', title: fact.title, description: fact.description, attributes, location: { file: 'x', range: fact.range }, idLocation: { file: 'x', range: fact.idRange }, form: fact.form, needs: [] });
}

export function fingerprintIn(snapshot: TraceSnapshot, id: string): string {
  const item = snapshot.graph.items.get(id);
  if (!item) throw new Error(`${id} is not defined`);
  return itemFingerprint(item);
}

/** `code file:line` of the findings with the given codes. */
export function keysOf(snapshot: TraceSnapshot, ...codes: string[]): string[] {
  return snapshot.findings.filter((f) => codes.includes(f.code)).map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1}`);
}

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder with the files, removed when the test process ends. */
export function makeDir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sectrace-impact-'));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
}

/** A repository with a local identity, the files committed as the first commit. */
export function makeRepo(files: Record<string, string>): string {
  const dir = makeDir(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Author');
  git(dir, 'config', 'user.email', 'author@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  commitAll(dir, 'first');
  return dir;
}

export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** `sectrace <argv>` in-process, dated like the other impact tests. */
export function cli(argv: string[], cwd = process.cwd()) {
  return runCli(argv, cwd, new Date('2026-06-15T12:00:00Z'));
}
