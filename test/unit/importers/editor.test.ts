// Imported items are ordinary items, tags and references: the editor's lookups (what is at the cursor,
// every occurrence of an ID) find them exactly as they find native ones.
// @verifies ST-31, ST-33, ST-34
import { strict as assert } from 'node:assert';
import { createTraceService } from '../../../src/core';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';

const SPEC = '# Design\n\n### Coverage tags\n`dsn~tags~1`\n\nNeeds: impl\n';
const CODE = '// [impl->dsn~tags~1]\nclass Tags {}\n// see dsn~tags~1\n';

async function service(files: Record<string, string>) {
  const s = createTraceService({ workspace: createMemoryWorkspace(files) });
  await s.index();
  return s;
}

describe('importers: editor lookups on imported facts', () => {
  it('idAt finds an OFT definition, a coverage tag ref and a mention; occurrences lists all three', async () => {
    const s = await service({ 'doc/design.md': SPEC, 'src/Tags.java': CODE });
    const definition = s.idAt('doc/design.md', { line: 3, character: 5 });
    assert.equal(definition?.id, 'dsn~tags~1');
    assert.equal(definition?.via, 'definition');
    assert.equal(definition?.item?.title, 'Coverage tags');
    const tag = s.idAt('src/Tags.java', { line: 0, character: 12 });
    assert.equal(tag?.via, 'tag');
    assert.equal(tag?.item?.id, 'dsn~tags~1');
    assert.equal(s.idAt('src/Tags.java', { line: 2, character: 10 })?.via, 'mention');
    assert.deepEqual(s.occurrences('dsn~tags~1').map((l) => `${l.file}:${l.range.start.line}:${l.range.start.character}`), ['doc/design.md:3:1', 'src/Tags.java:0:10', 'src/Tags.java:2:7']);
  });

  it('an edited buffer is re-read with its importers (overlays)', async () => {
    const s = await service({ 'doc/design.md': SPEC, 'src/Tags.java': 'class Tags {}\n' });
    assert.deepEqual(s.snapshot().findings.map((f) => f.code), ['uncovered']);
    s.setOverlay('src/Tags.java', CODE);
    assert.deepEqual(s.snapshot().findings.map((f) => f.code), []);
  });

  it('ThreatSpec items: a written object is found as definition and trace, listed once per place', async () => {
    const code = '// @mitigates Web:Form against Cross-site Request Forgery (#csrf) with CSRF token (#token)\n';
    const s = await service({ '.sectrace.yaml': 'importers: [threatspec]\n', 'src/form.ts': code });
    const at = s.idAt('src/form.ts', { line: 0, character: code.indexOf('Cross') + 2 });
    assert.equal(at?.id, '#csrf');
    assert.equal(at?.item?.kind, 'threat');
    assert.equal(s.occurrences('#csrf').length, 1);
  });

  it('StrictDoc references are found at the cursor', async () => {
    const s = await service({ 'docs/spec.md': '## REQ-7: Greet\nneeds: impl\n', 'src/a.py': '# @relation(REQ-7, scope=file)\n' });
    assert.equal(s.idAt('src/a.py', { line: 0, character: 14 })?.item?.id, 'REQ-7');
    assert.deepEqual(s.snapshot().findings, []);
  });
});
