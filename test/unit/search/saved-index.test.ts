import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';
import { applyImport, readClientLog } from '../../../extension/store/client-log';
import type { DocketDB } from '../../../extension/store/db';
import { updateItem } from '../../../extension/store/items';
import { fileInto } from '../../../extension/store/triage';
import { updateVendor } from '../../../extension/store/vendors';
import { type IndexProgress, SearchEngine } from '../../../extension/search/engine';
import { SearchCache } from '../../../extension/search/saved';
import { writesTo } from '../../../extension/ui/workspace/log-writes';
import { planImport } from '../../../shared/export';
import { LogSearch, SEARCH_FORMAT, type SearchHit } from '../../../shared/search';
import { generateLog } from '../../../bench/data/log';

const engines: SearchEngine[] = [];
afterEach(() => engines.splice(0).forEach((e) => e.close()));

/** An engine on `db` that records whether it built the index (a load goes straight to ready). */
function session(db: DocketDB) {
  const phases: IndexProgress['phase'][] = [];
  const engine = new SearchEngine(db, { partialAfter: null, onProgress: (p) => phases.push(p.phase) });
  engines.push(engine);
  const search = async (q: string) => (await engine.search(q, {}, 100, writesTo(db))).hits;
  return { engine, search, built: () => phases.includes('building') };
}

const QUERIES = ['renewal', 'price increase', 'licen', '77', 'Télécom Boréal', 'kubernetes', 'sauvegarde 12', 'reseau'];

describe('a saved search index', () => {
  it('answers the same hits, scores and snippets after a round trip through its saved form', async () => {
    const log = generateLog({ items: 300, captureChars: 600 });
    const built = new LogSearch();
    built.bulkLoad(log);
    const loaded = LogSearch.fromSnapshot(structuredClone(built.toSnapshot()));
    const byId = new Map(log.captures.map((c) => [c.id, c]));
    const read = async (ids: string[]) => ids.map((id) => byId.get(id));
    for (const q of [...QUERIES, '']) {
      const want = built.search(q, {}, 100);
      if (q !== 'kubernetes') expect(want.length, q).toBeGreaterThan(0);
      expect(await loaded.searchWith(q, {}, 100, read)).toEqual(want);
    }
    const filters = { clientId: log.clients[3]!.id, status: ['decided' as const] };
    expect(await loaded.searchWith('renewal', filters, 100, read)).toEqual(built.search('renewal', filters, 100));
    expect(loaded.stats()).toEqual(built.stats());
  });

  it('is loaded by the next session instead of being built again', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Firewall refresh', {}, 'FortiGate 100F quote, three years');
    const first = session(db);
    const before = await first.search('fortigate');
    expect(first.built()).toBe(true);
    await first.engine.flush();
    first.engine.close();

    const next = session(db);
    expect(await next.search('fortigate')).toEqual(before);
    expect(before.map((h) => h.itemId)).toEqual([item.id]);
    expect(next.built()).toBe(false);
  });

  it('answers from the saved index while it catches up, then says it is ready and answers with the log as it is', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    await fileItem(db, client.id, 'Firewall refresh', {}, 'FortiGate 100F quote, three years');
    const first = session(db);
    await first.search('fortigate');
    await first.engine.flush();
    first.engine.close();
    // Written while no log page was open: the saved index has not seen it.
    const later = await fileItem(db, client.id, 'FortiGate licences', {}, 'FortiGate renewal');

    const phases: IndexProgress['phase'][] = [];
    const engine = new SearchEngine(db, { onProgress: (p) => phases.push(p.phase) });
    engines.push(engine);
    const early = await engine.search('fortigate', {}, 100, writesTo(db));
    expect(early.progress.phase).toBe('updating');
    expect(early.hits.map((h) => h.itemId)).not.toContain(later.id);
    await engine.open();
    expect(phases).toEqual(['updating', 'ready']);
    // The catch-up at opening covered the page's writes so far: the view's second search does not list the log again.
    const catchUp = vi.spyOn(engine as unknown as { catchUp: () => Promise<void> }, 'catchUp');
    const ready = await engine.search('fortigate', {}, 100, writesTo(db));
    expect(catchUp).not.toHaveBeenCalled();
    expect(ready.progress.phase).toBe('ready');
    expect(ready.hits.map((h) => h.itemId)).toContain(later.id);
  });

  it('is built again when saved in another format, and saved in this one', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    await fileItem(db, client.id, 'Backup renewal', {}, 'Veeam licences');
    const first = session(db);
    await first.search('veeam');
    await first.engine.flush();
    first.engine.close();
    const cache = new SearchCache(db.name);
    await cache.indexes.update('log', { format: SEARCH_FORMAT - 1 });

    const next = session(db);
    expect((await next.search('veeam')).length).toBe(1);
    expect(next.built()).toBe(true);
    await next.engine.flush();
    expect((await cache.indexes.get('log'))?.format).toBe(SEARCH_FORMAT);
    cache.close();
  });

  it('is built again when what is saved cannot be read', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    await fileItem(db, client.id, 'Backup renewal', {}, 'Veeam licences');
    const first = session(db);
    await first.search('veeam');
    await first.engine.flush();
    first.engine.close();
    const cache = new SearchCache(db.name);
    const saved = (await cache.indexes.get('log'))!;
    await cache.indexes.put({ ...saved, snapshot: { ...saved.snapshot, slots: null as never } });
    cache.close();

    const next = session(db);
    expect((await next.search('veeam')).length).toBe(1);
    expect(next.built()).toBe(true);
  });

  it('catches up with edits, removals, imports and renamed vendors made while no log page was open', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const firewall = await fileItem(db, client.id, 'Firewall refresh', {}, 'FortiGate 100F quote');
    const reminder = await fileItem(db, client.id, 'Reminder', {}, 'Sophos renewal reminder');
    const first = session(db);
    await first.search('fortigate');
    await first.engine.flush();
    first.engine.close();

    // Another session: an edit, a capture filed into another item (its inbox item deleted), a vendor renamed, and a
    // client log imported (items dated before the saved index's watermark).
    await updateItem(db, alice, firewall.id, { title: 'Perimeter upgrade' });
    await fileInto(db, alice, reminder.id, firewall.id);
    const vendorItem = await fileItem(db, client.id, 'Print fleet lease', {
      vendor: { name: 'PrintCo', domain: null },
    });
    const vendorId = (await db.items.get(vendorItem.id))!.vendorId!;
    const other = freshDb();
    const imported = await makeClient(other, 'Contoso Legal');
    const old = await fileItem(other, imported.id, 'Telephony contract', {}, 'Mitel handsets, 48 months');
    const exported = await readClientLog(other, imported.id);
    const file = { format: 'docket-client-log' as const, version: 1 as const, exportedAt: alice.at, ...exported };

    const second = session(db);
    await second.search('fortigate'); // loads, catches up, and is saved after
    await updateVendor(db, alice, vendorId, { name: 'Xerox Managed Print' });
    await applyImport(db, planImport(file, null).add);
    await second.engine.flush();
    second.engine.close();

    const third = session(db);
    const ids = async (q: string) => (await third.search(q)).map((h) => h.itemId);
    expect(await ids('perimeter')).toEqual([firewall.id]);
    expect(await ids('sophos')).toEqual([firewall.id]);
    expect(await ids('xerox')).toEqual([vendorItem.id]);
    expect(await ids('printco')).toEqual([]);
    expect(await ids('mitel')).toEqual([old.id]);
    expect((await third.search('reminder')).every((h) => h.itemId !== reminder.id)).toBe(true);
    expect(third.built()).toBe(false);
    // and it answers as an index built from scratch would
    const fresh = new LogSearch();
    fresh.bulkLoad({
      items: await db.items.toArray(),
      captures: await db.captures.toArray(),
      vendors: await db.vendors.toArray(),
    });
    for (const q of ['perimeter', 'sophos', 'quote', 'xerox', 'mitel', 'reminder', 'refresh'])
      expect(await third.search(q)).toEqual(fresh.search(q, {}, 100));
  });
});

describe('property: a saved-then-loaded index answers as a freshly built one', () => {
  it('over random logs, edits and removals', async () => {
    const vocabulary = [
      'renewal',
      'licence',
      'fibre',
      'échéance',
      'backup',
      'tenant',
      'quote',
      'acme',
      'boréal',
      '2027',
    ];
    const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(fc.tuple(fc.nat(), text), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom(...vocabulary, ''), fc.constantFrom(...vocabulary)), {
          minLength: 1,
          maxLength: 5,
        }),
        async (items, seed, edits, removals, queries) => {
          const log = generateLog({ items, seed, clients: 3, captureChars: 200 });
          for (const [i, title] of edits) log.items[i % items]!.title = title || 'untitled';
          const saved = new LogSearch();
          saved.bulkLoad(log);
          // Edits and removals on the live index before it is saved: the saved form is not only a fresh build's.
          for (const i of removals) saved.removeItem(log.items[i % items]!.id);
          const gone = new Set(removals.map((i) => log.items[i % items]!.id));
          const rest = {
            items: log.items.filter((i) => !gone.has(i.id)),
            captures: log.captures.filter((c) => !gone.has(c.itemId)),
            vendors: log.vendors,
          };
          const loaded = LogSearch.fromSnapshot(structuredClone(saved.toSnapshot()));
          const fresh = new LogSearch();
          fresh.bulkLoad(rest);
          const byId = new Map(log.captures.map((c) => [c.id, c]));
          const read = async (ids: string[]) => ids.map((id) => byId.get(id));
          for (const [a, b] of queries) {
            const q = `${a} ${b}`;
            const want: SearchHit[] = fresh.search(q, {}, 20);
            expect(await loaded.searchWith(q, {}, 20, read)).toEqual(want);
          }
          expect(loaded.size()).toBe(fresh.size());
        },
      ),
      { numRuns: 40 },
    );
  });
});
