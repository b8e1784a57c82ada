import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../support/postgres';
import { STORES } from '../../support/stores';
import { startSyncServer } from '../../support/sync-server';

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// Every stamp carries the pushing replica; the counter keeps a batch's stamps apart.
const stamp = (i: number, j: number) =>
  `${String(Date.now()).padStart(13, '0')}:${String((i * 5 + j) % 10_000).padStart(4, '0')}:crash-test-replica`;

describe.each(STORES)('the server on the %s store killed mid push storm', (kind) => {
  let pg: RunningPostgres | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());
  const args = () => (pg ? ['--database-url', pg.url] : []);

  it('keeps every change it acknowledged (SIGKILL, then restart on the same data)', async () => {
    const first = await startSyncServer({ args: args() });
    const token = (await post(`${first.url}/v1/setup`, { code: first.setupCode, name: 'Alice' })).body.token as string;
    const space = (await post(`${first.url}/v1/spaces`, { name: 'Northwind' }, token)).body.id as string;

    const acked: string[][] = [];
    let stop = false;
    const storm = (async () => {
      for (let i = 1; !stop && i <= 2000; i++) {
        const changes = Array.from({ length: 5 }, (_, j) => ({
          table: 'items',
          id: `item-${i}-${j}`,
          field: 'title',
          value: `t${i}.${j}`,
          hlc: stamp(i, j),
          base: null,
        }));
        try {
          const res = await post(
            `${first.url}/v1/spaces/${space}/push`,
            { protocol: 1, replicaId: 'crash-test-replica', seq: i, changes },
            token,
          );
          if (res.status === 200) acked.push(changes.map((c) => c.id));
        } catch {
          return; // the server is gone: what was acked before is what must survive
        }
      }
    })();
    await new Promise((ok) => setTimeout(ok, 400));
    await first.kill();
    stop = true;
    await storm;
    expect(acked.length).toBeGreaterThan(0);

    const again = await startSyncServer({ dataDir: first.dataDir, port: first.port, args: args() });
    try {
      const seen = new Set<string>();
      let cursor: string | null = null;
      for (;;) {
        const q: string = cursor ? `?cursor=${encodeURIComponent(cursor)}&limit=1000` : '?limit=1000';
        const res = await fetch(`${again.url}/v1/spaces/${space}/pull${q}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const page = (await res.json()) as { changes: { id: string }[]; cursor: string; more: boolean };
        for (const c of page.changes) seen.add(c.id);
        cursor = page.cursor;
        if (!page.more) break;
      }
      for (const ids of acked) for (const id of ids) expect(seen.has(id)).toBe(true);
      // and nothing half-written: every batch is all there or not at all
      const partial = [...seen]
        .map((id) => id.replace(/-\d+$/, ''))
        .filter((b, _, all) => all.filter((x) => x === b).length !== 5);
      expect(partial).toEqual([]);
    } finally {
      await again.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
