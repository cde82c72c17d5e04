// Device link framing between the gateway and a pump. One frame on the wire:
//
//   0x7E | version | type | seq (u32 BE) | length (u16 BE) | payload | HMAC-SHA256 (32 bytes) | CRC16 (u16 BE)
//
// The HMAC covers everything from the version byte to the end of the payload, under a key provisioned per
// pump when it is paired with the gateway. Sequence numbers increase strictly in each direction and are
// not reset on reconnect, so a recorded frame is never accepted twice. The CRC only catches line noise
// cheaply before the HMAC is computed; it is not a security control.
// The pump parses the same format in firmware/frame_parser.c.
// @implements MIT-2, SR-3
import { createHmac, timingSafeEqual } from 'node:crypto';

export const START_BYTE = 0x7e;
export const PROTOCOL_VERSION = 1;
/** Start byte, version, type, sequence number, payload length. */
export const HEADER_LENGTH = 9;
export const MAC_LENGTH = 32;
export const CRC_LENGTH = 2;
export const MAX_PAYLOAD = 256;
export const OVERHEAD = HEADER_LENGTH + MAC_LENGTH + CRC_LENGTH;
export const MAX_SEQUENCE = 0xffffffff;

export enum FrameType {
  Start = 0x01,
  Stop = 0x02,
  SetRate = 0x03,
  Status = 0x81,
  Ack = 0x82,
  Nack = 0x83,
}

export interface Frame {
  readonly type: FrameType;
  readonly seq: number;
  readonly payload: Buffer;
}

export type DecodeError = 'short' | 'start-byte' | 'version' | 'length' | 'crc' | 'mac' | 'type';

export type DecodeResult = { ok: true; frame: Frame } | { ok: false; error: DecodeError };

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF), as computed by the pump. */
export function crc16(data: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function mac(key: Buffer, covered: Buffer): Buffer {
  return createHmac('sha256', key).update(covered).digest();
}

export function encodeFrame(type: FrameType, seq: number, payload: Buffer, key: Buffer): Buffer {
  if (payload.length > MAX_PAYLOAD) throw new RangeError(`payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQUENCE) throw new RangeError(`invalid sequence number ${seq}`);
  const frame = Buffer.alloc(OVERHEAD + payload.length);
  frame[0] = START_BYTE;
  frame[1] = PROTOCOL_VERSION;
  frame[2] = type;
  frame.writeUInt32BE(seq, 3);
  frame.writeUInt16BE(payload.length, 7);
  payload.copy(frame, HEADER_LENGTH);
  const macStart = HEADER_LENGTH + payload.length;
  mac(key, frame.subarray(1, macStart)).copy(frame, macStart);
  frame.writeUInt16BE(crc16(frame.subarray(0, macStart + MAC_LENGTH)), macStart + MAC_LENGTH);
  return frame;
}

/**
 * Decodes exactly one frame. Checks run cheapest first and nothing in the frame is trusted before the HMAC
 * has verified. The sequence number is not checked here: that is the receiver's ReplayGuard, after decoding.
 */
export function decodeFrame(buffer: Buffer, key: Buffer): DecodeResult {
  if (buffer.length < OVERHEAD) return { ok: false, error: 'short' };
  if (buffer[0] !== START_BYTE) return { ok: false, error: 'start-byte' };
  if (buffer[1] !== PROTOCOL_VERSION) return { ok: false, error: 'version' };
  const length = buffer.readUInt16BE(7);
  if (length > MAX_PAYLOAD || buffer.length !== OVERHEAD + length) return { ok: false, error: 'length' };
  const macStart = HEADER_LENGTH + length;
  const crcStart = macStart + MAC_LENGTH;
  if (crc16(buffer.subarray(0, crcStart)) !== buffer.readUInt16BE(crcStart)) return { ok: false, error: 'crc' };
  const expected = mac(key, buffer.subarray(1, macStart));
  if (!timingSafeEqual(expected, buffer.subarray(macStart, crcStart))) return { ok: false, error: 'mac' };
  const type = buffer[2];
  if (!(type in FrameType)) return { ok: false, error: 'type' };
  return { ok: true, frame: { type, seq: buffer.readUInt32BE(3), payload: Buffer.from(buffer.subarray(HEADER_LENGTH, macStart)) } };
}

/** Accepts only sequence numbers above the last accepted one. Call it after the HMAC has verified. */
export class ReplayGuard {
  constructor(private last = 0) {}

  accept(seq: number): boolean {
    if (seq <= this.last) return false;
    this.last = seq;
    return true;
  }

  get lastAccepted(): number {
    return this.last;
  }
}

/** Outgoing sequence numbers. At the end of the range the link must be re-paired with a new key. */
export class SequenceCounter {
  constructor(private last = 0) {}

  next(): number {
    if (this.last >= MAX_SEQUENCE) throw new Error('sequence numbers exhausted: re-pair the pump to rotate its key');
    this.last += 1;
    return this.last;
  }

  get lastSent(): number {
    return this.last;
  }
}

/**
 * Cuts a byte stream into candidate frames. Bytes before a start byte are dropped; a header that declares
 * more than MAX_PAYLOAD is treated as noise, so a corrupt length can never make the reader wait for, or
 * buffer, more than one maximum-size frame.
 */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const start = this.pending.indexOf(START_BYTE);
      if (start < 0) {
        this.pending = Buffer.alloc(0);
        break;
      }
      if (start > 0) this.pending = this.pending.subarray(start);
      if (this.pending.length < HEADER_LENGTH) break;
      const length = this.pending.readUInt16BE(7);
      if (length > MAX_PAYLOAD) {
        this.pending = this.pending.subarray(1);
        continue;
      }
      const size = OVERHEAD + length;
      if (this.pending.length < size) break;
      frames.push(Buffer.from(this.pending.subarray(0, size)));
      this.pending = this.pending.subarray(size);
    }
    return frames;
  }
}

// Payloads. Rates are in 0.01 mL/h and volumes in 0.01 mL so the pump never handles floating point.

export interface StartPayload {
  readonly drugCode: string;
  readonly rateCentiMlPerHour: number;
  readonly volumeCentiMl: number;
}

export function encodeStart(start: StartPayload): Buffer {
  const payload = Buffer.alloc(16);
  payload.write(start.drugCode.padEnd(8, '\0'), 0, 8, 'ascii');
  payload.writeUInt32BE(start.rateCentiMlPerHour, 8);
  payload.writeUInt32BE(start.volumeCentiMl, 12);
  return payload;
}

export function encodeSetRate(rateCentiMlPerHour: number): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeUInt32BE(rateCentiMlPerHour, 0);
  return payload;
}

export type PumpState = 'idle' | 'running' | 'paused' | 'alarm';
const PUMP_STATES: readonly PumpState[] = ['idle', 'running', 'paused', 'alarm'];

export interface PumpStatus {
  readonly state: PumpState;
  readonly rateCentiMlPerHour: number;
  readonly infusedCentiMl: number;
  /** Bit set of active pump alarms (occlusion, air in line, door open, ...), as defined by the pump. */
  readonly alarms: number;
}

export function decodeStatus(payload: Buffer): PumpStatus | undefined {
  if (payload.length !== 11) return undefined;
  const state = PUMP_STATES[payload[0]];
  if (!state) return undefined;
  return { state, rateCentiMlPerHour: payload.readUInt32BE(1), infusedCentiMl: payload.readUInt32BE(5), alarms: payload.readUInt16BE(9) };
}

/** Ack and Nack carry the sequence number of the command they answer; a Nack adds a one-byte reason. */
export function decodeAnswer(payload: Buffer): { acked: number; reason?: number } | undefined {
  if (payload.length === 4) return { acked: payload.readUInt32BE(0) };
  if (payload.length === 5) return { acked: payload.readUInt32BE(0), reason: payload[4] };
  return undefined;
}
