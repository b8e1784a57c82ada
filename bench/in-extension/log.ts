// Runs inside the bench page of the benchmark build; the driver calls it through page.evaluate. Data is generated
// here, in the page, so 100 MB of captures never cross the DevTools protocol.
import { applyImport } from '../../extension/store/client-log';
import { logSearch, type SearchClient } from '../../extension/search/client';
import { SearchCache } from '../../extension/search/saved';
import { updateItem } from '../../extension/store/items';
import { DocketDB, openDb } from '../../extension/store/db';
import { parseClientLog, planImport } from '../../shared/export';
import { generateLog, type LogOptions } from '../data/log';
import { priceListMarkdown } from '../data/price-list';
import { clientLogFileOf } from '../suites/log/client-log-file';
import { rawPuts } from '../suites/log/raw-idb';

/** Answers the driver's "is the page wired" check. */
export function ready(): string {
  return 'log';
}

/**
 * Empties the extension's database (the one the log page opens) by deleting it; the next use recreates it with the
 * product's schema. Clearing 40,000 records takes IndexedDB seconds, deleting the database milliseconds.
 */
export async function wipe(): Promise<void> {
  dropIndex();
  await openDb().delete({ disableAutoOpen: false });
  await new SearchCache(openDb().name).delete(); // the saved search index of the log just deleted
}

/** What the driver needs to know about a seeded log to wait for the right rows. */
export interface Seeded {
  items: number;
  clients: number;
  /** The client the log page lands on with no route (the first by name), and its next meeting's items. */
  landing: { clientId: string; itemIds: string[] };
  /** The first generated client, whose next meeting carries `agendaItems`. */
  agenda: { clientId: string; meetingId: string; itemIds: string[] };
}

const CHUNK = 5_000;

/**
 * Writes a generated log straight into the extension's database, in large transactions (fast; not the product's
 * write path). `now` is the page's clock, so the next meetings are the ones the log page shows today.
 */
export async function seed(opts: Omit<LogOptions, 'now'>): Promise<Seeded> {
  const log = generateLog({ ...opts, now: new Date() });
  const db = openDb();
  await db.transaction('rw', [db.clients, db.vendors, db.meetings], async () => {
    await db.clients.bulkPut(log.clients);
    await db.vendors.bulkPut(log.vendors);
    await db.meetings.bulkPut(log.meetings);
  });
  for (let i = 0; i < log.items.length; i += CHUNK)
    await db.transaction('rw', [db.items, db.captures], async () => {
      await db.items.bulkPut(log.items.slice(i, i + CHUNK));
      await db.captures.bulkPut(log.captures.slice(i, i + CHUNK));
    });
  const next = (clientId: string) => log.meetings.find((m) => m.clientId === clientId && m.status === 'planned')!.id;
  const onAgenda = (clientId: string) => {
    const meetingId = next(clientId);
    return log.items.filter((i) => i.meetingId === meetingId).map((i) => i.id);
  };
  const landing = [...log.clients].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]!;
  const first = log.clients[0]!;
  return {
    items: log.items.length,
    clients: log.clients.length,
    landing: { clientId: landing.id, itemIds: onAgenda(landing.id) },
    agenda: { clientId: first.id, meetingId: next(first.id), itemIds: onAgenda(first.id) },
  };
}

/**
 * Bulk write, timed in the page: Docket's import of a one-client log file (the plan's additions through
 * `applyImport`, history included, as a user importing a client log gets) against raw IndexedDB `put`s of the same
 * items and captures into a bare database, alternating so both see the same machine state. Wipes before each run.
 */
export async function bulkWrite(opts: {
  items: number;
  captureChars: number;
  runs: number;
  warmup: number;
}): Promise<{ docket: number[]; raw: number[]; records: number; check: number[] }> {
  const log = generateLog({ items: opts.items, clients: 1, captureChars: opts.captureChars, now: new Date() });
  const file = clientLogFileOf(log, new Date());
  const docket: number[] = [];
  const raw: number[] = [];
  const check: number[] = [];
  let records = 0;
  for (let run = 0; run < opts.warmup + opts.runs; run++) {
    const measured = run >= opts.warmup;
    await wipe();
    // What the import does before writing: read and validate the file, plan against the (empty) local log.
    let start = performance.now();
    const parsed = parseClientLog(file);
    if (!parsed.ok) throw new Error(`generated client log rejected: ${parsed.errors.join('; ')}`);
    const plan = planImport(parsed.log, null);
    if (measured) check.push(performance.now() - start);
    records = plan.add.length;
    start = performance.now();
    await applyImport(openDb(), plan.add);
    if (measured) docket.push(performance.now() - start);
    const took = await rawPuts(log.items, log.captures);
    if (measured) raw.push(took);
  }
  // The import really wrote the log (untimed).
  const db = openDb();
  const [items, captures] = await Promise.all([db.items.count(), db.captures.count()]);
  if (items !== opts.items || captures !== opts.items)
    throw new Error(`the import left ${items} items and ${captures} captures, not ${opts.items}`);
  await wipe();
  return { docket, raw, records, check };
}

let searched: { db: DocketDB; client: SearchClient } | null = null;

/** Long tasks (over 50 ms) on this page's main thread while `work` runs: the longest, 0 when there was none. */
async function longestTask(work: () => Promise<void>): Promise<{ longest: number; tasks: number }> {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  await work();
  await new Promise((resolve) => setTimeout(resolve, 100)); // entries are delivered after their task
  seen.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { longest: Math.max(0, ...seen), tasks: seen.length };
}

/**
 * Builds the search index as a first search does when nothing is saved (the saved index is deleted first): in the
 * search worker, on a fresh database handle, with a search sent every 100 ms meanwhile as if someone were typing
 * (each answered from what is indexed so far). Returns how long until the index was ready, and the longest task on
 * this page's main thread meanwhile. The index is saved at the end, for the searches and the next page.
 */
export async function buildIndex(): Promise<{ ms: number; longest: number; partial: number }> {
  dropIndex();
  await new SearchCache(openDb().name).delete();
  const db = new DocketDB();
  const client = logSearch(db);
  searched = { db, client };
  let ms = 0;
  let partial = 0;
  const { longest } = await longestTask(async () => {
    const start = performance.now();
    for (;;) {
      const answer = await client.search('renewal', {}, 100);
      if (answer.progress.phase === 'ready') break;
      if (answer.hits.length) partial += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    ms = performance.now() - start;
  });
  await client.flush();
  return { ms, longest, partial };
}

/**
 * Each query as the search view runs it on every keystroke (a message to the search worker, which searches, and the
 * hits back; 100 hits, no filter: "All clients"), against the index `buildIndex` built. Returns each query's times
 * and how many hits it found.
 */
export async function search(
  queries: string[],
  runs: number,
  warmup: number,
): Promise<{ times: Record<string, number[]>; hits: Record<string, number> }> {
  if (!searched) throw new Error('buildIndex first');
  const { client } = searched;
  const times: Record<string, number[]> = {};
  const hits: Record<string, number> = {};
  for (const q of queries) {
    times[q] = [];
    for (let run = 0; run < warmup + runs; run++) {
      const start = performance.now();
      const found = (await client.search(q, {}, 100)).hits;
      const took = performance.now() - start;
      if (run >= warmup) times[q].push(took);
      hits[q] = found.length;
    }
  }
  return { times, hits };
}

/**
 * Edits `edits` items through the product's write path, each followed by the search the open search view then runs
 * (the worker catches up with the edit, then searches), and returns the longest task on this page's main thread
 * meanwhile (the edits' own work included) and the slowest search after an edit.
 */
export async function updateIndex(edits: number, run: number): Promise<{ longest: number; slowest: number }> {
  if (!searched) throw new Error('buildIndex first');
  const { db, client } = searched;
  const ids = (await db.items.orderBy(':id').limit(edits).primaryKeys()) as string[];
  const actor = { by: 'Bench', at: new Date().toISOString() };
  let slowest = 0;
  const { longest } = await longestTask(async () => {
    for (const [i, id] of ids.entries()) {
      const word = `benchedit${run}x${i}`;
      await updateItem(db, actor, id, { notes: `${word}: renewal quote revised` });
      const start = performance.now();
      const found = await client.search(word, {}, 100);
      slowest = Math.max(slowest, performance.now() - start);
      if (!found.hits.some((h) => h.itemId === id)) throw new Error(`the edited item ${id} was not found`);
    }
  });
  await client.flush();
  return { longest, slowest };
}

/** Lets the index go (the next data set gets its own). */
export function dropIndex(): void {
  searched?.client.close();
  searched?.db.close();
  searched = null;
}

/**
 * One client with two items, each with one capture: a price list of about `chars` characters of Markdown (one long
 * table, the worst case for a renderer) and an ordinary 2 kB page, the baseline. Wipes the log first.
 */
export async function seedBigCapture(chars: number): Promise<{ big: string; small: string; chars: number }> {
  await wipe();
  const log = generateLog({ items: 2, clients: 1, captureChars: 2_000, now: new Date() });
  const big = log.captures[0]!;
  big.markdown = priceListMarkdown(chars, 7);
  big.excerpt = big.markdown.slice(0, 200);
  const db = openDb();
  await db.transaction('rw', [db.clients, db.vendors, db.meetings, db.items, db.captures], async () => {
    await db.clients.bulkPut(log.clients);
    await db.vendors.bulkPut(log.vendors);
    await db.meetings.bulkPut(log.meetings);
    await db.items.bulkPut(log.items);
    await db.captures.bulkPut(log.captures);
  });
  return { big: big.itemId, small: log.captures[1]!.itemId, chars: big.markdown.length };
}
