// Gateway entry point: reads the configuration and key files, resumes the audit trail, loads the signed drug
// library, connects the pumps and serves the API over mutual TLS. The TLS server completes a handshake only
// with clients whose certificate chains to the hospital's client CA and is not on its revocation list.
// @implements MIT-1
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { createApp, Metrics } from './app';
import { AuditLog, fileSink, resumeFrom } from './audit/auditLog';
import { identifyByClientCertificate } from './auth/auth';
import { loadConfig, readSecretFile } from './config';
import { DeviceLink, fileSequenceStore, type PumpChannel } from './devicelink/link';
import { loadDrugLibraryFiles } from './dosing/drugLibrary';
import { InfusionService } from './infusions/service';
import { createLogger } from './logging/logger';

const HOUR = 60 * 60 * 1000;

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

async function main(configPath: string): Promise<void> {
  const config = loadConfig(configPath);
  const logger = createLogger();
  const audit = new AuditLog(fileSink(config.auditLogFile), () => new Date(), resumeFrom(config.auditLogFile));
  // The head of the audit chain, outside the audit file: truncating the file is then evident too.
  setInterval(() => logger.info('audit chain head', { hash: audit.headHash }), HOUR).unref();

  // The newest drug library version ever accepted: a restart must not bring back an older release.
  const versionFile = join(config.stateDir, 'drug-library.version');
  let library = loadDrugLibraryFiles(config.drugLibrary, Number(readOptional(versionFile) ?? '1'));
  writeFileSync(versionFile, String(library.version), { mode: 0o600 });
  logger.info('drug library loaded', { version: library.version, issued: library.issued });

  const pumps = new Map<string, PumpChannel>();
  for (const pump of config.pumps) {
    const link = new DeviceLink({
      pumpId: pump.id,
      host: pump.host,
      port: pump.port,
      key: readSecretFile(pump.hmacKeyFile),
      sequences: fileSequenceStore(join(config.stateDir, `${pump.id}.seq.json`)),
      logger,
    });
    link.on('down', (id: string) => logger.warn('device link down', { pump: id }));
    await link.connect();
    pumps.set(pump.id, link);
  }

  const service = new InfusionService({ pumps, library: () => library, audit, logger });
  const app = createApp({ service, identify: identifyByClientCertificate, rateLimit: config.rateLimit, logger, metrics: new Metrics() });

  // Pharmacy publishes a new signed release and the operator sends SIGHUP; a release that fails the check
  // leaves the library in force unchanged.
  process.on('SIGHUP', () => {
    const actor = { actor: 'operator', role: 'system', action: 'drug-library-update' } as const;
    try {
      library = loadDrugLibraryFiles(config.drugLibrary, library.version + 1);
      writeFileSync(versionFile, String(library.version), { mode: 0o600 });
      audit.record({ ...actor, outcome: 'accepted', reason: `version ${library.version}` });
    } catch (error) {
      audit.record({ ...actor, outcome: 'rejected', reason: (error as Error).message });
      logger.error('drug library update rejected', { error });
    }
  });

  // The one listener of the clinician and EHR API: mutual TLS with a client CA and a revocation list.
  // @exposure external
  // @implications every infusion command and status read enters through this listener
  // @assets AST-1 dose settings, AST-2 patient identity
  // @trust-boundary hospital network -> gateway
  // @threats THR-2, THR-5
  // @implements IF-1
  const server = createServer(
    {
      key: readSecretFile(config.tls.keyFile),
      cert: readFileSync(config.tls.certFile),
      ca: readFileSync(config.tls.clientCaFile),
      crl: config.tls.crlFile ? readFileSync(config.tls.crlFile) : undefined,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    app,
  );
  server.listen(config.listen.port, config.listen.host, () => logger.info('gateway listening', { port: config.listen.port }));
}

main(process.argv[2] ?? '/etc/pump-gateway/config.json').catch((error: unknown) => {
  process.stderr.write(`pump gateway failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
