// Per-client token buckets. A flood from one client (an EHR interface retrying in a loop, or an attacker
// holding a stolen certificate) is answered with 429 before it reaches the infusion service, so other
// clients, and above all stop commands from other clinicians, keep being served. Buckets are keyed by
// certificate fingerprint and their number is bounded, so many clients cannot exhaust memory either.
// @implements MIT-7, SR-7#480c9b
// @mitigates THR-5
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Identity } from '../auth/auth';

export interface RateLimitOptions {
  /** Requests a client may send at once. */
  readonly burst: number;
  /** Sustained requests per second per client. */
  readonly perSecond: number;
  /** Clients tracked at most; the least recently seen is forgotten first. */
  readonly maxClients?: number;
  /** Milliseconds; injectable for tests. */
  readonly now?: () => number;
}

export type Decision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updated: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxClients: number;

  constructor(private readonly options: RateLimitOptions) {
    if (options.burst < 1 || options.perSecond <= 0) throw new RangeError('rate limit needs burst >= 1 and perSecond > 0');
    this.now = options.now ?? Date.now;
    this.maxClients = options.maxClients ?? 10_000;
  }

  take(client: string): Decision {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, updated: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.updated) / 1000) * this.options.perSecond);
    bucket.updated = now;
    // Re-inserting keeps the map in least-recently-seen order.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.options.perSecond) };
  }

  get tracked(): number {
    return this.buckets.size;
  }
}

export function rateLimit(options: RateLimitOptions): RequestHandler {
  const buckets = new TokenBuckets(options);
  return (req: Request, res: Response, next: NextFunction) => {
    const identity = res.locals.identity as Identity | undefined;
    const decision = buckets.take(identity?.fingerprint ?? `address:${req.socket.remoteAddress ?? 'unknown'}`);
    if (decision.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    res.status(429).json({ error: 'too many requests' });
  };
}
