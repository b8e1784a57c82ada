// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the views
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agendaIcs, agendaMarkdown, handoffFiles, minutesMarkdown, unfold } from '../../../shared/export';
import { itemsOnMeeting, nextMeeting } from '../../../shared/rules';
import { readClientLog } from '../../../extension/store/client-log';
import type { DocketDB } from '../../../extension/store/db';
import { holdMeeting } from '../../../extension/store/hold-meeting';
import { printMarkdown } from '../../../extension/ui/print/print-markdown';
import { AgendaView } from '../../../extension/ui/workspace/AgendaView';
import { makeClient } from '../../support/store';
import { fixture, NOW } from './fixture';

/** The bold item titles under the agenda sections of a Markdown agenda (numbered) or minutes (by outcome). */
function titlesIn(markdown: string): string[] {
  const sections = markdown.split(/^## /m).filter((s) => /^(\d\. |Discussed|Carried forward|Not discussed)/.test(s));
  return sections.flatMap((s) => [...s.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]!)).sort();
}

const EXPECTED = ['Decided already', 'Filed from the form as Inbox', 'Quote to prepare'];

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
});

async function screenTitles(db: DocketDB, client: Awaited<ReturnType<typeof makeClient>>, meetingId: string) {
  root = document.body.appendChild(document.createElement('div'));
  const route = { client: client.id, view: 'agenda', meeting: meetingId, item: null, query: '' } as never;
  await act(() =>
    render(<AgendaView db={db} client={client} route={route} go={() => {}} say={() => {}} now={NOW} />, root!),
  );
  await vi.waitFor(() => expect(root!.querySelector('[data-testid=deadlines]')).toBeTruthy(), { timeout: 3000 });
  return [...root.querySelectorAll('[data-testid=agenda-item] .title')].map((t) => t.textContent!).sort();
}

describe('what is on a meeting: one answer for every view and export', () => {
  it('the screen, the print, the Markdown, the .ics and the handoff pack list the same items', async () => {
    const { db, client, m1 } = await fixture();
    const items = await db.items.where('clientId').equals(client.id).toArray();
    expect(
      itemsOnMeeting(items, m1.id)
        .map((i) => i.title)
        .sort(),
    ).toEqual(EXPECTED);

    expect(await screenTitles(db, client, m1.id)).toEqual(EXPECTED);

    const printed = await printMarkdown(db, `#agenda=${m1.id}&client=${client.id}`, NOW);
    expect(titlesIn(printed.markdown)).toEqual(EXPECTED);

    const meeting = (await db.meetings.get(m1.id))!;
    const vendors = await db.vendors.toArray();
    const md = agendaMarkdown({ client, meeting, items, vendors });
    expect(titlesIn(md)).toEqual(EXPECTED);

    const ics = unfold(agendaIcs({ client, meeting, agenda: md, now: NOW }));
    for (const title of EXPECTED) expect(ics).toContain(title);
    for (const title of ['Withdrawn proposal', 'Untriaged capture', 'On the meeting after'])
      expect(ics).not.toContain(title);

    const log = await readClientLog(db, client.id);
    const pack = handoffFiles({ log: { ...log, client }, today: '2026-11-26' });
    const file = Object.keys(pack).find((p) => p.startsWith(`meetings/${meeting.startsAt.slice(0, 10)}`))!;
    expect(titlesIn(pack[file]!)).toEqual(EXPECTED);
  });

  it('the minutes of the held meeting list what the agenda showed', async () => {
    const { db, client, m1 } = await fixture();
    const held = await holdMeeting(db, { by: 'Alice Martin', at: '2026-12-08T16:00:00.000Z' }, client.id, m1);
    expect(titlesIn(minutesMarkdown({ client, meeting: held.meeting }))).toEqual(EXPECTED);
    // The untriaged entry stays in the Inbox, not carried as a slipped agenda item.
    const legacy = (await db.items.toArray()).find((i) => i.title === 'Old inbox entry with a meeting')!;
    expect(legacy.slips).toEqual([]);
  });

  it('filing from the form takes an item out of the Inbox; the Inbox and its badge hold the untriaged', async () => {
    const { db, client } = await fixture();
    const items = await db.items.where('clientId').equals(client.id).toArray();
    const formFiled = items.find((i) => i.title === 'Filed from the form as Inbox')!;
    expect(formFiled.status).toBe('to-prepare');
    const badge = await db.items.where({ clientId: client.id, status: 'inbox' }).count();
    const inbox = items
      .filter((i) => i.status === 'inbox')
      .map((i) => i.title)
      .sort();
    expect(inbox).toEqual(['Old inbox entry with a meeting', 'Untriaged capture']);
    expect(badge).toBe(inbox.length);
    expect(nextMeeting(client, [], NOW).id).toBe(formFiled.meetingId);
  });
});
