// Heading items: separators, titles, levels and where a section's description ends.
// @verifies ST-16
import * as assert from 'node:assert/strict';
import { item, joinLines, mentions, scan } from './helpers';

describe('markdown scanner: heading items', () => {
  const separators: [string, string, string][] = [
    ['## THR-1: Replay of dose commands', 'Replay of dose commands', '0:0-0:33'],
    ['## THR-1 - Replay of dose commands', 'Replay of dose commands', '0:0-0:34'],
    ['## THR-1 – Replay of dose commands', 'Replay of dose commands', '0:0-0:34'],
    ['## THR-1 — Replay of dose commands', 'Replay of dose commands', '0:0-0:34'],
    ['## THR-1 Replay of dose commands', 'Replay of dose commands', '0:0-0:32'],
    ['## THR-1:Replay', 'Replay', '0:0-0:15'],
    ['## THR-1', '', '0:0-0:8'],
    ['## THR-1:', '', '0:0-0:9'],
  ];
  for (const [text, title, range] of separators) {
    it(`reads \`${text}\``, () => {
      const { items, mentions: found, problems } = scan(text);
      assert.deepEqual(items.map(item), [{ id: 'THR-1', idRange: '0:3-0:8', title, range, form: 'heading' }]);
      assert.deepEqual([found, problems], [[], []]);
    });
  }

  const notItems: [string, string[]][] = [
    ["## SR-1's history", ['SR-1@0:3-0:7']],
    ['## Notes on SR-1', ['SR-1@0:12-0:16']],
    ['## SR-1. Numbered', ['SR-1@0:3-0:7']],
    ['## SR-1,SR-2', ['SR-1@0:3-0:7', 'SR-2@0:8-0:12']],
  ];
  for (const [text, expected] of notItems) {
    it(`does not define an item from \`${text}\``, () => {
      assert.deepEqual(scan(text).items, []);
      assert.deepEqual(mentions(text), expected);
    });
  }

  it('removes inline formatting from the title and finds the ID inside emphasis', () => {
    const { items } = scan('### **THR-1**: Replay of *dose* `commands`');
    assert.deepEqual(items.map(item), [{ id: 'THR-1', idRange: '0:6-0:11', title: 'Replay of dose commands', range: '0:0-0:42', form: 'heading' }]);
  });

  it('reads every heading level and setext headings', () => {
    const text = joinLines('# SR-1: One', '###### SR-6: Six', 'SR-7: Setext', '------------');
    assert.deepEqual(scan(text).items.map(item), [
      { id: 'SR-1', idRange: '0:2-0:6', title: 'One', range: '0:0-0:11', form: 'heading' },
      { id: 'SR-6', idRange: '1:7-1:11', title: 'Six', range: '1:0-1:16', form: 'heading' },
      { id: 'SR-7', idRange: '2:0-2:4', title: 'Setext', range: '2:0-3:12', form: 'heading' },
    ]);
  });

  it('ends a section at a heading of the same or a higher level, or at a sub-heading that defines an item', () => {
    const text = joinLines(
      '# SR-1: Top',
      'Top text.',
      '',
      '## Background',
      'Details.',
      '',
      '### SR-2: Child',
      'Child text.',
      '',
      '#### Sub',
      'Sub text.',
      '',
      '## Other',
      'Other text.',
    );
    assert.deepEqual(scan(text).items.map((i) => [i.id, i.description]), [
      ['SR-1', 'Top text.\nBackground\nDetails.'],
      ['SR-2', 'Child text.\nSub\nSub text.'],
    ]);
  });

  it('collapses whitespace inside blocks, puts one block per line, and leaves out HTML comments', () => {
    const text = joinLines(
      '## SR-1: Title',
      'First   paragraph',
      'continues *here*.',
      '',
      '<!-- reviewer note -->',
      '',
      '- one',
      '- two',
      '',
      '> quoted',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 |   |',
    );
    assert.equal(scan(text).items[0].description, 'First paragraph continues here.\none\ntwo\nquoted\na | b\n1');
  });

  it('defines items from headings inside block quotes and list items', () => {
    const text = joinLines('> ## SR-1: Quoted', '> Quoted body.', '', '- ## SR-2: Listed');
    const { items } = scan(text);
    assert.deepEqual(items.map(item), [
      { id: 'SR-1', idRange: '0:5-0:9', title: 'Quoted', range: '0:2-0:17', form: 'heading' },
      { id: 'SR-2', idRange: '3:5-3:9', title: 'Listed', range: '3:2-3:17', form: 'heading' },
    ]);
    assert.equal(items[0].description, 'Quoted body.');
  });

  it('keeps both definitions of a duplicated ID (the checker reports duplicates)', () => {
    assert.deepEqual(scan(joinLines('## SR-1: A', '## SR-1: B')).items.map((i) => i.title), ['A', 'B']);
  });
});
