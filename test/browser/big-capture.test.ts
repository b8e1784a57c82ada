import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePriceList, PRICE_LIST } from '../../bench/data/price-list';
import { type Docket, launchDocket, requireBrowser, TEST_NOW, tabIdOf } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { shot } from './support/shots';

requireBrowser();

// Sized for a loaded two-core machine; the figures for speed are the bench's, not these.
const SLOW = { timeout: 60_000 };

describe('a 7 MB vendor price list in real Chromium', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let dir: string;

  beforeAll(async () => {
    // Generated here, never checked in: the fixture server reads it from a temp folder.
    dir = mkdtempSync(join(tmpdir(), 'docket-big-'));
    const file = join(dir, 'price-list.html');
    writeFileSync(file, generatePriceList(7_000_000, 19));
    site = await serveFixtures({ '/price-lists/2027': file });
    docket = await launchDocket({ clock: TEST_NOW });
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openForm(path: string): Promise<Page> {
    const page = await docket.context.newPage();
    await page.goto(site.origin + path);
    const helper = await docket.context.newPage();
    await helper.goto(docket.url('log.html'));
    const tab = await tabIdOf(helper, site.origin + path);
    await helper.close();
    const form = await docket.context.newPage();
    await form.setViewportSize({ width: 440, height: 760 });
    await form.goto(docket.url(`popup.html?${new URLSearchParams({ tab: String(tab), mode: 'auto' })}`));
    return form;
  }

  it('prefills the form with a notice, and opens the item with a first screen and "Show all"', SLOW, async () => {
    const log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill('Northwind Dental');
    await log.getByRole('button', { name: 'Add client' }).click();
    await expect.poll(() => log.getByRole('button', { name: 'Northwind Dental' }).count()).toBe(1);

    const form = await openForm('/price-lists/2027');
    await expect.poll(() => form.locator('input[name="title"]').inputValue(), SLOW).toBe(PRICE_LIST.title);
    // The form says what was kept, and the total from the last row is among the suggestions.
    expect(await form.locator('.evidence .warning').allTextContents()).toContainEqual(
      expect.stringMatching(/This page is very large .* left out about [\d,]+ characters in the middle/),
    );
    expect(await form.locator('input[name="amount"]').inputValue()).toBe('184250');
    await form.screenshot({ path: shot('big-capture-form') });
    await form.locator('input[name="title"]').press('Enter');
    await expect.poll(() => form.getByTestId('saved').count(), SLOW).toBe(1);

    await log.reload();
    await log.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    await log.getByTestId('item-row').filter({ hasText: PRICE_LIST.vendor }).first().click();
    const capture = log.getByTestId('capture');
    await expect.poll(() => capture.count(), SLOW).toBe(1);
    // The first screen is there at once; the total row at the end is not rendered yet.
    await expect.poll(() => capture.locator('.markdown').textContent(), SLOW).toContain(PRICE_LIST.firstSku);
    expect(await capture.locator('.markdown').textContent()).not.toContain(PRICE_LIST.total);
    expect(await capture.getByTestId('evidence-more').textContent()).toMatch(/Showing [\d,]+ of [\d,]+ characters/);
    await capture.scrollIntoViewIfNeeded();
    await log.screenshot({ path: shot('big-capture-log') });

    await capture.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => capture.locator('.markdown').textContent(), SLOW).toContain(PRICE_LIST.total);
    expect(await capture.getByTestId('evidence-more').count()).toBe(0);
    expect(await capture.locator('.markdown').textContent()).toContain('left out here');
    // Every piece went through the sanitiser: no raw HTML came back from the page.
    expect(await capture.locator('.markdown').innerHTML()).not.toMatch(/<script|<iframe|onerror|javascript:/i);
  });
});
