import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, tabIdOf, TEST_NOW } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { shot } from './support/shots';

requireBrowser();

/**
 * Issue 11 in the real extension: a managed-services proposal from the hints corpus, clipped from its vendor's site.
 * The form names the client the document is addressed to, the vendor as the document writes it, the monthly total
 * with the one-time onboarding kept apart, and a decide-by counted from the proposal's own date, each with its reason;
 * the saved item shows both amounts.
 */
describe('hints a vCIO can trust, in real Chromium', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let log: Page;

  beforeAll(async () => {
    site = await serveFixtures(
      { '/p/harbour-logistics-2026': 'hints-corpus/northstack-proposal.html' },
      { host: 'docs.northstack.test' },
    );
    docket = await launchDocket({ clock: TEST_NOW });
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
    for (const [name, domain] of [
      ['Northwind Dental', 'northwind-dental.com'],
      ['Harbour Logistics', 'harbourlogistics.com'],
    ]) {
      await log.getByRole('button', { name: '+ New client' }).click();
      const form = log
        .getByRole('main', { name: 'Workspace' })
        .getByRole('region', { name: 'New client' })
        .locator('form');
      await form.locator('input[name="client-name"]').fill(name!);
      await form.locator('input[name="client-domains"]').fill(domain!);
      await form.getByRole('button', { name: 'Add client' }).click();
      await log.getByRole('button', { name }).waitFor();
    }
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
  });

  it('prefills the proposal from its parts, each field with its reason, and keeps both amounts', async () => {
    const url = `${site.origin}/p/harbour-logistics-2026`;
    const page = await docket.context.newPage();
    await page.goto(url);
    const tab = await tabIdOf(log, url);
    const form = await docket.context.newPage();
    await form.goto(docket.url(`popup.html?tab=${tab}&mode=page`));
    await form.locator('input[name="title"]').waitFor({ timeout: 15_000 });

    expect(await form.locator('input[name="title"]').inputValue()).toBe(
      'Managed Services Proposal for Harbour Logistics',
    );
    expect(await form.locator('select[name="client"] option:checked').textContent()).toBe('Harbour Logistics');
    expect(await form.locator('.client .hint').textContent()).toMatch(/addressed to Harbour Logistics/);
    expect(await form.locator('input[name="vendor"]').inputValue()).toBe('NorthStack Solutions');
    expect(await form.getByTestId('vendor-why').textContent()).toMatch(/as the document writes it/);
    expect(await form.locator('input[name="amount"]').inputValue()).toBe('7850');
    expect(await form.locator('input[name="currency"]').inputValue()).toBe('CAD');
    expect(await form.locator('select[name="recurrence"]').inputValue()).toBe('monthly');
    expect(await form.locator('input[name="oneTime"]').inputValue()).toBe('12500');
    expect(await form.getByTestId('amount-why').textContent()).toMatch(
      /document’s total.*one-time part \(CA\$12,500\.00\) kept apart/,
    );
    // "Valid for 30 days" counted from the proposal's date (30 Nov), never from today.
    expect(await form.locator('input[name="decideBy"]').inputValue()).toBe('2026-12-30');
    expect(await form.getByTestId('decide-by-why').textContent()).toMatch(
      /^valid until: “valid for 30 days \(from 2026-11-30\)”/,
    );
    expect(await form.getByLabel('Dates in the document').locator('span.chip').allTextContents()).toEqual([
      'Quote date: 2026-11-30',
    ]);
    await form.screenshot({ path: shot('capture-proposal'), fullPage: true });

    await form.locator('input[name="title"]').press('Enter');
    await form.getByTestId('saved').waitFor();
    await form.close();
    await page.close();

    await log.reload();
    await log
      .getByRole('navigation')
      .getByRole('button', { name: /^All items/ })
      .click();
    await expect
      .poll(() => log.getByRole('main', { name: 'Workspace' }).textContent())
      .toMatch(/CA\$7,850\.00\/month \+ CA\$12,500\.00 one-time/);
  });
});
