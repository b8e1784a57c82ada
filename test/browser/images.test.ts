import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, tabIdOf, TEST_NOW } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { bandsPng } from './support/png';
import { shot } from './support/shots';

requireBrowser();

const TIERS = bandsPng(600, 300, [
  [27, 94, 32],
  [46, 125, 50],
  [102, 187, 106],
]);
const RETENTION = bandsPng(480, 240, [
  [13, 71, 161],
  [66, 165, 245],
]);

/** A vendor's pricing page whose evidence is in its pictures: they are kept, and the log shows only its copies. */
describe('images kept with the evidence, in real Chromium', () => {
  let docket: Docket;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let log: Page;
  const imageRequests = () => site.requests.filter((p) => p.startsWith('/img/')).length;

  beforeAll(async () => {
    site = await serveFixtures(
      {
        '/pricing': 'pages/vendor-pricing-images.html',
        '/img/tiers.png': { body: TIERS, type: 'image/png' },
        '/img/retention-chart.png': { body: RETENTION, type: 'image/png' },
        '/img/icon.png': { body: bandsPng(16, 16, [[200, 0, 0]]), type: 'image/png' },
      },
      { host: 'www.ironclad-backup.test' },
    );
    docket = await launchDocket({ clock: TEST_NOW });
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill('Northwind Dental');
    await log.getByRole('button', { name: 'Add client' }).click();
  });
  afterAll(async () => {
    await docket?.close();
    await site?.close();
  });

  it('the form says which images it keeps and which it could not', async () => {
    const page = await docket.context.newPage();
    await page.goto(site.origin + '/pricing');
    const form = await docket.context.newPage();
    await form.setViewportSize({ width: 440, height: 760 });
    await form.goto(docket.url(`popup.html?tab=${await tabIdOf(log, site.origin + '/pricing')}&mode=page`));
    // The chart, and the lazy-loaded one (its real address was in data-src); the price sheet's copy is the same
    // bytes; the icon and the tracking pixel say nothing; the badge's CDN cannot be reached.
    await expect
      .poll(() => form.getByTestId('images-kept').textContent(), { timeout: 20_000 })
      .toMatch(/2 images kept/);
    const captured = await form.getByRole('region', { name: 'Captured' }).textContent();
    expect(captured).toMatch(/1 image from other sites could not be read; the evidence links to them/);
    await form.screenshot({ path: shot('images-popup') });
    await form.locator('input[name="title"]').press('Enter');
    await expect.poll(() => form.getByTestId('saved').textContent()).toMatch(/Filed under Northwind Dental/);
  });

  it('the log shows each image from its local copy and never loads the page’s addresses', async () => {
    const before = imageRequests();
    await log.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    await log.getByTestId('item-row').first().click();
    const evidence = log.getByTestId('capture').first();
    const images = evidence.locator('.markdown img');
    await expect.poll(() => images.count(), { timeout: 10_000 }).toBe(3); // the tiers twice (one copy), the retention chart
    const shown = await images.evaluateAll((all) =>
      all.map((i) => ({
        src: (i as HTMLImageElement).src,
        width: (i as HTMLImageElement).naturalWidth,
        alt: (i as HTMLImageElement).alt,
      })),
    );
    expect(shown.map((i) => i.src.slice(0, 5))).toEqual(['blob:', 'blob:', 'blob:']);
    expect(shown.map((i) => i.width)).toEqual([600, 480, 600]);
    expect(shown[0]!.alt).toMatch(/Essentials \$3, Business \$5, Enterprise \$8/);
    // The badge that could not be kept stays a link; nothing in the log asked the vendor's site for anything.
    expect(await evidence.textContent()).toMatch(/\[image: SOC 2 Type II badge\]/);
    expect(imageRequests()).toBe(before);
    await evidence.screenshot({ path: shot('images-evidence') });
  });

  it('adds a screenshot of what the tab shows, on request, kept and shown like the page’s images', async () => {
    const page = await docket.context.newPage();
    await page.goto(site.origin + '/pricing?tab=screenshot');
    const tab = await tabIdOf(log, site.origin + '/pricing?tab=screenshot');
    // The form in its own window, as the right-click menu opens it, so the page stays the tab its window shows.
    const [form] = await Promise.all([
      docket.context.waitForEvent('page'),
      log.evaluate(
        (url) => chrome.windows.create({ url, type: 'popup', width: 440, height: 760 }),
        docket.url(`popup.html?tab=${tab}&mode=page`),
      ),
    ]);
    await expect
      .poll(() => form.getByTestId('images-kept').textContent(), { timeout: 20_000 })
      .toMatch(/2 images kept/);
    await form.getByRole('button', { name: '+ Add a screenshot of the tab' }).click();
    await expect.poll(() => form.getByTestId('screenshot-added').count(), { timeout: 10_000 }).toBe(1);
    expect(await form.getByTestId('images-kept').textContent()).toMatch(/3 images kept/);
    await form.locator('input[name="title"]').fill('Ironclad pricing, as the partner portal shows it');
    await form.locator('input[name="title"]').press('Enter');
    await expect.poll(() => form.getByTestId('saved').textContent()).toMatch(/Filed under Northwind Dental/);

    await log.bringToFront();
    await log.getByRole('navigation').getByRole('button', { name: 'All items' }).click();
    await log.getByTestId('item-row').filter({ hasText: 'as the partner portal shows it' }).click();
    const figure = log.getByTestId('capture').first().locator('figure.screenshot img');
    await expect
      .poll(() => figure.evaluate((i) => (i as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(100);
    expect(await figure.getAttribute('src')).toMatch(/^blob:/);
    expect(await figure.getAttribute('alt')).toMatch(/^Screenshot of Ironclad Backup — Pricing/);
    await figure.screenshot({ path: shot('screenshot-evidence') });
  });

  it('the handoff pack carries the images, byte for byte', async () => {
    await log.getByRole('navigation').getByRole('button', { name: 'Client settings' }).click();
    const [download] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Handoff pack (.zip)' }).click(),
    ]);
    const files = unzipSync(readFileSync((await download.path())!));
    const images = Object.keys(files).filter((p) => p.startsWith('evidence-images/'));
    expect(images).toHaveLength(3); // the tiers, the retention chart, the screenshot
    const bytes = images.map((p) => Buffer.from(files[p]!).toString('base64'));
    expect(bytes).toEqual(expect.arrayContaining([TIERS.toString('base64'), RETENTION.toString('base64')]));
    expect(new TextDecoder().decode(files['README.md'])).toMatch(/`evidence-images\/` — 3 images kept/);
  });
});
