/**
 * The meeting slots a client's cadence produces. A slot is a local date at the client's wall-clock time in the
 * client's zone, so a 09:00 meeting stays at 09:00 through DST changes while its UTC instant shifts.
 *
 * - weekly: every week on `weekday`.
 * - biweekly: every 14 days, in phase with the week containing `anchorDate`. Weeks run Monday to Sunday (ISO 8601),
 *   so an anchor on a Sunday belongs to the week that ends on it.
 * - monthly: the `weekOfMonth`-th `weekday` of each month (-1 = the last one).
 * - bimonthly: the same, every other month, in phase with `anchorDate`'s month.
 */
import type { Client } from '../domain';
import {
  addDays,
  dayNumber,
  daysBetween,
  fromMonthIndex,
  monthIndex,
  nthWeekdayOfMonth,
  parseLocalDate,
  weekdayOf,
} from './local-date';
import { zonedParts, zonedToUtc } from './zoned-time';

export type CadenceClient = Pick<
  Client,
  'id' | 'cadence' | 'weekday' | 'time' | 'timeZone' | 'weekOfMonth' | 'anchorDate'
>;
export type CadenceSlot = { id: string; localDate: string; startsAt: string };

/**
 * Id of the meeting the cadence plans for `clientId` on `localDate`. Deterministic, so two replicas that plan the
 * same meeting produce the same record instead of a duplicate.
 */
export function cadenceMeetingId(clientId: string, localDate: string): string {
  return `${clientId}@${localDate}`;
}

/** The local date in a cadence meeting id of `clientId`, or null when `id` is not one. */
export function cadenceIdDate(clientId: string, id: string): string | null {
  const prefix = `${clientId}@`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : null;
}

/** Monday-based position in the week: Monday 0 … Sunday 6. */
const isoDay = (weekday: number) => (weekday + 6) % 7;

/** Local dates of the cadence, in order, from `from` (inclusive) on. Never ends: callers stop pulling. */
function* cadenceDates(client: CadenceClient, from: string): Generator<string> {
  const { cadence, weekday, weekOfMonth } = client;
  if (cadence === 'weekly' || cadence === 'biweekly') {
    const step = cadence === 'weekly' ? 7 : 14;
    // A date known to be on the cadence: the meeting weekday of the anchor's (Monday-based) week.
    const anchor = client.anchorDate;
    const phase = addDays(anchor, isoDay(weekday) - isoDay(weekdayOf(anchor)));
    let date = addDays(phase, Math.ceil(daysBetween(phase, from) / step) * step);
    for (;;) {
      yield date;
      date = addDays(date, step);
    }
  }
  const step = cadence === 'monthly' ? 1 : 2;
  const start = parseLocalDate(from);
  const anchor = parseLocalDate(client.anchorDate);
  let index = monthIndex(start.year, start.month);
  const anchorIndex = monthIndex(anchor.year, anchor.month);
  if (step === 2 && (index - anchorIndex) % 2 !== 0) index += 1;
  for (;;) {
    const { year, month } = fromMonthIndex(index);
    const date = nthWeekdayOfMonth(year, month, weekday, weekOfMonth);
    if (dayNumber(date) >= dayNumber(from)) yield date;
    index += step;
  }
}

/**
 * The next `count` slots of the client's cadence that start strictly after `after` (a slot starting at or before
 * `after` is past, even if it is "today"). Slot ids come from `cadenceMeetingId`.
 */
export function cadenceSlots(client: CadenceClient, after: Date, count: number): CadenceSlot[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(client.weekday) || client.weekday < 0 || client.weekday > 6) {
    throw new RangeError(`weekday must be 0 (Sunday) … 6 (Saturday), got ${client.weekday}`);
  }
  // Start two days back: a margin for a clock set back across midnight (a slot dated before `after` yet later).
  const from = addDays(zonedParts(after, client.timeZone).date, -2);
  const slots: CadenceSlot[] = [];
  if (count === 0) return slots;
  for (const localDate of cadenceDates(client, from)) {
    const startsAt = zonedToUtc(localDate, client.time, client.timeZone);
    if (startsAt.getTime() <= after.getTime()) continue;
    slots.push({ id: cadenceMeetingId(client.id, localDate), localDate, startsAt: startsAt.toISOString() });
    if (slots.length === count) return slots;
  }
  return slots;
}
