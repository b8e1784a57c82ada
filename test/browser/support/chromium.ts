import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

// DOCKET_OUT_DIR lets several builds (tests, benchmarks) live side by side.
export const EXTENSION_DIR = resolve(process.env.DOCKET_OUT_DIR ?? '.output', 'chrome-mv3-test');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests never skip: a missing browser or build fails them, with the fix in the message. */
export function requireBrowser(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`Browser tests need the test build in ${EXTENSION_DIR}: npm run build:test.`);
}

export interface Docket {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Another build of the extension (the benchmarks load `chrome-mv3-bench`). */
  extensionDir?: string;
  /** More Chromium flags. */
  args?: string[];
  /**
   * Pages start at this instant and time flows from there (Playwright's clock, installed in every page of the
   * profile), so dates on fixture pages and the client's next meeting are the same on any day the tests run.
   * The background service worker keeps the real clock: leave this out for tests that sync with a server.
   */
  clock?: string;
}

/** The browser tests' "now": Tuesday 1 December 2026, 10:00 in Toronto. Fixture pages are dated from it. */
export const TEST_NOW = '2026-12-01T15:00:00.000Z';

/** A fresh Chromium profile with the built extension loaded. */
export async function launchDocket(opts: LaunchOptions = {}): Promise<Docket> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'docket-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Fixture sites get real-looking names (portal.acme-msp.test) so hints see a vendor domain, not an IP.
      '--host-resolver-rules=MAP *.test 127.0.0.1',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(opts.args ?? []),
    ],
  });
  if (opts.clock) {
    await context.clock.install({ time: opts.clock });
    await context.clock.resume();
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id Chromium gave the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target);
    if (tab?.id === undefined) throw new Error(`no tab shows ${target}`);
    return tab.id;
  }, url);
}
