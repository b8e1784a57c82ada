// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the views
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agendaMarkdown, handoffFiles, minutesMarkdown } from '../../../shared/export';
import { upcomingMeetings } from '../../../shared/rules';
import { readClientLog } from '../../../extension/store/client-log';
import type { DocketDB } from '../../../extension/store/db';
import { holdMeeting } from '../../../extension/store/hold-meeting';
import { ItemList } from '../../../extension/ui/log/ItemList';
import { printMarkdown } from '../../../extension/ui/print/print-markdown';
import { AgendaView } from '../../../extension/ui/workspace/AgendaView';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

const NOW = new Date(alice.at);
/** A proposal's monthly price and its onboarding fee, as every view and export must say them. */
const TEXT = 'CA$7,850.00/month + CA$12,500.00 one-time';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root = undefined;
});

async function proposal() {
  const db = freshDb();
  const client = await makeClient(db);
  const [m] = upcomingMeetings(client, [], NOW, 1);
  const meeting = { id: m!.id, startsAt: m!.startsAt, fromCadence: true };
  // Through the capture save path, as the quick-capture form files it.
  const item = await fileItem(db, client.id, 'Managed services proposal', {
    meeting,
    status: 'to-prepare',
    section: 'decision-to-prepare',
    kind: 'proposal',
    vendor: { name: 'Bluepeak', domain: 'bluepeak.ca' },
    amount: { value: 7850, currency: 'CAD', recurrence: 'monthly' },
    oneTimeAmount: { value: 12500, currency: 'CAD', recurrence: 'one-time' },
  });
  return { db, client, meeting, item };
}

async function agendaScreen(db: DocketDB, client: Awaited<ReturnType<typeof makeClient>>, meetingId: string) {
  root = document.body.appendChild(document.createElement('div'));
  const route = { client: client.id, view: 'agenda', meeting: meetingId, item: null, query: '' } as never;
  await act(() =>
    render(<AgendaView db={db} client={client} route={route} go={() => {}} say={() => {}} now={NOW} />, root!),
  );
  await vi.waitFor(() => expect(root!.querySelector('.items .meta')).toBeTruthy(), { timeout: 3000 });
  return [...root.querySelectorAll('.items .meta')].map((t) => t.textContent!);
}

describe('an item’s one-time fee: the screen, the print and the exports say it alike', () => {
  it('the item list, the planned agenda, its print and Markdown, the decision brief and the handoff', async () => {
    const { db, client, meeting, item } = await proposal();
    expect((await db.items.get(item.id))!.oneTimeAmount).toEqual({
      value: 12500,
      currency: 'CAD',
      recurrence: 'one-time',
    });

    root = document.body.appendChild(document.createElement('div'));
    const meetings = await db.meetings.toArray();
    const vendors = await db.vendors.toArray();
    const items = await db.items.toArray();
    await act(() =>
      render(
        <ItemList
          client={client}
          meetings={meetings}
          items={items}
          vendors={vendors}
          selected={null}
          onPick={() => {}}
          now={NOW}
        />,
        root!,
      ),
    );
    expect(root.querySelector('[data-testid=item-row] .meta')!.textContent).toBe(
      `Proposal · Bluepeak · ${TEXT} · To prepare`,
    );
    render(null, root);

    expect(await agendaScreen(db, client, meeting.id)).toEqual([`Bluepeak · ${TEXT} · To prepare`]);

    const printed = await printMarkdown(db, `#agenda=${meeting.id}&client=${client.id}`, NOW);
    expect(printed.markdown).toContain(`Vendor: Bluepeak · Amount: ${TEXT} · Status: To prepare`);
    const stored = (await db.meetings.get(meeting.id))!;
    expect(agendaMarkdown({ client, meeting: stored, items, vendors })).toContain(`Amount: ${TEXT}`);

    const brief = await printMarkdown(db, `#brief=${item.id}`, NOW);
    expect(brief.markdown).toContain(`- **Amount:** ${TEXT}\n`);

    const log = await readClientLog(db, client.id);
    const pack = handoffFiles({ log: { ...log, client }, today: '2026-11-26' });
    expect(pack['open-follow-ups.md']).toContain(`Bluepeak · ${TEXT}`);
  });

  it('the held agenda and the minutes, from the frozen line', async () => {
    const { db, client, meeting } = await proposal();
    const held = await holdMeeting(db, { by: 'Alice Martin', at: '2026-12-08T16:00:00.000Z' }, client.id, meeting);
    expect(held.meeting.heldAgenda![0]!.oneTimeAmount).toEqual({
      value: 12500,
      currency: 'CAD',
      recurrence: 'one-time',
    });
    expect(minutesMarkdown({ client, meeting: held.meeting })).toContain(`Bluepeak · ${TEXT} · To prepare`);
    const printed = await printMarkdown(db, `#minutes=${meeting.id}`, NOW);
    expect(printed.markdown).toContain(`Bluepeak · ${TEXT} · To prepare`);
    expect((await agendaScreen(db, client, meeting.id))[0]).toBe(`Bluepeak · ${TEXT}`);
  });
});
