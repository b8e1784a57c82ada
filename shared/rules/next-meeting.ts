/**
 * Which meeting a new item is tagged for: the client's next one.
 *
 * Candidates are (a) the client's stored meetings still 'planned' that start after `now` (added by hand, or
 * cadence meetings that were moved), and (b) the cadence's slots after `now` that have no stored meeting with their
 * id yet. A stored meeting with a cadence id stands for that slot whatever became of it (moved, held early,
 * cancelled), so a cancelled or moved slot never comes back. The earliest candidate wins; ties go to the stored one.
 */
import type { Meeting } from '../domain';
import { cadenceIdDate, cadenceSlots, type CadenceClient } from './cadence';
import { addDays } from './local-date';
import { zonedParts } from './zoned-time';

export type NextMeeting = { id: string; startsAt: string; stored: Meeting | null; fromCadence: boolean };

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${JSON.stringify(iso)}`);
  return ms;
}

/** The client's next `count` meetings after `now`, earliest first. Meetings of other clients are ignored. */
export function upcomingMeetings(
  client: CadenceClient,
  meetings: readonly Meeting[],
  now: Date,
  count: number,
): NextMeeting[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const own = meetings.filter((m) => m.clientId === client.id);
  const storedIds = new Set(own.map((m) => m.id));

  const stored = own
    .filter((m) => m.status === 'planned' && instant(m.startsAt) > now.getTime())
    .map((m) => ({ at: instant(m.startsAt), rank: 0, meeting: m }));
  // Each stored meeting with a cadence id from the last days on can hide one slot (past ones cannot), so asking for
  // that many more slots always leaves `count` free ones, without walking through years of history.
  const horizon = addDays(zonedParts(now, client.timeZone).date, -2);
  const hiding = own.filter((m) => (cadenceIdDate(client.id, m.id) ?? '') >= horizon).length;
  const free = cadenceSlots(client, now, count + hiding)
    .filter((slot) => !storedIds.has(slot.id))
    .map((slot) => ({ at: instant(slot.startsAt), rank: 1, slot }));

  return [...stored, ...free]
    .sort((a, b) => a.at - b.at || a.rank - b.rank || idOf(a).localeCompare(idOf(b)))
    .slice(0, count)
    .map((c) =>
      'meeting' in c
        ? {
            id: c.meeting.id,
            startsAt: new Date(c.at).toISOString(),
            stored: c.meeting,
            fromCadence: c.meeting.fromCadence,
          }
        : { id: c.slot.id, startsAt: c.slot.startsAt, stored: null, fromCadence: true },
    );
}

function idOf(c: { meeting: Meeting } | { slot: { id: string } }): string {
  return 'meeting' in c ? c.meeting.id : c.slot.id;
}

/** The client's next meeting after `now` (there always is one: the cadence never ends). */
export function nextMeeting(client: CadenceClient, meetings: readonly Meeting[], now: Date): NextMeeting {
  const [next] = upcomingMeetings(client, meetings, now, 1);
  if (!next) throw new Error('the cadence produced no meeting'); // unreachable: cadences are endless
  return next;
}
