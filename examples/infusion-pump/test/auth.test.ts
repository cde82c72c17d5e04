// Client certificates become identities only when the hospital CA issued them to a known unit; each route
// admits only the roles it names.
// @verifies MIT-1, SR-2
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Request, Response } from 'express';
import type { PeerCertificate } from 'node:tls';
import { authenticate, identityFromCertificate, requireRole, type Identity } from '../src/auth/auth';

function certificate(subject: Record<string, string | string[]>): PeerCertificate {
  return { subject, fingerprint256: 'AB:CD:EF' } as unknown as PeerCertificate;
}

function fakeResponse(identity?: Identity) {
  const res = {
    locals: { identity } as Record<string, unknown>,
    statusCode: 200,
    body: undefined as unknown,
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    json(body: unknown) {
      res.body = body;
      return res;
    },
  };
  return res;
}

test('a clinician certificate maps to the clinician role', () => {
  assert.deepEqual(identityFromCertificate(certificate({ CN: 'dr.meyer', OU: 'Infusion Clinicians' })), {
    subject: 'dr.meyer',
    role: 'clinician',
    fingerprint: 'AB:CD:EF',
  });
});

test('no certificate, an unknown unit or an ambiguous subject give no identity', () => {
  assert.equal(identityFromCertificate({} as PeerCertificate), undefined);
  assert.equal(identityFromCertificate(certificate({ CN: 'printer-3', OU: 'Facilities' })), undefined);
  assert.equal(identityFromCertificate(certificate({ CN: 'x', OU: ['Infusion Clinicians', 'EHR Integration'] })), undefined);
  assert.equal(identityFromCertificate(certificate({ CN: 'x', OU: 'constructor' })), undefined);
});

test('requests without an identity are refused with 401', () => {
  const res = fakeResponse();
  let called = false;
  authenticate(() => undefined)({} as Request, res as unknown as Response, () => (called = true));
  assert.equal(res.statusCode, 401);
  assert.equal(called, false);
});

test('a viewer may not reach a clinician route', () => {
  const viewer: Identity = { subject: 'ward-display-4', role: 'viewer', fingerprint: '01' };
  const res = fakeResponse(viewer);
  let called = false;
  requireRole('clinician', 'ehr')({} as Request, res as unknown as Response, () => (called = true));
  assert.equal(res.statusCode, 403);
  assert.equal(called, false);
});

test('a clinician passes the clinician role check', () => {
  const res = fakeResponse({ subject: 'dr.meyer', role: 'clinician', fingerprint: '02' });
  let called = false;
  requireRole('clinician')({} as Request, res as unknown as Response, () => (called = true));
  assert.equal(called, true);
});
