// The scanners under fuzz: each takes arbitrary text and must return (never throw) in bounded time.
// Shared by the bounded run in the unit suite and the long run of `npm run fuzz`.
import fc from 'fast-check';
import { createIdMatcher, createScanContext, parseConfig, scanText } from '../../../src/core';
import { parseReviews } from '../../../src/core/impact/reviews';
import { scanCode } from '../../../src/core/scan/code';
import type { LanguageId } from '../../../src/core/scan/code/languages';
import { scanMarkdown } from '../../../src/core/scan/markdown';

export const ids = createIdMatcher({ SR: 'requirement', THR: 'threat', MIT: 'mitigation', AST: 'asset', IF: 'interface' });

export const LANGUAGES: readonly LanguageId[] = [
  'typescript', 'javascript', 'java', 'kotlin', 'c', 'cpp', 'csharp', 'go', 'rust', 'swift', 'python', 'ruby',
  'shell', 'yaml', 'sql', 'html', 'xml', 'php', 'scala', 'dart', 'lua', 'powershell', 'css', 'toml', 'protobuf',
  'makefile', 'dockerfile',
];

/** Fragments that matter to the lexers and parsers, so random text hits their edge cases often. */
const FRAGMENTS = [
  '//', '/*', '*/', '#', '--', '<!--', '-->', '"', "'", '`', '"""', "'''", '${', '}', '\\', '\n', '\r\n', '\r', '\t',
  'r#"', '"#', '@"', 'R"x(', ')x"', '=begin', '=end', '<<EOF', '--[[', ']]', '<#', '#>', '/', '*',
  '@implements ', '@verifies ', '@mitigates ', 'Implements: ', 'SR-1', 'THR-2.1', 'MIT-3', 'XYZ-9', ', ', ' and ',
  '# ', '## SR-4: ', '| ID | Title |', '|---|---|', '| SR-5 | x |', '```yaml', '```', 'mitigates: ', 'needs: impl',
  '> ', '- ', '1. ', '---', ':', '[', ']', '(', ')', '{', '}', '\u0000', '\ufffd', '\ud800', 'é', '😀',
  // Importer markers and interface shapes, so the importers and detectors are reached too.
  '[impl->dsn~x~1]', 'req~login~2', '~', '->', '@relation(SR-1, scope=function)', 'lobster-trace: a.b', '@threat ', '@control ',
  '@component ', '@exposes ', 'app.get(\'/x\', h)', '@GetMapping("/y")', '@app.route("/z")', '@exposure external', '@threats THR-2',
];

export const hostileText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((parts) => parts.join('')),
);

/**
 * Each input also goes in with an ID in front, which gets it past the scanners' cheap "may this hold
 * an ID at all" tests: random text seldom holds one, and would otherwise never reach the parsers.
 */
const withId = (text: string) => [text, `SR-9 @implements SR-9\n${text}`];

export function fuzzCode(text: string, language: LanguageId): void {
  for (const input of withId(text)) {
    const result = scanCode(input, language, ids);
    for (const tag of result.tags) if (!tag.refs.length && !tag.foreign.length) throw new Error('a tag without IDs was kept');
  }
}

export function fuzzMarkdown(text: string): void {
  for (const input of withId(text)) {
    const result = scanMarkdown(input, ids);
    for (const item of result.items) if (!ids.isId(item.id)) throw new Error(`not an ID: ${item.id}`);
  }
}

export function fuzzConfig(text: string): void {
  parseConfig(text);
}

/** One file through the whole scan: native scanners, every importer, and the interface detectors. */
const everything = parseConfig('importers: [oft, threatspec, strictdoc, lobster]\n').config;
const context = createScanContext(everything, createIdMatcher(everything.prefixes));
export const PATHS = ['docs/spec.md', 'src/api.ts', 'src/app.py', 'src/Api.java', 'src/main.go', 'src/a.c', 'src/api.cs', 'api/openapi.json', 'test/a.test.ts'];

export function fuzzFile(path: string, text: string): void {
  for (const input of withId(text)) {
    const facts = scanText(path, input, context);
    if (facts.file !== path) throw new Error('facts for another file');
  }
}

export function fuzzReviews(text: string): void {
  parseReviews(text);
}
