// Helpers for importer tests: scan one file with a configuration, trace a workspace, read a fixture folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createIdMatcher, createScanContext, parseConfig, scanText, type FileFacts, type TraceSnapshot } from '../../../src/core';

export { findingKeys, trace, TODAY } from '../engine/helpers';

/** Scans one file as the engine would, with `.sectrace.yaml` text (empty: defaults). */
export function scan(file: string, text: string, yaml = ''): FileFacts {
  const { config, problems } = parseConfig(yaml);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  return scanText(file, text, createScanContext(config, createIdMatcher(config.prefixes)));
}

/** Every file under a fixture folder, keyed by its path relative to the folder. */
export function readFixture(name: string): Record<string, string> {
  const root = path.join(__dirname, '..', '..', 'fixtures', 'importers', name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** `code file:line message` for findings of the given codes. */
export function messages(snapshot: TraceSnapshot, ...codes: string[]): string[] {
  return snapshot.findings.filter((f) => !codes.length || codes.includes(f.code)).map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1} ${f.message}`);
}

/** The text a range covers, for asserting exact positions. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}
