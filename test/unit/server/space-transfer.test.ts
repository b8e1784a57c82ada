import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { readSpaceFile } from '../../../server/admin/space-file';
import { BLOB_COLUMNS, columnsOf, LEFT_BEHIND, SPACE_ROWS, type SpaceRows } from '../../../server/store/transfer';
import { openSqliteStore } from '../../../server/store/sqlite';
import type { SyncStore } from '../../../server/store/types';
import { deviceRecordId } from '../../../shared/domain/device';
import { fromHex, toHex } from '../../../shared/ledger/bytes';
import { signCheckpoint } from '../../../shared/ledger/checkpoint';
import { generateSigningKey, keyIdOf } from '../../../shared/ledger/ed25519';
import { verifyConsistency } from '../../../shared/ledger/merkle';
import { ackOf, change, type Harness, harness, hlc, pushBody } from './helpers';
import { buildSpace, viewSpace } from './space-fixture';

/*
 * Moving a space between SQLite stores with the admin command line (`spaces export` / `spaces import`, through a
 * file): what every client sees of it is the same after, the log continues with no gap, and a refused import
 * writes nothing. SQLite to PostgreSQL: test/unit/postgres/space-transfer.test.ts.
 */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'docket-transfer-'));
  dirs.push(dir);
  return dir;
};

async function admin(store: SyncStore, args: string[], now: number) {
  const lines: string[] = [];
  const code = await runAdmin(store, args, (line) => lines.push(line), new Date(now));
  return { code, out: lines.join('\n') };
}

/** A populated source, its space exported to a file, and a fresh target. */
async function moved() {
  const source = harness();
  const f = await buildSpace(source);
  const file = join(tempDir(), 'acme.docket-space');
  const exported = await admin(source.store, ['spaces', 'export', f.space, file], source.clock.now);
  expect(exported).toMatchObject({ code: 0 });
  const target = harness({}, openSqliteStore(':memory:'));
  target.clock.now = source.clock.now;
  return { source, target, f, file };
}
/** What must not move when an import is refused. */
const state = async (store: SyncStore) => ({
  counts: await store.counts(),
  spaces: await store.listSpaces(),
  users: await store.listUsers(),
});

describe('moving a space between SQLite stores', () => {
  it('lists spaces with their members, records and changes', async () => {
    const { source, f } = await moved();
    const list = await admin(source.store, ['spaces', 'list'], source.clock.now);
    expect(list.code).toBe(0);
    expect(list.out).toContain(
      `${f.space}  Acme Manufacturing  created 2026-11-26T14:00:00.000Z  3 members  3 records  7 changes`,
    );
    expect(list.out).toContain(
      `${f.other}  Beta Logistics  created 2026-11-26T14:00:00.000Z  1 member  1 record  1 change`,
    );
  });

  it('imports a space so that every client sees the same, then continues its log with no gap', async () => {
    const { source, target, f, file } = await moved();
    const imported = await admin(target.store, ['spaces', 'import', file], target.clock.now);
    expect(imported.out).toMatch(
      /imported: 7 changes, 3 records, 3 members, 4 people and their 5 tokens, 2 attachments; the next change is seq 8/,
    );
    expect(imported.code).toBe(0);
    // Only Acme came: the space the owner also has stays behind.
    expect((await target.store.listSpaces()).map((s) => s.id)).toEqual([f.space]);
    const before = await viewSpace(harness({}, source.store), f);
    const after = await viewSpace(harness({}, target.store), f);
    expect(after).toEqual(before);
    expect(before.store.conflicts).toHaveLength(1);
    expect(before.pull.length).toBeGreaterThan(2);
    expect(before.people.lee).toMatchObject({ space: { status: 403, body: { error: 'removed' } } });
    expect(before.people.laptop).toMatchObject({ space: { status: 401, body: { error: 'token-revoked' } } });
    // Attachments come byte for byte with their types; Beta's stays behind.
    expect(before.blobs.map((b) => [b.status, b.type])).toEqual([
      [200, 'image/jpeg'],
      [200, 'image/png'],
      [404, 'application/json'],
    ]);
    expect(before.missing).toEqual({ missing: [f.betaBlob] });
    expect(before.store.blobs).toEqual({ blobs: 2, bytes: 73_000 });

    // A retried batch gets its first ack; a new one the next seq, as it would have on the source.
    expect(ackOf((await target.push(f.tokens.sam, f.space, f.samBatch)).json)).toEqual(ackOf(f.samAck));
    const batch = pushBody([change({ value: 'Moved', hlc: hlc(300_000), base: hlc(62_000, 'replica-s') })], 3);
    const next = await target.push(f.tokens.dana, f.space, batch);
    expect(ackOf(next.json)).toEqual({ ackedSeq: 3, serverSeq: 8, conflicts: 0 });
    const there = await source.push(f.tokens.dana, f.space, batch);
    expect(ackOf(there.json)).toEqual(ackOf(next.json));
    // The log hashes the same on both servers: the same root at 8, each signed by its own server's key.
    expect(next.json.checkpoint).toMatchObject({ size: 8, root: there.json.checkpoint.root });
    expect(next.json.checkpoint.server.keyId).not.toBe(there.json.checkpoint.server.keyId);
    expect((await target.store.readLog(f.space, 0, 10)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await target.store.spaceUsage(f.space)).toEqual(await source.store.spaceUsage(f.space));
    // The invite not used yet still works.
    const joined = await target.call('POST', `/v1/invites/${f.invite}/accept`, { body: { name: 'Noor' } });
    expect(joined.status).toBe(200);
  });

  it('reuses a person already moved with another space, and refuses one whose data differs', async () => {
    const { source, target, f, file } = await moved();
    const beta = join(tempDir(), 'beta.docket-space');
    expect((await admin(source.store, ['spaces', 'export', f.other, beta], source.clock.now)).code).toBe(0);
    expect((await admin(target.store, ['spaces', 'import', file], target.clock.now)).code).toBe(0);
    const dana = (await target.call('GET', '/v1/me', { token: f.tokens.dana })).json.user;
    await target.store.renameUser(dana.id, 'Dana');
    const kept = await state(target.store);
    const refused = await admin(target.store, ['spaces', 'import', beta], target.clock.now);
    expect(refused).toEqual({
      code: 1,
      out: `User ${dana.id} is already on this server with another name, creation time or rights (see users list). Nothing imported.`,
    });
    expect(await state(target.store)).toEqual(kept);
    await target.store.renameUser(dana.id, 'Dana (vCIO)');
    expect((await admin(target.store, ['spaces', 'import', beta], target.clock.now)).code).toBe(0);
    const me = await target.call('GET', '/v1/me', { token: f.tokens.dana });
    expect(me.json.spaces.map((s: { name: string }) => s.name)).toEqual(['Acme Manufacturing', 'Beta Logistics']);
    expect((await target.store.listUsers()).length).toBe((await source.store.listUsers()).length);
  });

  it('refuses a space already there, and a truncated, foreign or malformed file, writing nothing', async () => {
    const { target, file } = await moved();
    expect((await admin(target.store, ['spaces', 'import', file], target.clock.now)).code).toBe(0);
    const kept = await state(target.store);
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    const variant = (name: string, content: string) => {
      const path = join(tempDir(), name);
      writeFileSync(path, content);
      return path;
    };
    const header = JSON.parse(lines[0]!);
    const cases: [string, RegExp][] = [
      [file, /is already on this server\. Nothing imported\.$/],
      [variant('cut-mid-line', text.slice(0, Math.floor(text.length / 2))), /is not JSON \(a file cut short/],
      [variant('cut-at-line', `${lines.slice(0, -3).join('\n')}\n`), /ends before its end line: it was cut short/],
      [variant('no-row', `${[...lines.slice(0, 5), ...lines.slice(6)].join('\n')}\n`), /do not add up/],
      [
        variant('v4', [JSON.stringify({ ...header, version: 4 }), ...lines.slice(1)].join('\n')),
        /format version 4: this server reads versions 1 to 3/,
      ],
      [
        variant(
          'bad-blob',
          text.replace(/"data":"(.)/, (_, c) => `"data":"${c === 'A' ? 'B' : 'A'}`),
        ),
        /blob \w+: its data/,
      ],
      [variant('other', '{"hello":"world"}\n'), /not a Docket space file/],
      [variant('empty', ''), /the file is empty/],
      [variant('bad-row', text.replace(/"hlc":"\d{13}/, '"hlc":"yesterday')), /malformed: changes\.0\.hlc/],
      [variant('bad-use', text.replace('"usage":{"records":3', '"usage":{"records":4')), /malformed: \(file\): usage/],
      [join(tempDir(), 'missing'), /ENOENT/],
    ];
    for (const [path, message] of cases) {
      const result = await admin(target.store, ['spaces', 'import', path], target.clock.now);
      expect({ path, ...result }).toEqual({ path, code: 1, out: expect.stringMatching(message) });
      expect(await state(target.store)).toEqual(kept);
    }
  });

  it('reads a file of format version 1, written before attachments: it has none', async () => {
    const { target, f, file } = await moved();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const header = { ...JSON.parse(lines[0]!), version: 1 };
    const { blobs, signing_keys: _k, checkpoints: _c, cosignatures: _s, ...rows } = JSON.parse(lines.at(-1)!).rows;
    expect(blobs).toBe(2);
    const later = ['["blobs",', '["signing_keys",', '["checkpoints",', '["cosignatures",'];
    const rowLines = lines.slice(1, -1).filter((line) => !later.some((list) => line.startsWith(list)));
    const v1 = join(tempDir(), 'v1');
    writeFileSync(
      v1,
      [header, ...rowLines.map((l) => JSON.parse(l)), { end: 'docket-space', rows }]
        .map((v) => JSON.stringify(v))
        .join('\n'),
    );
    const imported = await admin(target.store, ['spaces', 'import', v1], target.clock.now);
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/5 tokens; the next change is seq 8/) });
    expect(await target.store.blobUsage(f.space)).toEqual({ blobs: 0, bytes: 0 });
    expect((await target.store.readLog(f.space, 0, 100)).length).toBe(7);
  });

  it("carries the log's checkpoints, co-signatures and signing keys, recomputes its leaves, and refuses a file whose checkpoints lie", async () => {
    const source = harness();
    const f = await buildSpace(source);
    // Dana's browser registers its key in Acme's log and co-signs the log's checkpoint.
    const key = await generateSigningKey();
    const keyId = keyIdOf(key.publicKey);
    const device = {
      clientId: 'client-1',
      keyId,
      publicKey: toHex(key.publicKey),
      label: 'Laptop',
      createdAt: '2026-11-26T14:00:00.000Z',
    };
    const changes = Object.entries(device).map(([field, value], i) =>
      change({ table: 'devices', id: deviceRecordId(keyId, 'client-1'), field, value, hlc: hlc(250_000 + i) }),
    );
    const pushed = await source.push(f.tokens.dana, f.space, pushBody(changes, 3));
    const checkpoint = pushed.json.checkpoint;
    const signature = await signCheckpoint(checkpoint, key.privateKey, key.publicKey);
    const cosign = { token: f.tokens.dana, body: { ...signature, clientId: 'client-1' } };
    expect(
      (await source.call('POST', `/v1/spaces/${f.space}/checkpoints/${checkpoint.size}/cosignatures`, cosign)).status,
    ).toBe(201);
    const file = join(tempDir(), 'acme.docket-space');
    expect((await admin(source.store, ['spaces', 'export', f.space, file], source.clock.now)).code).toBe(0);

    const listed = async (h: Harness) =>
      (await h.call('GET', `/v1/spaces/${f.space}/checkpoints?limit=1000`, { token: f.tokens.dana })).json;
    const target = harness({}, openSqliteStore(':memory:'));
    target.clock.now = source.clock.now;
    expect((await admin(target.store, ['spaces', 'import', file], target.clock.now)).code).toBe(0);
    const moved = await listed(target);
    expect(moved).toEqual(await listed(source));
    expect(moved.checkpoints.at(-1)).toMatchObject({ size: checkpoint.size, cosignatures: [signature] });
    // The target signs what comes next with its own key, and proves it extends what the source signed.
    const next = await target.push(
      f.tokens.dana,
      f.space,
      pushBody([change({ value: 'Moved', hlc: hlc(300_000) })], 4),
    );
    expect(next.json.checkpoint.server.keyId).not.toBe(checkpoint.server.keyId);
    for (const old of moved.checkpoints) {
      const res = await target.call(
        'GET',
        `/v1/spaces/${f.space}/log/consistency?from=${old.size}&to=${next.json.checkpoint.size}`,
        {
          token: f.tokens.sam,
        },
      );
      const proof = (res.json.proof as string[]).map(fromHex);
      expect(
        verifyConsistency(
          old.size,
          next.json.checkpoint.size,
          fromHex(old.root),
          fromHex(next.json.checkpoint.root),
          proof,
        ),
      ).toBe(true);
    }

    // A file whose checkpoint is not its log's, or not signed by its key, or a co-signature not by its device.
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const edited = (list: string, edit: (row: Record<string, string>) => void) => {
      const path = join(tempDir(), `edited-${list}`);
      let done = false;
      const out = lines.map((line) => {
        if (done || !line.startsWith(`["${list}",`)) return line;
        const [name, row] = JSON.parse(line);
        edit(row);
        done = true;
        return JSON.stringify([name, row]);
      });
      writeFileSync(path, `${out.join('\n')}\n`);
      return path;
    };
    const flip = (hex: string) => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);
    const cases: [string, RegExp][] = [
      [
        edited('checkpoints', (r) => void (r.root = flip(r.root!))),
        /malformed: checkpoint \d+: its root is not that of the log/,
      ],
      [
        edited('checkpoints', (r) => void (r.signature = flip(r.signature!))),
        /malformed: checkpoint \d+: its signature is not/,
      ],
      [
        edited('cosignatures', (r) => void (r.signature = flip(r.signature!))),
        /malformed: checkpoint \d+: a co-signature/,
      ],
      [edited('changes', (r) => void (r.value = JSON.stringify('rewritten'))), /malformed: checkpoint \d+: its root/],
    ];
    const empty = harness({}, openSqliteStore(':memory:'));
    const before = await state(empty.store);
    for (const [path, message] of cases) {
      expect(await admin(empty.store, ['spaces', 'import', path], empty.clock.now)).toEqual({
        code: 1,
        out: expect.stringMatching(message),
      });
      expect(await state(empty.store)).toEqual(before);
    }
  });

  it('refuses to export a space that does not exist, or over an existing file', async () => {
    const { source, f, file } = await moved();
    expect(await admin(source.store, ['spaces', 'export', 'nope', join(tempDir(), 'x')], 0)).toEqual({
      code: 1,
      out: 'No space nope (see spaces list).',
    });
    const again = await admin(source.store, ['spaces', 'export', f.space, file], 0);
    expect(again).toMatchObject({ code: 1, out: expect.stringMatching(/^Could not write .*EEXIST/) });
    expect((await readSpaceFile(file)).ok).toBe(true);
  });

  it('copies every table keyed by the space or its people, or says why not', () => {
    const path = join(tempDir(), 'schema.sqlite');
    openSqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all();
    const copied: Record<string, string[]> = {
      spaces: ['id', 'name', 'created_at', 'record_count', 'stored_bytes'],
      signing_keys: columnsOf('signing_keys'),
      users: columnsOf('users'),
      tokens: columnsOf('tokens'),
      replicas: columnsOf('replicas'),
      blobs: ['space_id', ...BLOB_COLUMNS],
      ...Object.fromEntries(
        Object.keys(SPACE_ROWS).map((list) => [list, [...columnsOf(list as SpaceRows), 'space_id', 'id']]),
      ),
    };
    copied.changes!.push('leaf_hash'); // recomputed by the import from the changes, never copied
    for (const { name } of tables) {
      if (LEFT_BEHIND[name]) continue;
      const columns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
        .all()
        .map((c) => c.name);
      expect({ name, missing: columns.filter((c) => !copied[name]?.includes(c)) }).toEqual({ name, missing: [] });
    }
    db.close();
  });
});
