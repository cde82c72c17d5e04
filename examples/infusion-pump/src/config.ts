// Gateway configuration: a JSON file written by the installer. Secrets (the TLS private key, the device link
// HMAC keys) never appear in it: the configuration names key files, the loader refuses any inline secret,
// and a key file is read only if it is a regular file that group and others cannot access.
// @implements MIT-9
import { readFileSync, statSync } from 'node:fs';

export interface PumpConfig {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly hmacKeyFile: string;
}

export interface GatewayConfig {
  readonly listen: { readonly host: string; readonly port: number };
  readonly tls: { readonly certFile: string; readonly keyFile: string; readonly clientCaFile: string; readonly crlFile?: string };
  readonly pumps: readonly PumpConfig[];
  readonly drugLibrary: { readonly file: string; readonly signatureFile: string; readonly publicKeyFile: string };
  readonly auditLogFile: string;
  readonly stateDir: string;
  readonly rateLimit: { readonly burst: number; readonly perSecond: number };
}

export class ConfigError extends Error {}

/** Keys that would hold a secret value. File references (`keyFile`, `hmacKeyFile`) are fine. */
const SECRET_KEY = /(password|passphrase|secret|token|privatekey|hmackey|apikey)$/i;

function rejectInlineSecrets(value: unknown, path: string): void {
  if (Array.isArray(value)) value.forEach((item, index) => rejectInlineSecrets(item, `${path}[${index}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      if (SECRET_KEY.test(key.replace(/[-_]/g, ''))) throw new ConfigError(`${where}: secrets must be kept in a key file, not in the configuration`);
      rejectInlineSecrets(item, where);
    }
  }
}

export function parseConfig(text: string): GatewayConfig {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`configuration is not valid JSON: ${(error as Error).message}`);
  }
  rejectInlineSecrets(document, '');
  const config = document as GatewayConfig;
  if (!config.listen?.port || !config.tls?.keyFile || !config.tls.clientCaFile || !Array.isArray(config.pumps) || !config.drugLibrary?.publicKeyFile || !config.auditLogFile || !config.stateDir) {
    throw new ConfigError('configuration lacks listen, tls, pumps, drugLibrary, auditLogFile or stateDir');
  }
  return config;
}

export function loadConfig(path: string): GatewayConfig {
  return parseConfig(readFileSync(path, 'utf8'));
}

/** Reads a key file, refusing one that is not a regular file or that group or others could read. */
export function readSecretFile(path: string): Buffer {
  const stat = statSync(path);
  if (!stat.isFile()) throw new ConfigError(`${path} is not a regular file`);
  if ((stat.mode & 0o077) !== 0) {
    throw new ConfigError(`${path} is accessible to group or others (mode ${(stat.mode & 0o777).toString(8)}); run chmod 600 on it`);
  }
  return readFileSync(path);
}
