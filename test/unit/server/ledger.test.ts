import { describe, expect, it } from 'vitest';
import { deviceRecordId } from '../../../shared/domain/device';
import { fromHex, toHex } from '../../../shared/ledger/bytes';
import { checkpointMessage, signCheckpoint, verifyCheckpointSignature } from '../../../shared/ledger/checkpoint';
import { generateSigningKey, keyIdOf, sign } from '../../../shared/ledger/ed25519';
import { leafHashOfChange } from '../../../shared/ledger/log-leaf';
import { treeRoot, verifyConsistency } from '../../../shared/ledger/merkle';
import {
  CheckpointsResponse,
  ConsistencyResponse,
  CosignatureResponse,
  LeavesResponse,
  ServerKeyResponse,
} from '../../../shared/sync/ledger';
import { PullResponse, PushResponse, SnapshotResponse, type LoggedChange } from '../../../shared/sync/protocol';
import type { SyncStore } from '../../../server/store/types';
import { STORES, storesFor } from '../../support/stores';
import { change, harness, hlc, pushBody } from './helpers';

/*
 * The verifiable log through the HTTP API (docs/sync-protocol.md, "Verifiable log"): the server's published key, the
 * signed checkpoint every push, pull and snapshot answer carries, consistency proofs between checkpoints, the leaves
 * as hashed, devices' co-signatures, and what a push may not do to a device or a capture's evidence.
 */
type Key = Awaited<ReturnType<typeof generateSigningKey>>;

async function team(store: SyncStore) {
  const h = harness({}, store);
  const dana = await h.setUp('Dana');
  const space = await h.createSpace(dana);
  const sam = await h.join(dana, space, 'editor', 'Sam');
  const vic = await h.join(dana, space, 'viewer', 'Vic');
  const at = (path = '') => `/v1/spaces/${space}${path}`;
  const get = async (path: string, token: string) => h.call('GET', at(path), { token });
  const serverKey = async () => ServerKeyResponse.parse((await h.call('GET', '/v1/server-key')).json);
  /** Every change of the log, through the leaves route, a few per page. */
  const leaves = async (token = dana) => {
    const all: LoggedChange[] = [];
    for (let after = 0; ;) {
      const page = LeavesResponse.parse((await get(`/log/leaves?after=${after}&limit=3`, token)).json);
      all.push(...page.changes);
      if (!page.more) return all;
      after = page.changes.at(-1)!.seq;
    }
  };
  return { h, dana, sam, vic, space, at, get, serverKey, leaves };
}

const CLIENT = 'client-1';
/** A browser's key registered as a `devices` record of the space, by the replica (and so the account) pushing it. */
function deviceChanges(key: Key, replica: string, offset = 0, over: Record<string, unknown> = {}) {
  const keyId = keyIdOf(key.publicKey);
  const fields = {
    clientId: CLIENT,
    keyId,
    publicKey: toHex(key.publicKey),
    label: 'Chrome on Linux',
    createdAt: '2026-11-26T14:00:00.000Z',
    ...over,
  };
  return Object.entries(fields).map(([field, value], i) =>
    change({ table: 'devices', id: deviceRecordId(keyId, CLIENT), field, value, hlc: hlc(offset, replica, i) }),
  );
}

describe.each(STORES)('the verifiable log (%s store)', (kind) => {
  const stores = storesFor(kind);
  const fresh = async () => team(await (await stores.fresh()).open());

  it("publishes the server's key to anyone, and signs the root of the log as served in every answer", async () => {
    const { h, dana, space, get, serverKey, leaves } = await fresh();
    const key = await serverKey();
    expect(key).toEqual({
      algorithm: 'Ed25519',
      keyId: expect.any(String),
      publicKey: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(key.keyId).toBe(keyIdOf(fromHex(key.publicKey)));
    expect(await serverKey()).toEqual(key);
    // An empty log has nothing to vouch for.
    expect((await get('/pull', dana)).json).not.toHaveProperty('checkpoint');

    const verified = async (json: unknown) => {
      const { checkpoint } = PushResponse.parse(json);
      expect(checkpoint?.server?.keyId).toBe(key.keyId);
      expect(await verifyCheckpointSignature(checkpoint!, checkpoint!.server!, fromHex(key.publicKey))).toBe(true);
      return checkpoint!;
    };
    let last;
    for (const [seq, n] of [2, 5, 1].entries()) {
      const changes = Array.from({ length: n }, (_, i) =>
        change({ id: `item-${i}`, value: `v${seq}.${i} ✓`, hlc: hlc(seq * 10 + i) }),
      );
      const res = await h.push(dana, space, pushBody(changes, seq + 1));
      last = await verified(res.json);
      expect(last).toMatchObject({ space, size: res.json.serverSeq, cosignatures: [] });
    }
    const all = await leaves();
    expect(all.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(last!.root).toBe(toHex(treeRoot(all.map(leafHashOfChange))));
    // Pulls and snapshots carry the same checkpoint: nothing new, nothing signed again, even later.
    h.clock.now += 60_000;
    const counts = await h.store.counts();
    expect(PullResponse.parse((await get('/pull?limit=2', dana)).json).checkpoint).toEqual(last);
    expect(SnapshotResponse.parse((await get('/snapshot', dana)).json).checkpoint).toEqual(last);
    // A retried push changes nothing, the root included.
    const retry = await h.push(dana, space, pushBody([change({ value: 'other', hlc: hlc(99) })], 3));
    expect(retry.json).toMatchObject({ ackedSeq: 3, serverSeq: 8, checkpoint: last });
    expect(await h.store.counts()).toEqual(counts);
  });

  it('proves every stored checkpoint consistent with every later one, and the log now with each', async () => {
    const { h, dana, sam, space, get } = await fresh();
    for (const [seq, n] of [1, 2, 1, 5, 4].entries()) {
      const changes = Array.from({ length: n }, (_, i) => change({ id: `i${seq}-${i}`, hlc: hlc(seq * 10 + i) }));
      expect((await h.push(dana, space, pushBody(changes, seq + 1))).status).toBe(200);
    }
    const listed = CheckpointsResponse.parse((await get('/checkpoints', sam)).json);
    expect(listed.checkpoints.map((c) => c.size)).toEqual([1, 3, 4, 9, 13]);
    const { algorithm: _, ...serverKey } = (await h.call('GET', '/v1/server-key')).json;
    expect(listed.keys).toEqual([serverKey]);
    const cps = listed.checkpoints;
    for (const [i, old] of cps.entries()) {
      for (const next of cps.slice(i)) {
        const res = await get(`/log/consistency?from=${old.size}&to=${next.size}`, sam);
        const { from, to, proof } = ConsistencyResponse.parse(res.json);
        expect([from, to]).toEqual([old.size, next.size]);
        expect(verifyConsistency(from, to, fromHex(old.root), fromHex(next.root), proof.map(fromHex))).toBe(true);
      }
    }
    expect((await get('/log/consistency?from=0&to=13', sam)).json).toEqual({ from: 0, to: 13, proof: [] });
    // Paged by size.
    const page = CheckpointsResponse.parse((await get('/checkpoints?after=3&limit=2', sam)).json);
    expect(page.checkpoints.map((c) => c.size)).toEqual([4, 9]);

    const refused = async (query: string) => {
      const res = await get(`/log/consistency?${query}`, sam);
      return [res.status, res.json.error];
    };
    expect(await refused('from=9&to=4')).toEqual([400, 'bad-request']);
    expect(await refused('from=1&to=14')).toEqual([400, 'bad-request']); // past the log
    expect(await refused('from=1&to=2')).toEqual([400, 'bad-request']); // no checkpoint at 2
    expect(await refused('from=-1&to=4')).toEqual([400, 'bad-request']);
    expect(await refused('from=&to=4')).toEqual([400, 'bad-request']);
    expect(await refused('to=4')).toEqual([400, 'bad-request']);
    expect(await refused('from=1&to=4&extra=1')).toEqual([400, 'bad-request']);
    expect((await get('/log/leaves?limit=5001', sam)).status).toBe(400);
    expect((await get('/log/leaves?limit=0', sam)).status).toBe(400);
    expect(LeavesResponse.parse((await get('/log/leaves?after=12&limit=5000', sam)).json)).toMatchObject({
      changes: [{ seq: 13 }],
      more: false,
    });
  });

  it("co-signs with a device its account registered in the space's log, and no other", async () => {
    const { h, dana, sam, vic, space, at, get } = await fresh();
    const [danaKey, samKey, vicKey, stray] = await Promise.all([1, 2, 3, 4].map(() => generateSigningKey()));
    expect((await h.push(dana, space, pushBody(deviceChanges(danaKey!, 'replica-a')))).status).toBe(200);
    expect((await h.push(sam, space, pushBody(deviceChanges(samKey!, 'replica-s'), 1, 'replica-s'))).status).toBe(200);
    const checkpoint = PullResponse.parse((await get('/pull', dana)).json).checkpoint!;
    const post = (token: string, body: object, size = checkpoint.size) =>
      h.call('POST', at(`/checkpoints/${size}/cosignatures`), { token, body: { clientId: CLIENT, ...body } });
    const signed = async (key: Key) => signCheckpoint(checkpoint, key.privateKey, key.publicKey);
    const danaSig = await signed(danaKey!);

    const first = await post(dana, danaSig);
    expect(first.status).toBe(201);
    expect(CosignatureResponse.parse(first.json).checkpoint.cosignatures).toEqual([danaSig]);
    expect((await post(dana, danaSig)).status).toBe(200);

    const error = async (token: string, body: object, size?: number) => {
      const res = await post(token, body, size);
      return [res.status, res.json.error];
    };
    // Dana's signature sent by Sam: her device is not his account's.
    expect(await error(sam, danaSig)).toEqual([403, 'unknown-device']);
    // A key registered by nobody.
    expect(await error(dana, await signed(stray!))).toEqual([403, 'unknown-device']);
    // Her own device, named under another client: not a device of this log.
    expect(await error(dana, { ...danaSig, clientId: 'client-2' })).toEqual([403, 'unknown-device']);
    // Sam's own device, signing something else, or nothing.
    const samId = keyIdOf(samKey!.publicKey);
    const other = toHex(
      await sign(samKey!.privateKey, checkpointMessage({ ...checkpoint, size: checkpoint.size - 1 })),
    );
    expect(await error(sam, { keyId: samId, signature: other })).toEqual([400, 'bad-signature']);
    expect(await error(sam, { keyId: samId, signature: 'ab'.repeat(64) })).toEqual([400, 'bad-signature']);
    expect(await error(sam, { keyId: samId, signature: 'xyz' })).toEqual([400, 'bad-request']);
    expect(await error(sam, { ...danaSig, note: 'hi' })).toEqual([400, 'unknown-field']);
    expect(await error(sam, danaSig, checkpoint.size + 1)).toEqual([404, 'not-found']);
    const zero = { token: sam, body: { ...danaSig, clientId: CLIENT } };
    expect((await h.call('POST', at('/checkpoints/0/cosignatures'), zero)).status).toBe(400);
    const samSig = await signed(samKey!);
    expect((await post(sam, samSig)).status).toBe(201);

    // A viewer registers their own device (the one push a viewer may make) and co-signs; nothing else.
    expect((await h.push(vic, space, pushBody([change({ hlc: hlc(5, 'replica-v') })], 1, 'replica-v'))).status).toBe(
      403,
    );
    const mixed = [...deviceChanges(vicKey!, 'replica-v'), change({ hlc: hlc(9, 'replica-v') })];
    expect((await h.push(vic, space, pushBody(mixed, 1, 'replica-v'))).json.error).toBe('forbidden');
    expect((await h.push(vic, space, pushBody(deviceChanges(vicKey!, 'replica-v'), 1, 'replica-v'))).status).toBe(200);
    const vicSig = await signed(vicKey!);
    expect((await post(vic, vicSig)).status).toBe(201);

    const listed = CheckpointsResponse.parse((await get('/checkpoints', vic)).json);
    const cosigned = listed.checkpoints.find((c) => c.size === checkpoint.size)!;
    expect(new Set(cosigned.cosignatures)).toEqual(new Set([danaSig, samSig, vicSig]));
    expect((await h.store.getCheckpoint(space, checkpoint.size))!.cosignatures.map((c) => c.accountId)).toHaveLength(3);
  });

  it('keeps a device to its key and to the account that registered it', async () => {
    const { h, dana, sam, space } = await fresh();
    const [key, other] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    const wrongId = deviceChanges(key, 'replica-a').map((c) => ({
      ...c,
      id: deviceRecordId(keyIdOf(other.publicKey), CLIENT),
    }));
    const res = await h.push(dana, space, pushBody(wrongId));
    expect(res.json).toMatchObject({ error: 'bad-request', message: expect.stringContaining('deviceRecordId') });
    expect((await h.push(dana, space, pushBody(deviceChanges(key, 'replica-a')))).status).toBe(200);
    const logged = async () => {
      const { changes, records } = await h.store.counts();
      return { changes, records };
    };
    const counts = await logged();
    const rekey = deviceChanges(key, 'replica-a', 10, { publicKey: toHex(other.publicKey) });
    expect((await h.push(dana, space, pushBody(rekey, 2))).json).toMatchObject({
      error: 'bad-request',
      message: expect.stringContaining('never changes'),
    });
    const id = deviceRecordId(keyIdOf(key.publicKey), CLIENT);
    const takeover = [change({ table: 'devices', id, field: 'label', value: 'Mine', hlc: hlc(20, 'replica-s') })];
    expect((await h.push(sam, space, pushBody(takeover, 1, 'replica-s'))).json).toMatchObject({ error: 'forbidden' });
    expect(await logged()).toEqual(counts);
    const relabel = [change({ table: 'devices', id, field: 'label', value: 'Old laptop', hlc: hlc(30) })];
    expect((await h.push(dana, space, pushBody(relabel, 3))).status).toBe(200);
  });

  it("refuses, whole, a push that changes a capture's evidence; the same value again, or filing it elsewhere, is fine", async () => {
    const { h, dana, sam, space } = await fresh();
    const capture = (field: string, value: unknown, offset: number, node = 'replica-a') =>
      change({ table: 'captures', id: 'cap-1', field, value, hlc: hlc(offset, node) });
    const hash = 'a'.repeat(64);
    const made = [
      capture('markdown', '# Quote Q-1042', 1),
      capture('contentHash', hash, 2),
      capture('itemId', 'item-1', 3),
    ];
    expect((await h.push(dana, space, pushBody(made))).status).toBe(200);
    const logged = async () => {
      const { changes, records, conflicts, acks } = await h.store.counts();
      return { changes, records, conflicts, acks };
    };
    const counts = await logged();
    const edit = [change({ hlc: hlc(4, 'replica-s') }), capture('markdown', '# Quote Q-1042 (edited)', 5, 'replica-s')];
    const refused = await h.push(sam, space, pushBody(edit, 1, 'replica-s'));
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      error: 'evidence-immutable',
      message: expect.stringMatching(/^change 1: capture cap-1: its markdown is evidence/),
    });
    const twice = [capture('excerpt', 'One', 6, 'replica-s'), capture('excerpt', 'Two', 7, 'replica-s')];
    expect((await h.push(sam, space, pushBody(twice, 1, 'replica-s'))).json.error).toBe('evidence-immutable');
    expect(await logged()).toEqual(counts);
    const fine = [
      capture('markdown', '# Quote Q-1042', 8, 'replica-s'),
      capture('itemId', 'item-2', 9, 'replica-s'),
      capture('_deleted', true, 10, 'replica-s'),
    ];
    expect((await h.push(sam, space, pushBody(fine, 1, 'replica-s'))).status).toBe(200);
  });
});
