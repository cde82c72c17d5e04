// Defence in depth, end to end over HTTP: each layer refuses on its own, and only a request that passes all
// of them reaches the pump. The TLS handshake is replaced by a test identity; everything after it is real.
// @verifies SR-1, SR-2
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createApp, Metrics } from '../src/app';
import { AuditLog, verifyChain } from '../src/audit/auditLog';
import type { Identity } from '../src/auth/auth';
import { FrameType } from '../src/devicelink/frame';
import type { PumpChannel } from '../src/devicelink/link';
import { verifyDrugLibrary } from '../src/dosing/drugLibrary';
import { InfusionService } from '../src/infusions/service';
import { createLogger } from '../src/logging/logger';

const identities: Record<string, Identity> = {
  clinician: { subject: 'dr.meyer', role: 'clinician', fingerprint: 'c1' },
  viewer: { subject: 'ward-display-4', role: 'viewer', fingerprint: 'v1' },
  flooder: { subject: 'ehr-retry-loop', role: 'ehr', fingerprint: 'e1' },
};

const sent: { type: FrameType; payload: Buffer }[] = [];
const pump: PumpChannel = {
  async send(type, payload) {
    sent.push({ type, payload });
  },
  lastStatus: () => ({ state: 'running', rateCentiMlPerHour: 1250, infusedCentiMl: 300, alarms: 0 }),
};

const auditLines: string[] = [];
let server: Server;
let base: string;

before(async () => {
  const pharmacy = generateKeyPairSync('ed25519');
  const bytes = Buffer.from(JSON.stringify({
    version: 12,
    issued: '2026-10-01',
    drugs: [{ code: 'HEP25K', name: 'Heparin 25000 IU/50 mL', concentrationMgPerMl: 500, maxRateMlPerHour: 25, maxVolumeMl: 50 }],
  }));
  const library = verifyDrugLibrary(bytes, sign(null, bytes, pharmacy.privateKey), pharmacy.publicKey);
  const logger = createLogger({ write: () => undefined });
  const service = new InfusionService({
    pumps: new Map([['icu-bed-07', pump]]),
    library: () => library,
    audit: new AuditLog({ append: (line) => auditLines.push(line) }),
    logger,
  });
  const app = createApp({
    service,
    identify: (req) => identities[String(req.headers['x-test-client'])],
    rateLimit: { burst: 20, perSecond: 5 },
    logger,
    metrics: new Metrics(),
  });
  server = createServer(app).listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function call(client: string | undefined, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (client) headers['x-test-client'] = client;
  return fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const order = { pumpId: 'icu-bed-07', drugCode: 'HEP25K', rateMlPerHour: 12.5, volumeMl: 50, patientRef: 'MRN004711' };

test('each layer refuses on its own, and nothing refused reaches the pump', async () => {
  assert.equal((await call(undefined, 'POST', '/infusions', order)).status, 401);
  assert.equal((await call('viewer', 'POST', '/infusions', order)).status, 403);
  assert.equal((await call('clinician', 'POST', '/infusions', { ...order, rateMlPerHour: '12.5' })).status, 400);
  assert.equal((await call('clinician', 'POST', '/infusions', { ...order, rateMlPerHour: 80 })).status, 422);
  assert.equal(sent.length, 0);
});

test('a valid order is started, audited and can be read and changed within limits', async () => {
  const started = await call('clinician', 'POST', '/infusions', order);
  assert.equal(started.status, 201);
  const { id } = (await started.json()) as { id: string };
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, FrameType.Start);

  const status = await call('viewer', 'GET', `/infusions/${id}`);
  assert.equal(status.status, 200);
  assert.equal(((await status.json()) as { pump: { state: string } }).pump.state, 'running');

  assert.equal((await call('clinician', 'PUT', `/infusions/${id}/rate`, { rateMlPerHour: 30 })).status, 422);
  assert.equal((await call('clinician', 'PUT', `/infusions/${id}/rate`, { rateMlPerHour: 20 })).status, 200);
  assert.equal((await call('clinician', 'POST', `/infusions/${id}/stop`)).status, 200);
  assert.deepEqual(sent.map((s) => s.type), [FrameType.Start, FrameType.SetRate, FrameType.Stop]);

  const trail = verifyChain(auditLines);
  assert.equal(trail.ok, true);
  assert.ok(auditLines.some((line) => line.includes('"outcome":"rejected"')));
});

test('a flooding client is throttled', async () => {
  const answers = [];
  for (let i = 0; i < 30; i++) answers.push((await call('flooder', 'GET', '/infusions/00000000-0000-4000-8000-000000000000')).status);
  assert.ok(answers.includes(429));
});
