// The gateway's side of the device link: one TCP connection per pump, through the ward's serial-to-Ethernet
// converter. Commands go out with the next sequence number and resolve when the pump acknowledges them;
// status frames come in about once a second. Sequence numbers are persisted so that a gateway restart
// does not reopen the window for replaying frames recorded before it.
import { EventEmitter } from 'node:events';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { Logger } from '../logging/logger';
import {
  decodeAnswer, decodeFrame, decodeStatus, encodeFrame, FrameReader, FrameType, ReplayGuard, SequenceCounter,
  type PumpStatus,
} from './frame';

export interface SequenceState {
  readonly sent: number;
  readonly received: number;
}

export interface SequenceStore {
  load(): SequenceState;
  save(state: SequenceState): void;
}

/** Keeps the last sequence numbers in a small file, replaced atomically. */
export function fileSequenceStore(path: string): SequenceStore {
  return {
    load() {
      try {
        const state = JSON.parse(readFileSync(path, 'utf8')) as SequenceState;
        return { sent: state.sent, received: state.received };
      } catch {
        // A missing file is a newly paired pump; the gateway never invents numbers for a paired one.
        return { sent: 0, received: 0 };
      }
    },
    save(state) {
      writeFileSync(`${path}.tmp`, JSON.stringify(state), { mode: 0o600 });
      renameSync(`${path}.tmp`, path);
    },
  };
}

export interface DeviceLinkOptions {
  readonly pumpId: string;
  readonly host: string;
  readonly port: number;
  readonly key: Buffer;
  readonly sequences: SequenceStore;
  readonly logger: Logger;
  readonly answerTimeoutMs?: number;
}

/** What the infusion service needs from a pump; the tests substitute their own. */
export interface PumpChannel {
  send(type: FrameType, payload: Buffer): Promise<void>;
  lastStatus(): PumpStatus | undefined;
}

export class CommandNotAcknowledged extends Error {}

interface Pending {
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class DeviceLink extends EventEmitter implements PumpChannel {
  private socket: Socket | undefined;
  private readonly reader = new FrameReader();
  private readonly outgoing: SequenceCounter;
  private readonly incoming: ReplayGuard;
  private readonly pending = new Map<number, Pending>();
  private status: PumpStatus | undefined;

  constructor(private readonly options: DeviceLinkOptions) {
    super();
    const state = options.sequences.load();
    this.outgoing = new SequenceCounter(state.sent);
    this.incoming = new ReplayGuard(state.received);
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.options.host, port: this.options.port });
      socket.setNoDelay(true);
      socket.once('connect', () => {
        this.socket = socket;
        resolve();
      });
      socket.once('error', reject);

      // @exposure internal
      // @implications a forged or replayed status frame misreports a running infusion; a forged ack hides a failed dose change
      // @assets AST-1 infusion parameters
      // @trust-boundary pump -> gateway (ward device network)
      // @threats THR-1, THR-10
      // @implements IF-3
      socket.on('data', (chunk: Buffer) => this.onData(chunk));

      socket.on('close', () => {
        this.socket = undefined;
        this.status = undefined;
        for (const [seq, pending] of this.pending) this.settle(seq, pending, new CommandNotAcknowledged('device link closed'));
        this.emit('down', this.options.pumpId);
      });
    });
  }

  send(type: FrameType, payload: Buffer): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new CommandNotAcknowledged(`pump ${this.options.pumpId} is not connected`));
    const seq = this.outgoing.next();
    this.persist();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(seq, this.pending.get(seq), new CommandNotAcknowledged('no answer from the pump')), this.options.answerTimeoutMs ?? 2000);
      this.pending.set(seq, { resolve, reject, timer });
      socket.write(encodeFrame(type, seq, payload, this.options.key));
    });
  }

  lastStatus(): PumpStatus | undefined {
    return this.status;
  }

  private onData(chunk: Buffer): void {
    for (const raw of this.reader.push(chunk)) {
      const result = decodeFrame(raw, this.options.key);
      if (!result.ok) {
        this.options.logger.warn('device frame rejected', { pump: this.options.pumpId, reason: result.error });
        continue;
      }
      const { frame } = result;
      if (!this.incoming.accept(frame.seq)) {
        this.options.logger.warn('device frame replayed', { pump: this.options.pumpId, seq: frame.seq });
        continue;
      }
      this.persist();
      if (frame.type === FrameType.Status) {
        this.status = decodeStatus(frame.payload);
        this.emit('status', this.options.pumpId, this.status);
      } else if (frame.type === FrameType.Ack || frame.type === FrameType.Nack) {
        const answer = decodeAnswer(frame.payload);
        if (!answer) continue;
        const failure = frame.type === FrameType.Nack ? new CommandNotAcknowledged(`pump refused the command (reason ${answer.reason ?? 0})`) : undefined;
        this.settle(answer.acked, this.pending.get(answer.acked), failure);
      }
    }
  }

  private settle(seq: number, pending: Pending | undefined, failure?: Error): void {
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(seq);
    if (failure) pending.reject(failure);
    else pending.resolve();
  }

  private persist(): void {
    this.options.sequences.save({ sent: this.outgoing.lastSent, received: this.incoming.lastAccepted });
  }
}
