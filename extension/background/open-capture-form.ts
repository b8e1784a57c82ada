import { browser } from 'wxt/browser';
import type { CaptureRequest } from '../capture/request';

export const PENDING_KEY = 'pendingCapture';
export interface PendingCapture {
  tabId: number;
  request: CaptureRequest;
  at: number;
}

/** The form as a small window, when the browser will not open the toolbar popup for us. */
export function captureFormUrl(tabId: number, request: CaptureRequest): string {
  const params = new URLSearchParams({ tab: String(tabId), mode: request.mode });
  if (request.mode === 'link') params.set('link', request.linkUrl);
  return `${browser.runtime.getURL('/popup.html')}?${params}`;
}

/**
 * Opens the quick-capture form for a tab. The toolbar popup is preferred (it is where users expect it); it reads
 * the pending request from session storage. Where `openPopup` is not allowed, the same form opens in a window.
 */
export async function openCaptureForm(tabId: number, request: CaptureRequest): Promise<void> {
  const pending: PendingCapture = { tabId, request, at: Date.now() };
  await browser.storage.session.set({ [PENDING_KEY]: pending });
  try {
    await browser.action.openPopup();
  } catch {
    await browser.storage.session.remove(PENDING_KEY);
    await browser.windows.create({ url: captureFormUrl(tabId, request), type: 'popup', width: 460, height: 720 });
  }
}
