import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { harness } from './helpers';

/**
 * Rate limits are per server process, by design: each process keeps its own token buckets in memory, so behind a
 * proxy spreading requests over N processes a client gets up to N times the burst. The limit is there to slow code
 * guessing and runaway clients, not to meter use; what is stated in server/README.md is what this checks.
 */
describe('rate limits are kept per process', () => {
  it('two processes on one store each allow a client its whole burst, and each refuses past it', async () => {
    const store = openSqliteStore(':memory:');
    const limit = { rateLimit: { burst: 5, perSecond: 0.001 } };
    const one = harness(limit, store);
    const two = harness(limit, store);
    const token = await one.setUp();
    const me = (h: typeof one) => h.call('GET', '/v1/me', { token }).then((r) => r.status);
    const burst = async (h: typeof one) => Promise.all(Array.from({ length: 5 }, () => me(h)));
    expect(await burst(one)).toEqual([200, 200, 200, 200, 200]);
    expect(await me(one)).toBe(429);
    // The other process has not seen this client: a fresh burst there.
    expect(await burst(two)).toEqual([200, 200, 200, 200, 200]);
    expect(await me(two)).toBe(429);
  });
});
