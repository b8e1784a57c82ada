import { describe, expect, it } from 'vitest';
import { updateItem } from '../../../extension/store/items';
import { fileInto } from '../../../extension/store/triage';
import { logIndex } from '../../../extension/ui/workspace/search-index';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

const clip = (db: ReturnType<typeof freshDb>, clientId: string, title: string, text: string) =>
  fileItem(db, clientId, title, {}, text);

describe('the log page’s search index keeps up with the log', () => {
  it('sees new items, edits, captures filed elsewhere and removals without a rebuild', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const firewall = await clip(db, client.id, 'Firewall refresh', 'FortiGate 100F quote');
    const ids = async (q: string) => (await logIndex(db)).search(q, {}).map((h) => h.itemId);
    expect(await ids('fortigate')).toEqual([firewall.id]);
    const index = await logIndex(db);

    const reminder = await clip(db, client.id, 'Reminder', 'Sophos renewal reminder');
    expect(await ids('sophos')).toEqual([reminder.id]);

    await updateItem(db, alice, firewall.id, { title: 'Perimeter upgrade' });
    expect(await ids('perimeter')).toEqual([firewall.id]);
    // the old title now only matches the capture's own title ("Firewall refresh"), not the item
    expect((await logIndex(db)).search('refresh', {}).map((h) => h.matchedIn)).toEqual(['capture']);

    await fileInto(db, alice, reminder.id, firewall.id);
    expect(await ids('sophos')).toEqual([firewall.id]);
    expect(await ids('reminder')).toEqual([firewall.id]); // the inbox entry is gone; its capture now speaks for the item
    expect(await logIndex(db)).toBe(index); // caught up, never rebuilt
  });
});
