import type { MiddlewareHandler } from 'hono';
import { presentedToken } from '../auth/middleware';
import { hashSecret } from '../auth/secrets';
import { errorResponse } from '../errors';

export type RateLimit = {
  /** requests allowed at once */ burst: number;
  /** tokens refilled per second */ perSecond: number;
};

type Bucket = { tokens: number; at: number };
const MAX_BUCKETS = 10_000;

/**
 * Routes where a code is the only credential and a bearer token sent along is ignored: they count by client address
 * whatever `Authorization` says, or made-up tokens would buy fresh buckets for guessing codes.
 */
const CODE_ONLY = /^\/v1\/(setup|device-codes\/[^/]+\/accept)\/?$/;

/**
 * A token bucket per access token (per client address for unauthenticated calls such as setup, invite and device
 * code acceptance, so codes cannot be guessed quickly). In memory: a restart forgives everyone, which is acceptable
 * here.
 */
export function rateLimit(limit: RateLimit, now: () => number): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const refill = (b: Bucket, t: number) => {
    b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.perSecond);
    b.at = t;
  };
  return async (c, next) => {
    const token = CODE_ONLY.test(c.req.path) ? null : presentedToken(c);
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    const key = token ? `t:${hashSecret(token)}` : `a:${incoming?.socket?.remoteAddress ?? 'local'}`;
    const t = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) {
        // Forget full buckets: they would allow a whole burst anyway.
        for (const [k, b] of buckets) {
          refill(b, t);
          if (b.tokens >= limit.burst) buckets.delete(k);
        }
      }
      bucket = { tokens: limit.burst, at: t };
      buckets.set(key, bucket);
    }
    refill(bucket, t);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      return errorResponse(c, 'rate-limited', `Too many requests; retry in ${retryAfter} s.`, {
        'Retry-After': String(retryAfter),
      });
    }
    bucket.tokens -= 1;
    await next();
  };
}
