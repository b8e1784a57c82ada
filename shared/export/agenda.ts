/**
 * A meeting's agenda as Markdown: the four sections in their fixed order, each item with what the room needs to
 * know (vendor, amount, decide-by, status, urgency, and for decisions the recommendation), then the deadlines the
 * rules surfaced. The same text feeds the print view and the .ics description.
 */
import { SECTION_LABEL, SECTIONS, STATUS_LABEL, type Client, type Item, type Meeting, type Vendor } from '../domain';
import { orderedAgenda } from '../rules/agenda-order';
import { PRESSING } from '../rules/deadline-timing';
import { itemsOnMeeting } from '../rules/filing';
import { zonedParts } from '../rules/zoned-time';
import { formatDate, formatMeetingTime, itemAmountText, localDateOf } from './format';
import { block, document, indented, inline, NOTHING } from './markdown';
import { compare } from './order';
import type { Deadline } from './types';

export type AgendaInput = {
  client: Client;
  meeting: Meeting;
  /** The client's items: those on this meeting (rules/filing.ts, as the agenda page shows them) are listed. */
  items: Item[];
  vendors: Vendor[];
  /** Deadlines before the next meeting; when absent (not empty) the section is left out, as in the handoff pack. */
  deadlines?: Deadline[];
  /** Defaults to the client's zone. */
  timeZone?: string;
};

const MEETING_STATUS: Record<Meeting['status'], string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: '**Cancelled**',
};

const DEADLINE_LABEL: Record<Deadline['kind'], string> = {
  notice: 'Notice deadline',
  renewal: 'Renews',
  expiry: 'Expires',
  'decide-by': 'Decide by',
};

function entry(item: Item, vendors: Map<string, Vendor>, zone: string): string {
  const vendor = item.vendorId ? vendors.get(item.vendorId) : undefined;
  const amount = itemAmountText(item);
  const facts = [
    vendor ? `Vendor: ${inline(vendor.name)}` : null,
    amount ? `Amount: ${amount}` : null,
    item.decideBy ? `Decide by: ${formatDate(item.decideBy)}` : null,
    `Status: ${STATUS_LABEL[item.status]}`,
  ].filter((f) => f !== null);
  const lines = [`- **${inline(item.title)}**${item.urgent ? ' — **URGENT**' : ''}`, `  - ${facts.join(' · ')}`];
  const recommendation = item.decision ? block(item.decision.recommendation) : '';
  if (item.section === 'decision-to-prepare' && recommendation) {
    lines.push(
      recommendation.includes('\n')
        ? `  - Recommendation:\n\n${indented(recommendation, '    ')}`
        : `  - Recommendation: ${recommendation}`,
    );
  }
  const last = item.slips.at(-1);
  if (last) {
    const times = item.slips.length === 1 ? '' : ` ${item.slips.length} times, last`;
    lines.push(`  - Carried forward${times} on ${formatDate(localDateOf(last.at, zone))}`);
  }
  return lines.join('\n');
}

/** Sorted by date, each with where it falls against this meeting (one phrasing, rules/deadline-timing.ts). */
function deadlineLines(deadlines: Deadline[]): string {
  if (deadlines.length === 0) return '_No deadlines before the next meeting._';
  const sorted = [...deadlines].sort(
    (a, b) => compare(a.date, b.date) || compare(a.kind, b.kind) || compare(a.title, b.title),
  );
  return sorted
    .map((d) => {
      const when = PRESSING.includes(d.timing) ? `**${d.when}**` : d.when;
      const why = d.why.trim() ? ` · ${inline(d.why)}` : '';
      return `- **${formatDate(d.date)}** — ${DEADLINE_LABEL[d.kind]}: ${inline(d.title)}\n  - ${when}${why}`;
    })
    .join('\n');
}

export function agendaMarkdown(input: AgendaInput): string {
  const { client, meeting } = input;
  const zone = input.timeZone ?? client.timeZone;
  const vendors = new Map(input.vendors.map((v) => [v.id, v]));
  const items = itemsOnMeeting(input.items, meeting.id);

  const head = [`# ${inline(client.name)} — governance meeting, ${formatMeetingTime(meeting.startsAt, zone)}`];
  const start = zonedParts(new Date(meeting.startsAt), zone).time;
  const end = zonedParts(new Date(Date.parse(meeting.startsAt) + client.meetingMinutes * 60_000), zone).time;
  const facts = [
    meeting.title.trim() ? `**${inline(meeting.title)}**` : null,
    MEETING_STATUS[meeting.status],
    `${start}–${end} (${client.meetingMinutes} minutes)`,
  ];
  head.push(facts.filter((f) => f !== null).join(' · '));

  // The same order as the agenda page, so the printed agenda matches the screen.
  const agenda = orderedAgenda(items);
  const sections = SECTIONS.map((section, n) => {
    const inSection = agenda[section];
    const body = inSection.length ? inSection.map((i) => entry(i, vendors, zone)).join('\n') : NOTHING;
    return `## ${n + 1}. ${SECTION_LABEL[section]}\n\n${body}`;
  });
  const deadlines = input.deadlines
    ? `## Deadlines before the next meeting\n\n${deadlineLines(input.deadlines)}`
    : null;
  return document([head.join('\n\n'), ...sections, deadlines]);
}
