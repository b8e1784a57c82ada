/**
 * Poke to visible: two Chromium profiles (owner and editor) synced to one space, each with the log page open. The
 * owner edits an item's title; the editor's log page shows it once the owner's background has pushed, the server
 * has poked the editor's events stream, and the editor's background has pulled. One wall clock: both profiles run
 * on this machine.
 */
import type { Page } from 'playwright-core';
import { generateLog } from '../../data/log';
import { type Docket, launchBench, openBenchPage } from '../../lib/chromium';
import type { BenchContext } from '../../lib/types';
import { seededServer } from './seed';
import { type Account } from '../../in-extension/sync';

export interface PokeSamples {
  /** Edit in A to the title shown in B's log page, ms. */
  visible: number[];
  /** Edit in A to the poke reaching B's page (the server hop), ms. */
  poked: number[];
  items: number;
}

const SAMPLE_TIMEOUT_MS = 15_000;

/** A profile signed in to the space, with its bench page and its log page on the space's client. */
async function openReplica(docket: Docket, account: Account): Promise<{ bench: Page; log: Page }> {
  const bench = await openBenchPage(docket);
  const joined = await bench.evaluate((a) => docketBench.sync.joinSpace(a), account);
  if (!joined.clientId || !joined.items) throw new Error(`${account.role} joined without the space's client`);
  const log = await docket.context.newPage();
  await log.goto(docket.url(`log.html#client=${joined.clientId}&view=log`));
  await log.getByTestId('item-row').first().waitFor({ timeout: 20_000 });
  return { bench, log };
}

/** Starts watching B's log page for `title` and B's events stream for pokes, before the edit is made. */
function watch(log: Page, title: string): Promise<void> {
  return log.evaluate((text) => {
    const w = window as unknown as { seen: Promise<number> };
    w.seen = new Promise<number>((resolve) => {
      // No named functions in here: the page does not have the helper tsx wraps them in.
      if (document.body.textContent?.includes(text)) return resolve(Date.now());
      const observer = new MutationObserver(() => {
        if (!document.body.textContent?.includes(text)) return;
        observer.disconnect();
        resolve(Date.now());
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, title);
}

/** The events stream a log page opens, opened once more in B's page to time the poke itself. */
function listenForPokes(log: Page, account: Account): Promise<void> {
  const url = `${account.serverUrl}/v1/spaces/${account.space}/events?token=${account.token}`;
  return log.evaluate((u) => {
    const w = window as unknown as { pokes: number[] };
    w.pokes = [];
    new EventSource(u).addEventListener('poke', () => w.pokes.push(Date.now()));
  }, url);
}

async function outboxEmpty(bench: Page): Promise<void> {
  const until = Date.now() + SAMPLE_TIMEOUT_MS;
  while ((await bench.evaluate(() => docketBench.sync.pending())) > 0) {
    if (Date.now() > until) throw new Error('the edit was never pushed');
    await bench.waitForTimeout(50);
  }
}

export async function measurePoke(ctx: BenchContext, samples: number): Promise<PokeSamples> {
  const items = 200;
  const log = generateLog({ items, clients: 1, captureChars: 2000 });
  const seeded = await seededServer(ctx.tmp, log);
  const account = (token: string, role: Account['role']): Account => ({
    serverUrl: seeded.server.url,
    token,
    space: seeded.space,
    role,
  });
  const replicas: Docket[] = [];
  try {
    replicas.push(await launchBench(ctx), await launchBench(ctx));
    const [a, b] = await Promise.all([
      openReplica(replicas[0]!, account(seeded.ownerToken, 'owner')),
      openReplica(replicas[1]!, account(seeded.editorToken, 'editor')),
    ]);
    await listenForPokes(b.log, account(seeded.editorToken, 'editor'));
    await b.log.waitForTimeout(1500); // the pokes each page gets on connect, and the syncs they start, settle
    const result: PokeSamples = { visible: [], poked: [], items };
    for (let i = 0; i < samples; i++) {
      const item = log.items[(i * 7) % items]!;
      const title = `Poke ${i + 1}: ${item.title.slice(0, 40)} ${Date.now()}`;
      await watch(b.log, title);
      const editedAt = await a.bench.evaluate(([id, t]) => docketBench.sync.editTitle(id, t), [
        item.id,
        title,
      ] as const);
      const seenAt = await b.log.evaluate(
        (ms) =>
          Promise.race([
            (window as unknown as { seen: Promise<number> }).seen,
            new Promise<number>((_, fail) => setTimeout(() => fail(new Error('the edit never showed')), ms)),
          ]),
        SAMPLE_TIMEOUT_MS,
      );
      const pokes = await b.log.evaluate(() => (window as unknown as { pokes: number[] }).pokes);
      const pokedAt = pokes.find((at) => at >= editedAt);
      result.visible.push(seenAt - editedAt);
      if (pokedAt !== undefined) result.poked.push(pokedAt - editedAt);
      ctx.log(`sync: poke ${i + 1}/${samples}: visible after ${seenAt - editedAt} ms`);
      // Let A's outbox empty and the follow-up syncs (A is poked by its own push) end before the next edit.
      await outboxEmpty(a.bench);
      await a.bench.waitForTimeout(500);
    }
    return result;
  } finally {
    await Promise.all(replicas.map((r) => r.close()));
    await seeded.server.stop();
  }
}
