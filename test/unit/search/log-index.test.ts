import { afterEach, describe, expect, it } from 'vitest';
import { fileItem, alice, freshDb, makeClient } from '../../support/store';
import { updateItem } from '../../../extension/store/items';
import { fileInto } from '../../../extension/store/triage';
import { SearchEngine } from '../../../extension/search/engine';
import { writesTo } from '../../../extension/ui/workspace/log-writes';
import type { DocketDB } from '../../../extension/store/db';

const engines: SearchEngine[] = [];
afterEach(() => engines.splice(0).forEach((e) => e.close()));

function engineOf(db: DocketDB): SearchEngine {
  const engine = new SearchEngine(db, { partialAfter: null });
  engines.push(engine);
  return engine;
}

describe('the log page’s search index keeps up with the log', () => {
  it('sees new items, edits, captures filed elsewhere and removals without a rebuild', async () => {
    const db = freshDb();
    const engine = engineOf(db);
    const client = await makeClient(db);
    const firewall = await fileItem(db, client.id, 'Firewall refresh', {}, 'FortiGate 100F quote');
    const search = async (q: string) => (await engine.search(q, {}, 50, writesTo(db))).hits;
    const ids = async (q: string) => (await search(q)).map((h) => h.itemId);
    expect(await ids('fortigate')).toEqual([firewall.id]);
    const index = await engine.index(writesTo(db));

    const reminder = await fileItem(db, client.id, 'Reminder', {}, 'Sophos renewal reminder');
    expect(await ids('sophos')).toEqual([reminder.id]);

    await updateItem(db, alice, firewall.id, { title: 'Perimeter upgrade' });
    expect(await ids('perimeter')).toEqual([firewall.id]);
    // the old title now only matches the capture's own title ("Firewall refresh"), not the item
    expect((await search('refresh')).map((h) => h.matchedIn)).toEqual(['capture']);

    await fileInto(db, alice, reminder.id, firewall.id);
    expect(await ids('sophos')).toEqual([firewall.id]);
    expect(await ids('reminder')).toEqual([firewall.id]); // the inbox entry is gone; its capture now speaks for the item
    // the snippet comes from the capture, read when needed (the index keeps no capture text)
    expect((await search('sophos'))[0]!.snippet).toContain('Sophos renewal reminder');
    expect(await engine.index(writesTo(db))).toBe(index); // caught up, never rebuilt
  });
});
