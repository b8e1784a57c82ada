import { describe, expect, it } from 'vitest';
import { applyImport, readClientLog } from '../../../extension/store/client-log';
import { planImport } from '../../../shared/export';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

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
});
