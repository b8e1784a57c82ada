import { browser } from 'wxt/browser';
import { CaptureError } from '../text';
import { sha256HexOfBytes } from '../../../shared/hash';
import type { KeptImage } from './keep';

/**
 * What the tab shows, as a PNG kept with the capture: for a portal quote whose evidence is the way it looks. Only
 * the visible part, and only the tab the capture is of: a screenshot of another tab would be wrong evidence.
 */
export async function screenshotOfTab(tabId: number, now = new Date()): Promise<KeptImage> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.active || tab.windowId === undefined)
    throw new CaptureError('unreadable-page', 'Show the page in its window first: Docket takes what the tab shows.');
  let url: string;
  try {
    url = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CaptureError('unreadable-page', `The browser did not let Docket take a screenshot (${detail}).`);
  }
  const blob = await (await fetch(url)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const bitmap = await createImageBitmap(blob);
  const { width, height } = bitmap;
  bitmap.close();
  const when = now.toLocaleString('en-CA', { dateStyle: 'medium', timeStyle: 'short' });
  return {
    meta: {
      sha256: await sha256HexOfBytes(bytes),
      type: 'image/png',
      size: bytes.length,
      width,
      height,
      alt: `Screenshot of ${tab.title || 'the page'}, as shown on ${when}`,
      src: null,
      screenshot: true,
    },
    bytes,
  };
}
