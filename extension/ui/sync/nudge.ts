import { browser } from 'wxt/browser';

/** Asks the background to sync soon (it debounces); `now` skips the wait. Harmless when nothing is connected. */
export function nudgeSync(now = false): void {
  void browser.runtime.sendMessage({ type: 'docket:sync', now }).catch(() => undefined);
}

/** The user's "Sync now": at once, and tried even while the server wants this browser to sign in again. */
export function syncNow(): void {
  void browser.runtime.sendMessage({ type: 'docket:sync', now: true, manual: true }).catch(() => undefined);
}
