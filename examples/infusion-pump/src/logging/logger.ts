// Structured logging, one JSON object per line, with patient identity removed at the source: fields that
// carry it are replaced at any depth before a line is written, so logs shipped to the hospital's log
// collector hold no patient data. Code must log identifiers as fields, never inside the message text.
// @implements MIT-8, SR-8

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names (compared without case, `_` or `-`) whose values identify a patient. */
const PATIENT_FIELDS = new Set(['patientref', 'patientid', 'patient', 'mrn', 'patientname', 'dateofbirth', 'dob', 'bed']);

export const REDACTED = '[redacted]';

const MAX_DEPTH = 6;

export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = PATIENT_FIELDS.has(key.toLowerCase().replace(/[-_]/g, '')) ? REDACTED : redact(item, depth + 1);
  }
  return result;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  readonly write?: (line: string) => void;
  readonly minLevel?: LogLevel;
  readonly now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const minLevel = LEVELS[options.minLevel ?? 'info'];
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] < minLevel) return;
    const safe = redact(fields) as Record<string, unknown>;
    write(JSON.stringify({ ...safe, time: now().toISOString(), level, message }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
