// Inside page.evaluate on extension pages, `chrome` is the extension API (same shape as WXT's `browser`).
declare const chrome: typeof import('wxt/browser').browser;
