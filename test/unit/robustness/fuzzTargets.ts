// The scanners under fuzz: each takes arbitrary text and must return (never throw) in bounded time.
// Shared by the bounded run in the unit suite and the long run of `npm run fuzz`.
import fc from 'fast-check';
import { createIdMatcher, parseConfig } from '../../../src/core';
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
];

export const hostileText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((parts) => parts.join('')),
);

export function fuzzCode(text: string, language: LanguageId): void {
  const result = scanCode(text, language, ids);
  for (const tag of result.tags) if (!tag.refs.length && !tag.foreign.length) throw new Error('a tag without IDs was kept');
}

export function fuzzMarkdown(text: string): void {
  const result = scanMarkdown(text, ids);
  for (const item of result.items) if (!ids.isId(item.id)) throw new Error(`not an ID: ${item.id}`);
}

export function fuzzConfig(text: string): void {
  parseConfig(text);
}
