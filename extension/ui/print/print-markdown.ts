import { agendaMarkdown, decisionBriefMarkdown, minutesMarkdown } from '../../../shared/export';
import { currentLogOf } from '../../ledger/current-log';
import { itemsOnMeeting, meetingDeadlines } from '../../../shared/rules';
import type { DocketDB } from '../../store/db';
import { followingOf, meetingChoices } from '../workspace/agenda/meeting-choice';

/** The document a print link names (#agenda=…&client=…, #minutes=…, #brief=…), as Markdown from the real data. */
export async function printMarkdown(
  db: DocketDB,
  hash: string,
  now = new Date(),
): Promise<{ title: string; markdown: string }> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const briefId = p.get('brief');
  if (briefId) {
    const item = await db.items.get(briefId);
    const client = item && (await db.clients.get(item.clientId));
    if (!item || !client) throw new Error('This item no longer exists.');
    const [vendor, captures, items] = await Promise.all([
      item.vendorId ? db.vendors.get(item.vendorId) : undefined,
      db.captures.where('itemId').equals(item.id).sortBy('capturedAt'),
      db.items.where('clientId').equals(item.clientId).toArray(), // names what it supersedes
    ]);
    return {
      title: `Decision brief — ${item.title}`,
      markdown: decisionBriefMarkdown({ client, item, vendor: vendor ?? null, captures, items }),
    };
  }
  const minutesId = p.get('minutes');
  if (minutesId) {
    const meeting = await db.meetings.get(minutesId);
    const client = meeting && (await db.clients.get(meeting.clientId));
    if (!meeting || !client) throw new Error('This meeting no longer exists.');
    return {
      title: `Minutes — ${client.name}`,
      markdown: minutesMarkdown({ client, meeting, log: await currentLogOf(db, meeting) }),
    };
  }
  const client = await db.clients.get(p.get('client') ?? '');
  if (!client) throw new Error('Nothing to print: this link names no client.');
  const [meetings, items, vendors, contracts] = await Promise.all([
    db.meetings.where('clientId').equals(client.id).toArray(),
    db.items.where('clientId').equals(client.id).toArray(),
    db.vendors.where('clientId').equals(client.id).toArray(),
    db.contracts.where('clientId').equals(client.id).toArray(),
  ]);
  const { upcoming } = meetingChoices(client, meetings, now);
  const meeting =
    upcoming.find((m) => m.id === p.get('agenda'))?.meeting ?? meetings.find((m) => m.id === p.get('agenda'));
  if (!meeting) throw new Error('This meeting no longer exists.');
  const onAgenda = itemsOnMeeting(items, meeting.id);
  const deadlines = meetingDeadlines({
    meeting,
    following: followingOf(meeting, upcoming),
    items,
    contracts,
    vendors,
    timeZone: client.timeZone,
    now,
  });
  return {
    title: `Agenda — ${client.name}`,
    markdown: agendaMarkdown({ client, meeting, items: onAgenda, vendors, deadlines }),
  };
}
