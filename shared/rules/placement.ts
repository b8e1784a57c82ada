/**
 * Where a new item lands on the agenda of the meeting it is tagged for, before the user changes anything.
 * Rules, first match wins:
 * 1. Flagged urgent by the user → 'Urgent items', status 'to-prepare', to be handled BEFORE the meeting:
 *    `handleBefore` is the decide-by date when that comes before the meeting, else the meeting's local date.
 * 2. A decide-by date before the meeting's local date (in the client's zone), or today or past → urgent the same
 *    way, `handleBefore` = the decide-by date; the reason names both dates ("Decide by Tue 1 Dec 2026 is before
 *    the meeting on Tue 8 Dec 2026"). A decide-by date on the meeting day itself can be settled at the meeting.
 * 3. By kind: proposal, quote → 'Decisions to prepare for leadership'; contract, renewal, change, other →
 *    'Vendor follow-up'; project → 'Project review'; incident → 'Urgent items' and urgent (as in rule 1).
 * Status is 'to-prepare': an item placed on a meeting has left the Inbox (see filing.ts). `handleBefore` is set only
 * for urgent items. `reason` is the short sentence the quick-capture form shows under its suggestion.
 */
import { SECTION_LABEL, type ItemKind, type ItemStatus, type Section } from '../domain/labels';
import { formatDate } from '../export/format';
import { isLocalDate } from './local-date';
import { zonedParts } from './zoned-time';

export type Placement = {
  section: Section;
  status: ItemStatus;
  urgent: boolean;
  /** 'YYYY-MM-DD' by which an urgent item must be handled; null when it can wait for the meeting. */
  handleBefore: string | null;
  reason: string;
};
export type PlacementInput = { kind: ItemKind; urgent: boolean; decideBy: string | null };

const BY_KIND: Record<Exclude<ItemKind, 'incident'>, { section: Section; what: string }> = {
  proposal: { section: 'decision-to-prepare', what: 'Proposals go' },
  quote: { section: 'decision-to-prepare', what: 'Quotes go' },
  contract: { section: 'vendor-follow-up', what: 'Contracts go' },
  renewal: { section: 'vendor-follow-up', what: 'Renewals go' },
  change: { section: 'vendor-follow-up', what: 'Provider changes go' },
  project: { section: 'project-review', what: 'Projects go' },
  other: { section: 'vendor-follow-up', what: 'Other items go' },
};

function urgent(handleBefore: string, reason: string): Placement {
  return { section: 'urgent', status: 'to-prepare', urgent: true, handleBefore, reason };
}

export function defaultPlacement(
  input: PlacementInput,
  next: { startsAt: string },
  timeZone: string,
  now: Date,
): Placement {
  const { kind, decideBy } = input;
  if (decideBy !== null && !isLocalDate(decideBy)) {
    throw new RangeError(`decide-by must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(decideBy)}`);
  }
  const startsAt = new Date(next.startsAt);
  if (Number.isNaN(startsAt.getTime())) throw new RangeError(`not an instant: ${JSON.stringify(next.startsAt)}`);
  const meetingDate = zonedParts(startsAt, timeZone).date;
  const today = zonedParts(now, timeZone).date;
  // ISO dates compare correctly as strings.
  const decideFirst = decideBy !== null && decideBy < meetingDate;

  if (input.urgent) {
    const by = decideFirst ? decideBy : meetingDate;
    const why = decideFirst ? ` (decide by ${formatDate(decideBy)})` : '';
    return urgent(by, `Flagged urgent: handle before the meeting on ${formatDate(meetingDate)}${why}`);
  }
  if (decideBy !== null && decideBy < today) {
    return urgent(decideBy, `Decide by ${formatDate(decideBy)} has already passed: handle it now`);
  }
  if (decideBy !== null && decideBy === today) {
    return urgent(
      decideBy,
      `Decide by ${formatDate(decideBy)} is today, before the meeting on ${formatDate(meetingDate)}`,
    );
  }
  if (decideFirst) {
    return urgent(decideBy, `Decide by ${formatDate(decideBy)} is before the meeting on ${formatDate(meetingDate)}`);
  }
  if (kind === 'incident') {
    return urgent(meetingDate, `Incidents are urgent: evaluate before the meeting on ${formatDate(meetingDate)}`);
  }
  const { section, what } = BY_KIND[kind];
  return {
    section,
    status: 'to-prepare',
    urgent: false,
    handleBefore: null,
    reason: `${what} to ${SECTION_LABEL[section]}`,
  };
}
