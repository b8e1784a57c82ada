import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockSkewError, compareHlc, formatHlc, parseHlc, receive, tick, type Clock } from '../../../shared/sync/hlc';
import { Hlc } from '../../../shared/sync/protocol';

const T = 1_764_169_200_000; // 2025-11-26T15:00:00Z
const seed = Number(process.env.SYNC_PROPERTY_SEED ?? 20261126);
const numRuns = Number(process.env.SYNC_PROPERTY_RUNS ?? 200);

describe('formatHlc / parseHlc', () => {
  it('formats fixed-width stamps the protocol accepts', () => {
    const s = formatHlc({ ms: 42, counter: 7, node: 'replica-a' });
    expect(s).toBe('0000000000042:0007:replica-a');
    expect(Hlc.safeParse(s).success).toBe(true);
  });

  it('round-trips any valid clock', () => {
    const clock = fc.record({
      ms: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: 9999 }),
      node: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
    });
    fc.assert(
      fc.property(clock, (c) => {
        expect(parseHlc(formatHlc(c))).toEqual(c);
      }),
      { seed, numRuns },
    );
  });

  it('refuses what is not a stamp, and clocks out of range', () => {
    expect(() => parseHlc('12:0001:a')).toThrow(/not a hybrid logical clock stamp/);
    expect(() => parseHlc('1764169200000:0001:')).toThrow(RangeError);
    expect(() => formatHlc({ ms: -1, counter: 0, node: 'a' })).toThrow(/time out of range/);
    expect(() => formatHlc({ ms: 1, counter: 10_000, node: 'a' })).toThrow(/counter out of range/);
    expect(() => formatHlc({ ms: 1, counter: 0, node: 'a:b' })).toThrow(/replica id/);
  });
});

describe('tick', () => {
  it('starts at the wall clock, then counts within one millisecond', () => {
    const first = tick(null, T, 'a');
    expect(first).toEqual({ ms: T, counter: 0, node: 'a' });
    expect(tick(first, T, 'a')).toEqual({ ms: T, counter: 1, node: 'a' });
    expect(tick(first, T + 5, 'a')).toEqual({ ms: T + 5, counter: 0, node: 'a' });
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const before = tick(null, T, 'a');
    const after = tick(before, T - 60_000, 'a');
    expect(after).toEqual({ ms: T, counter: 1, node: 'a' });
    expect(compareHlc(formatHlc(after), formatHlc(before))).toBe(1);
  });

  it('borrows the next millisecond when the counter would pass 9999', () => {
    const full: Clock = { ms: T, counter: 9999, node: 'a' };
    const next = tick(full, T, 'a');
    expect(next).toEqual({ ms: T + 1, counter: 0, node: 'a' });
    expect(formatHlc(next) > formatHlc(full)).toBe(true);
  });

  it('gives strictly increasing stamps under any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: T - 1000, max: T + 1000 }), { minLength: 1, maxLength: 300 }), (walls) => {
        let clock: Clock | null = null;
        let last = '';
        for (const wall of walls) {
          clock = tick(clock, wall, 'a');
          const stamp = formatHlc(clock);
          expect(stamp > last).toBe(true);
          last = stamp;
        }
      }),
      { seed, numRuns },
    );
  });
});

describe('receive', () => {
  it('moves past a remote stamp that is ahead, within the drift allowed', () => {
    const local = tick(null, T, 'a');
    const remote: Clock = { ms: T + 2000, counter: 5, node: 'b' };
    expect(receive(local, remote, T, 'a', 60_000)).toEqual({ ms: T + 2000, counter: 6, node: 'a' });
  });

  it('keeps its own time when the remote one is behind, and the wall clock when both are', () => {
    const local: Clock = { ms: T + 10, counter: 3, node: 'a' };
    expect(receive(local, { ms: T, counter: 9, node: 'b' }, T, 'a', 1000)).toEqual({
      ms: T + 10,
      counter: 4,
      node: 'a',
    });
    expect(receive(local, { ms: T, counter: 9, node: 'b' }, T + 50, 'a', 1000)).toEqual({
      ms: T + 50,
      counter: 0,
      node: 'a',
    });
  });

  it('takes the larger counter when both clocks are at the same millisecond', () => {
    const local: Clock = { ms: T, counter: 3, node: 'a' };
    expect(receive(local, { ms: T, counter: 8, node: 'b' }, T - 5, 'a', 1000)).toEqual({
      ms: T,
      counter: 9,
      node: 'a',
    });
    expect(receive(null, { ms: T, counter: 8, node: 'b' }, T - 5, 'a', 1000)).toEqual({ ms: T, counter: 9, node: 'a' });
  });

  it('refuses a remote clock too far ahead, saying by how much', () => {
    const remote: Clock = { ms: T + 3_600_000, counter: 0, node: 'b' };
    let error: unknown;
    try {
      receive(null, remote, T, 'a', 60_000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClockSkewError);
    expect((error as ClockSkewError).aheadMs).toBe(3_600_000);
    expect((error as ClockSkewError).message).toMatch(/3600000 ms ahead/);
    // A client applying changes the server already checked may turn the check off.
    expect(receive(null, remote, T, 'a', Infinity).ms).toBe(T + 3_600_000);
    // Exactly at the limit is still accepted.
    expect(receive(null, { ms: T + 60_000, counter: 0, node: 'b' }, T, 'a', 60_000).ms).toBe(T + 60_000);
  });

  it('always ends above both the local and the remote stamp', () => {
    const clock = (node: string) =>
      fc.record({
        ms: fc.integer({ min: T - 500, max: T + 500 }),
        counter: fc.integer({ min: 0, max: 9999 }),
        node: fc.constant(node),
      });
    fc.assert(
      fc.property(clock('a'), clock('b'), fc.integer({ min: T - 500, max: T + 500 }), (local, remote, wall) => {
        const next = receive(local, remote, wall, 'a', 1000);
        const stamp = formatHlc(next);
        expect(compareHlc(stamp, formatHlc(local))).toBe(1);
        // Same time and counter as the remote would tie-break on the id; the merged clock must be strictly later.
        expect(next.ms > remote.ms || (next.ms === remote.ms && next.counter > remote.counter)).toBe(true);
      }),
      { seed, numRuns },
    );
  });
});

describe('compareHlc', () => {
  it('orders by time, then counter, then replica id', () => {
    const a = formatHlc({ ms: T, counter: 9, node: 'zz' });
    const b = formatHlc({ ms: T + 1, counter: 0, node: 'aa' });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    const c = formatHlc({ ms: T, counter: 9, node: 'replica-a' });
    const d = formatHlc({ ms: T, counter: 9, node: 'replica-b' });
    expect(compareHlc(c, d)).toBe(-1);
    expect(compareHlc(d, c)).toBe(1);
    expect(compareHlc(c, c)).toBe(0);
  });
});
