// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the views
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import type { Client } from '../../../../shared/domain';
import type { DocketDB } from '../../../../extension/store/db';
import type { Route } from '../../../../extension/ui/log/route';
import { ViewSwitch } from '../../../../extension/ui/log/ViewSwitch';
import { plain, freshDb, makeClient } from '../../../support/store';

// The main pane as the log page draws it, over a fake IndexedDB; the Chromium test clicks through the real page.
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000 });
const route = (over: Partial<Route>): Route => ({
  client: null,
  view: 'agenda',
  meeting: null,
  item: null,
  q: '',
  ...over,
});

let root: HTMLElement;
afterEach(() => render(null, root));

async function show(db: DocketDB, clients: Client[], at: Partial<Route>) {
  const said: string[] = [];
  const went: Partial<Route>[] = [];
  root = document.body.appendChild(document.createElement('div'));
  const r = route(at);
  const client = clients.find((c) => c.id === r.client) ?? null;
  await act(() =>
    render(
      <ViewSwitch
        db={db}
        client={client}
        clients={clients}
        route={r}
        go={(p) => went.push(p)}
        say={(t) => said.push(t)}
        onFiles={() => {}}
      />,
      root,
    ),
  );
  return { said, went };
}
const input = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const type = (name: string, value: string) =>
  act(() => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = () => act(() => root.querySelector<HTMLFormElement>('form.client-form')!.requestSubmit());
const fieldError = (field: string) => root.querySelector(`[data-testid="error-${field}"]`)?.textContent;

it('refuses a time zone that is not an IANA name, next to the field, and never says “Client saved.”', async () => {
  const db = freshDb();
  const client = await makeClient(db);
  const { said } = await show(db, [client], { client: client.id, view: 'settings' });
  await type('timeZone', 'Atlantic Time');
  await submit();
  await until(() => fieldError('timeZone'));
  expect(fieldError('timeZone')).toBe('"Atlantic Time" is not a time zone: choose one such as America/Halifax.');
  expect(root.querySelector('[role=alert]')!.textContent).toBe('Nothing was saved: fix the fields marked above.');
  expect(said).toEqual([]);
  expect((await db.clients.get(client.id))!.timeZone).toBe('America/Toronto');

  await type('timeZone', 'America/Halifax');
  await submit();
  await until(() => said.length);
  expect(said).toEqual(['Client saved.']);
  expect((await db.clients.get(client.id))!.timeZone).toBe('America/Halifax');
});

it('checks the name, the length, the meeting date and the domains before saving', async () => {
  const db = freshDb();
  const client = await makeClient(db);
  await show(db, [client], { client: client.id, view: 'settings' });
  await type('name', '  ');
  await type('anchorDate', '');
  await type('domains', 'northwind.com, not a domain');
  await act(() => {
    input('meetingMinutes').value = '2';
    input('meetingMinutes').dispatchEvent(new Event('input', { bubbles: true }));
  });
  await submit();
  await until(() => fieldError('name'));
  expect(fieldError('name')).toBe('A client needs a name.');
  expect(fieldError('anchorDate')).toBe('Choose a date on which a meeting was or will be held.');
  expect(fieldError('meetingMinutes')).toBe('A meeting lasts 5 to 480 minutes.');
  expect(fieldError('domains')).toBe('"not" is not a domain name: write it like northwind.com.');
  expect(plain(await db.clients.get(client.id))).toEqual(client);
});

it('adds the first client in the main pane, in the browser’s own time zone, then opens its settings', async () => {
  const db = freshDb();
  const { said, went } = await show(db, [], {});
  expect(root.querySelector('h2')!.textContent).toBe('Add your first client');
  expect(input('timeZone').value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  // A datalist of every IANA zone makes the box searchable.
  expect(root.querySelectorAll('datalist#zones option').length).toBeGreaterThan(300);
  await submit();
  await until(() => fieldError('name'));
  expect(await db.clients.count()).toBe(0);

  await type('client-name', 'Laval Logistics');
  await type('client-domains', 'laval-logistics.ca');
  await submit();
  await until(() => went.length);
  const [stored] = await db.clients.toArray();
  expect(stored).toMatchObject({ name: 'Laval Logistics', domains: ['laval-logistics.ca'], cadence: 'monthly' });
  expect(went).toEqual([{ client: stored!.id, view: 'settings', item: null, meeting: null }]);
  expect(said).toEqual(['Laval Logistics added.']);
});

it('names a badly stored time zone in place of the view, not a blank page', async () => {
  const db = freshDb();
  const good = await makeClient(db);
  // As if synced or imported before zones were checked.
  const bad = { ...good, timeZone: 'Atlantic Time' };
  await db.clients.put(bad);
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { went } = await show(db, [bad], { client: bad.id, view: 'agenda' });
  await until(() => root.querySelector('[data-testid=view-error]'));
  spy.mockRestore();
  const error = root.querySelector('[data-testid=view-error]')!;
  expect(error.textContent).toContain('Docket could not show the agenda.');
  expect(error.textContent).toContain(
    'Northwind Dental’s time zone, "Atlantic Time", is not one Docket knows: choose one such as America/Halifax',
  );
  await act(() => [...error.querySelectorAll('button')].find((b) => b.textContent === 'Open client settings')!.click());
  expect(went).toEqual([{ view: 'settings', item: null }]);

  // Views that read no client still open: the settings that fix it, and a new client.
  for (const view of ['settings', 'new-client'] as const) {
    render(null, root);
    await show(db, [bad], { client: bad.id, view });
    expect(root.querySelector('[data-testid=view-error]')).toBeNull();
    expect(root.querySelector('form.client-form')).not.toBeNull();
  }
});

it('catches any other view that throws on bad data, and says so in a sentence', async () => {
  const db = freshDb();
  const client = await makeClient(db);
  // A meeting whose start is not a date: formatting it throws while the agenda draws.
  await db.meetings.put({
    id: 'm-bad',
    clientId: client.id,
    startsAt: 'not a date',
    status: 'planned',
  } as never);
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  await show(db, [client], { client: client.id, view: 'agenda', meeting: 'm-bad' });
  await until(() => root.querySelector('[data-testid=view-error]'));
  spy.mockRestore();
  expect(root.querySelector('[data-testid=view-error] .empty-title')!.textContent).toBe(
    'Docket could not show the agenda.',
  );
  expect(root.querySelector('[data-testid=view-error] .empty-next')!.textContent).toMatch(/^[A-Z].*\.$/);
});
