// The audit trail: one JSON line per infusion command, accepted or rejected. Each line carries the hash of
// the line before it and a SHA-256 over its own content, so deleting, reordering or editing a line breaks
// the chain from that line on, which verifyChain reports. The file is opened for appending only and synced
// after every line. The chain makes tampering evident, not impossible: the head hash is also written to
// the service log every hour, outside the audit file.
// @implements MIT-6, SR-6
import { createHash } from 'node:crypto';
import { fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface AuditEvent {
  readonly actor: string;
  readonly role: string;
  readonly action: 'start' | 'stop' | 'change-rate' | 'drug-library-update';
  readonly outcome: 'accepted' | 'rejected' | 'failed';
  readonly infusionId?: string;
  readonly pumpId?: string;
  readonly reason?: string;
}

export interface AuditRecord extends AuditEvent {
  readonly seq: number;
  readonly time: string;
  readonly prev: string;
  readonly hash: string;
}

export interface AuditSink {
  append(line: string): void;
}

export const GENESIS = '0'.repeat(64);

/** Sorted keys, undefined values left out: the same text whether computed on write or on verification. */
function canonical(fields: Record<string, unknown>): string {
  const keys = Object.keys(fields).filter((key) => fields[key] !== undefined).sort();
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, fields[key]])));
}

function hashOf(fields: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(fields)).digest('hex');
}

export class AuditLog {
  private seq: number;
  private head: string;

  constructor(
    private readonly sink: AuditSink,
    private readonly now: () => Date = () => new Date(),
    last: { seq: number; hash: string } = { seq: 0, hash: GENESIS },
  ) {
    this.seq = last.seq;
    this.head = last.hash;
  }

  record(event: AuditEvent): AuditRecord {
    const body = { ...event, seq: this.seq + 1, time: this.now().toISOString(), prev: this.head };
    const record: AuditRecord = { ...body, hash: hashOf(body) };
    this.sink.append(JSON.stringify(record));
    this.seq = record.seq;
    this.head = record.hash;
    return record;
  }

  get headHash(): string {
    return this.head;
  }
}

export type ChainResult = { ok: true; records: number; head: string } | { ok: false; line: number; reason: string };

/** Checks a whole audit file. `line` is 1-based, for the reviewer who opens the file. */
export function verifyChain(lines: readonly string[]): ChainResult {
  let prev = GENESIS;
  let seq = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return { ok: false, line: index + 1, reason: 'not a JSON record' };
    }
    const { hash, ...body } = record;
    if (body.prev !== prev) return { ok: false, line: index + 1, reason: 'does not follow the previous record' };
    if (body.seq !== seq + 1) return { ok: false, line: index + 1, reason: `sequence ${String(body.seq)} after ${seq}` };
    if (hash !== hashOf(body)) return { ok: false, line: index + 1, reason: 'content does not match its hash' };
    prev = hash;
    seq += 1;
  }
  return { ok: true, records: seq, head: prev };
}

/** Appends to the audit file, creating it readable by the service user only. */
export function fileSink(path: string): AuditSink {
  const fd = openSync(path, 'a', 0o600);
  return {
    append(line) {
      writeSync(fd, `${line}\n`);
      fsyncSync(fd);
    },
  };
}

/** Where to continue the chain after a restart; refuses to continue a broken one. */
export function resumeFrom(path: string): { seq: number; hash: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { seq: 0, hash: GENESIS };
  }
  const result = verifyChain(text.split('\n'));
  if (!result.ok) throw new Error(`audit trail ${path} is broken at line ${result.line}: ${result.reason}`);
  return { seq: result.records, hash: result.head };
}
