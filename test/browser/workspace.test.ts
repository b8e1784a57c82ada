import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, TEST_NOW, tabIdOf } from './support/chromium';
import { shot } from './support/shots';
import { serveFixtures } from './support/fixture-server';

requireBrowser();

const day = (offset: number) => new Date(Date.parse(TEST_NOW) + offset * 86_400_000).toISOString().slice(0, 10);
const today = () => day(0);

describe('governance workspace in real Chromium: capture → triage → prepare → print → decide → hold', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let log: Page;

  beforeAll(async () => {
    site = await serveFixtures({
      '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html',
      '/blog/msp-clauses': 'pages/long-article.html',
    });
    docket = await launchDocket({ clock: TEST_NOW });
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
  });

  async function clip(path: string) {
    const page = await docket.context.newPage();
    await page.goto(site.origin + path);
    const tab = await tabIdOf(log, site.origin + path);
    const form = await docket.context.newPage();
    await form.goto(docket.url(`popup.html?tab=${tab}&mode=page`));
    await form.locator('input[name="title"]').waitFor({ timeout: 15_000 });
    await form.locator('select[name="meeting"]').selectOption('');
    await form.locator('input[name="title"]').press('Enter');
    await form.getByTestId('saved').waitFor();
    await form.close();
    await page.close();
  }
  const view = (name: string) =>
    log
      .getByRole('navigation')
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();

  it('1. creates a client and sets its rhythm', async () => {
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill('Laval Logistics');
    await log.getByRole('button', { name: 'Add client' }).click();
    const settings = log.getByRole('form', { name: 'Client' });
    await settings.locator('select[name="cadence"]').selectOption('weekly');
    await settings.locator('select[name="weekday"]').selectOption('2');
    await settings.locator('input[name="timeZone"]').fill('America/Toronto');
    await settings.locator('input[name="domains"]').fill('laval-logistics.ca');
    await settings.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => log.getByRole('status').textContent()).toMatch(/Client saved/);
  });

  it('2–3. captures vendor pages into the inbox and triages them onto the next meeting', async () => {
    await clip('/quotes/Q-2026-1042');
    await clip('/blog/msp-clauses');
    await view('Inbox');
    await expect.poll(() => log.getByTestId('inbox-item').count()).toBe(2);
    await log.screenshot({ path: shot('inbox') });
    for (let i = 0; i < 2; i++) {
      await log
        .getByTestId('inbox-item')
        .first()
        .getByRole('button', { name: /^Put on / })
        .click();
      await expect.poll(() => log.getByTestId('inbox-item').count()).toBe(1 - i);
    }
  });

  it('4–5. prepares the quote on the agenda and prints it', async () => {
    await view('Agenda');
    const quote = log.getByTestId('agenda-item').filter({ hasText: 'Q-2026-1042' });
    await expect.poll(() => quote.count()).toBe(1);
    expect(await log.getByRole('region', { name: 'Decisions to prepare for leadership' }).textContent()).toMatch(
      /Q-2026-1042/,
    );
    // keyboard: move the article up into the section above
    const article = log.getByTestId('agenda-item').filter({ hasNotText: 'Q-2026-1042' });
    const before = await article.evaluate((el) => el.closest('[data-section]')!.getAttribute('data-section'));
    await article.focus();
    await log.keyboard.press('Alt+Shift+ArrowUp');
    await expect
      .poll(() => article.evaluate((el) => el.closest('[data-section]')!.getAttribute('data-section')))
      .not.toBe(before);

    // drag and drop: the article into Project review
    await article.dragTo(log.getByRole('region', { name: 'Project review' }));
    await expect
      .poll(() => article.evaluate((el) => el.closest('[data-section]')!.getAttribute('data-section')))
      .toBe('project-review');

    await quote.click();
    const decision = log.getByRole('form', { name: 'Decision record' });
    await decision
      .locator('textarea[name="decision-context"]')
      .fill('Backup renewal for 120 seats; current term ends Dec 31.');
    await decision.locator('textarea[name="decision-recommendation"]').fill('Renew for 12 months at $4,500/month.');
    await decision.locator('textarea[name="decision-decision"]').click();
    // One editing session, one history entry: each part of the decision in words, never raw JSON.
    const session = log.getByTestId('history-entry').filter({ hasText: 'Recommendation:' });
    await expect.poll(() => session.count()).toBe(1);
    expect(await session.textContent()).toMatch(/Context: empty → “Backup renewal for 120 seats/);
    expect(await log.getByTestId('history').textContent()).not.toMatch(/\{"context"/);
    await log.screenshot({ path: shot('agenda') });

    const [print] = await Promise.all([
      docket.context.waitForEvent('page'),
      log.getByRole('button', { name: 'Print agenda' }).click(),
    ]);
    await print.getByTestId('print').waitFor();
    const text = await print.getByTestId('print').textContent();
    expect(text).toMatch(/Laval Logistics/);
    expect(text).toMatch(/Decisions to prepare for leadership[\s\S]*Q-2026-1042/);
    expect(text).toMatch(/Renew for 12 months/);
    await print.setViewportSize({ width: 900, height: 1000 });
    await print.screenshot({ path: shot('print-agenda') });
    await print.close();
  });

  it('6. records the decision', async () => {
    const decision = log.getByRole('form', { name: 'Decision record' });
    await decision.locator('textarea[name="decision-decision"]').fill('Approved: renew 12 months.');
    await decision.locator('input[name="decided-by-name"]').fill('Marie Tremblay');
    await decision.locator('input[name="decided-by-role"]').fill('CFO');
    await decision.locator('select[name="decision-status"]').selectOption('accepted');
    await decision.locator('input[name="decided-on"]').fill(today());
    await log.locator('form[aria-label="Item"] select[name="status"]').selectOption('decided');
    // The status change just above re-renders the agenda from the database; the box may be drawn again from the
    // stored value for a moment before its own write lands, so wait for the stored state, not the click's.
    const discussed = log.getByRole('checkbox', { name: /^Discussed: Quote Q-2026-1042/ });
    await discussed.click();
    await expect.poll(() => discussed.isChecked()).toBe(true);
    await expect.poll(() => log.getByTestId('history').textContent()).toMatch(/status/);

    const [brief] = await Promise.all([
      docket.context.waitForEvent('page'),
      log.getByRole('button', { name: 'Decision brief' }).click(),
    ]);
    await brief.getByTestId('print').waitFor();
    const text = await brief.getByTestId('print').textContent();
    expect(text).toMatch(/Approved: renew 12 months/);
    expect(text).toMatch(/Marie Tremblay/);
    await brief.close();
  });

  it('7–8. seals the meeting: the undiscussed item moves on, the minutes export with the seal line', async () => {
    await log.getByRole('button', { name: 'Seal the meeting…' }).click();
    await log.locator('textarea[name="minutes"]').fill('Renewal approved. Contract clauses to review next time.');
    await log.getByRole('form', { name: 'Seal the meeting' }).getByRole('button', { name: 'Seal the meeting' }).click();
    await expect
      .poll(() => log.getByRole('status').textContent())
      .toMatch(/Meeting sealed \(root [0-9a-f]{16}…\)\. 1 item\(s\) carried/);
    await log.locator('select[name="meeting-choice"]').selectOption({ index: 0 });
    await expect.poll(() => log.getByTestId('agenda-item').count()).toBe(1);
    expect(await log.getByTestId('agenda-item').textContent()).toMatch(/slipped ×1/);

    const held = await log
      .locator('select[name="meeting-choice"] optgroup[label="Past"] option')
      .first()
      .getAttribute('value');
    await log.locator('select[name="meeting-choice"]').selectOption(held!);
    await expect.poll(() => log.getByTestId('held-agenda').textContent()).toMatch(/carried forward/);
    const [download] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Minutes (.md)' }).click(),
    ]);
    const minutes = readFileSync((await download.path())!, 'utf8');
    expect(minutes).toMatch(/Approved: renew 12 months/);
    expect(minutes).toMatch(/Marie Tremblay/);
    expect(minutes).toMatch(/Renewal approved\. Contract clauses/);
    // The minutes carry their seal: the line on screen, and the full root to compare a pack against.
    const line = (await log.locator('.seal-line').textContent())!;
    expect(line).toMatch(/^Sealed \d{1,2} \w{3} \d{4} \d{2}:\d{2} by .+ · root [0-9a-f]{16}…$/);
    expect(minutes).toContain(`**${line}**`);
    expect(minutes).toContain(`Root: \`${(await log.locator('.seal .root').textContent())!}\``);
    expect(await log.getByTestId('seal-state').textContent()).toBe('Unchanged since sealed.');
  });

  it('keeps vendors and contracts: a bad term is refused, a good one puts its notice deadline on the agenda', async () => {
    await view('Vendors');
    await log.getByTestId('vendor-row').first().click();
    const form = log.getByRole('form', { name: 'Add contract' });
    await form.locator('input[name="title"]').fill('Backup subscription');
    await form.locator('input[name="termStart"]').fill(day(20));
    await form.locator('input[name="termEnd"]').fill(day(-345));
    await form.locator('input[name="noticeDays"]').fill('10');
    await form.locator('input[name="amount"]').fill('1000');
    await form.locator('input[name="currency"]').fill('USD');
    await form.locator('select[name="recurrence"]').selectOption('monthly');
    await form.getByRole('button', { name: 'Add contract' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/the term cannot end before it starts/);
    expect(await log.getByTestId('contract-row').count()).toBe(0);
    await form.locator('input[name="termStart"]').fill(day(-345));
    await form.locator('input[name="termEnd"]').fill(day(20));
    await form.getByRole('button', { name: 'Add contract' }).click();
    await expect.poll(() => log.getByTestId('contract-row').count()).toBe(1);
    await log.locator('main').evaluate((el) => el.scrollTo(0, 0));
    await log.screenshot({ path: shot('vendors') });

    await view('Agenda');
    await log.locator('select[name="meeting-choice"]').selectOption({ index: 0 });
    await expect
      .poll(() => log.getByTestId('deadlines').textContent())
      .toMatch(/Last day to give notice on Backup subscription/);
  });

  it('budgets approved and pending spend, recurring annualised, per currency', async () => {
    await view('Budget');
    const usd = log.getByRole('table', { name: 'Budget in USD' });
    // the approved quote ($4,500/month) and the contract ($1,000/month), annualised
    await expect.poll(() => usd.getByRole('row', { name: /Approved/ }).textContent()).toMatch(/\$66,000\.00/);
    await log.screenshot({ path: shot('budget') });
  });

  it('finds items by text with `/`, from anywhere', async () => {
    await log.locator('body').click();
    await log.keyboard.press('/');
    await log.keyboard.type('backup renewal');
    await expect.poll(() => log.getByTestId('search-results').textContent()).toMatch(/Q-2026-1042/);
    await log.screenshot({ path: shot('search') });
  });

  it('moves through lists with j/k', async () => {
    await view('All items');
    await log.locator('body').click();
    await log.keyboard.press('j');
    const first = await log.evaluate(() => document.activeElement?.hasAttribute('data-nav-item'));
    await log.keyboard.press('j');
    const second = await log.evaluate(() => document.activeElement?.textContent);
    await log.keyboard.press('k');
    expect(first).toBe(true);
    expect(await log.evaluate(() => document.activeElement?.textContent)).not.toBe(second);
  });

  it('exports the client log and imports it back: nothing new, nothing overwritten; a foreign file is refused', async () => {
    await view('Client settings');
    const [download] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Client log (.json)', exact: true }).click(),
    ]);
    const path = (await download.path())!;
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      format: 'docket-client-log',
      client: { name: 'Laval Logistics' },
    });
    const importer = log.getByTestId('import');
    await importer.locator('input[name="import"]').setInputFiles(path);
    await expect
      .poll(() => importer.getByRole('status').textContent())
      .toMatch(/Laval Logistics: 0 new record\(s\), \d+ already here/);
    await importer.getByRole('button', { name: 'Cancel' }).click();
    await importer.locator('input[name="import"]').setInputFiles({
      name: 'package.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"name":"docket","version":"1.0.0"}'),
    });
    await expect
      .poll(() => importer.getByRole('alert').textContent())
      .toMatch(/nothing was changed.*not a Docket client log/s);
  });

  it('works as the narrow side panel', async () => {
    const panel = await docket.context.newPage();
    await panel.setViewportSize({ width: 380, height: 760 });
    await panel.goto(docket.url('sidepanel.html'));
    await panel.getByRole('button', { name: 'Laval Logistics' }).click();
    await panel.getByRole('navigation').getByRole('button', { name: 'Agenda', exact: true }).click();
    await expect.poll(() => panel.getByTestId('agenda-item').count()).toBe(1);
    await panel.screenshot({ path: shot('side-panel') });
    await panel.getByTestId('agenda-item').first().click();
    await expect.poll(() => panel.getByTestId('item-detail').isVisible()).toBe(true);
    expect(
      await panel
        .getByRole('region', { name: 'Workspace' })
        .isVisible()
        .catch(() => false),
    ).toBe(false);
  });
});
