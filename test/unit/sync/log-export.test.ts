import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/ledger/bytes';
import { leafHash, treeRoot } from '../../../shared/ledger/merkle';
import { httpLedger, type LedgerApi } from '../../../extension/sync/ledger-api';
import { verifiedCheckpoints } from '../../../extension/sync/ledger-store';
import { fetchLedger } from '../../../extension/sync/log-export';
import { syncAll } from '../../../extension/sync/run';
import { fileItem, makeClient } from '../../support/store';
import { acmeTeam } from '../../support/team-browsers';

describe('the server log of a shared client, for a pack', () => {
  it('holds every leaf in seq order, the server’s key, and the checkpoints of the server and of this browser', async () => {
    const t = await acmeTeam();
    const dana = await t.ownerBrowser();
    await syncAll(dana.db, t.fetchApp);
    await fileItem(dana.db, dana.client.id, 'Quote from the MSP');
    await syncAll(dana.db, t.fetchApp);

    // Pages of two leaves and one checkpoint, to go through the paging.
    const http = httpLedger('http://docket.test', t.owner, t.fetchApp);
    const pages: string[] = [];
    const small: LedgerApi = {
      ...http,
      leaves: (space, after) => (pages.push(`leaves ${after}`), http.leaves(space, after, 2)),
      checkpoints: (space, after) => (pages.push(`checkpoints ${after}`), http.checkpoints(space, after, 1)),
    };
    const pack = (await fetchLedger(dana.db, dana.client.id, t.fetchApp, small))!;
    const sizes = (await verifiedCheckpoints(dana.db, t.space)).map((cp) => cp.size);
    expect(pages.filter((p) => p.startsWith('checkpoints'))).toEqual([
      'checkpoints 0',
      `checkpoints ${sizes[0]}`,
      `checkpoints ${sizes[1]}`,
    ]);
    expect(pages.filter((p) => p.startsWith('leaves'))).toHaveLength(Math.ceil(pack.leaves.length / 2));
    const log = (await t.h.call('GET', `/v1/spaces/${t.space}/log/leaves?after=0&limit=5000`, { token: t.owner })).json;
    expect(pack.leaves).toHaveLength(log.changes.length);
    expect(pack.leaves.map((l) => JSON.parse(l).seq)).toEqual(log.changes.map((_: unknown, i: number) => i + 1));
    const published = (await t.h.call('GET', '/v1/server-key')).json;
    expect(pack.serverKey).toEqual({ algorithm: 'Ed25519', keyId: published.keyId, publicKey: published.publicKey });

    // Every checkpoint's root is that of the leaves up to its size; this browser's are among them, co-signed.
    const mine = await verifiedCheckpoints(dana.db, t.space);
    expect(mine.length).toBe(2);
    expect(pack.checkpoints.map((cp) => cp.size)).toEqual(mine.map((cp) => cp.size));
    for (const cp of pack.checkpoints) {
      expect(cp.root).toBe(toHex(treeRoot(pack.leaves.slice(0, cp.size).map((l) => leafHash(l)))));
      expect(cp.cosignatures).toHaveLength(1);
    }
  });

  it('is null for a client that is not shared', async () => {
    const t = await acmeTeam();
    const dana = await t.ownerBrowser();
    const local = await makeClient(dana.db, 'Kept on this browser');
    expect(await fetchLedger(dana.db, local.id, t.fetchApp)).toBeNull();
  });
});
