/** `open-follow-ups.md`: the actions not done and the items not closed, for whoever takes over. */
import { SECTION_LABEL, STATUS_LABEL, type Item, type ItemStatus } from '../domain';
import { formatDate, itemAmountText, localDateOf } from './format';
import { document, inline, table } from './markdown';
import { compare } from './order';
import type { LogData } from './types';

/** Statuses that still need someone's attention, in the order a successor should read them. */
const OPEN: readonly ItemStatus[] = ['to-prepare', 'on-agenda', 'inbox', 'deferred'];

/** Dated before undated, earliest first. */
function byDate(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(a, b);
}

/** 'Mon 30 Nov 2026 (overdue)' when the date is before today. */
function due(date: string, today: string): string {
  return `${formatDate(date)}${date < today ? ' (overdue)' : ''}`;
}

function openActions(items: Item[], today: string): string {
  const rows = items
    .flatMap((item) => item.actions.filter((a) => !a.done).map((a) => ({ a, item })))
    .sort((x, y) => byDate(x.a.due, y.a.due) || compare(x.a.title, y.a.title) || compare(x.a.id, y.a.id))
    .map(({ a, item }) => [
      a.due ? due(a.due, today) : '_no date_',
      inline(a.title),
      a.owner.trim() ? inline(a.owner) : '_unassigned_',
      inline(item.title),
    ]);
  return rows.length ? table(['Due', 'Action', 'Owner', 'Item'], rows) : '_No open actions._';
}

function itemLine(item: Item, log: LogData, today: string): string {
  const vendor = log.vendors.find((v) => v.id === item.vendorId);
  const meeting = log.meetings.find((m) => m.id === item.meetingId);
  const facts = [
    SECTION_LABEL[item.section],
    meeting ? `meeting of ${formatDate(localDateOf(meeting.startsAt, log.client.timeZone))}` : 'no meeting',
    item.decideBy ? `decide by ${due(item.decideBy, today)}` : null,
    vendor ? inline(vendor.name) : null,
    itemAmountText(item),
    item.urgent ? '**urgent**' : null,
    item.slips.length ? `carried forward ${item.slips.length}×` : null,
  ].filter((f) => f !== null);
  return `- **${inline(item.title)}** — ${facts.join(' · ')}`;
}

export function openFollowUpsMarkdown(log: LogData, today: string): string {
  const groups = OPEN.map((status) => {
    const items = log.items
      .filter((i) => i.status === status)
      .sort((a, b) => byDate(a.decideBy, b.decideBy) || compare(a.title, b.title) || compare(a.id, b.id));
    return items.length
      ? `### ${STATUS_LABEL[status]}\n\n${items.map((i) => itemLine(i, log, today)).join('\n')}`
      : null;
  });
  const anyOpen = groups.some((g) => g !== null);
  return document([
    `# ${inline(log.client.name)} — open follow-ups`,
    `As of ${formatDate(today)}.`,
    `## Open actions\n\n${openActions(log.items, today)}`,
    `## Open items${anyOpen ? '' : '\n\n_No open items._'}`,
    ...groups,
  ]);
}
