import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, tabIdOf } from './support/chromium';
import { shot } from './support/shots';
import { serveFixtures } from './support/fixture-server';
import { startSyncServer } from '../support/sync-server';

requireBrowser();

describe('team sync between two Chromium profiles', () => {
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let alice: Docket;
  let bob: Docket;
  let aliceLog: Page;
  let bobLog: Page;

  beforeAll(async () => {
    server = await startSyncServer();
    site = await serveFixtures({ '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html' });
    [alice, bob] = await Promise.all([launchDocket(), launchDocket()]);
    [aliceLog, bobLog] = await Promise.all([alice.context.newPage(), bob.context.newPage()]);
    await Promise.all([aliceLog.goto(alice.url('log.html')), bobLog.goto(bob.url('log.html'))]);
  });
  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await server?.stop();
    await site?.close();
  });

  /** Signs in from the given part of the page: "Team sync" in client settings, or "Join a team" with no client yet. */
  async function connect(
    log: Page,
    code: string,
    where: 'Team sync' | 'Join a team',
    name = log === aliceLog ? 'Alice Martin' : 'Bob Tremblay',
  ) {
    const form = log.getByRole('region', { name: where }).getByRole('form', { name: 'Connect to a sync server' });
    // Names tell teammates apart in a space's history: the form asks for one ("me" is nobody's name in a team).
    await form.locator('input[name="connect-name"]').fill(name);
    await form.locator('input[name="server-url"]').fill(server.url);
    await form.locator('input[name="code"]').fill(code);
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => log.getByTestId('sync-status').first().textContent(), { timeout: 15_000 })
      .toMatch(/Synced|pending/);
  }

  it('the owner connects with the setup code, shares a client and invites a teammate', async () => {
    await aliceLog.getByRole('button', { name: '+ New client' }).click();
    await aliceLog.locator('input[name="client-name"]').fill('Northwind Dental');
    await aliceLog.getByRole('button', { name: 'Add client' }).click();
    await connect(aliceLog, server.setupCode, 'Team sync');
    await aliceLog.getByRole('button', { name: 'Share Northwind Dental with the team' }).click();
    await aliceLog.getByRole('button', { name: 'Invite…' }).click();
    const code = (await aliceLog.getByTestId('invite-code').textContent())!;
    const [audit] = await Promise.all([
      aliceLog.waitForEvent('download'),
      aliceLog.getByRole('button', { name: 'Audit trail (.ndjson)' }).click(),
    ]);
    expect(readFileSync((await audit.path())!, 'utf8')).toMatch(/"author":"Alice Martin"/); // the name she signed in under, on the server
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    await connect(bobLog, code, 'Join a team');
    await expect
      .poll(() => bobLog.getByRole('button', { name: 'Northwind Dental', exact: true }).count(), { timeout: 15_000 })
      .toBe(1);
  });

  it('a capture saved in one browser appears in the other within 5 seconds, without reload', async () => {
    await bobLog.getByRole('button', { name: 'Northwind Dental', exact: true }).click();
    await bobLog.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    expect(await bobLog.getByTestId('item-row').count()).toBe(0);

    const page = await alice.context.newPage();
    await page.goto(site.origin + '/quotes/Q-2026-1042');
    const tab = await tabIdOf(aliceLog, site.origin + '/quotes/Q-2026-1042');
    const form = await alice.context.newPage();
    await form.goto(alice.url(`popup.html?tab=${tab}&mode=page`));
    await form.locator('input[name="title"]').waitFor({ timeout: 15_000 });
    await form.locator('input[name="title"]').press('Enter');
    await form.getByTestId('saved').waitFor();
    const savedAt = Date.now();

    await expect.poll(() => bobLog.getByTestId('item-row').count(), { timeout: 5_000, interval: 100 }).toBe(1);
    expect(Date.now() - savedAt).toBeLessThan(5_000);
    expect(await bobLog.getByTestId('item-row').textContent()).toMatch(/Q-2026-1042/);
    await bobLog.screenshot({ path: shot('synced') });
  });

  it('an edit made while the server is down syncs when it is back', async () => {
    await server.kill(); // SIGKILL: the data stays
    await aliceLog.getByRole('button', { name: 'Northwind Dental', exact: true }).click();
    await aliceLog.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    await aliceLog.getByTestId('item-row').first().click();
    const title = aliceLog.locator('form[aria-label="Item"] input[name="title"]');
    await title.fill('Acme backup renewal (offline edit)');
    await title.press('Tab');
    await expect
      .poll(() => aliceLog.getByTestId('sync-status').first().textContent(), { timeout: 15_000 })
      .toMatch(/Offline|pending/);

    server = await startSyncServer({ dataDir: server.dataDir, port: server.port });
    await aliceLog.evaluate(() => window.dispatchEvent(new Event('online'))); // what the browser fires on reconnect
    await expect
      .poll(() => aliceLog.getByTestId('sync-status').first().textContent(), { timeout: 15_000 })
      .toMatch(/Synced/);
    await expect
      .poll(() => bobLog.getByTestId('item-row').first().textContent(), { timeout: 15_000 })
      .toMatch(/offline edit/);
  });

  it('history names the teammate who made each change, by the account the server authenticated', async () => {
    await bobLog.getByTestId('item-row').first().click();
    await expect.poll(() => bobLog.getByTestId('history').textContent(), { timeout: 10_000 }).toMatch(/Alice Martin/);
    expect(await bobLog.getByTestId('history').textContent()).not.toMatch(/sync server|Bob Tremblay/);
  });

  it('a teammate who joins later (a first sync from the snapshot) reads each item’s story from who created it', async () => {
    await aliceLog.getByRole('navigation').getByRole('button', { name: 'Client settings' }).click();
    await aliceLog.getByRole('button', { name: 'Invite…' }).click();
    const code = (await aliceLog.getByTestId('invite-code').textContent())!;
    const carol = await launchDocket();
    try {
      const carolLog = await carol.context.newPage();
      await carolLog.goto(carol.url('log.html'));
      await connect(carolLog, code, 'Join a team', 'Carol Nguyen');
      await carolLog.getByRole('button', { name: 'Northwind Dental', exact: true }).click();
      await carolLog.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
      await carolLog.getByTestId('item-row').first().click();
      const story = carolLog.getByTestId('history');
      await expect.poll(() => story.textContent(), { timeout: 10_000 }).toMatch(/Alice Martin created this item/);
      // Then the evidence's line. A snapshot holds the state, not the edits made before it (the offline edit is in
      // the title, not in the story); and the snapshot itself is nobody's change.
      const lines = await story.getByTestId('history-entry').allTextContents();
      expect(lines[0]).toMatch(/^Alice Martin created this item · \d/);
      expect(lines.join('\n')).toMatch(/added evidence: .*Q-2026-1042/);
      expect(lines.join('\n')).not.toMatch(/sync server|Carol Nguyen/);
      await story.screenshot({ path: shot('first-sync-history') });
    } finally {
      await carol.close();
    }
  });

  it('the owner makes a member a viewer, then removes them: the member’s open page says so within seconds', async () => {
    await aliceLog.getByRole('navigation').getByRole('button', { name: 'Client settings' }).click();
    const members = aliceLog.getByRole('table', { name: 'Members of Northwind Dental' });
    await expect.poll(() => members.textContent(), { timeout: 10_000 }).toMatch(/Bob Tremblay/);
    await aliceLog.getByRole('region', { name: 'Team sync' }).screenshot({ path: shot('team-panel') });

    // A role change holds from the next request and ends Bob's stream: his open page turns read-only.
    await aliceLog.getByRole('combobox', { name: 'Role of Bob Tremblay' }).selectOption('viewer');
    await expect
      .poll(() => bobLog.getByTestId('view-only').first().textContent(), { timeout: 10_000, interval: 200 })
      .toMatch(/View only — you are a viewer of Northwind Dental/);
    // Shown, readable, and disabled (a disabled fieldset disables what it holds).
    const fields = bobLog
      .locator('[data-testid="item-detail"]')
      .locator('input:enabled, textarea:enabled, select:enabled');
    expect(await bobLog.locator('[data-testid="item-detail"] input[name="title"]').inputValue()).toMatch(
      /offline edit/,
    );
    expect(await fields.evaluateAll((l) => l.map((e) => e.outerHTML.slice(0, 80)))).toEqual([]);
    await bobLog.screenshot({ path: shot('view-only') });

    await aliceLog.getByRole('button', { name: 'Remove Bob Tremblay' }).click();
    await aliceLog.getByRole('button', { name: 'Yes, remove Bob Tremblay' }).click();
    const removedAt = Date.now();
    await expect
      .poll(() => bobLog.getByTestId('view-only').first().textContent(), { timeout: 10_000, interval: 200 })
      .toMatch(/Removed from Northwind Dental by Alice Martin on .*; your local copy is kept/);
    expect(Date.now() - removedAt).toBeLessThan(10_000);
    await expect.poll(() => members.textContent(), { timeout: 5_000 }).not.toMatch(/Bob Tremblay/);
    // Nothing of Bob's copy is gone, and sync of that space stopped rather than showing an error.
    await bobLog.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    expect(await bobLog.getByTestId('item-row').count()).toBe(1);
    await bobLog.getByRole('navigation').getByRole('button', { name: 'Client settings' }).click();
    await expect
      .poll(() => bobLog.getByTestId('space-ended').textContent(), { timeout: 5_000 })
      .toMatch(/Removed from Northwind Dental by Alice Martin/);
    expect(await bobLog.getByTestId('sync-status').first().textContent()).not.toMatch(/error/i);
    await bobLog.screenshot({ path: shot('removed-member') });
  });
});
