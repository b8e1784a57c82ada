import { HLC_PATTERN } from './constants';
import type { Hlc } from './protocol';

/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so stamps follow real time when
 * clocks agree and still order causally when they do not. Formatted with fixed widths, a stamp compares as a
 * plain string; the replica id at the end breaks ties deterministically.
 */
export type Clock = { ms: number; counter: number; node: string };

const MAX_MS = 9_999_999_999_999; // 13 digits: the year 2286.
const MAX_COUNTER = 9_999; // 4 digits.
const NODE = /^[A-Za-z0-9-]{1,64}$/;

/** A remote stamp further ahead of our wall clock than allowed: accepting it would let that replica win every conflict. */
export class ClockSkewError extends Error {
  readonly aheadMs: number;
  constructor(aheadMs: number, maxDriftMs: number) {
    super(`clock is ${aheadMs} ms ahead of this one (at most ${maxDriftMs} ms allowed); check the device's clock`);
    this.name = 'ClockSkewError';
    this.aheadMs = aheadMs;
  }
}

function checked(c: Clock): Clock {
  if (!Number.isSafeInteger(c.ms) || c.ms < 0 || c.ms > MAX_MS) throw new RangeError(`HLC time out of range: ${c.ms}`);
  if (!Number.isInteger(c.counter) || c.counter < 0 || c.counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${c.counter}`);
  }
  if (!NODE.test(c.node)) throw new RangeError(`HLC replica id must be 1–64 letters, digits or dashes: ${c.node}`);
  return c;
}

export function formatHlc(c: Clock): Hlc {
  checked(c);
  return `${String(c.ms).padStart(13, '0')}:${String(c.counter).padStart(4, '0')}:${c.node}`;
}

export function parseHlc(s: Hlc): Clock {
  if (!HLC_PATTERN.test(s)) throw new RangeError(`not a hybrid logical clock stamp: ${JSON.stringify(s)}`);
  const first = s.indexOf(':');
  const second = s.indexOf(':', first + 1);
  return { ms: Number(s.slice(0, first)), counter: Number(s.slice(first + 1, second)), node: s.slice(second + 1) };
}

/** A counter past 9999 borrows the next millisecond: the stamp stays fixed-width and still increases. */
function normalised(ms: number, counter: number, node: string): Clock {
  return checked(counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, node } : { ms, counter, node });
}

/** The stamp for a local event: never below the previous one, even when the wall clock goes backwards. */
export function tick(prev: Clock | null, wallMs: number, node: string): Clock {
  const ms = Math.max(prev?.ms ?? 0, wallMs);
  const counter = prev && ms === prev.ms ? prev.counter + 1 : 0;
  return normalised(ms, counter, node);
}

/**
 * The clock after receiving a remote stamp: above both it and our previous one, so what we write next is ordered
 * after what we saw. Throws ClockSkewError when the remote time is more than `maxDriftMs` ahead of our wall clock.
 */
export function receive(local: Clock | null, remote: Clock, wallMs: number, node: string, maxDriftMs: number): Clock {
  const ahead = remote.ms - wallMs;
  if (ahead > maxDriftMs) throw new ClockSkewError(ahead, maxDriftMs);
  const mine = local ?? { ms: -1, counter: -1 };
  const ms = Math.max(mine.ms, remote.ms, wallMs);
  let counter = 0;
  if (ms === mine.ms && ms === remote.ms) counter = Math.max(mine.counter, remote.counter) + 1;
  else if (ms === mine.ms) counter = mine.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  return normalised(ms, counter, node);
}

/** -1, 0 or 1. Plain string order is time order because the widths are fixed; equal times order by replica id. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
