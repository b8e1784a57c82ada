import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, tabIdOf, TEST_NOW } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { shot } from './support/shots';

requireBrowser();

/** Widths of a locator's boxes, in CSS pixels. */
const widths = (controls: Locator) => controls.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));

/**
 * Selects whose chosen option's text does not fit: the text measured in the select's own font against its inner
 * width (less the arrow). A select cuts its text silently ("Decisions to prepare fo"), so it is measured, not read.
 */
const cutSelects = (page: Page, selects = 'select') =>
  page.locator(selects).evaluateAll((els) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    return (els as HTMLSelectElement[]).flatMap((s) => {
      const style = getComputedStyle(s);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = s.selectedOptions[0]?.textContent ?? '';
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return ctx.measureText(text).width > room ? [`${s.name || s.getAttribute('aria-label')}: ${text}`] : [];
    });
  });

describe('forms and views that look finished, in real Chromium', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let log: Page;

  beforeAll(async () => {
    site = await serveFixtures({ '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html' });
    docket = await launchDocket({ clock: TEST_NOW });
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
  });

  const main = () => log.getByRole('main', { name: 'Workspace' });
  const nav = () => log.getByRole('navigation', { name: 'Clients' });

  it('adds a client in the main pane, in the browser’s time zone, refusing a zone that is not one', async () => {
    await expect.poll(() => main().locator('h2').first().textContent()).toBe('Add your first client');
    await nav().getByRole('button', { name: '+ New client' }).click();
    const form = main().getByRole('region', { name: 'New client' }).locator('form');
    await form.locator('input[name="client-name"]').waitFor();
    // Nothing of the form is squeezed into the 240 px sidebar any more.
    expect(await nav().locator('form').count()).toBe(0);
    for (const w of await widths(form.locator('input, select'))) expect(w).toBeGreaterThan(200);
    const browserZone = await log.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await form.locator('input[name="timeZone"]').inputValue()).toBe(browserZone);
    await log.screenshot({ path: shot('new-client') });

    await form.locator('input[name="client-name"]').fill('Northwind Dental');
    await form.locator('input[name="timeZone"]').fill('Atlantic Time');
    await form.getByRole('button', { name: 'Add client' }).click();
    await expect
      .poll(() => form.getByTestId('error-timeZone').textContent())
      .toBe('"Atlantic Time" is not a time zone: choose one such as America/Halifax.');
    expect(await nav().getByRole('button', { name: 'Northwind Dental' }).count()).toBe(0);
    await log.screenshot({ path: shot('new-client-refused') });

    await form.locator('input[name="timeZone"]').fill('America/Halifax');
    await form.locator('input[name="client-domains"]').fill('northwind-dental.ca');
    await form.getByRole('button', { name: 'Add client' }).click();
    await nav().getByRole('button', { name: 'Northwind Dental' }).waitFor();
    await expect.poll(() => main().getByRole('button', { name: 'Save client' }).count()).toBe(1);
  });

  it('has room for every field of the form at the side panel’s width', async () => {
    await log.setViewportSize({ width: 320, height: 1000 });
    await nav().getByRole('button', { name: '+ New client' }).click();
    const form = main().getByRole('region', { name: 'New client' }).locator('form');
    await form.locator('input[name="client-name"]').waitFor();
    for (const w of await widths(form.locator('input, select'))) expect(w).toBeGreaterThan(240);
    expect(await cutSelects(log)).toEqual([]);
    await log.screenshot({ path: shot('new-client-side-panel') });
    await log.setViewportSize({ width: 1280, height: 800 });
    await nav().getByRole('button', { name: 'Northwind Dental' }).click();
  });

  it('says so in friendly words when a view is empty', async () => {
    await nav().getByRole('button', { name: 'All items' }).click();
    const empty = main().getByTestId('empty-state');
    await expect.poll(() => empty.textContent()).toMatch(/Nothing captured for Northwind Dental yet\..*Docket button/);
    const [title, next] = await Promise.all([
      empty.locator('.empty-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
      empty.locator('.empty-next').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
    ]);
    expect(title).toBeGreaterThan(next);
    expect(next).toBeGreaterThanOrEqual(14);
    await log.screenshot({ path: shot('empty-log') });
  });

  it('shows the popup’s selects whole', async () => {
    const page = await docket.context.newPage();
    await page.goto(site.origin + '/quotes/Q-2026-1042');
    const tab = await tabIdOf(log, site.origin + '/quotes/Q-2026-1042');
    const form = await docket.context.newPage();
    await form.setViewportSize({ width: 440, height: 760 });
    await form.goto(docket.url(`popup.html?tab=${tab}&mode=page`));
    await form.locator('input[name="title"]').waitFor({ timeout: 15_000 });
    await form.locator('select[name="section"]').selectOption('decision-to-prepare');
    expect(await form.locator('select[name="kind"] option').allTextContents()).toContain('Quote');
    await form.locator('main.popup').screenshot({ path: shot('popup-form') });
    expect(await cutSelects(form)).toEqual([]);
    await form.locator('input[name="title"]').press('Enter');
    await form.getByTestId('saved').waitFor();
    await form.close();
    await page.close();
  });

  it('puts item titles above, and larger than, their metadata; kinds capitalised', async () => {
    await log.reload();
    await nav().getByRole('button', { name: 'All items' }).click();
    const row = main().getByTestId('item-row').first();
    await row.waitFor();
    const box = async (sel: string) => {
      const el = row.locator(sel);
      const size = await el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      return { size, top: (await el.boundingBox())!.y };
    };
    const [title, meta] = [await box('.title'), await box('.meta')];
    expect(title.size).toBeGreaterThan(meta.size);
    expect(title.top).toBeLessThan(meta.top);
    expect(await row.locator('.meta').textContent()).toMatch(/^Quote · /);
    await log.screenshot({ path: shot('items-type-scale') });
  });

  it('refuses a cost that is not an amount and reads French and English ones', async () => {
    await main().getByTestId('item-row').first().click();
    // The item's own fields show their meeting and section whole too.
    await log.getByRole('form', { name: 'Item' }).locator('select[name="section"]').waitFor();
    expect(await cutSelects(log, 'form[aria-label="Item"] select')).toEqual([]);
    await log.screenshot({ path: shot('item-detail') });
    const decision = log.getByRole('form', { name: 'Decision record' });
    await decision.getByRole('button', { name: '+ Add option' }).click();
    const oneTime = decision.getByLabel('One-time amount');
    await oneTime.fill('abc');
    await decision.getByLabel('Option 1', { exact: true }).click();
    await expect
      .poll(() => decision.getByRole('alert').textContent())
      .toBe('One-time cost: "abc" is not an amount: write it such as 12 500,00 $, $12,500 or CAD 1,250.');
    // Saving another field keeps the refusal in sight.
    await decision.getByLabel('Option 1', { exact: true }).fill('Renew with Acme');
    await decision.locator('textarea[name="decision-context"]').click();
    await expect.poll(() => log.getByTestId('history').textContent()).toMatch(/decision|option/i);
    expect(await decision.getByRole('alert').count()).toBe(1);
    await decision.locator('fieldset.options').screenshot({ path: shot('decision-cost-refused') });

    await oneTime.fill('12 500,00 $');
    await decision.getByLabel('One-time currency').fill('CAD');
    await decision.getByLabel('Recurring amount').click();
    await expect.poll(() => decision.getByRole('alert').count()).toBe(0);
    // Stored: the box shows the value read back from the log, not what was typed.
    // A shared machine can be slow to write and read back: the default one-second poll is not a promise to users.
    await expect.poll(() => oneTime.inputValue(), { timeout: 10_000 }).toBe('12500');
    // The box shows the editor's state at once; the write lands a moment later (its history entry says so): reloading
    // before that would test the reload's timing, not what was stored.
    await expect
      .poll(() => log.getByTestId('history').textContent(), { timeout: 10_000 })
      .toMatch(/12[\s,.\u202f]?500/);
    await log.reload();
    await expect
      .poll(() => log.getByRole('form', { name: 'Decision record' }).getByLabel('One-time amount').inputValue(), {
        timeout: 10_000,
      })
      .toBe('12500');
    expect(await log.getByLabel('One-time currency').inputValue()).toBe('CAD');
  });

  it('shows search snippets as text, with capitalised labels', async () => {
    await log.locator('input[name="search"]').fill('immutable');
    const results = main().getByTestId('search-results');
    await expect.poll(() => results.locator('li').count()).toBeGreaterThan(0);
    const snippets = await results.locator('.snippet').allTextContents();
    for (const text of snippets) expect(text).not.toMatch(/\\[.*#()[\]_-]/);
    for (const badge of await results.locator('.badge').allTextContents()) expect(badge).toMatch(/^[A-Z]/);
    expect(await main().getByLabel('Kind').locator('option').allTextContents()).toContain('Quote');
    await log.screenshot({ path: shot('search-snippets') });
    await log.locator('input[name="search"]').fill('zzzqqq');
    await expect.poll(() => main().getByTestId('empty-state').textContent()).toMatch(/Nothing matches “zzzqqq”\./);
    await log.locator('input[name="search"]').fill('');
  });

  it('shows an error for a view that meets a badly stored time zone, not a blank page', async () => {
    // As if synced or imported before zones were checked: written straight into IndexedDB.
    await log.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('docket');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('clients', 'readwrite');
            const store = tx.objectStore('clients');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const c of all.result) store.put({ ...c, timeZone: 'Atlantic Time' });
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await log.goto(docket.url('log.html'));
    await nav().getByRole('button', { name: 'Agenda', exact: true }).click();
    const error = main().getByTestId('view-error');
    await expect.poll(() => error.textContent()).toMatch(/Docket could not show the agenda\./);
    expect(await error.textContent()).toMatch(/time zone/i);
    // The rest of the page still works: the settings that fix it are one click away.
    expect(await nav().getByRole('button', { name: 'Northwind Dental' }).count()).toBe(1);
    await log.screenshot({ path: shot('view-error') });
    await log.setViewportSize({ width: 300, height: 700 });
    await log.screenshot({ path: shot('view-error-side-panel') });
    await log.setViewportSize({ width: 1280, height: 800 });
    await error.getByRole('button', { name: 'Open client settings' }).click();
    const settings = main().getByRole('form', { name: 'Client' });
    await settings.locator('input[name="timeZone"]').fill('America/Halifax');
    await settings.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => log.getByRole('status').textContent()).toMatch(/Client saved/);
    await nav().getByRole('button', { name: 'Agenda', exact: true }).click();
    await expect.poll(() => main().getByTestId('view-error').count()).toBe(0);
  });
});
