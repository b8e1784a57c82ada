import { describe, expect, it } from 'vitest';
import { itemHistory } from '../../../extension/store/history';
import { applyImport, readClientLog } from '../../../extension/store/client-log';
import { planImport } from '../../../shared/export';
import { syncClient } from '../../../extension/sync/sync-client';
import { alice, fileItem, freshDb, makeClient, plain } from '../../support/store';
import { team } from '../../support/team';

async function exported() {
  const db = freshDb();
  const client = await makeClient(db);
  for (const title of ['Quote A', 'Quote B', 'Quote C']) await fileItem(db, client.id, title);
  return { client, log: await readClientLog(db, client.id) };
}
const file = (log: Awaited<ReturnType<typeof exported>>['log']) => ({
  format: 'docket-client-log' as const,
  version: 1 as const,
  exportedAt: alice.at,
  ...log,
});

describe('applyImport', () => {
  it('adds every record of the plan, history included', async () => {
    const { client, log } = await exported();
    const into = freshDb();
    const plan = planImport(file(log), null);
    expect(await applyImport(into, plan.add)).toBe(plan.add.length);
    const back = await readClientLog(into, client.id);
    expect(back.items.length).toBe(3);
    expect(back.captures.length).toBe(3);
    expect(back.history.length).toBe(log.history.length);
  });

  it('keeps a capture’s text once: in the capture, not again in its imported “created” entry', async () => {
    const { client, log } = await exported();
    // A file from another tool or an older Docket: each capture's creation lists its text too.
    const history = log.history.map((h) => {
      const capture = log.captures.find((c) => c.id === h.entityId);
      return h.action === 'create' && capture
        ? { ...h, changes: [...h.changes, { field: 'markdown', from: null, to: capture.markdown }] }
        : h;
    });
    expect(history.filter((h) => h.changes.some((c) => c.field === 'markdown'))).toHaveLength(3);
    const into = freshDb();
    await applyImport(into, planImport(file({ ...log, history }), null).add);
    const back = await readClientLog(into, client.id);
    expect(back.history.filter((h) => h.changes.some((c) => c.field === 'markdown'))).toEqual([]);
    expect(back.history).toHaveLength(history.length);
    expect(back.captures.map((c) => c.markdown).sort()).toEqual(log.captures.map((c) => c.markdown).sort());
  });

  it('writes nothing when a record appeared since the plan was made', async () => {
    const { client, log } = await exported();
    const into = freshDb();
    const plan = planImport(file(log), null);
    await into.captures.add(log.captures[1]!); // the plan still adds it
    await expect(applyImport(into, plan.add)).rejects.toThrow();
    expect(await into.clients.get(client.id)).toBeUndefined();
    expect(await into.items.count()).toBe(0);
    expect(await into.captures.count()).toBe(1);
  });

  it('an imported log, once shared, reaches a teammate whole (an import is a write like any other)', async () => {
    const { client, log } = await exported();
    const t = await team();
    const plan = planImport(file(log), null);
    await applyImport(t.a.db, plan.add);
    // Shared: this browser pushes the client's log to the space, and the teammate's first sync brings it all.
    expect(await syncClient(t.a.db, t.a.transport, client.id, t.space)).toMatchObject({ pending: 0 });
    await syncClient(t.b.db, t.b.transport, client.id, t.space);
    const theirs = await readClientLog(t.b.db, client.id);
    for (const table of ['meetings', 'vendors', 'contracts', 'items', 'captures'] as const)
      expect(theirs[table].map((r) => r.id).sort()).toEqual(log[table].map((r) => r.id).sort());
    expect(theirs.client).toEqual(log.client);
    for (const item of log.items) expect(plain(await t.b.db.items.get(item.id))).toEqual(item);
    // Each item's story starts with its creation on the teammate's side too (the file's own history stays local;
    // a first sync stores none, the line comes from the record: shared/history/origins.ts).
    for (const item of log.items) {
      const story = await itemHistory(t.b.db, item.id);
      expect(story[0]).toMatchObject({ entity: 'item', action: 'create', by: item.createdBy, at: item.createdAt });
    }
  });
});
