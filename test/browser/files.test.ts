import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, TEST_NOW } from './support/chromium';
import { shot } from './support/shots';

requireBrowser();

/** Drops a fixture file on the page the way a desktop drag does: dragover, then drop with a DataTransfer. */
async function dropFile(page: Page, fixture: string, name: string, type: string) {
  const base64 = readFileSync(`test/fixtures/${fixture}`).toString('base64');
  await page.evaluate(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    },
    { base64, name, type },
  );
}

describe('files dropped on the log page, in real Chromium', () => {
  let docket: Docket;
  let log: Page;

  beforeAll(async () => {
    docket = await launchDocket({ clock: TEST_NOW });
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill('Northwind Dental');
    await log.locator('input[name="client-domains"]').fill('northwind-dental.com');
    await log.getByRole('button', { name: 'Add client' }).click();
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill('Contoso Freight');
    await log.getByRole('button', { name: 'Add client' }).click();
    await log.getByRole('button', { name: 'Contoso Freight' }).waitFor();
  });
  afterAll(async () => {
    await docket?.close();
  });

  it('clips a dropped .eml: headers, client from the Cc domain, vendor from the sender', async () => {
    await dropFile(log, 'eml/vendor-renewal.eml', 'renewal.eml', 'message/rfc822');
    const dialog = log.getByRole('dialog');
    await expect.poll(() => dialog.locator('input[name="title"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.locator('.evidence').textContent()).toMatch(/Dana Reyes <dana\.reyes@acme-cloud\.com>/);
    expect(await dialog.locator('select[name="client"] option:checked').textContent()).toBe('Northwind Dental');
    expect(await dialog.locator('input[name="vendor"]').inputValue()).toMatch(/Acme Cloud/i);
    expect(await dialog.locator('input[name="amount"]').inputValue()).toBe('4800');
    await dialog.locator('.popup').screenshot({ path: shot('email-capture') });
    await dialog.locator('input[name="title"]').press('Enter');
    await expect.poll(() => log.getByRole('status').last().textContent()).toMatch(/Filed under Northwind Dental/);
    await log.getByRole('button', { name: 'Northwind Dental' }).click();
    await log.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    await log.getByTestId('item-row').first().click();
    const evidence = await log.getByTestId('capture').textContent();
    expect(evidence).toMatch(/E-mail from Dana Reyes <dana\.reyes@acme-cloud\.com>/);
    expect(evidence).toMatch(/\$4,800/);
  });

  it('refuses a file it cannot read, and saves nothing', async () => {
    const rows = await log.getByTestId('item-row').count();
    await dropFile(log, 'eml/not-an-email.txt', 'notes.txt', 'text/plain');
    await expect
      .poll(() => log.getByRole('dialog').getByRole('alert').textContent(), { timeout: 15_000 })
      .toMatch(/notes\.txt: Docket can read \.eml, \.html and \.pdf files/);
    await log.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    expect(await log.getByTestId('item-row').count()).toBe(rows);
  });
});
