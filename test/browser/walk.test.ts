import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, tabIdOf, TEST_NOW } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { shot } from './support/shots';

requireBrowser();

/**
 * A vCIO preparing a board meeting, as the issue that set the core loop's rules walked it: two vendor documents
 * clipped onto a client's January meeting, the screen, the print and the Markdown compared, a decision written in
 * one sitting, its history read. Pages run on the tests' clock (1 Dec 2026): the client meets on the first
 * Thursday, 3 Dec, then 7 Jan and 4 Feb.
 */
describe('the core loop a vCIO can trust, in real Chromium', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let log: Page;

  beforeAll(async () => {
    site = await serveFixtures({
      '/renewals/m365': 'pages/m365-renewal.html',
      '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html',
    });
    docket = await launchDocket({ clock: TEST_NOW });
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
  });

  const main = () => log.getByRole('main', { name: 'Workspace' });
  const view = (name: string) =>
    log
      .getByRole('navigation')
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();

  /** Clips a page with the quick-capture form, filed on the meeting whose option text matches. */
  async function clip(path: string, meeting: RegExp) {
    const page = await docket.context.newPage();
    await page.goto(site.origin + path);
    const tab = await tabIdOf(log, site.origin + path);
    const form = await docket.context.newPage();
    await form.goto(docket.url(`popup.html?tab=${tab}&mode=page`));
    await form.locator('input[name="title"]').waitFor({ timeout: 15_000 });
    const option = form.locator('select[name="meeting"] option').filter({ hasText: meeting });
    await form.locator('select[name="meeting"]').selectOption((await option.getAttribute('value'))!);
    await form.locator('input[name="title"]').press('Enter');
    await form.getByTestId('saved').waitFor();
    await form.close();
    await page.close();
  }

  it('sets up a client meeting on the first Thursday, in Toronto', async () => {
    await log.getByRole('button', { name: '+ New client' }).click();
    const form = main().getByRole('region', { name: 'New client' }).locator('form');
    await form.locator('input[name="client-name"]').fill('Maple Ridge Dental');
    await form.locator('input[name="timeZone"]').fill('America/Toronto');
    await form.locator('input[name="client-domains"]').fill('mapleridgedental.ca');
    await form.getByRole('button', { name: 'Add client' }).click();
    const settings = log.getByRole('form', { name: 'Client' });
    await settings.locator('select[name="cadence"]').selectOption('monthly');
    await settings.locator('select[name="weekday"]').selectOption('4');
    await settings.locator('select[name="weekOfMonth"]').selectOption('1');
    await settings.locator('input[name="time"]').fill('09:00');
    await settings.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => log.getByRole('status').textContent()).toMatch(/Client saved/);
  });

  it('files two clips on the January meeting: out of the Inbox, on the agenda', async () => {
    await clip('/renewals/m365', /7 Jan/);
    await clip('/quotes/Q-2026-1042', /7 Jan/);
    await log.reload();
    await view('Inbox');
    await main().getByTestId('empty-state').waitFor();
    expect(
      await log
        .getByRole('navigation')
        .getByRole('button', { name: /^Inbox/ })
        .textContent(),
    ).toBe('Inbox');
    await view('Agenda');
    const choice = log.locator('select[name="meeting-choice"]');
    const jan = choice.locator('option').filter({ hasText: /7 Jan/ });
    await choice.selectOption((await jan.getAttribute('value'))!);
    await expect.poll(() => log.getByTestId('agenda-item').count()).toBe(2);
  });

  it('the screen, the print and the Markdown list the same items and say the same about the deadline', async () => {
    const screen = (await log.getByTestId('agenda-item').locator('.title').allTextContents()).sort();
    const when = await log.getByTestId('deadline-when').allTextContents();
    expect(when.join('\n')).toMatch(/Before this meeting \(Thu 7 Jan 2027\)/);
    expect(when.join('\n')).not.toMatch(/2027-02-04|4 Feb 2027/);
    await log.screenshot({ path: shot('walk-agenda'), fullPage: true });

    const [print] = await Promise.all([
      docket.context.waitForEvent('page'),
      log.getByRole('button', { name: 'Print agenda' }).click(),
    ]);
    await print.getByTestId('print').waitFor();
    const printed = (await print.getByTestId('print').textContent())!;
    for (const title of screen) expect(printed).toContain(title);
    expect(printed).not.toMatch(
      /Nothing this time[\s\S]*Nothing this time[\s\S]*Nothing this time[\s\S]*Nothing this time/,
    );
    expect(printed.match(/before this meeting/gi)).toHaveLength(
      when.filter((w) => /before this meeting/i.test(w)).length,
    );
    await print.screenshot({ path: shot('walk-print'), fullPage: true });
    await print.close();

    const [download] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Agenda (.md)' }).click(),
    ]);
    const md = readFileSync((await download.path())!, 'utf8');
    const mdTitles = [...md.matchAll(/^- \*\*(.+?)\*\*(?: — \*\*URGENT\*\*)?$/gm)].map((m) => m[1]!).sort();
    expect(mdTitles).toEqual(screen);
  });

  it('a decision written in one sitting reads as one entry of the history, in words', async () => {
    await log.getByTestId('agenda-item').filter({ hasText: 'Q-2026-1042' }).click();
    const decision = log.getByRole('form', { name: 'Decision record' });
    await decision
      .locator('textarea[name="decision-context"]')
      .fill('Backup for 120 seats; the current term ends 31 Dec.');
    await decision.locator('textarea[name="decision-recommendation"]').fill('Renew for 12 months.');
    await decision.locator('textarea[name="decision-decision"]').fill('Approved: renew for 12 months.');
    await decision.locator('input[name="decided-by-name"]').fill('Julie Côté');
    await decision.locator('input[name="decided-by-role"]').fill('CEO');
    await decision.locator('select[name="decision-status"]').selectOption('accepted');
    await decision.locator('textarea[name="decision-context"]').click();
    const session = log.getByTestId('history-entry').filter({ hasText: 'edited the item' });
    await expect
      .poll(() => session.textContent())
      .toMatch(/Decision: record started; status Proposed → Accepted; decided by: Julie Côté, CEO/);
    expect(await session.count()).toBe(1);
    const history = (await log.getByTestId('history').textContent())!;
    expect(history).not.toMatch(/\{"|"\}/);
    await log.getByTestId('history').scrollIntoViewIfNeeded();
    await log.screenshot({ path: shot('history') });

    const [brief] = await Promise.all([
      docket.context.waitForEvent('page'),
      log.getByRole('button', { name: 'Decision brief' }).click(),
    ]);
    await brief.getByTestId('print').waitFor();
    const text = (await brief.getByTestId('print').textContent())!;
    expect(text).toMatch(/Julie Côté, CEO/);
    expect(text).not.toMatch(/updated the item/);
    await brief.close();
  });

  it('the decisions view counts what it lists, urgent quotes included', async () => {
    await view('Decisions');
    const heading = main().locator('h2').first();
    await expect.poll(() => heading.textContent()).toMatch(/^Decisions to prepare for leadership \(\d+\)$/);
    const listed = await main().locator('ul.items').first().locator('li').count();
    expect(Number(/\((\d+)\)/.exec((await heading.textContent())!)![1])).toBe(listed);
    await log.screenshot({ path: shot('decisions') });
    await view('All items');
    await expect.poll(() => log.getByTestId('item-row').count()).toBe(2);
    await log.screenshot({ path: shot('all-items') });
  });
});
