import { expect } from 'vitest';
import { connect, getConnection, saveConnection } from '../../extension/sync/connection';
import { syncAll } from '../../extension/sync/run';
import type { Fetch } from '../../extension/sync/transport';
import type { Role } from '../../shared/sync/protocol';
import { harness } from '../unit/server/helpers';
import { fileItem, freshDb, makeClient } from './store';

/**
 * A real server (createApp on SQLite :memory:, with a settable clock, set to now) where Dana Owner owns the space "Acme", and
 * browsers on fake-indexeddb: Dana's, holding Acme's log with an item, and teammates' joined by invite.
 */
export async function acmeTeam() {
  const h = harness();
  h.clock.now = Date.now(); // browsers stamp their changes with the real clock
  const owner = await h.setUp('Dana Owner');
  const space = await h.createSpace(owner, 'Acme');
  const calls: string[] = [];
  const fetchApp: Fetch = (url, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    return Promise.resolve(h.app.request(url, init));
  };

  /** Dana's browser: the client Acme with one item, shared as the space. */
  async function ownerBrowser() {
    const db = freshDb();
    const client = await makeClient(db, 'Acme');
    await fileItem(db, client.id, 'Renew the firewall contract');
    const user = (await h.call('GET', '/v1/me', { token: owner })).json.user as { id: string; name: string };
    await saveConnection(db, {
      serverUrl: 'http://docket.test',
      token: owner,
      user,
      spaces: [{ id: space, name: 'Acme', role: 'owner', clientId: client.id }],
    });
    return { db, client, id: user.id };
  }

  /** A teammate's browser, signed in with an invite to Acme with this role (a new account). */
  async function memberBrowser(name: string, role: Role) {
    const db = freshDb();
    await connect(db, 'http://docket.test', await h.invite(owner, space, role), name, fetchApp);
    const connection = (await getConnection(db))!;
    return { db, id: connection.user.id, token: connection.token };
  }

  return { h, owner, space, fetchApp, calls, ownerBrowser, memberBrowser };
}

/** Dana's log synced, and Carol, an editor, synced it too and wrote a change she has not sent yet. */
export async function carolWithUnsentWork() {
  const t = await acmeTeam();
  const dana = await t.ownerBrowser();
  expect(await syncAll(dana.db, t.fetchApp)).toMatchObject({ state: 'synced' });
  const carol = await t.memberBrowser('Carol Editor', 'editor');
  expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced' });
  await fileItem(carol.db, dana.client.id, 'Carol’s note');
  const outbox = await carol.db.outbox.count();
  expect(outbox).toBeGreaterThan(0);
  return { t, dana, carol, outbox };
}
