// The audit trail is a hash chain: editing, deleting or reordering a record is detected.
// @verifies MIT-6, SR-6
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditLog, verifyChain } from '../src/audit/auditLog';

function trail(): string[] {
  const lines: string[] = [];
  const log = new AuditLog({ append: (line) => lines.push(line) }, () => new Date('2026-11-02T08:00:00Z'));
  log.record({ actor: 'dr.meyer', role: 'clinician', action: 'start', pumpId: 'icu-bed-07', infusionId: 'a1', outcome: 'accepted' });
  log.record({ actor: 'dr.meyer', role: 'clinician', action: 'change-rate', infusionId: 'a1', outcome: 'rejected', reason: 'rate exceeds the hard limit' });
  log.record({ actor: 'ehr-gw', role: 'ehr', action: 'stop', infusionId: 'a1', outcome: 'accepted' });
  return lines;
}

test('an untouched trail verifies', () => {
  const result = verifyChain(trail());
  assert.equal(result.ok, true);
  assert.equal(result.ok && result.records, 3);
});

test('an edited record breaks the chain at that record', () => {
  const lines = trail();
  lines[1] = lines[1].replace('"outcome":"rejected"', '"outcome":"accepted"');
  assert.deepEqual(verifyChain(lines), { ok: false, line: 2, reason: 'content does not match its hash' });
});

test('a deleted record breaks the chain at the next one', () => {
  const lines = trail();
  lines.splice(1, 1);
  assert.deepEqual(verifyChain(lines), { ok: false, line: 2, reason: 'does not follow the previous record' });
});

test('reordered records break the chain', () => {
  const [a, b, c] = trail();
  assert.equal(verifyChain([a, c, b]).ok, false);
});

test('a chain resumed after a restart continues to verify', () => {
  const lines = trail();
  const head = verifyChain(lines);
  assert.ok(head.ok);
  const log = new AuditLog({ append: (line) => lines.push(line) }, () => new Date('2026-11-02T09:00:00Z'), { seq: head.records, hash: head.head });
  log.record({ actor: 'operator', role: 'system', action: 'drug-library-update', outcome: 'accepted', reason: 'version 13' });
  assert.equal(verifyChain(lines).ok, true);
});
