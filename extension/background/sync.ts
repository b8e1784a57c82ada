import { browser } from 'wxt/browser';
import { openDb } from '../store/db';
import { backoffMs, syncAll } from '../sync/run';

export const SYNC_MESSAGE = 'docket:sync';
const ALARM = 'docket-sync';
/**
 * How long a nudge after a local change waits: enough to gather the writes of one gesture into one push, short
 * enough that a teammate sees the edit within a second (it was 1.5 s, most of the poke-to-visible time).
 */
const NUDGE_DELAY_MS = 250;

/**
 * The background runs every sync, one at a time: on a page's nudge after a change (debounced), on an SSE poke
 * relayed by an open Docket page, every minute by alarm, and again after a failure with exponential backoff. While
 * the server refuses this browser's sign-in, rounds try nothing (and are not retried) until the user signs in
 * again; the user's own "Sync now" (`manual`) still tries.
 */
export function setUpSync(): void {
  const db = openDb();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let manual = false;

  const schedule = (delayMs: number, asked = false) => {
    manual ||= asked;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  };
  async function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const asked = manual;
    manual = false;
    try {
      const status = await syncAll(db, undefined, undefined, { manual: asked });
      if (status.failures && status.state !== 'sign-in-needed') schedule(backoffMs(status.failures));
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  }

  // Created once: re-creating it each time the worker wakes (a nudge, a poke) pushed the next round back a minute
  // every time, so a browser that is often woken could go many minutes without noticing the server was down.
  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === ALARM && schedule(0));
  browser.runtime.onStartup.addListener(() => schedule(0));
  browser.runtime.onMessage.addListener((message: unknown) => {
    const nudge = message as { type?: string; now?: boolean; manual?: boolean } | null;
    if (nudge?.type === SYNC_MESSAGE) schedule(nudge.now || nudge.manual ? 0 : NUDGE_DELAY_MS, nudge.manual === true);
  });
}
