// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the views
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DocketDB } from '../../../extension/store/db';
import { myName } from '../../../extension/store/me';
import { connect, getConnection, saveConnection } from '../../../extension/sync/connection';
import { syncAll } from '../../../extension/sync/run';
import { makeDeviceCode } from '../../../extension/sync/team';
import { SHARE_NOT_ALLOWED, TeamSync } from '../../../extension/ui/workspace/settings/TeamSync';
import { freshDb, makeClient } from '../../support/store';
import { acmeTeam } from '../../support/team-browsers';
import { serveHarness, servers } from '../server/streams';

// The Team panel in a client's settings, over fake IndexedDB, talking to a real server over HTTP.
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 5000 });

let root: HTMLElement;
afterEach(() => render(null, root));

/** Acme's team served over HTTP: Dana's browser (owner) and Carol's (editor), both pointed at it. */
async function served() {
  const t = await acmeTeam();
  const base = await serveHarness(t.h);
  const dana = await t.ownerBrowser();
  const carol = await t.memberBrowser('Carol Editor', 'editor');
  for (const browser of [dana, carol]) {
    const c = (await getConnection(browser.db))!;
    await saveConnection(browser.db, { ...c, serverUrl: base });
  }
  const httpFetch = (url: string, init?: RequestInit) => fetch(url, init);
  await syncAll(dana.db, httpFetch);
  await syncAll(carol.db, httpFetch);
  return { t, base, dana, carol, httpFetch };
}

async function show(db: DocketDB, client: Parameters<typeof TeamSync>[0]['client']) {
  const said: string[] = [];
  root = document.body.appendChild(document.createElement('div'));
  await act(() => render(<TeamSync db={db} client={client} say={(t) => said.push(t)} />, root));
  return said;
}
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const click = (name: string) => act(() => button(name)!.click());
const text = () => root.textContent ?? '';
const type = (selector: string, value: string) =>
  act(() => {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('the Team panel', () => {
  servers();

  it('shows the members to the owner, changes a role and removes a member after asking', async () => {
    const { dana, carol } = await served();
    const said = await show(dana.db, dana.client);
    await until(() => root.querySelector('select[aria-label="Role of Carol Editor"]'));
    expect(root.querySelector('select[aria-label="Role of Dana Owner"]')).toBeNull(); // not for oneself
    expect(button('Remove Dana Owner')).toBeUndefined();
    expect(text()).toMatch(/Dana Owner \(you\)ownerseen just now/);

    const select = root.querySelector<HTMLSelectElement>('select[aria-label="Role of Carol Editor"]')!;
    await act(() => {
      select.value = 'viewer';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => said.includes('Carol Editor is now viewer.'));

    await click('Remove Carol Editor');
    expect(text()).toMatch(/Remove Carol Editor from Acme\?/);
    await click('Yes, remove Carol Editor');
    await until(() => !root.querySelector('select[aria-label="Role of Carol Editor"]'));
    expect(said).toContain('Carol Editor was removed from Acme; their event streams were ended.');
    expect((await getConnection(carol.db))!.spaces[0]!.ended).toBeUndefined(); // Carol learns it at her next round
  });

  it('shows a removed member what happened, live, instead of the actions', async () => {
    const { t, carol, dana, httpFetch } = await served();
    await show(carol.db, dana.client);
    await until(() => button('Leave Acme'));
    expect(root.querySelector('select[aria-label^="Role of"]')).toBeNull(); // an editor changes no roles
    await act(async () => {
      await t.h.call('DELETE', `/v1/spaces/${t.space}/members/${carol.id}`, { token: t.owner });
      await syncAll(carol.db, httpFetch);
    });
    await until(() => root.querySelector('[data-testid="space-ended"]'));
    expect(root.querySelector('[data-testid="space-ended"]')!.textContent).toMatch(
      /^Removed from Acme by Dana Owner on \d+ \w+ \d{4}; your local copy is kept\.$/,
    );
    expect(button('Leave Acme')).toBeUndefined();
  });

  it('the last owner is told to name another before leaving; a member leaves after asking', async () => {
    const { dana, carol } = await served();
    await show(dana.db, dana.client);
    await until(() => button('Leave Acme'));
    await click('Leave Acme');
    await click('Yes, leave Acme');
    await until(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'Acme needs another owner before you can leave: make someone else owner first.',
    );
    render(null, root);

    const said = await show(carol.db, dana.client);
    await until(() => button('Leave Acme'));
    await click('Leave Acme');
    await click('Yes, leave Acme');
    await until(() => root.querySelector('[data-testid="space-ended"]'));
    expect(root.querySelector('[data-testid="space-ended"]')!.textContent).toMatch(/^You left Acme on /);
    expect(said).toContain('You left Acme. Your local copy is kept, read-only.');
  });

  it('lists one’s devices and signs this one out: the panel asks for a new sign-in, the server is kept', async () => {
    const { base, carol, dana } = await served();
    await show(carol.db, dana.client);
    await until(() => root.querySelector('ul[aria-label="Your devices"] li'));
    expect(root.querySelector('ul[aria-label="Your devices"]')!.textContent).toMatch(
      /^Signed in with an invite, .* · used just now · this device$/,
    );
    await click('Sign out this device');
    await click('Yes, sign this device out');
    await until(() => root.querySelector('[data-testid="sign-in-needed"]'));
    expect(root.querySelector('[data-testid="sign-in-needed"]')!.textContent).toMatch(
      /^You signed this device out on .*Sign in again to sync/,
    );
    expect(root.querySelector<HTMLInputElement>('input[name="server-url"]')!.value).toBe(base);
    expect(button('Leave Acme')).toBeUndefined();
    expect(await carol.db.items.count()).toBe(1);
  });

  it('adds a device: a single-use code for 15 minutes that signs another browser in as the same person', async () => {
    const { base, carol, dana, httpFetch } = await served();
    const said = await show(carol.db, dana.client);
    await until(() => button('Add a device…'));
    await click('Add a device…');
    await until(() => root.querySelector('[data-testid="device-code"]'));
    const code = root.querySelector('[data-testid="device-code"]')!.textContent!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(text()).toMatch(/Enter this code on the other device within 15 minutes \(until \d\d:\d\d\)/);
    expect(said).toContain('Device code created: enter it on the other device within 15 minutes.');
    const other = await connect(freshDb(), base, code, 'Carol on her phone', httpFetch);
    expect(other.user).toEqual({ id: carol.id, name: 'Carol Editor' });
  });

  it('a signed-out device is told how to get back in, and signs in again with a device code: its team is back', async () => {
    const { base, carol, dana, httpFetch } = await served();
    const phone = freshDb();
    await connect(phone, base, (await makeDeviceCode(carol.db, httpFetch)).code, 'Carol Editor', httpFetch);
    const before = (await getConnection(carol.db))!;

    await show(carol.db, dana.client);
    await until(() => button('Sign out this device'));
    await click('Sign out this device');
    await click('Yes, sign this device out');
    await until(() => root.querySelector('[data-testid="sign-in-needed"]'));
    expect(root.querySelector('[data-testid="sign-in-needed"]')!.textContent).toMatch(
      /Sign in again to sync: .* Sign in with a device code from another of your devices \(Team sync › Add a device…\), or ask your Docket admin \(`npm run admin -- tokens code "Carol Editor"`\)\.$/,
    );

    // The code from her phone, in the form the notice comes with (the server is filled in).
    fakeBrowser.permissions.request = () => Promise.resolve(true);
    const { code } = await makeDeviceCode(phone, httpFetch);
    expect(root.querySelector<HTMLInputElement>('input[name="server-url"]')!.value).toBe(base);
    await type('input[name="connect-name"]', 'Carol');
    await type('input[name="code"]', code);
    await act(() => root.querySelector('form')!.requestSubmit());
    await until(() => button('Leave Acme'));
    expect(root.querySelector('[data-testid="sign-in-needed"]')).toBeNull();
    const after = (await getConnection(carol.db))!;
    expect([after.user, after.spaces, after.signInNeeded]).toEqual([before.user, before.spaces, undefined]);
    expect(after.token).not.toBe(before.token);
    expect(await myName(carol.db)).toBe('Carol Editor'); // the account's name, not what was typed
  });

  it('says before anyone tries when this user may not share a new client on this server', async () => {
    const { carol, dana } = await served();
    const beta = await makeClient(carol.db, 'Beta Dental');
    await show(carol.db, beta);
    await until(() => button('Share Beta Dental with the team'));
    expect(button('Share Beta Dental with the team')!.disabled).toBe(true);
    expect(root.querySelector('[data-testid="share-not-allowed"]')!.textContent).toBe(
      `${SHARE_NOT_ALLOWED} Beta Dental stays on this browser only.`,
    );
    render(null, root);

    // Dana set the server up: she may.
    const gamma = await makeClient(dana.db, 'Gamma Dental');
    await show(dana.db, gamma);
    await until(() => button('Share Gamma Dental with the team'));
    expect(button('Share Gamma Dental with the team')!.disabled).toBe(false);
    expect(root.querySelector('[data-testid="share-not-allowed"]')).toBeNull();
  });
});
