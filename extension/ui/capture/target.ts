import { browser } from 'wxt/browser';
import { PENDING_KEY, type PendingCapture } from '../../background/open-capture-form';
import type { CaptureRequest } from '../../capture/request';

export interface CaptureTarget {
  tabId: number;
  request: CaptureRequest;
  /** Opened as its own window/tab (right-click fallback), not as the toolbar popup. */
  standalone: boolean;
}

const PENDING_MAX_AGE_MS = 15_000;

function fromParams(search: string): CaptureTarget | null {
  const params = new URLSearchParams(search);
  const tabId = Number(params.get('tab'));
  if (!params.has('tab') || !Number.isInteger(tabId)) return null;
  const mode = params.get('mode');
  const link = params.get('link');
  const request: CaptureRequest =
    mode === 'link' && link
      ? { mode: 'link', linkUrl: link }
      : { mode: mode === 'page' || mode === 'selection' ? mode : 'auto' };
  return { tabId, request, standalone: true };
}

/** Which tab and what to clip: the URL (form window), a right-click/shortcut request, or the active tab. */
export async function resolveTarget(search: string): Promise<CaptureTarget> {
  const fromUrl = fromParams(search);
  if (fromUrl) return fromUrl;
  const stored = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as PendingCapture | undefined;
  if (stored) {
    await browser.storage.session.remove(PENDING_KEY);
    if (Date.now() - stored.at < PENDING_MAX_AGE_MS)
      return { tabId: stored.tabId, request: stored.request, standalone: false };
  }
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new Error('There is no tab to clip.');
  return { tabId: tab.id, request: { mode: 'auto' }, standalone: false };
}
