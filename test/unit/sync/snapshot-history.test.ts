import { describe, expect, it } from 'vitest';
import { itemHistory } from '../../../extension/store/history';
import { updateItem } from '../../../extension/store/items';
import { fileInto } from '../../../extension/store/triage';
import { pullSpace } from '../../../extension/sync/pull';
import { syncClient } from '../../../extension/sync/sync-client';
import { historyMinutes } from '../../../shared/history/sessions';
import { alice, fileItem, makeClient } from '../../support/store';
import { team } from '../../support/team';

describe('history of records that arrive in a first sync', () => {
  it('writes no history row for a record new to the replica, and the item still says who created it and when', async () => {
    const t = await team();
    const client = await makeClient(t.a.db);
    const item = await fileItem(t.a.db, client.id, 'Firewall renewal quote');
    await syncClient(t.a.db, t.a.transport, client.id, t.space);

    await pullSpace(t.b.db, t.b.transport, t.space);
    expect(await t.b.db.items.count()).toBe(1);
    // The snapshot brought the client, the item and its capture: none of them wrote a history row.
    expect(await t.b.db.history.count()).toBe(0);

    const seen = await itemHistory(t.b.db, item.id);
    const capture = (await t.b.db.captures.toArray())[0]!;
    expect(seen.map((e) => [e.entity, e.action, e.by, e.at])).toEqual([
      ['item', 'create', 'Alice Martin', item.createdAt],
      ['capture', 'create', 'Alice Martin', capture.capturedAt],
    ]);
    const minutes = historyMinutes(seen, {});
    expect(minutes.map((m) => m.summary).join(' · ')).toContain('added evidence: Firewall renewal quote');

    // The next edit, pulled from the log, is stored as usual and follows the origin line.
    await updateItem(t.a.db, { ...alice, at: new Date().toISOString() }, item.id, { notes: 'Asked for 3 years' });
    await syncClient(t.a.db, t.a.transport, client.id, t.space);
    await pullSpace(t.b.db, t.b.transport, t.space);
    const after = await itemHistory(t.b.db, item.id);
    expect(after.map((e) => e.action)).toEqual(['create', 'create', 'update']);
    expect(await t.b.db.history.count()).toBe(1);
    await t.close();
  });

  it('a replica that already had the record logs what the snapshot changed, as any pull does', async () => {
    const t = await team();
    const client = await makeClient(t.a.db);
    const item = await fileItem(t.a.db, client.id, 'Backup appliance');
    await syncClient(t.a.db, t.a.transport, client.id, t.space);
    await updateItem(t.a.db, { ...alice, at: new Date().toISOString() }, item.id, { title: 'Backup appliance (3y)' });
    await syncClient(t.a.db, t.a.transport, client.id, t.space);
    // A replica that forgot its cursor starts again from the snapshot over the records it holds.
    await t.a.db.settings.where('key').startsWith('sync.cursor.').delete();
    const before = await t.a.db.history.count();
    await pullSpace(t.a.db, t.a.transport, t.space);
    expect(await t.a.db.history.count()).toBe(before);
    expect((await itemHistory(t.a.db, item.id)).filter((e) => e.id.startsWith('origin:'))).toEqual([]);
    await t.close();
  });

  it('a record deleted before the first sync stays gone, and evidence filed elsewhere keeps its move in history', async () => {
    const t = await team();
    const client = await makeClient(t.a.db);
    const inbox = await fileItem(t.a.db, client.id, 'Quote from Acme');
    const target = await fileItem(t.a.db, client.id, 'Backup renewal');
    await fileInto(t.a.db, alice, inbox.id, target.id);
    await syncClient(t.a.db, t.a.transport, client.id, t.space);

    await pullSpace(t.b.db, t.b.transport, t.space);
    expect(await t.b.db.items.get(inbox.id)).toBeUndefined();
    expect(await t.b.db.staged.get(`items:${inbox.id}`)).toBeDefined(); // the tombstone: a late write stays dead
    const story = await itemHistory(t.b.db, target.id);
    expect(story.filter((e) => e.entity === 'capture').map((e) => e.changes[0]?.to)).toEqual([
      { title: 'Quote from Acme' },
      { title: 'Backup renewal' },
    ]);
    await t.close();
  });
});
