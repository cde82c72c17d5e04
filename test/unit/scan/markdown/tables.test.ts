// Table items: one item per row of a table whose first column header is `ID`.
// @verifies ST-16
import * as assert from 'node:assert/strict';
import { at, attribute, item, joinLines, mentions, scan } from './helpers';

describe('markdown scanner: table items', () => {
  const register = joinLines(
    '| ID | Title | Severity | Mitigated by |',
    '|----|-------|----------|--------------|',
    '| THR-1 | Replay | high | MIT-1, MIT-2 |',
    '| THR-2 | Spoofing | | MIT-3 |',
  );

  it('defines one item per row, with the row as range and the first cell as ID', () => {
    const { items, problems } = scan(register);
    assert.deepEqual(items.map(item), [
      { id: 'THR-1', idRange: '2:2-2:7', title: 'Replay', range: '2:0-2:40', form: 'table' },
      { id: 'THR-2', idRange: '3:2-3:7', title: 'Spoofing', range: '3:0-3:30', form: 'table' },
    ]);
    assert.deepEqual([items[0].description, problems], ['', []]);
  });

  it('turns the other columns into attributes with cell ranges, and IDs in cells into references', () => {
    const [first, second] = scan(register).items;
    assert.deepEqual(first.attributes.map(attribute), [
      ['title', 'Replay', '2:10-2:16'],
      ['severity', 'high', '2:19-2:23'],
      ['mitigated-by', 'MIT-1, MIT-2', '2:26-2:38', 'MIT-1@2:26-2:31', 'MIT-2@2:33-2:38'],
    ]);
    assert.deepEqual(second.attributes.map(attribute), [
      ['title', 'Spoofing', '3:10-3:18'],
      ['mitigated-by', 'MIT-3', '3:23-3:28', 'MIT-3@3:23-3:28'],
    ]);
    assert.deepEqual(mentions(register), []);
  });

  it('takes the title from a Name column, else from the second column', () => {
    const named = joinLines('| id | Owner | NAME |', '|---|---|---|', '| SR-1 | Team | Dose limit |');
    assert.deepEqual(scan(named).items.map((i) => i.title), ['Dose limit']);
    const plain = joinLines('| Id | Summary |', '|---|---|', '| SR-1 | Dose **limit** |', '| SR-2 |');
    assert.deepEqual(scan(plain).items.map((i) => [i.title, i.attributes.map(attribute)]), [
      ['Dose limit', [['summary', 'Dose limit', '2:9-2:23']]],
      ['', []],
    ]);
  });

  it('reads an ID written with formatting in the first cell', () => {
    const text = joinLines('| ID | Title |', '|---|---|', '| **SR-1** | Bold |');
    assert.deepEqual(scan(text).items.map(item), [{ id: 'SR-1', idRange: '2:4-2:8', title: 'Bold', range: '2:0-2:19', form: 'table' }]);
  });

  it('reports rows whose first cell is not a configured ID, skips empty ones, and keeps their IDs as mentions', () => {
    const text = joinLines(
      '| ID | Title | Refines |',
      '|---|---|---|',
      '| TBD | Later | SR-1 |',
      '| | Spacer | SR-2 |',
      '| CVE-2024-1234 | Foreign | |',
      '| SR-3 | Real | SR-1 |',
    );
    const { items, problems, mentions: found } = scan(text);
    assert.deepEqual(items.map((i) => i.id), ['SR-3']);
    assert.deepEqual(problems.map((p) => [p.code, at(p.range), p.message]), [
      ['invalid-attribute', '2:2-2:5', 'row 1: first cell `TBD` is not a configured ID'],
      ['invalid-attribute', '4:2-4:15', 'row 3: first cell `CVE-2024-1234` is not a configured ID'],
    ]);
    assert.deepEqual(found.map((m) => `${m.id}@${at(m.range)}`), ['SR-1@2:16-2:20', 'SR-2@3:13-3:17']);
  });

  it('treats a table whose first column is not ID as prose: its IDs are mentions', () => {
    const text = joinLines('| Threat | Mitigation |', '|---|---|', '| THR-1 | MIT-1 |');
    const { items, mentions: found } = scan(text);
    assert.deepEqual(items, []);
    assert.deepEqual(found.map((m) => `${m.id}@${at(m.range)}`), ['THR-1@2:2-2:7', 'MIT-1@2:10-2:15']);
  });

  it('reads a table under a heading item as items of their own', () => {
    const text = joinLines('## SR-1: Parent', '', '| ID | Title |', '|---|---|', '| SR-2 | Child |');
    assert.deepEqual(scan(text).items.map((i) => [i.id, i.form]), [['SR-1', 'heading'], ['SR-2', 'table']]);
  });
});
