import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/domain';
import {
  addDays,
  cadenceMeetingId,
  cadenceSlots,
  daysBetween,
  defaultPlacement,
  nextMeeting,
  upcomingMeetings,
  weekdayOf,
  zonedParts,
  zonedToUtc,
  type CadenceClient,
} from '../../../shared/rules';
import { meeting } from './fixtures';

// Zones with DST north and south, midnight DST changes, 30-minute DST (Lord Howe), and odd offsets.
const ZONES = [
  'America/Toronto',
  'Europe/Paris',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Sao_Paulo',
  'America/Santiago',
  'Asia/Tehran',
  'UTC',
];
/** Days on which the clocks change (gaps and overlaps, some at midnight), from Python's zoneinfo. */
const CHANGE_DAYS: [string, string][] = [
  ['America/Toronto', '2026-03-08'],
  ['America/Toronto', '2026-11-01'],
  ['Europe/Paris', '2026-03-29'],
  ['Europe/Paris', '2026-10-25'],
  ['Australia/Sydney', '2026-04-05'],
  ['Australia/Sydney', '2026-10-04'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['Pacific/Chatham', '2026-04-05'],
  ['Pacific/Chatham', '2026-09-27'],
  ['America/St_Johns', '2026-03-08'],
  ['America/Sao_Paulo', '2018-11-04'],
  ['America/Santiago', '2026-04-04'],
  ['America/Santiago', '2026-09-06'],
  ['Asia/Tehran', '2022-03-22'],
  ['Asia/Tehran', '2022-09-21'],
];
const MIN = Date.UTC(1995, 0, 1);
const MAX = Date.UTC(2040, 0, 1);
const pad = (n: number) => String(n).padStart(2, '0');

const arbInstant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
const arbDate = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const arbTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
const arbAnyClient: fc.Arbitrary<CadenceClient> = fc.record({
  id: fc.constantFrom('acme', 'globex'),
  cadence: fc.constantFrom('weekly', 'biweekly', 'monthly', 'bimonthly'),
  weekday: fc.integer({ min: 0, max: 6 }),
  time: arbTime,
  timeZone: fc.constantFrom(...ZONES),
  weekOfMonth: fc.constantFrom(1, 2, 3, 4, -1),
  anchorDate: arbDate,
});

/** A weekly client meeting on the weekday of a clock change, with `after` a few days before it. */
const arbChangeDayClient = fc
  .tuple(fc.constantFrom(...CHANGE_DAYS), arbTime, fc.constantFrom('weekly' as const, 'biweekly' as const))
  .map(([[timeZone, date], time, cadence]) => ({
    client: {
      id: 'acme',
      cadence,
      weekday: weekdayOf(date),
      time,
      timeZone,
      weekOfMonth: 1 as const,
      anchorDate: date,
    },
    after: new Date(`${addDays(date, -3)}T12:00:00Z`),
  }));
const arbClientAfter = fc.oneof(fc.record({ client: arbAnyClient, after: arbInstant }), arbChangeDayClient);

/** Stored meetings near `now`: some carry cadence ids of nearby dates, statuses and times vary. */
function arbMeetings(now: Date): fc.Arbitrary<Meeting[]> {
  const one = fc
    .record({
      offsetDays: fc.integer({ min: -40, max: 80 }),
      cadenceId: fc.boolean(),
      clientId: fc.constantFrom('acme', 'globex'),
      status: fc.constantFrom('planned', 'held', 'cancelled'),
      shiftMinutes: fc.integer({ min: -3000, max: 3000 }),
    })
    .map(({ offsetDays, cadenceId, clientId, status, shiftMinutes }) => {
      const date = addDays(now.toISOString().slice(0, 10), offsetDays);
      const startsAt = new Date(Date.parse(`${date}T12:00:00Z`) + shiftMinutes * 60_000).toISOString();
      const id = cadenceId ? cadenceMeetingId(clientId, date) : `adhoc-${date}-${shiftMinutes}`;
      return meeting({ id, clientId, status, startsAt, fromCadence: cadenceId });
    });
  return fc.uniqueArray(one, { maxLength: 12, selector: (m) => m.id });
}

describe('cadence properties', () => {
  it('slots are strictly increasing, after `after`, on the weekday, at the time unless in a DST gap', () => {
    fc.assert(
      fc.property(arbClientAfter, ({ client, after }) => {
        const slots = cadenceSlots(client, after, 6);
        expect(slots).toHaveLength(6);
        let previous = after.getTime();
        for (const slot of slots) {
          const instant = new Date(slot.startsAt);
          expect(instant.getTime()).toBeGreaterThan(previous);
          previous = instant.getTime();
          const local = zonedParts(instant, client.timeZone);
          expect(local.date).toBe(slot.localDate);
          expect(local.weekday).toBe(client.weekday);
          expect(slot.id).toBe(cadenceMeetingId(client.id, slot.localDate));
          if (local.time !== client.time) {
            // In a gap: later than asked, and a second earlier the clock read earlier than asked (it jumped over it).
            expect(local.time > client.time).toBe(true);
            const before = zonedParts(new Date(instant.getTime() - 1000), client.timeZone);
            expect(`${before.date} ${before.time}` < `${slot.localDate} ${client.time}`).toBe(true);
          }
        }
      }),
    );
  });

  it('slots keep the cadence spacing and phase', () => {
    fc.assert(
      fc.property(arbAnyClient, arbInstant, (client, after) => {
        const dates = cadenceSlots(client, after, 5).map((s) => s.localDate);
        const months = dates.map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)));
        const anchorMonth = Number(client.anchorDate.slice(0, 4)) * 12 + Number(client.anchorDate.slice(5, 7));
        // the meeting day of the anchor's Monday-based week
        const isoDay = (wd: number) => (wd + 6) % 7;
        const anchorSlot = addDays(client.anchorDate, isoDay(client.weekday) - isoDay(weekdayOf(client.anchorDate)));
        for (let i = 1; i < dates.length; i++) {
          const [a, b] = [dates[i - 1]!, dates[i]!];
          if (client.cadence === 'weekly') expect(daysBetween(a, b)).toBe(7);
          if (client.cadence === 'biweekly') expect(daysBetween(a, b)).toBe(14);
          if (client.cadence === 'monthly') expect(months[i]! - months[i - 1]!).toBe(1);
          if (client.cadence === 'bimonthly') expect(months[i]! - months[i - 1]!).toBe(2);
        }
        for (const [i, d] of dates.entries()) {
          if (client.cadence === 'biweekly') expect(Math.abs(daysBetween(anchorSlot, d) % 14)).toBe(0);
          if (client.cadence === 'bimonthly') expect(Math.abs((months[i]! - anchorMonth) % 2)).toBe(0);
          if (client.cadence === 'monthly' || client.cadence === 'bimonthly') {
            const day = Number(d.slice(8, 10));
            if (client.weekOfMonth === -1) expect(Number(addDays(d, 7).slice(5, 7))).not.toBe(Number(d.slice(5, 7)));
            else expect(Math.ceil(day / 7)).toBe(client.weekOfMonth);
          }
        }
      }),
    );
  });

  it('stepping from one slot gives the rest: none skipped, none repeated', () => {
    fc.assert(
      fc.property(arbAnyClient, arbInstant, (client, after) => {
        const slots = cadenceSlots(client, after, 4);
        expect(cadenceSlots(client, new Date(slots[0]!.startsAt), 3)).toEqual(slots.slice(1));
        expect(cadenceSlots(client, new Date(Date.parse(slots[0]!.startsAt) - 1), 4)).toEqual(slots);
      }),
    );
  });
});

describe('zoned time properties', () => {
  it('an instant read as wall time converts back to the earliest instant with that reading', () => {
    const arbAt = fc.oneof(
      fc.tuple(arbInstant, fc.constantFrom(...ZONES)),
      fc
        .tuple(fc.constantFrom(...CHANGE_DAYS), fc.integer({ min: -36 * 60, max: 36 * 60 }))
        .map(
          ([[zone, date], minutes]) => [new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000), zone] as const,
        ),
    );
    fc.assert(
      fc.property(arbAt, ([instant, zone]) => {
        const t = Math.floor(instant.getTime() / 60_000) * 60_000;
        const parts = zonedParts(new Date(t), zone);
        const back = zonedToUtc(parts.date, parts.time, zone);
        expect(zonedParts(back, zone)).toEqual(parts);
        expect(back.getTime()).toBeLessThanOrEqual(t);
        expect(t - back.getTime()).toBeLessThanOrEqual(3 * 3_600_000); // only an overlap separates them
      }),
    );
  });

  it('a wall time converts to itself, or (in a gap) to the first instant after it', () => {
    const arbWall = fc.oneof(
      fc.tuple(arbDate, arbTime, fc.constantFrom(...ZONES)),
      fc.tuple(fc.constantFrom(...CHANGE_DAYS), arbTime).map(([[zone, date], time]) => [date, time, zone] as const),
    );
    fc.assert(
      fc.property(arbWall, ([date, time, zone]) => {
        const instant = zonedToUtc(date, time, zone);
        const local = zonedParts(instant, zone);
        if (local.date === date && local.time === time) return;
        expect(`${local.date} ${local.time}` > `${date} ${time}`).toBe(true);
        const before = zonedParts(new Date(instant.getTime() - 1000), zone);
        expect(`${before.date} ${before.time}` < `${date} ${time}`).toBe(true);
      }),
    );
  });
});

describe('next meeting properties', () => {
  const arbCase = fc
    .tuple(arbAnyClient, arbInstant)
    .chain(([client, now]) => fc.tuple(fc.constant(client), fc.constant(now), arbMeetings(now)));

  it('the next meeting is always after now, and is the first of the upcoming ones', () => {
    fc.assert(
      fc.property(arbCase, ([client, now, meetings]) => {
        const next = nextMeeting(client, meetings, now);
        expect(Date.parse(next.startsAt)).toBeGreaterThan(now.getTime());
        const upcoming = upcomingMeetings(client, meetings, now, 5);
        expect(upcoming[0]).toEqual(next);
        expect(new Set(upcoming.map((m) => m.id)).size).toBe(upcoming.length);
        for (let i = 1; i < upcoming.length; i++) {
          expect(Date.parse(upcoming[i]!.startsAt)).toBeGreaterThanOrEqual(Date.parse(upcoming[i - 1]!.startsAt));
        }
        for (const m of upcoming) {
          if (m.stored) expect(m.stored).toMatchObject({ clientId: client.id, status: 'planned' });
          else expect(meetings.some((s) => s.clientId === client.id && s.id === m.id)).toBe(false);
        }
      }),
    );
  });
});

describe('placement properties', () => {
  it('urgent items are to prepare before the meeting; others are to prepare too, without a handle-before date', () => {
    const arbInput = fc.record({
      kind: fc.constantFrom('proposal', 'quote', 'contract', 'renewal', 'incident', 'change', 'project', 'other'),
      urgent: fc.boolean(),
      decideBy: fc.option(arbDate),
    });
    fc.assert(
      fc.property(arbInput, arbInstant, arbInstant, fc.constantFrom(...ZONES), (input, a, b, zone) => {
        const [now, meetingAt] = a < b ? [a, b] : [b, a];
        const p = defaultPlacement(input, { startsAt: meetingAt.toISOString() }, zone, now);
        const meetingDate = zonedParts(meetingAt, zone).date;
        expect(p.reason.length).toBeGreaterThan(0);
        if (p.urgent) {
          expect(p).toMatchObject({ section: 'urgent', status: 'to-prepare' });
          expect(p.handleBefore! <= meetingDate).toBe(true);
        } else {
          expect(p).toMatchObject({ status: 'to-prepare', handleBefore: null });
          expect(p.section).not.toBe('urgent');
        }
        if (input.urgent || input.kind === 'incident') expect(p.urgent).toBe(true);
      }),
    );
  });
});
