import { describe, expect, it } from 'vitest';
import { Decision } from '../../../shared/domain';
import { updateItem } from '../../../extension/store/items';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

async function decided(db: ReturnType<typeof freshDb>, clientId: string, title: string) {
  const item = await fileItem(db, clientId, title, {
    section: 'decision-to-prepare',
    kind: 'proposal',
    status: 'decided',
  });
  return updateItem(db, alice, item.id, { decision: Decision.parse({ decision: title, status: 'accepted' }) });
}

describe('supersedes', () => {
  it('links both decisions, and unlinks when the choice changes', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const old = await decided(db, client.id, 'Keep on-prem backup');
    const other = await decided(db, client.id, 'Tape rotation');
    const next = await decided(db, client.id, 'Move backup to Acme Cloud');

    await updateItem(db, alice, next.id, { decision: { ...next.decision!, supersedes: old.id } });
    expect((await db.items.get(old.id))!.decision).toMatchObject({ supersededBy: next.id, status: 'superseded' });

    await updateItem(db, alice, next.id, {
      decision: { ...(await db.items.get(next.id))!.decision!, supersedes: other.id },
    });
    expect((await db.items.get(old.id))!.decision!.supersededBy).toBeNull();
    expect((await db.items.get(other.id))!.decision).toMatchObject({ supersededBy: next.id, status: 'superseded' });
  });

  it('refuses a decision superseding itself, and writes nothing', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await decided(db, client.id, 'Self');
    const count = await db.history.count();
    await expect(
      updateItem(db, alice, item.id, { decision: { ...item.decision!, supersedes: item.id } }),
    ).rejects.toThrow('A decision cannot supersede itself.');
    expect(await db.history.count()).toBe(count);
    expect((await db.items.get(item.id))!.decision!.supersedes).toBeNull();
  });
});
