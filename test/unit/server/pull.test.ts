import { describe, expect, it } from 'vitest';
import { change, harness, hlc, pushBody } from './helpers';

async function spaceWithChanges(n: number) {
  const h = harness();
  const owner = await h.setUp();
  const space = await h.createSpace(owner);
  const changes = Array.from({ length: n }, (_, i) =>
    change({ id: `item-${String(i).padStart(3, '0')}`, value: `Item ${i}`, hlc: hlc(i) }),
  );
  await h.push(owner, space, pushBody(changes));
  return { h, owner, space };
}

describe('pull', () => {
  it('pages through the log from an opaque cursor', async () => {
    const { h, owner, space } = await spaceWithChanges(5);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: '2', ...(cursor ? { cursor } : {}) });
      const res = await h.call('GET', `/v1/spaces/${space}/pull?${query}`, { token: owner });
      expect(res.status).toBe(200);
      pages += 1;
      seen.push(...res.json.changes.map((c: { seq: number }) => c.seq));
      cursor = res.json.cursor;
      if (!res.json.more) break;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toBe(3);

    // Nothing new: same cursor back, no changes. Then a push shows up from there.
    const idle = await h.call('GET', `/v1/spaces/${space}/pull?cursor=${cursor}`, { token: owner });
    expect(idle.json).toEqual({ changes: [], cursor, more: false, checkpoint: expect.objectContaining({ size: 5 }) });
    await h.push(owner, space, pushBody([change({ value: 'Later', hlc: hlc(99) })], 2));
    const next = await h.call('GET', `/v1/spaces/${space}/pull?cursor=${cursor}`, { token: owner });
    expect(next.json.changes).toEqual([
      expect.objectContaining({
        seq: 6,
        value: 'Later',
        author: 'Dana (vCIO)',
        replicaId: 'replica-a',
        receivedAt: '2026-11-26T14:00:00.000Z',
      }),
    ]);
  });

  it('refuses a garbage cursor and a cursor from another space with bad-cursor', async () => {
    const { h, owner, space } = await spaceWithChanges(1);
    const other = await h.createSpace(owner, 'Beta');
    const foreign = (await h.call('GET', `/v1/spaces/${other}/pull`, { token: owner })).json.cursor;
    for (const cursor of ['garbage', foreign]) {
      const res = await h.call('GET', `/v1/spaces/${space}/pull?cursor=${encodeURIComponent(cursor)}`, {
        token: owner,
      });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('bad-cursor');
    }
    const badLimit = await h.call('GET', `/v1/spaces/${space}/pull?limit=5000`, { token: owner });
    expect(badLimit.json.error).toBe('bad-request');
  });
});

describe('snapshot', () => {
  it('pages the merged state, every page giving the cursor to pull from after it', async () => {
    const { h, owner, space } = await spaceWithChanges(5);
    const ids: string[] = [];
    const cursors = new Set<string>();
    let page: string | null = null;
    do {
      const query: string = new URLSearchParams({ limit: '2', ...(page ? { page } : {}) }).toString();
      const res = await h.call('GET', `/v1/spaces/${space}/snapshot?${query}`, { token: owner });
      expect(res.status).toBe(200);
      ids.push(...res.json.records.map((r: { id: string }) => r.id));
      cursors.add(res.json.cursor);
      page = res.json.next;
      // A push between pages does not move the snapshot's cursor: it comes by pull.
      if (ids.length === 2)
        await h.push(owner, space, pushBody([change({ id: 'item-000', value: 'Edited', hlc: hlc(50) })], 2));
    } while (page);
    expect(ids).toEqual(['item-000', 'item-001', 'item-002', 'item-003', 'item-004']);
    expect(cursors.size).toBe(1);
    const [cursor] = [...cursors];
    const after = await h.call('GET', `/v1/spaces/${space}/pull?cursor=${cursor}`, { token: owner });
    expect(after.json.changes.map((c: { value: string }) => c.value)).toEqual(['Edited']);
  });

  it('refuses a page token it did not make, or from another space', async () => {
    const { h, owner, space } = await spaceWithChanges(3);
    const other = await h.createSpace(owner, 'Beta');
    const z = (id: string) => change({ id, hlc: hlc(0, 'replica-z') });
    await h.push(owner, other, pushBody([z('item-1'), z('item-9')], 1, 'replica-z'));
    const foreign = (await h.call('GET', `/v1/spaces/${other}/snapshot?limit=1`, { token: owner })).json.next;
    expect(foreign).toEqual(expect.any(String));
    for (const page of ['nonsense', foreign]) {
      const res = await h.call('GET', `/v1/spaces/${space}/snapshot?page=${encodeURIComponent(page)}`, {
        token: owner,
      });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('bad-cursor');
    }
  });
});

describe('audit export', () => {
  it('exports the change log with author and received time, as NDJSON or JSON', async () => {
    const { h, owner, space } = await spaceWithChanges(3);
    const ndjson = await h.call('GET', `/v1/spaces/${space}/audit`, { token: owner });
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = ndjson.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const danaId = (await h.store.listUsers())[0]!.id;
    expect(lines.map((l) => [l.seq, l.author, l.receivedAt, l.authorId === danaId])).toEqual([
      [1, 'Dana (vCIO)', '2026-11-26T14:00:00.000Z', true],
      [2, 'Dana (vCIO)', '2026-11-26T14:00:00.000Z', true],
      [3, 'Dana (vCIO)', '2026-11-26T14:00:00.000Z', true],
    ]);
    const json = await h.call('GET', `/v1/spaces/${space}/audit?format=json`, { token: owner });
    expect(json.json).toEqual(lines);
  });

  it('streams a log longer than one read page, in order', async () => {
    const { h, owner, space } = await spaceWithChanges(1000);
    await h.push(owner, space, pushBody([change({ value: 'One more', hlc: hlc(2000) })], 2));
    const res = await h.call('GET', `/v1/spaces/${space}/audit`, { token: owner });
    const seqs = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).seq as number);
    expect(seqs).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
  });
});
