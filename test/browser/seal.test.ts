import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Docket, launchDocket, requireBrowser, tabIdOf } from './support/chromium';
import { serveFixtures } from './support/fixture-server';
import { shot } from './support/shots';
import { startSyncServer } from '../support/sync-server';

requireBrowser();

/** Unzips a pack into a fresh folder and runs its own verify.mjs on it, as the client's auditor would. */
function runVerifier(zip: Uint8Array, tamper?: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'docket-pack-'));
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  tamper?.(dir);
  const run = spawnSync(process.execPath, [join(dir, 'verify.mjs'), dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('a sealed meeting in real Chromium: seal, amend, export the evidence pack, verify it offline', () => {
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let docket: Docket;
  let log: Page;
  let pack: Uint8Array;

  beforeAll(async () => {
    server = await startSyncServer();
    site = await serveFixtures({ '/quotes/Q-2026-1042': 'pages/vendor-quote-portal.html' });
    docket = await launchDocket();
    log = await docket.context.newPage();
    await log.goto(docket.url('log.html'));
  });
  afterAll(async () => {
    await docket?.close();
    await server?.stop();
    await site?.close();
  });

  const status = () => log.getByTestId('sync-status').first().textContent();
  async function openSealedMeeting() {
    await log
      .getByRole('navigation')
      .getByRole('button', { name: /^Agenda/ })
      .click();
    const held = await log
      .locator('select[name="meeting-choice"] optgroup[label="Past"] option')
      .first()
      .getAttribute('value');
    await log.locator('select[name="meeting-choice"]').selectOption(held!);
  }

  it('a shared client: a quote filed on the next meeting, decided', async () => {
    await log.getByRole('button', { name: '+ New client' }).click();
    await log.locator('input[name="client-name"]').fill('Northwind Dental');
    await log.getByRole('button', { name: 'Add client' }).click();
    const form = log.getByRole('region', { name: 'Team sync' }).getByRole('form', { name: 'Connect to a sync server' });
    await form.waitFor({ timeout: 30_000 });
    await form.locator('input[name="connect-name"]').fill('Julie Côté');
    await form.locator('input[name="server-url"]').fill(server.url);
    await form.locator('input[name="code"]').fill(server.setupCode);
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(status, { timeout: 15_000 }).toMatch(/Synced|pending/);
    await log.getByRole('button', { name: 'Share Northwind Dental with the team' }).click();

    const page = await docket.context.newPage();
    await page.goto(site.origin + '/quotes/Q-2026-1042');
    const tab = await tabIdOf(log, site.origin + '/quotes/Q-2026-1042');
    const clip = await docket.context.newPage();
    await clip.goto(docket.url(`popup.html?tab=${tab}&mode=page`));
    await clip.locator('input[name="title"]').waitFor({ timeout: 15_000 });
    await clip.locator('input[name="title"]').press('Enter');
    await clip.getByTestId('saved').waitFor();
    await clip.close();
    await page.close();

    await log
      .getByRole('navigation')
      .getByRole('button', { name: /^Agenda/ })
      .click();
    await log.getByTestId('agenda-item').filter({ hasText: 'Q-2026-1042' }).click();
    const decision = log.getByRole('form', { name: 'Decision record' });
    await decision.locator('textarea[name="decision-decision"]').fill('Approved: renew 12 months.');
    await decision.locator('input[name="decided-by-name"]').fill('Marie Tremblay');
    await decision.locator('select[name="decision-status"]').selectOption('accepted');
    await log.locator('form[aria-label="Item"] select[name="status"]').selectOption('decided');
    const discussed = log.getByRole('checkbox', { name: /^Discussed: Quote Q-2026-1042/ });
    await discussed.click();
    await expect.poll(() => discussed.isChecked()).toBe(true);
  });

  it('seals the meeting: the seal line and root on screen, unchanged since sealed, the server log co-signed', async () => {
    await log.getByRole('button', { name: 'Seal the meeting…' }).click();
    await log.locator('textarea[name="minutes"]').fill('Backup renewal approved by the CFO.');
    await log.getByRole('form', { name: 'Seal the meeting' }).getByRole('button', { name: 'Seal the meeting' }).click();
    await expect
      .poll(() => log.getByRole('status').first().textContent())
      .toMatch(/Meeting sealed \(root [0-9a-f]{16}…\)/);
    await openSealedMeeting();
    await expect.poll(() => log.getByTestId('meeting-status').textContent()).toBe('sealed');
    expect(await log.locator('.seal-line').textContent()).toMatch(/^Sealed .+ by Julie Côté · root [0-9a-f]{16}…$/);
    await expect.poll(() => log.getByTestId('seal-state').textContent()).toBe('Unchanged since sealed.');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/Synced/);
    await log.screenshot({ path: shot('sealed-meeting') });
  });

  it('an edit of the sealed decision is an amendment: what changed, who and when; the sealed version stays', async () => {
    await log
      .getByTestId('held-agenda')
      .getByRole('button', { name: /Q-2026-1042/ })
      .click();
    const decision = log.getByRole('form', { name: 'Decision record' });
    await decision.locator('textarea[name="decision-decision"]').fill('Approved: renew 24 months.');
    await decision.locator('textarea[name="decision-decision"]').press('Tab');
    await openSealedMeeting();
    await expect
      .poll(() => log.getByTestId('seal-state').textContent(), { timeout: 10_000 })
      .toMatch(/Amended after sealing \(1\)[\s\S]*Decision[\s\S]*renew 24 months[\s\S]*Julie Côté/);
    // The minutes still read the sealed decision; the amendment is listed after them.
    expect(await log.getByTestId('held-agenda').textContent()).toMatch(/Approved: renew 12 months/);

    // The print and the Markdown say what the screen says: the seal line, the sealed decision, the amendment.
    const line = (await log.locator('.seal-line').textContent())!;
    const amendment = (await log.locator('.seal .amendments li').textContent())!;
    const [print] = await Promise.all([
      docket.context.waitForEvent('page'),
      log.getByRole('button', { name: 'Print minutes' }).click(),
    ]);
    await print.getByTestId('print').waitFor();
    const printed = (await print.getByTestId('print').textContent())!;
    expect(printed).toContain(line);
    expect(printed).toContain(amendment);
    expect(printed).toMatch(/Approved: renew 12 months/);
    await print.setViewportSize({ width: 900, height: 1200 });
    await print.screenshot({ path: shot('print-sealed-minutes'), fullPage: true });
    await print.close();
    const [md] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Minutes (.md)' }).click(),
    ]);
    const minutes = readFileSync((await md.path())!, 'utf8');
    expect(minutes).toContain(`**${line}**`);
    expect(minutes).toContain(`- ${amendment}`);

    await log.getByRole('button', { name: 'Verify the seal' }).click();
    await expect
      .poll(() => log.getByTestId('seal-verdict').textContent(), { timeout: 30_000 })
      .toMatch(/^Verified: the sealed record holds; amended after sealing/);
    expect(await log.getByTestId('seal-verdict').getAttribute('class')).toMatch(/\bok\b/);
    await log.screenshot({ path: shot('sealed-amended') });
  });

  it('exports the evidence pack; its verify.mjs says what was sealed and amended, and catches a tampered byte', async () => {
    await expect.poll(status, { timeout: 15_000 }).toMatch(/Synced/);
    const [download] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Evidence pack (.zip)' }).click(),
    ]);
    pack = new Uint8Array(readFileSync((await download.path())!));
    const files = Object.keys(unzipSync(pack));
    expect(files).toEqual(
      expect.arrayContaining([
        'minutes.md',
        'verify.mjs',
        'verify.html',
        'ledger/pack.json',
        'ledger/leaves.jsonl',
        'ledger/checkpoints.json',
      ]),
    );
    writeFileSync(join(tmpdir(), 'docket-evidence-pack.zip'), pack); // for a person to open after the run
    const clean = runVerifier(pack);
    expect(clean.out).toMatch(
      /in the checkpoint of \d+ changes signed by the server and co-signed by the sealing device/,
    );
    expect(clean.out).toMatch(
      /decision changed from 'Approved: renew 12 months\.' to 'Approved: renew 24 months\.' by Julie Côté/,
    );
    expect(clean.out).toMatch(/RESULT: everything verifies/);
    expect(clean.status).toBe(0);

    // verify.html, opened from the unzipped pack in a browser tab with no network, says the same of the .zip.
    const dir = mkdtempSync(join(tmpdir(), 'docket-pack-html-'));
    writeFileSync(join(dir, 'verify.html'), unzipSync(pack)['verify.html']!);
    writeFileSync(join(dir, 'pack.zip'), pack);
    const html = await docket.context.newPage();
    await html.goto(`file://${join(dir, 'verify.html')}`);
    await html.locator('#zip').setInputFiles(join(dir, 'pack.zip'));
    await expect
      .poll(() => html.locator('#report').textContent(), { timeout: 30_000 })
      .toMatch(/RESULT: everything verifies/);
    expect(await html.locator('#report').textContent()).toMatch(/decision changed from 'Approved: renew 12 months\.'/);
    await html.screenshot({ path: shot('verify-html') });
    await html.close();

    const tampered = runVerifier(pack, (dir) => {
      const path = join(dir, 'ledger', 'records.json');
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace('Approved: renew 24 months.', 'Approved: renew 36 months.'),
      );
    });
    expect(tampered.status).toBe(1);
    expect(tampered.out).toMatch(/records\.json/);
  });
});
