/**
 * Marking a meeting held: freeze its agenda as it was held, and carry every item that was not discussed and is still
 * open to the next meeting, with a note of the slip. Pure: returns the new meeting and the item patches, and leaves
 * its inputs alone; the store writes them in one transaction.
 */
import type { HeldAgendaLine, Item, ItemStatus, Meeting, Vendor } from '../domain';
import { agendaSequence } from './agenda-order';
import { zonedDate } from './zoned-time';

/** Items in these states are settled: not discussing them does not carry them. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ['decided', 'rejected', 'withdrawn'];
/** The schema keeps at most this many slips; beyond it the oldest are dropped. */
const MAX_SLIPS = 100;

export type ItemSlip = Item['slips'][number];
export type CarriedItem = { id: string; patch: Pick<Item, 'meetingId' | 'slips' | 'discussed'> };
export type HoldMeetingArgs = {
  meeting: Meeting;
  /** The items on that meeting. */
  items: readonly Item[];
  vendors: readonly Pick<Vendor, 'id' | 'name'>[];
  /** Where undiscussed items go. */
  next: { id: string; startsAt: string };
  /** The client's zone, for the dates in slip notes. */
  timeZone: string;
  /** ISO instant the meeting is marked held. */
  at: string;
};

function instant(iso: string, what: string): Date {
  const date = new Date(iso);
  if (typeof iso !== 'string' || Number.isNaN(date.getTime())) {
    throw new RangeError(`${what} is not an instant: ${JSON.stringify(iso)}`);
  }
  return date;
}

/** "Name, Role", or whichever of the two is filled in; null when neither is. */
function decidedBy(by: { name: string; role: string } | null): string | null {
  const text = [by?.name.trim(), by?.role.trim()].filter(Boolean).join(', ');
  return text === '' ? null : text;
}

function heldLine(item: Item, vendorName: Map<string, string>): HeldAgendaLine {
  const { decision } = item;
  return {
    itemId: item.id,
    title: item.title,
    section: item.section,
    status: item.status,
    vendor: item.vendorId === null ? null : (vendorName.get(item.vendorId) ?? null),
    amount: item.amount === null ? null : { ...item.amount },
    // Only when it has one: a line without the field stays readable by a sync server that does not know it yet.
    ...(item.oneTimeAmount ? { oneTimeAmount: { ...item.oneTimeAmount } } : {}),
    discussed: item.discussed,
    decision:
      decision === null
        ? null
        : { status: decision.status, decision: decision.decision, decidedBy: decidedBy(decision.decidedBy) },
    actions: item.actions.map((a) => ({ ...a })),
  };
}

export function holdMeeting(args: HoldMeetingArgs): { meeting: Meeting; carried: CarriedItem[] } {
  const { meeting, items, vendors, next, timeZone, at } = args;
  if (meeting.status === 'held') throw new RangeError(`the meeting ${meeting.id} is already held`);
  if (meeting.status === 'cancelled')
    throw new RangeError(`the meeting ${meeting.id} was cancelled: it cannot be held`);
  if (next.id === meeting.id) throw new RangeError('cannot carry items to the meeting being held');
  const heldAt = instant(at, 'the time the meeting is held');
  const starts = instant(meeting.startsAt, 'the meeting start');
  const nextStarts = instant(next.startsAt, 'the next meeting start');
  if (nextStarts.getTime() < starts.getTime()) {
    throw new RangeError(`the next meeting (${next.startsAt}) starts before this one (${meeting.startsAt})`);
  }
  const stray = items.find((i) => i.meetingId !== meeting.id);
  if (stray) throw new RangeError(`the item ${stray.id} is not on the meeting ${meeting.id}`);

  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const ordered = agendaSequence(items);
  const note = `Not discussed on ${zonedDate(starts, timeZone)}; carried to ${zonedDate(nextStarts, timeZone)}`;
  const slip: ItemSlip = { fromMeetingId: meeting.id, toMeetingId: next.id, at: heldAt.toISOString(), note };

  const carried = ordered
    .filter((i) => !i.discussed && !CLOSED_STATUSES.includes(i.status))
    .map((i) => ({
      id: i.id,
      patch: {
        meetingId: next.id,
        discussed: false,
        slips: [...i.slips.map((s) => ({ ...s })), { ...slip }].slice(-MAX_SLIPS),
      },
    }));

  return {
    meeting: {
      ...meeting,
      status: 'held',
      heldAt: heldAt.toISOString(),
      heldAgenda: ordered.map((i) => heldLine(i, vendorName)),
      updatedAt: heldAt.toISOString(),
    },
    carried,
  };
}
