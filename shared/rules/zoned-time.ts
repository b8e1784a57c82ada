/**
 * Time-zone math with nothing but `Intl.DateTimeFormat` (no date library), so it runs the same in the extension,
 * the server and tests, and follows the IANA rules the engine ships (DST, southern-hemisphere DST, +05:30, +12:45…).
 *
 * Converting a wall-clock time to an instant is not always one-to-one:
 * - In a DST gap (e.g. 02:30 on spring-forward day in America/Toronto, which never shows on a clock) we move
 *   forward to the first valid instant after the gap: the moment of the change, which the clock shows as 03:00.
 * - In a DST overlap (e.g. 01:30 on fall-back day, which happens twice) we pick the earlier instant
 *   (the one still on summer time), so a meeting is never announced an hour late.
 */
import { formatLocalDate, formatLocalTime, parseLocalDate, parseLocalTime, utcMillis, weekdayOf } from './local-date';

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the engine knows `tz` as a time zone ('America/Toronto', 'UTC'); false for '' or 'Mars/Olympus'. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function assertTimeZone(tz: string): void {
  if (!isValidTimeZone(tz)) throw new RangeError(`unknown time zone: ${JSON.stringify(tz)}`);
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
}

/** The wall clock in `timeZone` at `ms` (whole seconds), as milliseconds of the same reading taken as UTC. */
function wallMillis(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  return utcMillis(
    year,
    Number(parts.month),
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** UTC offset of `timeZone` at instant `ms`, in milliseconds (e.g. -4 h for Toronto in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMillis(whole, timeZone) - whole;
}

/** The local date, time ('HH:MM', seconds dropped) and weekday (0 = Sunday) of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): { date: string; time: string; weekday: number } {
  assertInstant(instant);
  assertTimeZone(timeZone);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  const wall = new Date(wallMillis(whole, timeZone));
  const date = formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  return { date, time: formatLocalTime(wall.getUTCHours(), wall.getUTCMinutes()), weekday: weekdayOf(date) };
}

/**
 * The instant at which the clocks in `timeZone` show `date` `time`. See the header for DST gaps (moved forward
 * to the end of the gap) and overlaps (the earlier instant).
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const { year, month, day } = parseLocalDate(date);
  const { hour, minute } = parseLocalTime(time);
  const wall = utcMillis(year, month, day, hour, minute);

  // Every offset in use within ±16 h of the wall reading; real zones never change twice that close together.
  const offsets = new Set([-16, -8, 0, 8, 16].map((h) => offsetAt(wall + h * HOUR_MS, timeZone)));
  const valid = [...offsets].map((o) => wall - o).filter((t) => wallMillis(t, timeZone) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));

  // In a gap: the first instant whose wall reading is past `wall` is the moment the clocks jumped.
  let lo = wall - Math.max(...offsets) - HOUR_MS; // reads before `wall`
  let hi = wall - Math.min(...offsets) + HOUR_MS; // reads after `wall`
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallMillis(mid, timeZone) > wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Today's local date in `timeZone` at instant `now`. */
export function zonedDate(now: Date, timeZone: string): string {
  return zonedParts(now, timeZone).date;
}
