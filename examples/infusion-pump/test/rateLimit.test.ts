// One flooding client is throttled without affecting the others, and the number of tracked clients is bounded.
// @verifies MIT-7, SR-7
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBuckets } from '../src/middleware/rateLimit';

test('a burst is allowed, then the client waits for tokens', () => {
  let now = 0;
  const buckets = new TokenBuckets({ burst: 3, perSecond: 1, now: () => now });
  assert.deepEqual([1, 2, 3].map(() => buckets.take('ehr').allowed), [true, true, true]);
  assert.deepEqual(buckets.take('ehr'), { allowed: false, retryAfterSeconds: 1 });
  now += 1000;
  assert.equal(buckets.take('ehr').allowed, true);
});

test('a flooding client does not consume the tokens of another', () => {
  const buckets = new TokenBuckets({ burst: 2, perSecond: 1, now: () => 0 });
  for (let i = 0; i < 100; i++) buckets.take('flooder');
  assert.equal(buckets.take('flooder').allowed, false);
  assert.equal(buckets.take('dr.meyer').allowed, true);
});

test('tracked clients are bounded', () => {
  const buckets = new TokenBuckets({ burst: 1, perSecond: 1, maxClients: 100, now: () => 0 });
  for (let i = 0; i < 1000; i++) buckets.take(`client-${i}`);
  assert.equal(buckets.tracked, 100);
});
