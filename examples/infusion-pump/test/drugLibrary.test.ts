// The drug library is used only when pharmacy's signature verifies and it is not older than required, and
// every dose is checked against its hard limits.
// @verifies MIT-4, SR-5, MIT-5, SR-11
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { checkDose, DrugLibraryError, verifyDrugLibrary } from '../src/dosing/drugLibrary';

const pharmacy = generateKeyPairSync('ed25519');

function release(version: number, maxRateMlPerHour = 25): { bytes: Buffer; signature: Buffer } {
  const bytes = Buffer.from(JSON.stringify({
    version,
    issued: '2026-10-01',
    drugs: [
      { code: 'HEP25K', name: 'Heparin 25000 IU/50 mL', concentrationMgPerMl: 500, maxRateMlPerHour, maxVolumeMl: 50 },
      { code: 'NORAD4', name: 'Norepinephrine 4 mg/50 mL', concentrationMgPerMl: 0.08, maxRateMlPerHour: 30, maxVolumeMl: 50 },
    ],
  }));
  return { bytes, signature: sign(null, bytes, pharmacy.privateKey) };
}

test('a signed release loads', () => {
  const { bytes, signature } = release(12);
  const library = verifyDrugLibrary(bytes, signature, pharmacy.publicKey);
  assert.equal(library.version, 12);
  assert.equal(library.drugs.get('NORAD4')?.maxRateMlPerHour, 30);
});

test('a release with a changed limit no longer verifies', () => {
  const { bytes, signature } = release(12);
  const tampered = Buffer.from(bytes.toString('utf8').replace('"maxRateMlPerHour":25', '"maxRateMlPerHour":95'));
  assert.notDeepEqual(tampered, bytes);
  assert.throws(() => verifyDrugLibrary(tampered, signature, pharmacy.publicKey), DrugLibraryError);
});

test('a release signed by another key is refused', () => {
  const other = generateKeyPairSync('ed25519');
  const { bytes } = release(12);
  assert.throws(() => verifyDrugLibrary(bytes, sign(null, bytes, other.privateKey), pharmacy.publicKey), /signature/);
});

test('an older, correctly signed release is refused as a rollback', () => {
  const { bytes, signature } = release(11, 95);
  assert.throws(() => verifyDrugLibrary(bytes, signature, pharmacy.publicKey, 12), /older than the required version 12/);
});

test('doses above the hard limits and unknown drugs are refused', () => {
  const { bytes, signature } = release(12);
  const library = verifyDrugLibrary(bytes, signature, pharmacy.publicKey);
  assert.equal(checkDose(library, 'HEP25K', 25, 50).ok, true);
  assert.match(String((checkDose(library, 'HEP25K', 25.01, 50) as { reason: string }).reason), /rate exceeds/);
  assert.match(String((checkDose(library, 'HEP25K', 2, 50.5) as { reason: string }).reason), /volume exceeds/);
  assert.match(String((checkDose(library, 'KCL20', 1, 1) as { reason: string }).reason), /not in drug library/);
});
