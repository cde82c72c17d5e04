// Mentions: configured IDs in prose, with exact ranges; never in code, comments or front matter.
// @verifies ST-16, ST-2
import * as assert from 'node:assert/strict';
import { joinLines, mentions, scan } from './helpers';

const fence = '```';

describe('markdown scanner: mentions', () => {
  const found: [string, string, string[]][] = [
    ['a paragraph', 'See SR-1 and MIT-3.1.', ['SR-1@0:4-0:8', 'MIT-3.1@0:13-0:20']],
    ['list items', joinLines('- SR-1', '  1. THR-2 nested'), ['SR-1@0:2-0:6', 'THR-2@1:5-1:10']],
    ['inline code', 'Use `SR-1` here', ['SR-1@0:5-0:9']],
    ['emphasis and link text', '*SR-1* [THR-1](#x)', ['SR-1@0:1-0:5', 'THR-1@0:8-0:13']],
    ['a multi-line block quote', joinLines('> intro', '> SR-1'), ['SR-1@1:2-1:6']],
    ['text after an entity', 'a &amp; SR-1', ['SR-1@0:8-0:12']],
    ['text after an escape', '\\* SR-1', ['SR-1@0:3-0:7']],
    ['a heading that does not define an item', '# About SR-1', ['SR-1@0:8-0:12']],
    ['heading text after the defining ID', '## MIT-1: Counters THR-1', ['THR-1@0:19-0:24']],
    ['a hard line break', joinLines('a\\', 'SR-1'), ['SR-1@1:0-1:4']],
  ];
  for (const [where, text, expected] of found) {
    it(`finds IDs in ${where}`, () => assert.deepEqual(mentions(text), expected));
  }

  const ignored: [string, string][] = [
    ['a fenced code block', joinLines(fence, 'SR-1', fence)],
    ['a fenced block with a language', joinLines(`${fence}ts`, '// @implements SR-1', fence)],
    ['an indented code block', joinLines('Text.', '', '    SR-1')],
    ['an HTML comment block', '<!-- SR-1 -->'],
    ['an inline HTML comment', 'text <!-- SR-1 --> more'],
    ['YAML front matter', joinLines('---', 'requirement: SR-1', '---', 'Text.')],
    ['TOML front matter', joinLines('+++', 'requirement = "SR-1"', '+++', 'Text.')],
    ['a link target', '[see](#SR-1)'],
    ['a link definition', '[ref]: https://example.com/SR-1'],
    ['unconfigured prefixes', 'UTF-8, ISO-27001, CVE-2024-1234 and SR-ish'],
    ['ID-shaped parts of longer tokens', 'xSR-1 SR-1-2 SR-1x v.SR-1 SR-1_a'],
    ['lower case', 'sr-1'],
  ];
  for (const [where, text] of ignored) {
    // The trailing marker proves the document was parsed (the prefilter passed) and scanned.
    it(`ignores IDs in ${where}`, () => assert.deepEqual(scan(`${text}\n\nSR-0 marker`).mentions.map((m) => m.id), ['SR-0']));
  }
});
