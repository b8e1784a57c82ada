import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, TEST_NOW, tabIdOf } from './support/chromium';
import { shot } from './support/shots';
import { serveFixtures } from './support/fixture-server';

requireBrowser();

describe('capture in real Chromium', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;

  beforeAll(async () => {
    site = await serveFixtures({
      '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html',
      '/hostile': 'pages/hostile.html',
      '/empty': 'pages/empty.html',
      '/files/proposal.pdf': 'pdf/proposal.pdf',
      '/files/corrupt.pdf': 'pdf/corrupt.pdf',
      '/documents/view': 'pdf/proposal.pdf', // a portal's viewer address: no .pdf in it, only the content type
    });
    docket = await launchDocket({ clock: TEST_NOW });
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
  });

  async function addClient(log: Page, name: string) {
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill(name);
    await log.getByRole('button', { name: 'Add client' }).click();
    await expect.poll(() => log.getByRole('button', { name }).count()).toBe(1);
  }

  /** The log's "All items" view: every item of the client, by meeting. */
  async function allItems(log: Page) {
    await log.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
  }

  /** Opens a page and the quick-capture form for it, as the right-click menu's form window does. */
  async function openForm(path: string, mode = 'auto', link?: string): Promise<Page> {
    const page = await docket.context.newPage();
    await page.goto(site.origin + path);
    const helper = await docket.context.newPage();
    await helper.goto(docket.url('log.html'));
    const tab = await tabIdOf(helper, site.origin + path);
    await helper.close();
    const form = await docket.context.newPage();
    await form.setViewportSize({ width: 440, height: 760 });
    const params = new URLSearchParams({ tab: String(tab), mode, ...(link ? { link } : {}) });
    await form.goto(docket.url(`popup.html?${params}`));
    return form;
  }

  it('clips a vendor quote page and files it for the client’s next meeting', async () => {
    const log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
    // The pages run on the tests' clock, so the next meeting and the quote's dates are the same on any day.
    expect(Math.abs((await log.evaluate(() => Date.now())) - Date.parse(TEST_NOW))).toBeLessThan(3_600_000);
    await addClient(log, 'Northwind Dental');

    const pageBefore = await docket.context.newPage();
    await pageBefore.goto(site.origin + '/quotes/Q-2026-1042');
    const htmlBefore = await pageBefore.content();

    const form = await openForm('/quotes/Q-2026-1042');
    await expect
      .poll(() => form.locator('input[name="title"]').inputValue(), { timeout: 15_000 })
      .toMatch(/Q-2026-1042/);
    expect(await form.locator('select[name="client"] option:checked').textContent()).toBe('Northwind Dental');
    expect(await form.locator('select[name="meeting"] option:checked').textContent()).toMatch(/\(next\)$/);
    expect(await form.locator('input[name="amount"]').inputValue()).toBe('4500');
    expect(await form.locator('select[name="recurrence"]').inputValue()).toBe('monthly');
    await form.screenshot({ path: shot('popup') });
    await form.locator('input[name="title"]').press('Enter');
    await expect
      .poll(() => form.getByTestId('saved').textContent())
      .toMatch(/Filed under Northwind Dental, for the meeting of/);

    // The live page was read, never changed.
    expect(await pageBefore.content()).toBe(htmlBefore);

    await log.reload();
    await allItems(log);
    const meeting = log.getByTestId('meeting').first();
    await expect.poll(() => meeting.textContent()).toMatch(/next meeting/);
    expect(await meeting.textContent()).toMatch(/Q-2026-1042/);
    await meeting.getByTestId('item-row').first().click();
    await expect.poll(() => log.getByTestId('capture').count()).toBe(1);
    expect(await log.getByTestId('capture').textContent()).toMatch(/4,500/);
    expect(await log.getByTestId('history').textContent()).toMatch(/created this item/);
    await log.screenshot({ path: shot('log') });
  });

  it('edits an item in the log and shows who changed what', async () => {
    const log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
    await allItems(log);
    await log.getByTestId('item-row').first().click();
    // Filed on a meeting from the form, the item left the Inbox: it is to prepare, whatever its dates say.
    const status = log.locator('form[aria-label="Item"] select[name="status"]');
    await expect.poll(() => status.inputValue()).toBe('to-prepare');
    await status.selectOption('on-agenda');
    await expect
      .poll(() => log.getByTestId('history-entry').last().textContent())
      .toMatch(/edited the item.*Status: To prepare → On agenda/);
  });

  it('offers to attach a second clip of the same page to the existing item', async () => {
    const form = await openForm('/quotes/Q-2026-1042?utm_source=newsletter');
    await expect.poll(() => form.getByTestId('duplicate').count(), { timeout: 15_000 }).toBe(1);
    await form.getByRole('button', { name: 'Attach to that item' }).click();
    await expect.poll(() => form.getByTestId('saved').textContent()).toMatch(/Attached to/);
  });

  it('renders a hostile page inert', async () => {
    const form = await openForm('/hostile');
    const dialogs: string[] = [];
    form.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await expect.poll(() => form.locator('input[name="title"]').count(), { timeout: 15_000 }).toBe(1);
    const title = await form.locator('input[name="title"]').inputValue();
    expect(title).toMatch(/Managed Print Services/);
    await form.locator('input[name="title"]').press('Enter');
    await expect.poll(() => form.getByTestId('saved').count()).toBe(1);
    const log = await docket.context.newPage();
    log.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await log.goto(docket.url('log.html'));
    await allItems(log);
    await log.getByTestId('item-row').filter({ hasText: title }).first().click();
    await expect.poll(() => log.getByTestId('capture').count()).toBe(1);
    const rendered = await log.locator('.markdown').innerHTML();
    expect(rendered).not.toMatch(/<script|<iframe|<svg|onerror|onload|onclick|javascript:/i);
    expect(await log.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('clips a linked PDF and reports a corrupt one clearly', async () => {
    const form = await openForm('/quotes/Q-2026-1042', 'link', `${site.origin}/files/proposal.pdf`);
    await expect.poll(() => form.locator('.evidence').textContent(), { timeout: 20_000 }).toMatch(/3 pages/);
    const bad = await openForm('/quotes/Q-2026-1042', 'link', `${site.origin}/files/corrupt.pdf`);
    await expect.poll(() => bad.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/could not be read/);
  });

  it('clips a PDF open in Chrome’s own viewer tab, whether or not its address ends in .pdf', async () => {
    for (const path of ['/files/proposal.pdf', '/documents/view']) {
      const viewer = await docket.context.newPage();
      // Chrome's PDF viewer is not a web page: the navigation may end without a load event Playwright knows.
      await viewer.goto(site.origin + path, { waitUntil: 'commit' });
      const helper = await docket.context.newPage();
      await helper.goto(docket.url('log.html'));
      await expect
        .poll(() => tabIdOf(helper, site.origin + path).catch(() => null), { timeout: 10_000 })
        .not.toBeNull();
      const tab = await tabIdOf(helper, site.origin + path);
      await helper.close();
      const form = await docket.context.newPage();
      await form.goto(docket.url(`popup.html?tab=${tab}&mode=auto`));
      await expect.poll(() => form.locator('.evidence').textContent(), { timeout: 20_000 }).toMatch(/^PDF.*3 pages/);
      expect(await form.locator('.evidence .excerpt').textContent()).toMatch(/\w{4,}/);
      await form.close();
      await viewer.close();
    }
  });

  it('clips just the selection when the user selected text', async () => {
    const page = await docket.context.newPage();
    await page.goto(site.origin + '/quotes/Q-2026-1042?view=terms');
    await page.evaluate(() => {
      const terms = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('valid until'));
      const range = document.createRange();
      range.selectNodeContents(terms!);
      document.getSelection()!.addRange(range);
    });
    const helper = await docket.context.newPage();
    await helper.goto(docket.url('log.html'));
    const tab = await tabIdOf(helper, site.origin + '/quotes/Q-2026-1042?view=terms');
    await page.bringToFront();
    const form = await docket.context.newPage();
    await form.goto(docket.url(`popup.html?tab=${tab}&mode=auto`));
    await expect.poll(() => form.locator('.evidence').textContent(), { timeout: 15_000 }).toMatch(/^Selection/);
    const excerpt = await form.locator('.evidence .excerpt').textContent();
    expect(excerpt).toMatch(/valid until December 15, 2026/);
    expect(excerpt).not.toMatch(/Line items|ACB-ENT-SEAT/);
  });

  it('says so when there is nothing selected or nothing readable', async () => {
    const form = await openForm('/quotes/Q-2026-1042', 'selection');
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/Nothing is selected/);
    const empty = await openForm('/empty');
    await expect
      .poll(() => empty.getByRole('alert').textContent(), { timeout: 15_000 })
      .toMatch(/found no readable text on this page/);
    expect(await empty.locator('form').count()).toBe(0);
  });
});
