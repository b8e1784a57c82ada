// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the views
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { DecisionsView } from '../../../extension/ui/workspace/DecisionsView';
import { InboxView } from '../../../extension/ui/workspace/InboxView';
import { fileItem } from '../../support/store';
import { fixture } from './fixture';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
});

const route = (clientId: string, view: string) => ({ client: clientId, view, meeting: null, item: null }) as never;
const heading = (text: string) =>
  [...root!.querySelectorAll('h2')].find((h) => h.textContent!.startsWith(text))!.textContent!;
const numberIn = (text: string) => Number(/(\d+)/.exec(text)![1]);

it('every count said on screen is the length of the list under it', async () => {
  const { db, client, m1 } = await fixture();
  // The reported case: an urgent quote, to prepare, filed in the Urgent section.
  await fileItem(db, client.id, 'Urgent firewall quote', {
    meeting: m1,
    kind: 'quote',
    section: 'urgent',
    status: 'to-prepare',
    urgent: true,
  });
  const props = { db, client, go: () => {}, say: () => {} };

  root = document.body.appendChild(document.createElement('div'));
  await act(() => render(<InboxView {...props} route={route(client.id, 'inbox')} />, root!));
  await vi.waitFor(() => expect(root!.querySelectorAll('[data-testid=inbox-item]').length).toBeGreaterThan(0));
  const inboxRows = root.querySelectorAll('[data-testid=inbox-item]').length;
  expect(numberIn(heading('Inbox'))).toBe(inboxRows);
  expect(await db.items.where({ clientId: client.id, status: 'inbox' }).count()).toBe(inboxRows); // the badge

  render(null, root);
  await act(() => render(<DecisionsView {...props} route={route(client.id, 'decisions')} />, root!));
  await vi.waitFor(() => expect(root!.querySelector('h2')).toBeTruthy());
  const lists = root.querySelectorAll('ul.items');
  const toPrepare = [...lists[0]!.querySelectorAll('.title')].map((t) => t.textContent).sort();
  expect(numberIn(heading('Decisions to prepare'))).toBe(toPrepare.length);
  expect(toPrepare).toEqual(['Filed from the form as Inbox', 'Quote to prepare', 'Urgent firewall quote']);
  expect(numberIn(heading('Decision history'))).toBe(lists[1]!.querySelectorAll('li').length);
});
