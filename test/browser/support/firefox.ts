import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(process.env.DOCKET_OUT_DIR ?? '.output', 'firefox-mv3-test');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// A fixed internal UUID, so the tests know the moz-extension:// origin before the add-on is installed.
const UUID = '6f1c2b5e-0d4a-4c57-9b7a-d0c4e7d0c4e7';
const ADDON_ID = 'docket@vcio.tools';

/** Firefox tests never skip: a missing browser or build fails them, with the fix in the message. */
export function requireFirefox(): void {
  if (!existsSync(FIREFOX))
    throw new Error(`Firefox tests need Firefox ESR at ${FIREFOX}: apt-get install -y firefox-esr (or FIREFOX_PATH).`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`Firefox tests need the Firefox test build in ${FIREFOX_EXTENSION_DIR}: npm run build:test.`);
}

export interface FirefoxDocket {
  browser: Browser;
  url: (path: string) => string;
  /** Opens an extension page in a new tab and waits until it has rendered. */
  open: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Firefox ESR, headless, driven over WebDriver BiDi, in a fresh profile with the Firefox test build installed as a
 * temporary add-on. Fixture hosts (*.test) resolve to this machine through `network.dns.localDomains`.
 */
export async function launchFirefoxDocket(opts: { localDomains?: string[] } = {}): Promise<FirefoxDocket> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'network.dns.localDomains': (opts.localDomains ?? []).join(','),
      // The closed network here: no update, telemetry or recommendation traffic to wait on.
      'app.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.discovery.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const url = (path: string) => `moz-extension://${UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    url,
    async open(path) {
      const page = await browser.newPage();
      // Puppeteer's BiDi navigation never sees moz-extension:// pages finish loading: navigate, then wait on the page.
      page.goto(url(path), { timeout: 5_000 }).catch(() => undefined);
      await page.waitForFunction(
        (origin) => location.origin === origin && document.readyState === 'complete' && !!document.querySelector('h1'),
        { timeout: 20_000 },
        `moz-extension://${UUID}`,
      );
      return page;
    },
    // Puppeteer made the profile in a temp folder and removes it on close.
    close: () => browser.close(),
  };
}
