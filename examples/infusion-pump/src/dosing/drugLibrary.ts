// The drug library: for each drug the pharmacy allows on the ward, the hard limits no order may exceed.
// Pharmacy signs each release with tools/druglib-signer (Ed25519 over the exact file bytes, detached
// base64 signature). The gateway accepts a release only if the signature verifies with the pharmacy's
// public key and its version is not below the newest one accepted so far, so an old, wider library cannot
// be replayed, not even across a restart.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface DrugEntry {
  readonly code: string;
  readonly name: string;
  readonly concentrationMgPerMl: number;
  readonly maxRateMlPerHour: number;
  readonly maxVolumeMl: number;
}

export interface DrugLibrary {
  readonly version: number;
  readonly issued: string;
  readonly drugs: ReadonlyMap<string, DrugEntry>;
}

export class DrugLibraryError extends Error {}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function parseLibrary(bytes: Buffer): DrugLibrary {
  const document = JSON.parse(bytes.toString('utf8')) as { version?: unknown; issued?: unknown; drugs?: unknown };
  if (!Number.isInteger(document.version) || typeof document.issued !== 'string' || !Array.isArray(document.drugs)) {
    throw new DrugLibraryError('drug library lacks version, issued or drugs');
  }
  const drugs = new Map<string, DrugEntry>();
  for (const entry of document.drugs as Partial<DrugEntry>[]) {
    if (typeof entry.code !== 'string' || typeof entry.name !== 'string' || !positive(entry.concentrationMgPerMl) || !positive(entry.maxRateMlPerHour) || !positive(entry.maxVolumeMl)) {
      throw new DrugLibraryError(`invalid drug entry ${JSON.stringify(entry.code ?? null)}`);
    }
    if (drugs.has(entry.code)) throw new DrugLibraryError(`drug ${entry.code} is listed twice`);
    drugs.set(entry.code, entry as DrugEntry);
  }
  return { version: document.version as number, issued: document.issued, drugs };
}

// @implements MIT-5, SR-11
export function verifyDrugLibrary(bytes: Buffer, signature: Buffer, publicKey: KeyObject, minimumVersion = 1): DrugLibrary {
  if (!verify(null, bytes, publicKey, signature)) throw new DrugLibraryError('drug library signature does not verify');
  const library = parseLibrary(bytes);
  if (library.version < minimumVersion) {
    throw new DrugLibraryError(`drug library version ${library.version} is older than the required version ${minimumVersion}`);
  }
  return library;
}

export interface DrugLibraryFiles {
  readonly file: string;
  readonly signatureFile: string;
  readonly publicKeyFile: string;
}

// @exposure external
// @implications a tampered or rolled-back library widens the limits every dose is checked against
// @assets AST-3 drug library
// @trust-boundary pharmacy release -> gateway file system
// @threats THR-6
// @implements IF-4
export function loadDrugLibraryFiles(files: DrugLibraryFiles, minimumVersion = 1): DrugLibrary {
  const publicKey = createPublicKey(readFileSync(files.publicKeyFile));
  const signature = Buffer.from(readFileSync(files.signatureFile, 'ascii').trim(), 'base64');
  return verifyDrugLibrary(readFileSync(files.file), signature, publicKey, minimumVersion);
}

export type DoseCheck = { ok: true; drug: DrugEntry } | { ok: false; reason: string };

// The gateway's own check of every dose against the hard limits, independent of the pump's check of the
// same limits: a request that slipped past the API's plausibility ranges still stops here.
// @implements MIT-4, SR-5
export function checkDose(library: DrugLibrary, drugCode: string, rateMlPerHour: number, volumeMl: number): DoseCheck {
  const drug = library.drugs.get(drugCode);
  if (!drug) return { ok: false, reason: `drug ${drugCode} is not in drug library version ${library.version}` };
  if (rateMlPerHour > drug.maxRateMlPerHour) return { ok: false, reason: `rate exceeds the hard limit of ${drug.maxRateMlPerHour} mL/h for ${drug.code}` };
  if (volumeMl > drug.maxVolumeMl) return { ok: false, reason: `volume exceeds the hard limit of ${drug.maxVolumeMl} mL for ${drug.code}` };
  return { ok: true, drug };
}
