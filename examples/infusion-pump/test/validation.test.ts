// API input is rejected unless it matches its schema exactly.
// @verifies MIT-3, SR-4
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeRateSchema, startInfusionSchema } from '../src/validation/schemas';

const valid = { pumpId: 'icu-bed-07', drugCode: 'HEP25K', rateMlPerHour: 12.5, volumeMl: 500, patientRef: 'MRN004711' };

test('a well-formed start request passes', () => {
  assert.deepEqual(startInfusionSchema(valid), { ok: true, value: valid });
});

test('unknown and missing fields are rejected', () => {
  const result = startInfusionSchema({ ...valid, bolusMl: 5, patientRef: undefined });
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.errors.sort(), ['bolusMl is not allowed', 'patientRef must be a string']);
  assert.equal(startInfusionSchema({ pumpId: 'icu-bed-07' }).ok, false);
});

test('wrong types, non-finite and over-precise numbers are rejected', () => {
  for (const rateMlPerHour of ['12.5', Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1200.01, 12.555, null]) {
    assert.equal(changeRateSchema({ rateMlPerHour }).ok, false, `rate ${String(rateMlPerHour)}`);
  }
  assert.equal(changeRateSchema({ rateMlPerHour: 1200 }).ok, true);
  assert.equal(changeRateSchema({ rateMlPerHour: 0.1 }).ok, true);
});

test('strings outside their pattern or length are rejected', () => {
  assert.equal(startInfusionSchema({ ...valid, drugCode: 'hep25k' }).ok, false);
  assert.equal(startInfusionSchema({ ...valid, drugCode: 'HEPARIN25K' }).ok, false);
  assert.equal(startInfusionSchema({ ...valid, pumpId: '../../etc' }).ok, false);
  assert.equal(startInfusionSchema({ ...valid, patientRef: 'MRN 004711; DROP' }).ok, false);
});

test('only JSON objects are accepted as bodies', () => {
  for (const body of [null, [], 'start', 42]) assert.equal(startInfusionSchema(body).ok, false);
});
