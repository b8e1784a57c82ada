import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer } from '../support/sync-server';
import { type Docket, launchDocket } from './support/chromium';
import { type ClientLogFile, storedOn, withGeneratedItems } from './support/imported-log';

/** An import is a local write like any other: what it adds to a shared client reaches the team. */
describe('an imported client log in a shared client', () => {
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  let alice: Docket;
  let bob: Docket;
  let aliceLog: Page;
  let bobLog: Page;

  async function connect(log: Page, name: string, code: string, where: 'Team sync' | 'Join a team') {
    const form = log.getByRole('region', { name: where }).getByRole('form', { name: 'Connect to a sync server' });
    // A new client's settings view can take a while to draw on a loaded machine (two profiles starting at once).
    await form.waitFor({ timeout: 60_000 });
    await form.locator('input[name="connect-name"]').fill(name);
    await form.locator('input[name="server-url"]').fill(server.url);
    await form.locator('input[name="code"]').fill(code);
    await form.getByRole('button', { name: 'Connect' }).click();
    // (in beforeAll: a locator wait, since expect.poll runs only inside a test)
    await log
      .getByTestId('sync-status')
      .filter({ hasText: /Synced|pending/ })
      .first()
      .waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    server = await startSyncServer();
    [alice, bob] = await Promise.all([launchDocket(), launchDocket()]);
    [aliceLog, bobLog] = await Promise.all([alice.context.newPage(), bob.context.newPage()]);
    await Promise.all([aliceLog.goto(alice.url('log.html')), bobLog.goto(bob.url('log.html'))]);
    // Alice shares Northwind Dental and invites Bob, who joins.
    await aliceLog.getByRole('button', { name: '+ New client' }).click();
    await aliceLog.locator('input[name="client-name"]').fill('Northwind Dental');
    await aliceLog.getByRole('button', { name: 'Add client' }).click();
    await connect(aliceLog, 'Alice Martin', server.setupCode, 'Team sync');
    await aliceLog.getByRole('button', { name: 'Share Northwind Dental with the team' }).click();
    await aliceLog.getByRole('button', { name: 'Invite…' }).click();
    const code = (await aliceLog.getByTestId('invite-code').textContent())!;
    await connect(bobLog, 'Bob Tremblay', code, 'Join a team');
  }, 150_000);
  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await server?.stop();
  });

  it('a client log of 1,000 items imported into a shared client reaches the teammate, each item with its story', async () => {
    // Alice's export of Northwind, grown by 1,000 generated items with a capture each (as another tool or an old
    // backup would bring them), imported back: the new records are local writes, so they sync like a capture.
    await aliceLog.getByRole('button', { name: 'Northwind Dental', exact: true }).click();
    await aliceLog.getByRole('navigation').getByRole('button', { name: 'Client settings' }).click();
    const [download] = await Promise.all([
      aliceLog.waitForEvent('download'),
      aliceLog.getByRole('button', { name: 'Client log (.json)', exact: true }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as ClientLogFile;
    const grown = withGeneratedItems(file, 1000);
    const path = join(mkdtempSync(join(tmpdir(), 'docket-import-')), 'northwind.json');
    writeFileSync(path, JSON.stringify(grown));
    const importer = aliceLog.getByTestId('import');
    await importer.locator('input[name="import"]').setInputFiles(path);
    await expect.poll(() => importer.getByRole('status').textContent()).toMatch(/Northwind Dental: 4000 new record/);
    await importer.getByRole('button', { name: /^Import 4000 new record/ }).click();
    const ids = grown.items.slice(-1000).map((i) => i.id);
    // Landed on Alice's side first (the page's own message is transient; the data is what counts).
    await expect
      .poll(() => storedOn(aliceLog, ids), { timeout: 120_000, interval: 500 })
      .toMatchObject({ items: 1000, captures: 1000 });
    expect(await aliceLog.getByText(/Nothing was imported/).count()).toBe(0);
    const t0 = Date.now();
    await expect
      .poll(() => storedOn(bobLog, ids), { timeout: 240_000, interval: 1000 })
      .toEqual({ items: 1000, captures: 1000, created: 1000 });
    console.log(`imported log reached the teammate in ${Date.now() - t0} ms`);
    await expect
      .poll(() => aliceLog.getByTestId('sync-status').first().textContent(), { timeout: 15_000 })
      .toMatch(/Synced/);
  }, 420_000);
});
