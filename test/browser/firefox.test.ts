import type { Page as ChromiumPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer } from '../support/sync-server';
import { type Docket, launchDocket, requireBrowser } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { type FirefoxDocket, launchFirefoxDocket, requireFirefox } from './support/firefox';
import { shot } from './support/shots';

// Firefox's own extension namespace, inside page.evaluate on the add-on's pages.
declare const browser: typeof import('wxt/browser').browser;

requireFirefox();
requireBrowser();

/** The Firefox build, in Firefox ESR: the vCIO works in Firefox, her teammate in Chromium. */
describe('Docket in real Firefox', () => {
  let firefox: FirefoxDocket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  let log: Page;

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');
  const button = (page: Page, name: string) => page.locator(`button::-p-text(${name})`);

  beforeAll(async () => {
    site = await serveFixtures({ '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html' });
    server = await startSyncServer();
    firefox = await launchFirefoxDocket({ localDomains: [new URL(site.origin).hostname] });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.stop();
    await site?.close();
  });

  it('installs: the log opens on its first-run page and takes a client', async () => {
    log = await firefox.open('log.html');
    expect(await log.evaluate(() => document.body.innerText)).toMatch(/Add your first client/);
    await button(log, '+ New client').click();
    await log.locator('input[name="client-name"]').fill('Northwind Dental');
    await button(log, 'Add client').click();
    await expect
      .poll(() => log.evaluate(() => [...document.querySelectorAll('nav button')].map((b) => b.textContent)))
      .toContain('Northwind Dental');
  });

  it('clips a served vendor page and files it for the client’s next meeting', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(site.origin + '/quotes/Q-2026-1042');
    const tab = await log.evaluate(async (target) => {
      const tabs = await browser.tabs.query({});
      return tabs.find((t) => t.url === target)?.id ?? null;
    }, site.origin + '/quotes/Q-2026-1042');
    expect(tab).not.toBeNull();
    const form = await firefox.open(`popup.html?tab=${tab}&mode=page`);
    await expect
      .poll(() => form.$eval('input[name="title"]', (i) => (i as HTMLInputElement).value).catch(() => ''), {
        timeout: 20_000,
      })
      .toMatch(/Q-2026-1042/);
    expect(await form.$eval('select[name="client"]', (s) => (s as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
      'Northwind Dental',
    );
    expect(await form.$eval('input[name="amount"]', (i) => (i as HTMLInputElement).value)).toBe('4500');
    await form.screenshot({ path: shot('firefox-popup') });
    await form.locator('input[name="title"]').click();
    await form.keyboard.press('Enter');
    await expect
      .poll(() => text(form, '[data-testid="saved"]'), { timeout: 10_000 })
      .toMatch(/Filed under Northwind Dental, for the meeting of/);

    await log.bringToFront();
    await log.locator('nav button::-p-text(All items)').click();
    await expect.poll(() => text(log, '[data-testid="item-row"]'), { timeout: 10_000 }).toMatch(/Q-2026-1042/);
  });

  it('connects to the team’s sync server (permission asked in the click) and sees a teammate’s change', async () => {
    await log.locator('nav button::-p-text(Client settings)').click();
    const form = 'section[aria-label="Team sync"] form[aria-label="Connect to a sync server"]';
    await log.locator(`${form} input[name="connect-name"]`).fill('Alice Martin');
    await log.locator(`${form} input[name="server-url"]`).fill(server.url);
    await log.locator(`${form} input[name="code"]`).fill(server.setupCode);
    // A real click: Firefox grants `permissions.request` only inside the user's input handler.
    await log.locator(`${form} button::-p-text(Connect)`).click();
    await expect.poll(() => text(log, '[data-testid="sync-status"]'), { timeout: 20_000 }).toMatch(/Synced|pending/);
    await button(log, 'Share Northwind Dental with the team').click();
    await button(log, 'Invite…').click();
    await expect.poll(() => text(log, '[data-testid="invite-code"]'), { timeout: 10_000 }).toMatch(/^[\w-]{20,}$/);
    const code = await text(log, '[data-testid="invite-code"]');

    const bob: Docket = await launchDocket();
    try {
      const bobLog: ChromiumPage = await bob.context.newPage();
      await bobLog.goto(bob.url('log.html'));
      const join = bobLog
        .getByRole('region', { name: 'Join a team' })
        .getByRole('form', { name: 'Connect to a sync server' });
      await join.locator('input[name="connect-name"]').fill('Bob Tremblay');
      await join.locator('input[name="server-url"]').fill(server.url);
      await join.locator('input[name="code"]').fill(code);
      await join.getByRole('button', { name: 'Connect' }).click();
      await bobLog.getByRole('button', { name: 'Northwind Dental', exact: true }).click({ timeout: 20_000 });
      await bobLog.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
      await bobLog.getByTestId('item-row').first().click({ timeout: 20_000 });
      const title = bobLog.locator('form[aria-label="Item"] input[name="title"]');
      await title.fill('Acme backup renewal — Bob checked the term');
      await title.press('Tab');

      await log.locator('nav button::-p-text(All items)').click();
      await expect
        .poll(() => text(log, '[data-testid="item-row"]'), { timeout: 20_000 })
        .toMatch(/Bob checked the term/);
      await log.locator('[data-testid="item-row"]').click();
      await expect.poll(() => text(log, '[data-testid="history"]'), { timeout: 10_000 }).toMatch(/Bob Tremblay/);
      await log.screenshot({ path: shot('firefox-synced') });
    } finally {
      await bob.close();
    }
  });

  it('seals the meeting in Firefox: its own Ed25519 key signs, the server log is co-signed, the seal verifies', async () => {
    const body = () => log.evaluate(() => document.body.innerText);
    await log.locator('nav button::-p-text(Agenda)').click();
    await button(log, 'Seal the meeting…').click();
    await log.locator('form[aria-label="Seal the meeting"] button[type="submit"]').click();
    await expect.poll(body, { timeout: 20_000 }).toMatch(/Meeting sealed \(root [0-9a-f]{16}…\)/);
    const held = await log.$eval(
      'select[name="meeting-choice"] optgroup[label="Past"] option',
      (o) => (o as HTMLOptionElement).value,
    );
    await log.select('select[name="meeting-choice"]', held);
    await expect.poll(() => text(log, '.seal-line'), { timeout: 10_000 }).toMatch(/^Sealed .+ by Alice Martin · root/);
    await expect.poll(() => text(log, '[data-testid="sync-status"]'), { timeout: 20_000 }).toMatch(/Synced/);
    await button(log, 'Verify the seal').click();
    await expect
      .poll(() => text(log, '[data-testid="seal-verdict"]'), { timeout: 30_000 })
      .toMatch(/^Verified: unchanged since sealed[\s\S]*co-signed by the sealing device/);
    await log.screenshot({ path: shot('firefox-sealed') });
  });
});
