import { createServer, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser } from './support/chromium';
import { shot } from './support/shots';
import { startSyncServer } from '../support/sync-server';

requireBrowser();

/** What the sync badge tells the user, in two Chromium profiles against the real server. */
describe('the sync badge tells the truth', () => {
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  let alice: Docket;
  let bob: Docket;
  let aliceLog: Page;
  let bobLog: Page;

  beforeAll(async () => {
    server = await startSyncServer();
    [alice, bob] = await Promise.all([launchDocket(), launchDocket()]);
    [aliceLog, bobLog] = await Promise.all([alice.context.newPage(), bob.context.newPage()]);
    await Promise.all([aliceLog.goto(alice.url('log.html')), bobLog.goto(bob.url('log.html'))]);
  });
  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await server?.stop();
  });

  const badge = (log: Page) => log.getByTestId('sync-status').first();
  const badgeText = (log: Page) => badge(log).textContent();

  async function fillConnect(log: Page, where: 'Team sync' | 'Join a team', code: string) {
    const form = log.getByRole('region', { name: where }).getByRole('form', { name: 'Connect to a sync server' });
    // Names tell teammates apart in a space's history: the form asks for one ("me" is nobody's name in a team).
    await form.locator('input[name="connect-name"]').fill(log === aliceLog ? 'Alice Martin' : 'Bob Tremblay');
    await form.locator('input[name="server-url"]').fill(server.url);
    await form.locator('input[name="code"]').fill(code);
    await form.getByRole('button', { name: 'Connect' }).click();
    return form;
  }

  async function addClient(log: Page, name: string) {
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill(name);
    await log.getByRole('button', { name: 'Add client' }).click();
    await log.getByRole('button', { name, exact: true }).first().waitFor();
  }

  it('asks for a name teammates will know before signing in, not "me"', async () => {
    const form = bobLog
      .getByRole('region', { name: 'Join a team' })
      .getByRole('form', { name: 'Connect to a sync server' });
    await form.locator('input[name="server-url"]').fill(server.url);
    await form.locator('input[name="code"]').fill('A'.repeat(43));
    await form.locator('input[name="connect-name"]').fill('me');
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^Give your name as your teammates know it/);
    expect(await badgeText(bobLog)).toBe('Not shared');
  });

  it('a wrong invite code is called an invite code, not a setup code', async () => {
    const form = await fillConnect(bobLog, 'Join a team', 'A'.repeat(43)); // well formed, issued by nobody
    const alert = form.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(/invite/i);
    expect(await alert.textContent()).not.toMatch(/setup code is wrong/i);
    expect(await badgeText(bobLog)).toBe('Not shared');
  });

  it('connecting with clients that are not shared leaves nothing pending, and shows when it last synced', async () => {
    await addClient(aliceLog, 'Northwind Dental');
    await addClient(aliceLog, 'Contoso Legal');
    await fillConnect(aliceLog, 'Team sync', server.setupCode);
    // Both clients' changes sit in the outbox, but neither is shared: none of them will be sent.
    await expect.poll(() => badgeText(aliceLog), { timeout: 20_000 }).toMatch(/^Synced · \d\d:\d\d$/);
    expect(await badge(aliceLog).getAttribute('title')).toMatch(/Last synced .*\d{4}.*\d\d:\d\d:\d\d/);
    expect(await badge(aliceLog).getAttribute('title')).toMatch(/No client is shared yet/);
  });

  it('sharing one client sends it; the other stays on this browser without counting as pending', async () => {
    await aliceLog.getByRole('button', { name: 'Share Contoso Legal with the team' }).click();
    await expect.poll(() => badgeText(aliceLog), { timeout: 20_000 }).toMatch(/^Synced · \d\d:\d\d$/);
    await aliceLog.getByRole('button', { name: 'Invite…' }).click();
    const code = (await aliceLog.getByTestId('invite-code').textContent())!;
    await fillConnect(bobLog, 'Join a team', code);
    await expect.poll(() => badgeText(bobLog), { timeout: 20_000 }).toMatch(/^Synced · \d\d:\d\d$/);
    await expect
      .poll(() => bobLog.getByRole('button', { name: 'Contoso Legal', exact: true }).count(), { timeout: 20_000 })
      .toBe(1);
    // Northwind Dental's changes are still in the outbox, and still not counted.
    expect(await badgeText(aliceLog)).toMatch(/^Synced/);
  });

  it('when the server goes down, a teammate who only listens is told within a minute, and Synced again after', async () => {
    await server.kill(); // SIGKILL: the data stays for the restart
    const [bobSees, aliceSees] = await Promise.all(
      [bobLog, aliceLog].map(async (log) => {
        const started = Date.now();
        await expect
          .poll(() => badgeText(log), { timeout: 60_000, interval: 500 })
          .toMatch(/^(Server unreachable|Offline)/);
        return Date.now() - started;
      }),
    );
    console.info(`server down: told after ${bobSees} ms (listening teammate), ${aliceSees} ms (owner)`);
    expect(await badge(bobLog).getAttribute('title')).toMatch(/Last synced/);
    await bobLog.screenshot({ path: shot('sync-unreachable') });

    server = await startSyncServer({ dataDir: server.dataDir, port: server.port });
    for (const log of [bobLog, aliceLog])
      await expect.poll(() => badgeText(log), { timeout: 90_000, interval: 500 }).toMatch(/^Synced · \d\d:\d\d$/);
  }, 240_000);

  it('a server that takes connections but never answers counts as unreachable, not "Synced" for ever', async () => {
    await server.kill();
    // A frozen server: the port accepts, nothing ever comes back. A request without a deadline hung the round.
    const sockets = new Set<Socket>();
    const frozen = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((ok) => frozen.listen(server.port, '127.0.0.1', ok));
    try {
      const started = Date.now();
      // The request deadline (30 s) plus a retry's wait, with room for a loaded machine.
      await expect
        .poll(() => badge(bobLog).getAttribute('title'), { timeout: 90_000, interval: 500 })
        .toMatch(/did not answer within \d+ s/);
      expect(await badgeText(bobLog)).toMatch(/^(Server unreachable|Offline)/);
      console.info(`frozen server: the listening teammate was told after ${Date.now() - started} ms`);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((ok) => frozen.close(ok));
    }
    server = await startSyncServer({ dataDir: server.dataDir, port: server.port });
    await expect.poll(() => badgeText(bobLog), { timeout: 90_000, interval: 500 }).toMatch(/^Synced · \d\d:\d\d$/);
  }, 240_000);
});
