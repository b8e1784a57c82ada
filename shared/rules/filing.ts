/**
 * The status model in one place: where an item is (the Inbox, a meeting's agenda, the decisions to prepare) and
 * what filing it changes. Every view, print and export asks these functions, so the screen and the paper agree.
 *
 * - **Inbox** (status 'inbox'): captured, not triaged. The Inbox view lists exactly these and the badge counts them.
 * - **Filed on a meeting**: any other status with that meeting's id. Filing an Inbox item on a meeting makes it
 *   'to-prepare'; putting an item back to 'inbox' takes it off its meeting.
 * - **Withdrawn** items are off every agenda; decided, rejected and deferred ones stay on the meeting they were
 *   settled for, as the record of it.
 */
import type { Item, ItemKind, ItemStatus } from '../domain';

type Filed = Pick<Item, 'status' | 'meetingId'>;
type Decided = Pick<Item, 'status' | 'decision'>;

/** Untriaged: waiting in the Inbox. */
export function isUntriaged(item: Pick<Item, 'status'>): boolean {
  return item.status === 'inbox';
}

/** Not on any agenda: untriaged, or withdrawn by the vCIO. */
const OFF_AGENDA: readonly ItemStatus[] = ['inbox', 'withdrawn'];

/** Whether the item is on this meeting's agenda (screen, print, Markdown, .ics, minutes, handoff). */
export function isOnMeeting(item: Filed, meetingId: string): boolean {
  return item.meetingId === meetingId && !OFF_AGENDA.includes(item.status);
}

/** The items on a meeting's agenda, in the order given. */
export function itemsOnMeeting<T extends Filed>(items: readonly T[], meetingId: string): T[] {
  return items.filter((i) => isOnMeeting(i, meetingId));
}

/**
 * An item after an edit, with status and meeting kept consistent: filed on a meeting, an Inbox item becomes
 * 'to-prepare'; set back to 'inbox', it leaves its meeting. `patch` is what the user changed.
 */
export function fileItem<T extends Filed>(before: T, patch: Partial<T>): T {
  const after = { ...before, ...patch };
  if (patch.status === 'inbox' && patch.meetingId === undefined) return { ...after, meetingId: null };
  if (after.status === 'inbox' && after.meetingId !== null) return { ...after, status: 'to-prepare' };
  return after;
}

/** What an item's status becomes when its decision record is settled. */
const SETTLES: Partial<Record<NonNullable<Item['decision']>['status'], ItemStatus>> = {
  accepted: 'decided',
  rejected: 'rejected',
  deferred: 'deferred',
};
const OPEN: readonly ItemStatus[] = ['inbox', 'to-prepare', 'on-agenda'];

/**
 * Recording the outcome settles the item: a decision marked accepted makes an open item 'decided' (rejected →
 * 'rejected', deferred → 'deferred'), unless the same edit sets the status itself.
 */
export function settleByDecision<T extends Decided>(before: T, after: T, statusGiven: boolean): T {
  const outcome = after.decision?.status;
  if (statusGiven || !outcome || outcome === before.decision?.status || !OPEN.includes(after.status)) return after;
  const status = SETTLES[outcome];
  return status ? { ...after, status } : after;
}

/** The status a new item starts in: on a meeting it is to prepare; without one it waits in the Inbox. */
export function statusOfNewItem(meetingId: string | null, chosen: ItemStatus): ItemStatus {
  if (meetingId === null) return 'inbox';
  return chosen === 'inbox' ? 'to-prepare' : chosen;
}

const SETTLED: readonly ItemStatus[] = ['inbox', 'decided', 'rejected', 'withdrawn'];
const DECISION_KINDS: readonly ItemKind[] = ['quote', 'proposal'];

/**
 * Decisions to prepare for leadership: triaged, still open, with no outcome recorded, and about a decision: filed in
 * that section, a quote or a proposal (even when urgent), or with a decision record still proposed.
 */
export function needsDecision(item: Pick<Item, 'status' | 'section' | 'kind' | 'decision'>): boolean {
  if (SETTLED.includes(item.status)) return false;
  if (item.decision && item.decision.status !== 'proposed') return false; // its outcome is recorded
  return (
    item.section === 'decision-to-prepare' || DECISION_KINDS.includes(item.kind) || item.decision?.status === 'proposed'
  );
}
