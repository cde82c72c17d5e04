// Patient identity never reaches a log line, however deep it is nested.
// @verifies MIT-8, SR-8
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger, REDACTED, redact } from '../src/logging/logger';

test('patient fields are redacted at any depth and in any spelling', () => {
  assert.deepEqual(
    redact({ infusionId: 'a1', patientRef: 'MRN004711', order: { patient_id: 'P-77', items: [{ MRN: '1' }], dob: '1950-01-01' } }),
    { infusionId: 'a1', patientRef: REDACTED, order: { patient_id: REDACTED, items: [{ MRN: REDACTED }], dob: REDACTED } },
  );
});

test('a written line contains no patient reference', () => {
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line), now: () => new Date('2026-11-02T08:00:00Z') });
  logger.info('infusion started', { infusionId: 'a1', pumpId: 'icu-bed-07', patientRef: 'MRN004711' });
  assert.equal(lines.length, 1);
  assert.doesNotMatch(lines[0], /MRN004711/);
  assert.equal(JSON.parse(lines[0]).patientRef, REDACTED);
});

test('errors are logged by name and message only', () => {
  const lines: string[] = [];
  createLogger({ write: (line) => lines.push(line) }).error('request failed', { error: new TypeError('bad') });
  assert.deepEqual(JSON.parse(lines[0]).error, { name: 'TypeError', message: 'bad' });
});
