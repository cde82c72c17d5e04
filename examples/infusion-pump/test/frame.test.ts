// Device link frames: authenticity, integrity, freshness, and robustness of the decoder at its boundaries
// and on random input. The pump-side parser has the same cases in firmware/frame_parser_test.c.
// @verifies MIT-2, SR-3, SR-9
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  crc16, decodeFrame, encodeFrame, encodeStart, FrameReader, FrameType, MAC_LENGTH, MAX_PAYLOAD, OVERHEAD, ReplayGuard,
  SequenceCounter,
} from '../src/devicelink/frame';

const key = Buffer.alloc(32, 0x5a);
const start = encodeStart({ drugCode: 'HEP25K', rateCentiMlPerHour: 1250, volumeCentiMl: 50000 });

test('CRC16 matches the CRC-16/CCITT-FALSE check value', () => {
  assert.equal(crc16(Buffer.from('123456789', 'ascii')), 0x29b1);
});

test('a frame round-trips', () => {
  const result = decodeFrame(encodeFrame(FrameType.Start, 7, start, key), key);
  assert.deepEqual(result, { ok: true, frame: { type: FrameType.Start, seq: 7, payload: start } });
});

test('a corrupted byte fails the CRC; with the CRC recomputed it still fails the HMAC', () => {
  const frame = encodeFrame(FrameType.SetRate, 8, Buffer.from([0, 0, 0x13, 0x88]), key);
  frame[12] ^= 0x01;
  assert.deepEqual(decodeFrame(frame, key), { ok: false, error: 'crc' });
  frame.writeUInt16BE(crc16(frame.subarray(0, frame.length - 2)), frame.length - 2);
  assert.deepEqual(decodeFrame(frame, key), { ok: false, error: 'mac' });
});

test('a frame under another key is rejected', () => {
  const frame = encodeFrame(FrameType.Stop, 9, Buffer.alloc(0), Buffer.alloc(32, 0x11));
  assert.deepEqual(decodeFrame(frame, key), { ok: false, error: 'mac' });
});

test('lengths at and beyond the limits', () => {
  assert.equal(decodeFrame(encodeFrame(FrameType.Status, 1, Buffer.alloc(MAX_PAYLOAD), key), key).ok, true);
  assert.throws(() => encodeFrame(FrameType.Status, 1, Buffer.alloc(MAX_PAYLOAD + 1), key), RangeError);
  const frame = encodeFrame(FrameType.Status, 1, Buffer.alloc(4), key);
  assert.deepEqual(decodeFrame(frame.subarray(0, OVERHEAD - 1), key), { ok: false, error: 'short' });
  assert.deepEqual(decodeFrame(frame.subarray(0, frame.length - 1), key), { ok: false, error: 'length' });
  frame.writeUInt16BE(MAX_PAYLOAD + 1, 7);
  assert.deepEqual(decodeFrame(frame, key), { ok: false, error: 'length' });
});

test('the replay guard accepts only increasing sequence numbers', () => {
  const guard = new ReplayGuard(41);
  assert.equal(guard.accept(41), false);
  assert.equal(guard.accept(42), true);
  assert.equal(guard.accept(42), false);
  assert.equal(guard.accept(40), false);
  assert.equal(guard.accept(1000), true);
  assert.equal(guard.lastAccepted, 1000);
});

test('the sending side refuses to wrap its sequence number', () => {
  const counter = new SequenceCounter(0xfffffffe);
  assert.equal(counter.next(), 0xffffffff);
  assert.throws(() => counter.next(), /re-pair/);
});

test('the reader reassembles split frames and skips noise and impossible lengths', () => {
  const a = encodeFrame(FrameType.Ack, 3, Buffer.from([0, 0, 0, 7]), key);
  const b = encodeFrame(FrameType.Status, 4, Buffer.alloc(11), key);
  const noise = Buffer.from([0x00, 0x7e, 0x01, 0x81, 0, 0, 0, 1, 0xff, 0xff]);
  const stream = Buffer.concat([noise, a, b]);
  const reader = new FrameReader();
  const frames = [...reader.push(stream.subarray(0, 17)), ...reader.push(stream.subarray(17))];
  assert.deepEqual(frames.map((f) => decodeFrame(f, key).ok), [true, true]);
});

test('random input never throws and never decodes', () => {
  for (let i = 0; i < 5000; i++) {
    const input = randomBytes(Math.floor(Math.random() * (OVERHEAD + MAX_PAYLOAD + MAC_LENGTH)));
    if (input.length > 0 && i % 2 === 0) input[0] = 0x7e;
    assert.equal(decodeFrame(input, key).ok, false);
    assert.doesNotThrow(() => new FrameReader().push(input));
  }
});
