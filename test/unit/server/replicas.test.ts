import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS } from '../../../server/store/sqlite/schema';
import { change, harness, hlc, pushBody } from './helpers';

/** A space with an owner (Dana) and an editor (Sam). */
async function team() {
  const h = harness();
  const dana = await h.setUp();
  const space = await h.createSpace(dana);
  const sam = await h.join(dana, space, 'editor', 'Sam');
  const title = async () =>
    (await h.call('GET', `/v1/spaces/${space}/snapshot`, { token: dana })).json.records[0]?.fields.title;
  return { h, dana, sam, space, title };
}

describe('replicas belong to a user', () => {
  it('a replica first pushed by one user is 403 replica-not-yours for another, even as a retry, in any space', async () => {
    const { h, dana, sam, space, title } = await team();
    expect((await h.push(dana, space, pushBody([change()], 1, 'replica-a'))).status).toBe(200);
    const before = await h.store.counts();
    const forged = change({ value: 'Sam wrote this as Dana', hlc: hlc(10, 'replica-a'), base: hlc(0, 'replica-a') });
    for (const seq of [1, 2]) {
      const res = await h.push(sam, space, pushBody([forged], seq, 'replica-a'));
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: 'replica-not-yours', message: expect.stringContaining('replica-a') });
    }
    // The binding is server-wide: in another space Sam cannot push as Dana's replica either.
    const other = await h.createSpace(dana, 'Beta');
    const code = await h.invite(dana, other, 'editor');
    expect((await h.call('POST', `/v1/invites/${code}/accept`, { token: sam, body: {} })).status).toBe(200);
    const elsewhere = await h.push(sam, other, pushBody([forged], 1, 'replica-a'));
    expect(elsewhere.json.error).toBe('replica-not-yours');
    expect(await h.store.counts()).toMatchObject({ changes: before.changes, acks: before.acks, replicas: 1 });
    expect(await title()).toMatchObject({ value: 'Renew the firewall contract', hlc: hlc(0, 'replica-a') });
    // Its owner keeps using it; the other user pushes from a replica of their own.
    expect((await h.push(dana, space, pushBody([change({ hlc: hlc(20) })], 2, 'replica-a'))).status).toBe(200);
    expect((await h.push(sam, space, pushBody([change({ hlc: hlc(30, 'replica-s') })], 1, 'replica-s'))).status).toBe(
      200,
    );
    expect(await h.store.claimReplica('replica-s', 'someone-else', '2026-11-26T15:00:00.000Z')).toBe(false);
  });

  it("every change's stamp carries the push's replica id, else 400 bad-stamp naming the change", async () => {
    const { h, dana, sam, space, title } = await team();
    await h.push(dana, space, pushBody([change()], 1, 'replica-a'));
    const before = await h.store.counts();
    // Sam stamps a change as Dana's replica inside a push from his own.
    const res = await h.push(
      sam,
      space,
      pushBody(
        [change({ id: 'item-2', hlc: hlc(1, 'replica-s') }), change({ hlc: hlc(5, 'replica-a') })],
        1,
        'replica-s',
      ),
    );
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('bad-stamp');
    expect(res.json.message).toMatch(/^change 1: .*replica-a.*replica-s/);
    expect(await h.store.counts()).toEqual(before);
    expect((await title()).hlc).toBe(hlc(0, 'replica-a'));
    // A base stamped by another replica is fine: it is what the writer had seen.
    const ok = await h.push(
      sam,
      space,
      pushBody([change({ hlc: hlc(5, 'replica-s'), base: hlc(0, 'replica-a') })], 1, 'replica-s'),
    );
    expect(ok.status, ok.text).toBe(200);
  });

  it('a replica pushed before the upgrade stays with whoever pushed it first (the migration keeps the data)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-replicas-'));
    try {
      // A data dir as the server left it just before replicas were bound, with one replica pushed by two people.
      const file = join(dir, 'docket.sqlite');
      const before = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE replicas'));
      const db = new Database(file);
      for (const sql of MIGRATIONS.slice(0, before)) db.exec(sql);
      db.exec(`
        CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (${before});
        INSERT INTO users (id, name, created_at) VALUES ('u-dana', 'Dana', '2026-11-26T14:00:00.000Z'),
          ('u-sam', 'Sam', '2026-11-26T14:00:00.000Z');
        INSERT INTO spaces (id, name, created_at) VALUES ('s-acme', 'Acme', '2026-11-26T14:00:00.000Z');
        INSERT INTO acks (space_id, replica_id, author_id, seq, server_seq, conflicts, received_at) VALUES
          ('s-acme', 'replica-a', 'u-sam', 1, 2, 0, '2026-11-26T14:02:00.000Z'),
          ('s-acme', 'replica-a', 'u-dana', 1, 1, 0, '2026-11-26T14:01:00.000Z'),
          ('s-acme', 'replica-s', 'u-sam', 1, 3, 0, '2026-11-26T14:03:00.000Z');
      `);
      db.close();
      const upgraded = openSqliteStore(file);
      expect(await upgraded.counts()).toMatchObject({ acks: 3, replicas: 2 });
      const at = '2026-11-26T15:00:00.000Z';
      expect(await upgraded.claimReplica('replica-a', 'u-sam', at)).toBe(false);
      expect(await upgraded.claimReplica('replica-a', 'u-dana', at)).toBe(true);
      expect(await upgraded.claimReplica('replica-s', 'u-sam', at)).toBe(true);
      await upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the tie rule: equal stamps', () => {
  it('same time and counter from two replicas: the greater replica id wins, whatever order they arrive in', async () => {
    for (const order of ['dana first', 'sam first']) {
      const { h, dana, sam, space, title } = await team();
      const fromDana = () =>
        h.push(dana, space, pushBody([change({ value: 'Dana', hlc: hlc(0, 'replica-a') })], 1, 'replica-a'));
      const fromSam = () =>
        h.push(sam, space, pushBody([change({ value: 'Sam', hlc: hlc(0, 'replica-b') })], 1, 'replica-b'));
      if (order === 'dana first') await fromDana().then(fromSam);
      else await fromSam().then(fromDana);
      expect(await title(), order).toMatchObject({ value: 'Sam', hlc: hlc(0, 'replica-b') });
      expect((await h.store.listConflicts(space)).map((c) => [c.winner.value, c.lost.value])).toEqual([
        ['Sam', 'Dana'],
      ]);
    }
  });

  it('the same whole stamp again: the same value is a no-op; another value (a broken replica) wins only if its canonical JSON is greater', async () => {
    const { h, dana, space, title } = await team();
    await h.push(dana, space, pushBody([change({ value: 'B' })], 1));
    const again = await h.push(dana, space, pushBody([change({ value: 'B' })], 2));
    expect(again.json).toMatchObject({ ackedSeq: 2, conflicts: 0 });
    await h.push(dana, space, pushBody([change({ value: 'A' })], 3));
    expect((await title()).value).toBe('B');
    await h.push(dana, space, pushBody([change({ value: 'C' })], 4));
    expect((await title()).value).toBe('C');
  });
});

describe('batch numbers', () => {
  const body = (seq: number, value: string, replica = 'replica-a') =>
    pushBody([change({ value, hlc: hlc(seq, replica) })], seq, replica);

  it('may skip numbers: a gap is accepted and applied', async () => {
    const { h, dana, space, title } = await team();
    expect((await h.push(dana, space, body(1, 'one'))).json).toMatchObject({ ackedSeq: 1 });
    expect((await h.push(dana, space, body(5, 'five'))).json).toMatchObject({ ackedSeq: 5, serverSeq: 2 });
    expect((await title()).value).toBe('five');
  });

  it('a number at or below the last acked one is a retry: nothing is applied and an earlier ack comes back', async () => {
    const { h, dana, space, title } = await team();
    const first = (await h.push(dana, space, body(1, 'one'))).json;
    const fifth = (await h.push(dana, space, body(5, 'five'))).json;
    const before = await h.store.counts();
    // The same number with other content: acked as before, not applied.
    expect((await h.push(dana, space, body(5, 'other five'))).json).toEqual(fifth);
    // A lower number that was acked: its own ack (and the log's checkpoint now, unchanged).
    expect((await h.push(dana, space, body(1, 'other one'))).json).toEqual({ ...first, checkpoint: fifth.checkpoint });
    // A lower number that never was (skipped by the gap): the last ack, naming the higher batch.
    expect((await h.push(dana, space, body(3, 'three'))).json).toEqual(fifth);
    expect(await h.store.counts()).toEqual(before);
    expect((await title()).value).toBe('five');
  });

  it('count per space, replica and user; must be positive integers', async () => {
    const { h, dana, sam, space } = await team();
    await h.push(dana, space, body(7, 'seven'));
    const other = await h.createSpace(dana, 'Beta');
    expect((await h.push(dana, other, body(1, 'one'))).json).toMatchObject({ ackedSeq: 1, serverSeq: 1 });
    expect((await h.push(sam, space, body(1, 'one', 'replica-s'))).json).toMatchObject({ ackedSeq: 1 });
    for (const seq of [0, -1, 1.5, '2']) {
      const res = await h.push(dana, space, { ...body(8, 'x'), seq });
      expect(res.json.error).toBe('bad-request');
      expect(res.json.message).toMatch(/^seq: /);
    }
  });
});
