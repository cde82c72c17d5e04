// Scan: one file's bytes -> its facts. Never throws: whatever the bytes, the result is facts, a skip
// reason, or problems. Decoding, binary detection and the size limit live here so every host (in-process,
// worker threads, the editor) treats a file the same way.
// @implements ST-6, STM-4
import picomatch from 'picomatch';
import type { SectraceConfig } from '../config';
import type { IdMatcher } from '../ids';
import type { FileFacts, FileRole } from '../model';
import { languageForPath, scanCode } from './code';
import { detectInterfaces, isOpenApiJsonPath } from '../interfaces/detect';
import { scanMarkdown } from './markdown';
import { withImports } from '../importers';

/** Everything a scan needs besides the file: built once per configuration, shared by all files. */
export interface ScanContext {
  readonly config: SectraceConfig;
  readonly ids: IdMatcher;
  isSpec(path: string): boolean;
  isTest(path: string): boolean;
  isIncluded(path: string): boolean;
  isExcluded(path: string): boolean;
}

export function createScanContext(config: SectraceConfig, ids: IdMatcher): ScanContext {
  const options = { dot: true };
  const isSpec = picomatch([...config.specs], options);
  const isTest = picomatch([...config.tests], options);
  // The default, everything, is by far the most common, and a glob test per file is a measurable part of
  // a large walk.
  const isIncluded = config.include.length === 1 && config.include[0] === '**' ? () => true : picomatch([...config.include], options);
  const isExcluded = picomatch([...config.exclude], options);
  return { config, ids, isSpec, isTest, isIncluded, isExcluded };
}

/** Whether a path is worth reading at all: a spec, or a source file in a language we lex. */
export function isTraceable(path: string, context: ScanContext): boolean {
  // The extension test is far cheaper than the glob, so it goes first.
  if (isMarkdownPath(path) && context.isSpec(path)) return true;
  return context.isIncluded(path) && (languageForPath(path) !== undefined || isOpenApiJsonPath(path));
}

/** The last path asked about per context: an editor re-scans the same file on every keystroke. */
const lastRole = new WeakMap<ScanContext, { path: string; role: FileRole }>();

export function roleOf(path: string, context: ScanContext): FileRole {
  const last = lastRole.get(context);
  if (last?.path === path) return last.role;
  const role: FileRole = context.isSpec(path) && isMarkdownPath(path) ? 'spec' : context.isTest(path) ? 'test' : 'code';
  lastRole.set(context, { path, role });
  return role;
}

export function isMarkdownPath(path: string): boolean {
  return /\.(?:md|markdown|mdx)$/i.test(path);
}

const BINARY_PROBE = 8000;

/** Scans bytes read from disk. */
export function scanBytes(path: string, bytes: Uint8Array, context: ScanContext): FileFacts {
  if (bytes.length > context.config.maxFileSize) return skipped(path, context, tooLargeReason(bytes.length, context.config.maxFileSize));
  const text = decode(bytes);
  if (text === undefined) return skipped(path, context, 'binary file (contains NUL bytes)');
  return scanText(path, text, context);
}

/** Scans text (an open editor buffer, or decoded bytes). */
export function scanText(path: string, text: string, context: ScanContext): FileFacts {
  const role = roleOf(path, context);
  if (role === 'spec') {
    const result = scanMarkdown(text, context.ids);
    return withImports({ file: path, role, items: result.items, tags: [], mentions: result.mentions, problems: result.problems }, text, context);
  }
  const language = languageForPath(path);
  if (!language && role === 'code' && isOpenApiJsonPath(path)) {
    const interfaces = detectInterfaces(path, text, undefined, context);
    return { file: path, role, items: [], tags: [], mentions: [], problems: [], ...(interfaces.length ? { interfaces } : {}) };
  }
  if (!language) return skipped(path, context, 'not a source file in a supported language');
  const result = scanCode(text, language, context.ids);
  // Interfaces are the product's: test files have none.
  const interfaces = role === 'code' ? detectInterfaces(path, text, language, context) : [];
  return withImports({ file: path, role, items: [], tags: result.tags, mentions: result.mentions, problems: result.problems, ...(interfaces.length ? { interfaces } : {}) }, text, context);
}

/** UTF-8 (with or without BOM) or UTF-16 with BOM. `undefined` for binary content. */
export function decode(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.indexOf(0) !== -1) return undefined;
  // Invalid UTF-8 decodes to U+FFFD: positions stay stable and the rest of the file is still traced.
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

export function tooLargeReason(size: number, limit: number): string {
  return `larger than max-file-size (${formatBytes(size)} > ${formatBytes(limit)})`;
}

export function skipped(path: string, context: ScanContext, reason: string): FileFacts {
  return { file: path, role: roleOf(path, context), items: [], tags: [], mentions: [], problems: [], skipped: reason };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
