import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS } from '../../../server/store/sqlite/schema';
import type { SyncStore } from '../../../server/store/types';
import { formatBytes, QUOTA_DEFAULTS } from '../../../server/sync/quota';
import { ERROR_STATUS } from '../../../shared/sync/protocol';
import { ackOf, change, harness, hlc, pushBody } from './helpers';

/** A signed-in owner of one space on a server with the given quotas, and the pokes the space sent. */
async function space(overrides: Parameters<typeof harness>[0] = {}, store?: SyncStore) {
  const h = harness(overrides, store);
  const owner = await h.setUp();
  const id = await h.createSpace(owner);
  const poked: number[] = [];
  h.pokes.subscribe(id, { poke: (seq) => poked.push(seq), close: () => {} });
  const records = async () =>
    (await h.call('GET', `/v1/spaces/${id}/snapshot?limit=1000`, { token: owner })).json.records as unknown[];
  return { h, owner, space: id, poked, records };
}

/** New items item-<from>…item-<from + n - 1>, one field each, stamped after `at` ms. */
const items = (from: number, n: number, at = 0) =>
  Array.from({ length: n }, (_, i) => change({ id: `item-${from + i}`, value: `Item ${from + i}`, hlc: hlc(at + i) }));

describe('the records quota (--max-records-per-space)', () => {
  it('refuses a push that would take the space over, whole, with 413 quota-exceeded naming the limit and the use', async () => {
    const { h, owner, space: s, poked, records } = await space({ maxRecordsPerSpace: 3 });
    expect((await h.push(owner, s, pushBody(items(1, 2), 1))).status).toBe(200);
    const before = await h.store.counts();
    const shown = await records();

    // Two new records and an edit of an existing one: one record too many, so none of it is applied.
    const over = [...items(3, 2, 10), change({ id: 'item-1', value: 'Edited', hlc: hlc(20) })];
    const res = await h.push(owner, s, pushBody(over, 2));
    expect(res.status).toBe(413);
    expect(res.json.error).toBe('quota-exceeded');
    expect(res.json.message).toMatch(
      /^This space holds 2 records of its limit of 3 \(--max-records-per-space\); this push would add 2 more, 1 too many\. Nothing of this push was applied/,
    );
    expect(await h.store.counts()).toEqual(before);
    expect(await records()).toEqual(shown);
    expect((await h.store.lastAck(s, 'replica-a', (await h.store.listUsers())[0]!.id))?.ackedSeq).toBe(1);
    expect((await h.store.spaceUsage(s)).records).toBe(2);
    expect(poked).toEqual([2]);

    // Exactly up to the limit is fine; past it, the message says the space is at its limit.
    expect((await h.push(owner, s, pushBody(items(3, 1, 30), 3))).status).toBe(200);
    const full = await h.push(owner, s, pushBody(items(4, 1, 40), 4));
    expect(full.status).toBe(413);
    expect(full.json.message).toMatch(
      /^This space holds 3 records, its limit \(--max-records-per-space 3\); this push would add 1 more\./,
    );
    expect(full.json.message).toMatch(/raise the limit/);
  });

  it('still takes edits and deletes of existing records at the limit (they add no record)', async () => {
    const { h, owner, space: s } = await space({ maxRecordsPerSpace: 2 });
    expect((await h.push(owner, s, pushBody(items(1, 2), 1))).status).toBe(200);
    const edit = change({ id: 'item-1', value: 'Renamed', hlc: hlc(10), base: hlc(0) });
    const del = change({ id: 'item-2', field: '_deleted', value: true, hlc: hlc(11) });
    expect((await h.push(owner, s, pushBody([edit, del], 2))).status).toBe(200);
    // A deleted record is kept (its tombstone), so it still counts: deleting makes no room.
    expect((await h.store.spaceUsage(s)).records).toBe(2);
    const res = await h.push(owner, s, pushBody(items(3, 1, 20), 3));
    expect(res.json.error).toBe('quota-exceeded');
    expect(res.json.message).toMatch(/Deleting records does not make room/);
  });

  it('counts per space: a full space does not stop another', async () => {
    const { h, owner, space: s } = await space({ maxRecordsPerSpace: 1 });
    const other = await h.createSpace(owner, 'Beta');
    expect((await h.push(owner, s, pushBody(items(1, 1), 1))).status).toBe(200);
    expect((await h.push(owner, s, pushBody(items(2, 1, 5), 2))).status).toBe(413);
    expect((await h.push(owner, other, pushBody(items(1, 1), 1))).status).toBe(200);
    expect((await h.store.spaceUsage(other)).records).toBe(1);
  });

  it('0 means no limit', async () => {
    const { h, owner, space: s } = await space({ maxRecordsPerSpace: 0, maxBytesPerSpace: 0 });
    expect((await h.push(owner, s, pushBody(items(1, 1000), 1))).status).toBe(200);
    expect((await h.store.spaceUsage(s)).records).toBe(1000);
  });
});

describe('the bytes quota (--max-bytes-per-space)', () => {
  it('refuses a push whose records would take more bytes than the limit, and names the limit and the use', async () => {
    const { h, owner, space: s, records } = await space({ maxBytesPerSpace: 1024 });
    expect((await h.push(owner, s, pushBody([change({ field: 'notes', value: 'x'.repeat(500) })], 1))).status).toBe(
      200,
    );
    const used = (await h.store.spaceUsage(s)).bytes;
    expect(used).toBeGreaterThan(500);
    const shown = await records();
    const before = await h.store.counts();

    const big = change({ id: 'item-2', field: 'notes', value: 'y'.repeat(600), hlc: hlc(5) });
    const res = await h.push(owner, s, pushBody([big], 2));
    expect(res.status).toBe(413);
    expect(res.json.error).toBe('quota-exceeded');
    expect(res.json.message).toContain(
      `This space stores ${formatBytes(used)} (${used} bytes) of records, and its limit is 1 KiB (--max-bytes-per-space 1024); this push would add `,
    );
    expect(await h.store.counts()).toEqual(before);
    expect(await records()).toEqual(shown);
    expect((await h.store.spaceUsage(s)).bytes).toBe(used);
  });

  it('lets a space over a lowered limit shrink, but not grow', async () => {
    const store = openSqliteStore(':memory:');
    const roomy = await space({}, store);
    const note = (value: string, ms: number, seq: number, base: string | null = null) =>
      pushBody([change({ field: 'notes', value, hlc: hlc(ms), base })], seq);
    expect((await roomy.h.push(roomy.owner, roomy.space, note('z'.repeat(2000), 0, 1))).status).toBe(200);
    // The operator lowers the limit below what the space holds: a new app on the same data.
    const tight = harness({ maxBytesPerSpace: 1000 }, store);
    const shrink = await tight.push(roomy.owner, roomy.space, note('short now', 10, 2, hlc(0)));
    expect(shrink.status).toBe(200);
    const grow = await tight.push(roomy.owner, roomy.space, note('z'.repeat(1500), 20, 3, hlc(10)));
    expect(grow.json.error).toBe('quota-exceeded');
  });
});

describe('idempotency beats quota', () => {
  it('acks a retry of an applied batch even when the space is full, or its limit was lowered since', async () => {
    const store = openSqliteStore(':memory:');
    const { h, owner, space: s } = await space({ maxRecordsPerSpace: 2 }, store);
    const batch = pushBody(items(1, 2), 1);
    const ack = await h.push(owner, s, batch);
    expect(ackOf(ack.json)).toEqual({ ackedSeq: 1, serverSeq: 2, conflicts: 0 });
    expect((await h.push(owner, s, pushBody(items(3, 1, 10), 2))).status).toBe(413);
    const again = await h.push(owner, s, batch);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(ack.json);
    const lowered = harness({ maxRecordsPerSpace: 1, maxBytesPerSpace: 10 }, store);
    const retried = await lowered.push(owner, s, batch);
    expect(retried.status).toBe(200);
    expect(retried.json).toEqual(ack.json);
  });
});

describe('the running total', () => {
  it('is the count and the UTF-8 size of the stored records, through creates, edits, conflicts and deletes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-quota-'));
    const file = join(dir, 'docket.sqlite');
    const store = openSqliteStore(file);
    try {
      const { h, owner, space: s } = await space({}, store);
      const other = await h.createSpace(owner, 'Beta');
      await h.push(owner, s, pushBody([change({ value: 'Café ☕ 🚀' }), ...items(2, 3, 1)], 1));
      await h.push(owner, other, pushBody(items(1, 2), 1));
      // an edit, a concurrent edit that loses, a longer value, a delete
      await h.push(owner, s, pushBody([change({ value: 'Renamed', hlc: hlc(10), base: hlc(0) })], 2));
      await h.push(owner, s, pushBody([change({ value: 'Lost', hlc: hlc(5), base: null })], 3));
      await h.push(
        owner,
        s,
        pushBody([change({ id: 'item-2', field: 'notes', value: 'ü'.repeat(300), hlc: hlc(11) })], 4),
      );
      await h.push(owner, s, pushBody([change({ id: 'item-3', field: '_deleted', value: true, hlc: hlc(12) })], 5));

      const db = new Database(file, { readonly: true });
      const scan = db.prepare<[string], { records: number; bytes: number }>(
        'SELECT COUNT(*) AS records, COALESCE(SUM(LENGTH(CAST(fields AS BLOB))), 0) AS bytes FROM records WHERE space_id = ?',
      );
      const js = db
        .prepare<[string], { fields: string }>('SELECT fields FROM records WHERE space_id = ?')
        .all(s)
        .reduce((sum, r) => sum + Buffer.byteLength(r.fields), 0);
      expect(await h.store.spaceUsage(s)).toEqual(scan.get(s));
      expect(await h.store.spaceUsage(s)).toEqual({ records: 4, bytes: js });
      expect(await h.store.spaceUsage(other)).toEqual(scan.get(other));
      expect(await h.store.spaceUsage('no-such-space')).toEqual({ records: 0, bytes: 0 });
      db.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('upgrading a data dir to quotas', () => {
  it('counts the records and bytes of the spaces that exist, and keeps everything else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migrate-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
      old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (4);');
      const then = '2025-01-01T00:00:00.000Z';
      old.prepare('INSERT INTO spaces VALUES (?, ?, ?)').run('s1', 'Acme', then);
      old.prepare('INSERT INTO spaces VALUES (?, ?, ?)').run('s2', 'Empty', then);
      const fields = [
        JSON.stringify({ title: { value: 'Café ☕', hlc: hlc(0), replicaId: 'replica-a' } }),
        JSON.stringify({ title: { value: 'Plain', hlc: hlc(1), replicaId: 'replica-a' } }),
      ];
      const insert = old.prepare('INSERT INTO records VALUES (?, ?, ?, ?)');
      insert.run('s1', 'items', 'item-1', fields[0]);
      insert.run('s1', 'items', 'item-2', fields[1]);
      old.close();

      const store = openSqliteStore(file);
      const bytes = fields.reduce((sum, f) => sum + Buffer.byteLength(f), 0);
      expect(bytes).toBeGreaterThan(fields.join('').length); // multi-byte characters count as their bytes
      expect(await store.spaceUsage('s1')).toEqual({ records: 2, bytes });
      expect(await store.spaceUsage('s2')).toEqual({ records: 0, bytes: 0 });
      expect((await store.readRecords('s1', null, 10)).map((r) => r.id)).toEqual(['item-1', 'item-2']);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('quota settings', () => {
  it('default to 200,000 records and 1 GiB per space; flags and environment set them; 0 is allowed, negatives are not', () => {
    expect(QUOTA_DEFAULTS).toEqual({ maxRecordsPerSpace: 200_000, maxBytesPerSpace: 1024 ** 3 });
    expect(loadConfig([], {})).toMatchObject(QUOTA_DEFAULTS);
    const env = { DOCKET_MAX_RECORDS_PER_SPACE: '5000', DOCKET_MAX_BYTES_PER_SPACE: '0' };
    expect(loadConfig([], env)).toMatchObject({ maxRecordsPerSpace: 5000, maxBytesPerSpace: 0 });
    expect(loadConfig(['--max-bytes-per-space', '1048576'], env).maxBytesPerSpace).toBe(1048576);
    expect(() => loadConfig(['--max-records-per-space', '-1'], {})).toThrow(/--max-records-per-space/);
  });

  it('quota-exceeded is a 413', () => {
    expect(ERROR_STATUS['quota-exceeded']).toBe(413);
  });

  it('sizes read as people read them', () => {
    expect([0, 812, 1024, 3482, 1_073_741_824, 1_073_700_000].map(formatBytes)).toEqual([
      '0 bytes',
      '812 bytes',
      '1 KiB',
      '3.4 KiB',
      '1 GiB',
      '1,024 MiB',
    ]);
  });
});
