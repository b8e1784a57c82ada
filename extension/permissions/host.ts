import { browser } from 'wxt/browser';

/**
 * The match pattern that grants one origin. Without its port: Firefox refuses a port in a match pattern (it
 * reads `http://127.0.0.1:8787/*` as never granted and prompts forever), and Chrome's portless pattern covers
 * every port of that host, so one pattern means the same in both.
 */
export function hostPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

/**
 * Asks for one origin. Call it first thing in the click handler, before any `await`: Firefox (and Chrome for
 * some prompts) grants a request only while the user's input event is being handled.
 */
export function requestHost(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPattern(origin)] }).catch(() => false);
}
