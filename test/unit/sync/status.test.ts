import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { formatHlc } from '../../../shared/sync/hlc';
import { connect, getConnection, invite, shareClient } from '../../../extension/sync/connection';
import { readSync } from '../../../extension/sync/pending';
import { syncAll } from '../../../extension/sync/run';
import { httpTransport, SyncError } from '../../../extension/sync/transport';
import { fileItem, freshDb, makeClient } from '../../support/store';
import { team } from '../../support/team';

const at = (iso: string) => () => new Date(iso);
const down = () => Promise.reject(new TypeError('fetch failed'));

/**
 * A fresh browser signed in to the team's space as an editor, its space's client not yet pulled; an admin allowed
 * its user to create spaces, so it can share clients.
 */
async function editorBrowser(t: Awaited<ReturnType<typeof team>>) {
  const db = freshDb();
  const code = (await t.call(`/v1/spaces/${t.space}/invites`, { role: 'editor', expiresInHours: 1 }, t.owner))
    .code as string;
  await connect(db, 'http://docket.test', code, 'Bob', t.fetchApp);
  await t.allowSpaces('Bob');
  return db;
}

describe('pending counts only the changes that will be sent', () => {
  it('a client that is not shared is never pending; a shared one is, until its round sends it', async () => {
    const t = await team();
    const db = await editorBrowser(t);
    const kept = await makeClient(db, 'Contoso Legal');
    await fileItem(db, kept.id, 'Kept here');
    const outbox = await db.outbox.count();
    expect(outbox).toBeGreaterThan(0);
    // right after connecting: the space's client is not pulled yet, Contoso is not shared
    expect((await readSync(db)).pending).toBe(0);
    expect(await syncAll(db, t.fetchApp, at('2026-12-04T16:42:05Z'))).toMatchObject({ state: 'synced', pending: 0 });

    const shared = await makeClient(db, 'Fabrikam');
    await fileItem(db, shared.id, 'Shared soon');
    await shareClient(db, shared.id, t.fetchApp);
    const waiting = (await readSync(db)).pending;
    expect(waiting).toBe(await db.outbox.where('clientId').equals(shared.id).count());
    expect(waiting).toBeGreaterThan(0);
    expect(await syncAll(db, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    expect((await readSync(db)).pending).toBe(0);
    // Contoso's changes stay in the outbox, for the day it is shared
    expect(await db.outbox.where('clientId').equals(kept.id).count()).toBeGreaterThan(0);
  });

  it("a viewer's local edits are not pending and do not stop the pulls", async () => {
    const t = await team();
    const owner = await editorBrowser(t);
    const client = await makeClient(owner, 'Northwind Dental');
    const space = await shareClient(owner, client.id, t.fetchApp);
    await syncAll(owner, t.fetchApp);
    const viewer = freshDb();
    await connect(
      viewer,
      'http://docket.test',
      await invite(owner, space.id, 'viewer', t.fetchApp),
      'Coordinator',
      t.fetchApp,
    );
    expect(await syncAll(viewer, t.fetchApp)).toMatchObject({ state: 'synced' });
    // A viewer's edit is refused; one queued before (while this account was an editor, say) is never counted.
    await expect(fileItem(viewer, client.id, 'A note of my own')).rejects.toThrow(/can view .* but not change it/);
    await viewer.outbox.add({
      table: 'items',
      id: newId(),
      hlc: formatHlc({ ms: Date.now(), counter: 0, node: newId() }),
      changes: [{ field: 'title', value: 'A note of my own', base: null }],
      clientId: client.id,
    });
    expect((await readSync(viewer)).pending).toBe(0);

    await fileItem(owner, client.id, 'Acme renewal');
    await syncAll(owner, t.fetchApp);
    expect(await syncAll(viewer, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    expect((await viewer.items.toArray()).map((i) => i.title)).toContain('Acme renewal');
  });
});

describe('the server going down is noticed', () => {
  it('with nothing shared, a round still asks the server, so "Synced" means it answered', async () => {
    const t = await team();
    const db = freshDb();
    const code = (await t.call(`/v1/spaces/${t.space}/invites`, { role: 'editor', expiresInHours: 1 }, t.owner))
      .code as string;
    await connect(db, 'http://docket.test', code, 'Bob', t.fetchApp);
    await getConnection(db).then((c) => db.settings.put({ key: 'sync.connection', value: { ...c, spaces: [] } }));
    expect(await syncAll(db, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect(await syncAll(db, down)).toMatchObject({ state: 'offline', failures: 1 });
  });

  it('a server that stops answering counts as unreachable instead of holding the round open', async () => {
    // Like fetch: never answers, gives up when its signal aborts.
    const silent = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)));
    const transport = httpTransport('http://docket.test', 'token', silent, 50);
    const error = await transport.pull('space', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'offline', message: expect.stringMatching(/did not answer within/) });
  });

  it('keeps the last good round as "last synced" through failures', async () => {
    const t = await team();
    const db = await editorBrowser(t);
    const good = await syncAll(db, t.fetchApp, at('2026-12-04T16:42:05Z'));
    expect(good.lastSyncedAt).toBe('2026-12-04T16:42:05.000Z');
    const bad = await syncAll(db, down, at('2026-12-04T16:50:00Z'));
    expect(bad).toMatchObject({ state: 'offline', at: '2026-12-04T16:50:00.000Z', lastSyncedAt: good.lastSyncedAt });
    expect(bad.message).toMatch(/cannot be reached/);
  });
});
