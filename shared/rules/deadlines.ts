/**
 * Deadline surfacing, drawn from the data only (not from tags someone must remember): contract notice deadlines,
 * renewals and expiries, and items' decide-by dates. A meeting's agenda lists those falling before the meeting after
 * it; a contract's notice deadline belongs to the last meeting before it.
 */
import type { Contract, Item, Vendor } from '../domain';
import { CLOSED_STATUSES } from './carry-forward';
import { contractDates, termsBetween } from './contract-dates';
import { type DeadlineTiming, deadlinePhrase, deadlineTiming, type MeetingWindow } from './deadline-timing';
import { addDays, isLocalDate } from './local-date';
import { zonedDate } from './zoned-time';

export type Deadline = {
  date: string;
  kind: 'notice' | 'renewal' | 'expiry' | 'decide-by';
  title: string;
  itemId: string | null;
  contractId: string | null;
  vendorId: string | null;
  why: string;
  /** Where it falls against this meeting and the next (deadline-timing.ts), and that said in words. */
  timing: DeadlineTiming;
  when: string;
};
type VendorName = Pick<Vendor, 'id' | 'name'>;

/** Days after a meeting the automatic deadlines look when no following meeting is known. */
export const DEFAULT_HORIZON_DAYS = 60;

/** "Backup service — Acme Cloud", without repeating a vendor the title already names. */
function subject(title: string, vendorId: string | null, vendors: readonly VendorName[]): string {
  const name = vendors.find((v) => v.id === vendorId)?.name.trim();
  if (!name || title.toLowerCase().includes(name.toLowerCase())) return title;
  return `${title} — ${name}`;
}

type Undated = Omit<Deadline, 'timing' | 'when'>;
/** A contract's own deadlines, before any meeting places them. */
export type ContractDeadline = Undated;

function termDeadlines(c: Contract, end: string, what: string): Undated[] {
  const base = { itemId: null, contractId: c.id, vendorId: c.vendorId };
  const notice = addDays(end, -c.noticeDays);
  const stop = c.autoRenew ? 'to stop it renewing' : 'to end it';
  return [
    {
      ...base,
      date: notice,
      kind: 'notice',
      title: `Last day to give notice on ${what} (${c.noticeDays} days before ${end})`,
      why: `${c.noticeDays} days of notice are needed ${stop}; the term ends on ${end}`,
    },
    c.autoRenew
      ? {
          ...base,
          date: end,
          kind: 'renewal',
          title: `${what} renews for ${c.renewalMonths} months`,
          why: `The term ends on ${end} and renews automatically unless notice was given by ${notice}`,
        }
      : {
          ...base,
          date: end,
          kind: 'expiry',
          title: `${what} expires`,
          why: `The term ends on ${end} and does not renew`,
        },
  ];
}

const byDateThenTitle = (a: Undated, b: Undated) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0;

/**
 * Each contract's notice deadline and the end of its current term (as a renewal or an expiry). Expired contracts
 * and notice deadlines already past are left out.
 */
export function contractDeadlines(
  contracts: readonly Contract[],
  today: string,
  vendors: readonly VendorName[] = [],
): ContractDeadline[] {
  return contracts
    .flatMap((c) => {
      const dates = contractDates(c, today);
      if (dates.expired) return [];
      const what = subject(c.title, c.vendorId, vendors);
      return termDeadlines(c, dates.termEnd, what).filter((d) => d.date >= today);
    })
    .sort(byDateThenTitle);
}

export type MeetingDeadlinesArgs = {
  meeting: { id: string; startsAt: string };
  /** The meeting after this one; null when none is known (then the window is 60 days after this meeting). */
  following: { startsAt: string } | null;
  /** The client's items (any meeting): open ones with a decide-by date in the window are listed. */
  items: readonly Item[];
  contracts: readonly Contract[];
  vendors: readonly VendorName[];
  timeZone: string;
  now: Date;
};

function localDateOf(iso: string, timeZone: string, what: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what} is not an instant: ${JSON.stringify(iso)}`);
  return zonedDate(date, timeZone);
}

/**
 * The "deadlines before the next meeting" part of a meeting's agenda: contract deadlines from today (in the client's
 * zone) up to the following meeting's local date (exclusive), across renewals when the window spans more than one
 * term; and open items whose decide-by date is before that date — including overdue ones, which are the most
 * pressing. Sorted by date, then title.
 */
export function meetingDeadlines(args: MeetingDeadlinesArgs): Deadline[] {
  const { meeting, following, items, contracts, vendors, timeZone, now } = args;
  const today = zonedDate(now, timeZone);
  const meetingDate = localDateOf(meeting.startsAt, timeZone, 'the meeting start');
  const until = following
    ? localDateOf(following.startsAt, timeZone, 'the following meeting start')
    : addDays(meetingDate, DEFAULT_HORIZON_DAYS);
  const inWindow = (d: Undated) => d.date >= today && d.date < until;
  const window: MeetingWindow = { today, meetingDate, nextDate: following ? until : null };

  const fromContracts = contracts.flatMap((c) => {
    const what = subject(c.title, c.vendorId, vendors);
    // Terms ending from today on; a notice deadline can only fall in the window if its term ends within noticeDays.
    const terms = termsBetween(c, today, addDays(until, c.noticeDays + 1));
    return terms.flatMap((t) => termDeadlines(c, t.end, what)).filter(inWindow);
  });

  const fromItems = items
    .filter((i) => i.decideBy !== null && !CLOSED_STATUSES.includes(i.status) && i.decideBy < until)
    .map((i): Undated => {
      const by = i.decideBy!;
      if (!isLocalDate(by)) throw new RangeError(`the item ${i.id} has a decide-by that is not a date: ${by}`);
      return {
        date: by,
        kind: 'decide-by',
        title: subject(i.title, i.vendorId, vendors),
        itemId: i.id,
        contractId: i.contractId,
        vendorId: i.vendorId,
        why: '',
      };
    });

  return [...fromContracts, ...fromItems]
    .sort(byDateThenTitle)
    .map((d) => ({ ...d, timing: deadlineTiming(d.date, window), when: deadlinePhrase(d.date, window) }));
}

/**
 * The meeting whose agenda a deadline on `date` belongs to: the last planned (not held, not cancelled) meeting whose
 * local date is strictly before `date`. Null when there is none.
 */
export function meetingForDate(
  date: string,
  meetings: readonly { id: string; startsAt: string; status: string }[],
  timeZone: string,
): string | null {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  let best: { id: string; at: number } | null = null;
  for (const m of meetings) {
    if (m.status !== 'planned') continue;
    if (localDateOf(m.startsAt, timeZone, `the start of meeting ${m.id}`) >= date) continue;
    const at = Date.parse(m.startsAt);
    if (!best || at > best.at || (at === best.at && m.id > best.id)) best = { id: m.id, at };
  }
  return best?.id ?? null;
}
