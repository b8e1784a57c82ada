import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { backfillLedgers } from '../../../server/store/sqlite/ledger';
import { type SignedCheckpoint, verifyCheckpointSignature } from '../../../shared/ledger/checkpoint';
import { existingDeviceKey } from '../../../extension/ledger/device-key';
import type { DocketDB } from '../../../extension/store/db';
import { divergences } from '../../../extension/sync/checkpoints';
import { connect, getConnection, saveConnection } from '../../../extension/sync/connection';
import { keyChangedMessage, rewrittenMessage } from '../../../extension/sync/ledger-messages';
import { ledgerAlarms, pinnedKey, verifiedCheckpoints } from '../../../extension/sync/ledger-store';
import { fetchLedger } from '../../../extension/sync/log-export';
import { syncAll } from '../../../extension/sync/run';
import type { Fetch } from '../../../extension/sync/transport';
import { fileItem, freshDb, makeClient } from '../../support/store';
import { harness } from '../server/helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A real server (createApp) on an SQLite file, so that it can be stopped, its database edited as an operator with
 * access to it could, and started again; Dana owns the space "Acme Dental" and her browser holds its log.
 */
async function acmeDental() {
  const dir = mkdtempSync(join(tmpdir(), 'docket-ledger-'));
  dirs.push(dir);
  const file = join(dir, 'docket.sqlite');
  const start = () => {
    const made = harness({}, openSqliteStore(file));
    made.clock.now = Date.now(); // browsers stamp their changes with the real clock
    return made;
  };
  let h = start();
  const owner = await h.setUp('Dana Owner');
  const space = await h.createSpace(owner, 'Acme Dental');
  const calls: string[] = [];
  const fetchApp: Fetch = (url, init) => {
    const u = new URL(url);
    calls.push(`${init?.method ?? 'GET'} ${u.pathname}${u.search}`);
    return Promise.resolve(h.app.request(url, init));
  };
  /** The server stops, someone edits its database, and it starts again (its caches gone). */
  const restart = async (edit: (raw: Database.Database) => void) => {
    await h.store.close();
    const raw = new Database(file);
    try {
      edit(raw);
    } finally {
      raw.close();
    }
    h = start();
  };
  /** Rewrites the space's history in place: an item's title changed in the log, every hash and root recomputed. */
  const rewriteHistory = (raw: Database.Database) => {
    const { seq } = raw
      .prepare<[string], { seq: number }>(
        "SELECT seq FROM changes WHERE space_id = ? AND tbl = 'items' AND field = 'title' ORDER BY seq LIMIT 1",
      )
      .get(space)!;
    raw
      .prepare('UPDATE changes SET value = ? WHERE space_id = ? AND seq = ?')
      .run(JSON.stringify('Renew the firewall contract (approved at list price)'), space, seq);
    // The old checkpoints and co-signatures, the server's own witnesses of the old history, go too.
    raw.prepare('DELETE FROM cosignatures WHERE space_id = ?').run(space);
    raw.prepare('DELETE FROM checkpoints WHERE space_id = ?').run(space);
    backfillLedgers(raw);
  };

  const dana = freshDb();
  const client = await makeClient(dana, 'Acme Dental');
  await fileItem(dana, client.id, 'Renew the firewall contract');
  const user = (await h.call('GET', '/v1/me', { token: owner })).json.user as { id: string; name: string };
  await saveConnection(dana, {
    serverUrl: 'http://docket.test',
    token: owner,
    user,
    spaces: [{ id: space, name: 'Acme Dental', role: 'owner', clientId: client.id }],
  });

  /** A teammate's browser, joined by invite with this role. */
  async function member(name: string, role: 'editor' | 'viewer') {
    const db = freshDb();
    await connect(db, 'http://docket.test', await h.invite(owner, space, role), name, fetchApp);
    return db;
  }
  const serverCheckpoints = async () =>
    (await h.call('GET', `/v1/spaces/${space}/checkpoints?after=0&limit=1000`, { token: owner })).json
      .checkpoints as SignedCheckpoint[];
  const serverSeq = async () => (await h.call('GET', `/v1/spaces/${space}`, { token: owner })).json.serverSeq as number;

  return {
    get h() {
      return h;
    },
    space,
    client,
    dana,
    calls,
    fetchApp,
    restart,
    rewriteHistory,
    member,
    serverCheckpoints,
    serverSeq,
  };
}

const cosignPosts = (calls: string[]) => calls.filter((c) => /^POST .*\/cosignatures$/.test(c));

/** The device's own co-signature on this checkpoint, checked with its public key. */
async function cosignedBy(db: DocketDB, cp: SignedCheckpoint): Promise<boolean> {
  const key = (await existingDeviceKey(db))!;
  const mine = cp.cosignatures.find((c) => c.keyId === key.keyId);
  return !!mine && verifyCheckpointSignature(cp, mine, key.publicKey);
}

describe('the server log’s checkpoints, on each sync', () => {
  it('pins the server’s key, keeps each verified checkpoint and co-signs the newest once', async () => {
    const t = await acmeDental();
    expect(await syncAll(t.dana, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });

    const published = (await t.h.call('GET', '/v1/server-key')).json;
    expect(await pinnedKey(t.dana, 'http://docket.test')).toMatchObject({
      algorithm: 'Ed25519',
      keyId: published.keyId,
      publicKey: published.publicKey,
    });
    // The client, its item, its capture and this browser's device record went up; the checkpoint covers them all.
    const size = await t.serverSeq();
    const kept = await verifiedCheckpoints(t.dana, t.space);
    expect(kept.at(-1)).toMatchObject({ space: t.space, size, cosignedAt: expect.any(String) });
    expect(await t.dana.devices.count()).toBe(1);

    // The server's list shows Dana's co-signature, which checks with her browser's key.
    const listed = (await t.serverCheckpoints()).find((cp) => cp.size === size)!;
    expect(listed.root).toBe(kept.at(-1)!.root);
    expect(await cosignedBy(t.dana, listed)).toBe(true);
    expect(cosignPosts(t.calls)).toHaveLength(1);

    // Nothing new: nothing signed again, and the key is not fetched again.
    t.calls.length = 0;
    expect(await syncAll(t.dana, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect(cosignPosts(t.calls)).toEqual([]);
    expect(t.calls.filter((c) => c.startsWith('GET /v1/server-key'))).toEqual([]);
  });

  it('checks that each new checkpoint extends the last one seen, by the server’s consistency proof', async () => {
    const t = await acmeDental();
    await syncAll(t.dana, t.fetchApp);
    const first = (await verifiedCheckpoints(t.dana, t.space)).at(-1)!;

    const carol = await t.member('Carol Editor', 'editor');
    expect(await syncAll(carol, t.fetchApp)).toMatchObject({ state: 'synced' });
    // Her first round found the client; the second registers her browser and co-signs.
    expect(await syncAll(carol, t.fetchApp)).toMatchObject({ state: 'synced' });
    await fileItem(carol, t.client.id, 'Quote from the MSP');
    expect(await syncAll(carol, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });

    t.calls.length = 0;
    expect(await syncAll(t.dana, t.fetchApp)).toMatchObject({ state: 'synced' });
    const size = await t.serverSeq();
    expect(t.calls).toContain(`GET /v1/spaces/${t.space}/log/consistency?from=${first.size}&to=${size}`);
    expect(await t.dana.items.count()).toBe(2);
    const kept = await verifiedCheckpoints(t.dana, t.space);
    expect(kept.map((cp) => cp.size)).toEqual([first.size, size]);

    // Both browsers co-signed the newest checkpoint.
    const listed = (await t.serverCheckpoints()).find((cp) => cp.size === size)!;
    expect(await cosignedBy(t.dana, listed)).toBe(true);
    expect(await cosignedBy(carol, listed)).toBe(true);
    expect(listed.cosignatures).toHaveLength(2);
    expect(divergences(kept, await verifiedCheckpoints(carol, t.space))).toEqual([]);
  });

  it('a viewer verifies and keeps checkpoints but co-signs none (its device record cannot be pushed)', async () => {
    const t = await acmeDental();
    await syncAll(t.dana, t.fetchApp);
    const vic = await t.member('Vic Viewer', 'viewer');
    t.calls.length = 0;
    expect(await syncAll(vic, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect(await syncAll(vic, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect((await verifiedCheckpoints(vic, t.space)).at(-1)!.size).toBe(await t.serverSeq());
    expect(cosignPosts(t.calls)).toEqual([]);
    expect(await vic.devices.count()).toBe(1); // Dana's, pulled
  });
});

describe('a server that rewrites history', () => {
  it('is caught by the browser that saw the old one: sync of the client stops, with the evidence, and nothing is co-signed', async () => {
    const t = await acmeDental();
    await syncAll(t.dana, t.fetchApp);
    const seen = (await verifiedCheckpoints(t.dana, t.space)).at(-1)!;

    await t.restart(t.rewriteHistory);
    // Carol joins afterwards and sees only the rewritten history: to her it checks, and she co-signs it.
    const carol = await t.member('Carol Editor', 'editor');
    await syncAll(carol, t.fetchApp);
    await syncAll(carol, t.fetchApp);
    await fileItem(carol, t.client.id, 'Quote from the MSP');
    expect(await syncAll(carol, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    const size = await t.serverSeq();

    t.calls.length = 0;
    const status = await syncAll(t.dana, t.fetchApp);
    const message = rewrittenMessage('Acme Dental', seen.size);
    expect(message).toMatch(
      /^The server's history for Acme Dental no longer contains what this browser saw at \d+ changes: someone rewrote it\. Sync is stopped for this client; export the evidence pack and contact your administrator\.$/,
    );
    expect(status).toMatchObject({ state: 'error', message, failures: 0 });
    expect(t.calls).toContain(`GET /v1/spaces/${t.space}/log/consistency?from=${seen.size}&to=${size}`);
    // The page that brought the checkpoint was not applied, and Dana's browser co-signed nothing of the new log.
    expect(await t.dana.items.count()).toBe(1);
    expect(cosignPosts(t.calls)).toEqual([]);
    const key = (await existingDeviceKey(t.dana))!;
    for (const cp of await t.serverCheckpoints()) expect(cp.cosignatures.map((c) => c.keyId)).not.toContain(key.keyId);
    // Both checkpoints kept, with the proof that failed.
    const [alarm] = await ledgerAlarms(t.dana);
    expect(alarm).toMatchObject({
      kind: 'rewritten',
      space: t.space,
      clientId: t.client.id,
      evidence: { seen: { size: seen.size, root: seen.root }, presented: { size } },
    });
    expect(alarm!.evidence.proof!.length).toBeGreaterThan(0);

    // From then on nothing goes up or comes down for that client, and the status keeps saying why.
    await fileItem(t.dana, t.client.id, 'Written after the alarm');
    t.calls.length = 0;
    expect(await syncAll(t.dana, t.fetchApp)).toMatchObject({ state: 'error', message });
    expect(t.calls.filter((c) => c.includes(`/spaces/${t.space}/`))).toEqual([]);
    expect(await t.dana.outbox.count()).toBeGreaterThan(0);

    // The two browsers' checkpoints show two histories at the size Dana saw; the pack holds both.
    const carols = await verifiedCheckpoints(carol, t.space);
    expect(carols.some((cp) => cp.size === seen.size && cp.root !== seen.root)).toBe(true);
    expect(divergences(await verifiedCheckpoints(t.dana, t.space), carols)).toEqual([
      expect.stringMatching(new RegExp(`^the log of ${t.space} at ${seen.size} changes has two different histories`)),
    ]);
    const pack = (await fetchLedger(t.dana, t.client.id, t.fetchApp))!;
    expect(pack.leaves).toHaveLength(size);
    expect(pack.checkpoints.filter((cp) => cp.size === seen.size).map((cp) => cp.root)).toEqual(
      expect.arrayContaining([seen.root, carols.find((cp) => cp.size === seen.size)!.root]),
    );
  });

  it('shown at the same size with another root, is a fork', async () => {
    const t = await acmeDental();
    await syncAll(t.dana, t.fetchApp);
    const seen = (await verifiedCheckpoints(t.dana, t.space)).at(-1)!;
    await t.restart(t.rewriteHistory);
    const status = await syncAll(t.dana, t.fetchApp);
    expect(status).toMatchObject({ state: 'error', message: rewrittenMessage('Acme Dental', seen.size) });
    const [alarm] = await ledgerAlarms(t.dana);
    expect(alarm).toMatchObject({
      kind: 'forked',
      evidence: { seen: { root: seen.root }, presented: { size: seen.size } },
    });
    expect(alarm!.reason).toMatch(/has two different histories/);
    expect(alarm!.evidence.presented!.root).not.toBe(seen.root);
  });
});

describe('the server’s signing key', () => {
  it('a different key later stops sync with that server', async () => {
    const t = await acmeDental();
    await syncAll(t.dana, t.fetchApp);
    const pinned = (await pinnedKey(t.dana, 'http://docket.test'))!;
    // The server loses its key (a restore without it, another server at the same address): it makes a new one.
    await t.restart((raw) => raw.prepare('DELETE FROM server_key').run());
    expect((await t.h.call('GET', '/v1/server-key')).json.keyId).not.toBe(pinned.keyId);
    // Carol, who pins the new key, cannot check the checkpoint still signed by the old one: she neither keeps nor
    // co-signs it, and checks the next one.
    const carol = await t.member('Carol Editor', 'editor');
    expect(await syncAll(carol, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect(await verifiedCheckpoints(carol, t.space)).toEqual([]);
    await fileItem(carol, t.client.id, 'Quote from the MSP');
    expect(await syncAll(carol, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    expect((await verifiedCheckpoints(carol, t.space)).at(-1)!.size).toBe(await t.serverSeq());

    const status = await syncAll(t.dana, t.fetchApp);
    expect(status).toMatchObject({ state: 'error', message: keyChangedMessage('http://docket.test', pinned.pinnedAt) });
    expect(status.message).toMatch(
      /^The server's signing key changed since this browser first saw it \(on \d+ \w+ \d{4}\): .* Sync with docket\.test is stopped; export the evidence pack and contact your administrator\.$/,
    );
    expect(await pinnedKey(t.dana, 'http://docket.test')).toEqual(pinned); // never replaced by the new one
    expect(await t.dana.items.count()).toBe(1);
    expect((await ledgerAlarms(t.dana))[0]).toMatchObject({ kind: 'key-changed', space: null });
  });

  it('a checkpoint whose signature does not check is refused before its page is applied', async () => {
    const t = await acmeDental();
    await syncAll(t.dana, t.fetchApp);
    const carol = await t.member('Carol Editor', 'editor');
    await syncAll(carol, t.fetchApp);
    await fileItem(carol, t.client.id, 'Quote from the MSP');
    await syncAll(carol, t.fetchApp);
    // Someone on the way changes the root of the checkpoints pull answers carry.
    const tampering: Fetch = async (url, init) => {
      const res = await t.fetchApp(url, init);
      if (!new URL(url).pathname.endsWith('/pull')) return res;
      const body = (await res.json()) as { checkpoint?: SignedCheckpoint };
      if (body.checkpoint) body.checkpoint.root = 'f'.repeat(64);
      return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
    };
    const status = await syncAll(t.dana, tampering);
    expect(status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(
        /^The server's statement of Acme Dental's history does not carry its valid signature/,
      ),
    });
    expect(await t.dana.items.count()).toBe(1);
    expect((await ledgerAlarms(t.dana))[0]).toMatchObject({ kind: 'bad-signature' });
    expect((await getConnection(t.dana))!.spaces[0]!.ended).toBeUndefined();
  });
});
