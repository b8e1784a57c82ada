// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the views
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decision } from '../../../shared/domain';
import { upcomingMeetings } from '../../../shared/rules';
import { createVendor } from '../../../extension/store/clients';
import { createContract } from '../../../extension/store/contracts';
import { readClientLog } from '../../../extension/store/client-log';
import type { DocketDB } from '../../../extension/store/db';
import { updateItem } from '../../../extension/store/items';
import { ItemPanel } from '../../../extension/ui/log/ItemPanel';
import type { Route, View } from '../../../extension/ui/log/route';
import { ViewSwitch } from '../../../extension/ui/log/ViewSwitch';
import { holdAs } from '../../support/access';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

// The log page's panes over a fake IndexedDB, as a viewer, as an account that lost access, and as an editor.
const NOW = new Date(alice.at);
const VIEWER_MARK = 'View only — you are a viewer of Acme Dental’s shared log.';
const ENDED_MARK =
  'Removed from Shared log by Dana Owner on 26 Nov 2026; your local copy is kept. It is read-only here.';
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000 });
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

let root: HTMLElement;
afterEach(() => render(null, root));

/** Acme: a vendor with a contract, an item with a decision and an action on the next meeting, one in the Inbox. */
async function acme(as: 'viewer' | 'ended' | 'editor') {
  const db = freshDb();
  const client = await makeClient(db, 'Acme Dental');
  const vendor = await createVendor(db, alice, {
    clientId: client.id,
    name: 'Acme MSP',
    contacts: [{ name: 'Dana', email: 'dana@acme-msp.com', phone: '', role: 'account manager' }],
  });
  await createContract(db, alice, {
    clientId: client.id,
    vendorId: vendor.id,
    title: 'Managed services agreement',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: true,
    noticeDays: 60,
    value: null,
  });
  const [next] = upcomingMeetings(client, [], NOW, 1);
  const meeting = { id: next!.id, startsAt: next!.startsAt, fromCadence: true };
  const item = await fileItem(db, client.id, 'MSP renewal', {
    meeting,
    status: 'to-prepare',
    vendor: { id: vendor.id },
  });
  await updateItem(db, alice, item.id, {
    decision: Decision.parse({ decision: 'Renew for a year', status: 'accepted', options: [] }),
    actions: [{ id: 'a1', title: 'Send the notice', owner: 'Dana', due: null, done: false }],
  });
  await fileItem(db, client.id, 'Untriaged quote');
  if (as === 'viewer') await holdAs(db, client.id, 'viewer');
  if (as === 'ended') await holdAs(db, client.id, 'editor', 'removed');
  if (as === 'editor') await holdAs(db, client.id, 'editor');
  return { db, client, item, meetingId: meeting.id };
}
async function showView(db: DocketDB, client: Awaited<ReturnType<typeof makeClient>>, view: View, meeting = '') {
  const route: Route = { client: client.id, view, meeting: meeting || null, item: null, q: '' };
  root = document.body.appendChild(document.createElement('div'));
  await act(() =>
    render(
      <ViewSwitch
        db={db}
        client={client}
        clients={[client]}
        route={route}
        go={() => {}}
        say={() => {}}
        onFiles={() => {}}
      />,
      root,
    ),
  );
}
const mark = () => root.querySelector('[data-testid=view-only]')?.textContent ?? null;
/** Form fields a user could change. */
const enabledFields = (scope: Element = root) =>
  [...scope.querySelectorAll<HTMLInputElement>('input, select, textarea')].filter((el) => !el.matches(':disabled'));
/** Buttons a user could press, by name; not the rows that open an item or a vendor. */
const buttons = (scope: Element = root) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button:not([data-nav-item]):not([data-testid=vendor-row])')]
    .filter((b) => !b.matches(':disabled'))
    .map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());

describe('the item detail', () => {
  async function showItem(as: 'viewer' | 'ended' | 'editor') {
    const { db, item } = await acme(as);
    root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<ItemPanel db={db} itemId={item.id} close={() => {}} />, root));
    await until(() => root.querySelector('[data-testid=item-detail]'));
    await settle();
    return root.querySelector('[data-testid=item-detail]')!;
  }

  it('a viewer reads the fields, the decision and the actions, with nothing to change and the mark on top', async () => {
    const detail = await showItem('viewer');
    expect(mark()).toBe(VIEWER_MARK);
    expect(detail.firstElementChild!.getAttribute('data-testid')).toBe('view-only');
    expect(enabledFields(detail)).toEqual([]);
    // what is shown stays readable: the title, the decision, the action
    expect(detail.querySelector<HTMLInputElement>('[name=title]')!.value).toBe('MSP renewal');
    expect(detail.querySelector<HTMLTextAreaElement>('[name=decision-decision]')!.value).toBe('Renew for a year');
    expect(detail.querySelector<HTMLInputElement>('[aria-label=Action]')!.value).toBe('Send the notice');
    // only what reads or prints
    expect(buttons(detail)).toEqual(['Decision brief']);
  });

  it('a space this account lost access to shows its local copy the same way, marked as no longer shared', async () => {
    const detail = await showItem('ended');
    expect(mark()).toBe(ENDED_MARK);
    expect(enabledFields(detail)).toEqual([]);
    expect(buttons(detail)).toEqual(['Decision brief']);
  });

  it('an editor edits: no mark, the fields enabled, the decision and actions editors whole', async () => {
    const detail = await showItem('editor');
    expect(mark()).toBeNull();
    expect(enabledFields(detail).length).toBeGreaterThan(20);
    expect(buttons(detail)).toEqual(
      expect.arrayContaining(['Decision brief', '+ Add option', 'Remove action Send the notice', '+ Add action']),
    );
  });
});

describe('the views of a viewer’s client', () => {
  it('the agenda: the mark, no meeting changes, no reordering or marking discussed; exports stay', async () => {
    const { db, client, meetingId } = await acme('viewer');
    await showView(db, client, 'agenda', meetingId);
    await until(() => mark() && root.querySelector('[data-testid=agenda-item]'));
    expect(mark()).toBe(VIEWER_MARK);
    expect(enabledFields(root.querySelector('.meeting-header')!)).toEqual([]);
    expect(root.querySelectorAll('.sections input')).toHaveLength(0);
    expect(root.querySelector('[draggable=true]')).toBeNull();
    expect(buttons(root.querySelector('.meeting-header')!)).toEqual([
      'Agenda (.md)',
      'Print agenda',
      'Calendar (.ics)',
    ]);
    expect(root.textContent).not.toContain('Drag items to reorder');
  });

  it('the inbox: the mark, its entries listed, nothing to put on a meeting or file', async () => {
    const { db, client } = await acme('viewer');
    await showView(db, client, 'inbox');
    await until(() => mark() && root.querySelector('[data-testid=inbox-item]'));
    expect(mark()).toBe(VIEWER_MARK);
    const entry = root.querySelector('[data-testid=inbox-item]')!;
    expect(entry.textContent).toContain('Untriaged quote');
    expect(enabledFields(entry)).toEqual([]);
    expect(buttons(entry)).toEqual([]);
  });

  it('vendors and contracts: the mark, the vendor readable, nothing added, edited or deleted', async () => {
    const { db, client } = await acme('viewer');
    await showView(db, client, 'vendors');
    await until(() => mark() && root.querySelector('[data-testid=vendor-row]'));
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid=vendor-row]')!.click());
    await until(
      () => root.querySelector('[data-testid=vendor-detail]') && root.querySelector('[data-testid=contract-row]'),
    );
    expect(mark()).toBe(VIEWER_MARK);
    expect(root.querySelector('form[aria-label="Add vendor"]')).toBeNull();
    expect(root.querySelector('form[aria-label="Add contract"]')).toBeNull();
    expect(enabledFields()).toEqual([]);
    expect(root.querySelector<HTMLInputElement>('[data-testid=vendor-detail] [name=name]')!.value).toBe('Acme MSP');
    expect(root.querySelector<HTMLInputElement>('[name=contact-name]')!.value).toBe('Dana');
    expect(root.querySelector('[data-testid=contract-row]')!.textContent).toContain('Managed services agreement');
    expect(buttons()).toEqual([]);
  });

  it('the client settings: the mark, the fields shown disabled with nothing to save; exports stay', async () => {
    const { db, client } = await acme('viewer');
    await showView(db, client, 'settings');
    await until(() => mark() && root.querySelector('form.client-form'));
    expect(mark()).toBe(VIEWER_MARK);
    const form = root.querySelector('form.client-form')!;
    expect(form.querySelector<HTMLInputElement>('[name=name]')!.value).toBe('Acme Dental');
    expect(enabledFields(form)).toEqual([]);
    expect(buttons(form)).toEqual([]);
    expect(buttons(root.querySelector('section.transfer')!)).toEqual(['Client log (.json)', 'Handoff pack (.zip)']);
  });

  it('an import of the viewer’s client log is refused before anything is planned, and nothing changes', async () => {
    const { db, client } = await acme('viewer');
    const log = JSON.stringify({
      format: 'docket-client-log',
      version: 1,
      exportedAt: alice.at,
      ...(await readClientLog(db, client.id)),
    });
    await db.items.clear(); // the file holds items this copy has not: an import would add them
    await showView(db, client, 'settings');
    await until(() => mark() && root.querySelector('input[name=import]'));
    const input = root.querySelector<HTMLInputElement>('input[name=import]')!;
    // What the page reads of a chosen file (jsdom's File cannot read itself).
    Object.defineProperty(input, 'files', { value: [{ name: 'acme.json', text: () => Promise.resolve(log) }] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => root.querySelector('[data-testid=import] [role=alert]'));
    expect(root.querySelector('[data-testid=import] [role=alert]')!.textContent).toContain(
      'You can view Acme Dental’s shared log but not change it.',
    );
    expect(root.querySelector('[data-testid=import] button.primary')).toBeNull();
    expect(await db.items.count()).toBe(0);
  });

  it('all items: the mark, and no way to add files to the log', async () => {
    const { db, client } = await acme('viewer');
    await showView(db, client, 'log');
    await until(() => mark() && root.querySelector('[data-testid=item-row]'));
    expect(root.querySelector('input[type=file]')).toBeNull();
    expect(root.textContent).not.toContain('Add .eml');
  });

  it('an editor’s views have no mark and every edit control', async () => {
    const { db, client, meetingId } = await acme('editor');
    await showView(db, client, 'agenda', meetingId);
    await until(() => root.querySelector('[data-testid=agenda-item]'));
    await settle();
    expect(mark()).toBeNull();
    expect(buttons(root.querySelector('.meeting-header')!)).toEqual(
      expect.arrayContaining(['Seal the meeting…', 'Move…', 'Cancel meeting', 'Add ad-hoc meeting…']),
    );
    expect(root.querySelectorAll('.sections input[type=checkbox]:not(:disabled)').length).toBeGreaterThan(0);
    render(null, root);

    await showView(db, client, 'inbox');
    await until(() => root.querySelector('[data-testid=inbox-item]'));
    const entry = root.querySelector('[data-testid=inbox-item]')!;
    expect(buttons(entry)).toEqual([expect.stringMatching(/^Put on /)]);
    expect(enabledFields(entry)).toHaveLength(1); // the item to file it into
    render(null, root);

    await showView(db, client, 'vendors');
    await until(() => root.querySelector('[data-testid=vendor-row]'));
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid=vendor-row]')!.click());
    await until(() => root.querySelector('[data-testid=contract-row]'));
    expect(root.querySelector('form[aria-label="Add vendor"]')).not.toBeNull();
    expect(root.querySelector('form[aria-label="Add contract"]')).not.toBeNull();
    expect(buttons()).toEqual(expect.arrayContaining(['Edit Managed services agreement', 'Add contact']));
    expect(mark()).toBeNull();
  });
});
