import { browser } from 'wxt/browser';
import { CaptureError } from './text';

export const MAX_FETCH_BYTES = 50 * 1024 * 1024;

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Runs in the page: a same-origin fetch carries the user's session, as the page's own links do. */
async function fetchInPage(url: string, max: number): Promise<{ b64: string; type: string } | { error: string }> {
  try {
    const res = await fetch(url, { credentials: 'include' });
    if (!res.ok) return { error: `the server answered ${res.status}` };
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.length > max) return { error: 'too-large' };
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return { b64: btoa(bin), type: res.headers.get('content-type') ?? '' };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The bytes of a document the tab shows or links to. Tried from inside the tab first (same origin, the user's
 * cookies), then from the extension, which works where the user granted this origin.
 */
export async function fetchBytes(tabId: number, url: string): Promise<{ bytes: Uint8Array; type: string }> {
  const [injected] = await browser.scripting
    .executeScript({ target: { tabId }, func: fetchInPage, args: [url, MAX_FETCH_BYTES] })
    .catch(() => [undefined]);
  const answer = injected?.result as Awaited<ReturnType<typeof fetchInPage>> | undefined;
  if (answer && 'b64' in answer) return { bytes: fromBase64(answer.b64), type: answer.type };
  if (answer && answer.error === 'too-large')
    throw new CaptureError('too-large', 'This file is over 50 MB: too large to clip.');

  try {
    const res = await fetch(url, { credentials: 'include' });
    if (!res.ok)
      throw new CaptureError(
        'unreadable-page',
        `Docket could not download ${url} (the server answered ${res.status}).`,
      );
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_FETCH_BYTES)
      throw new CaptureError('too-large', 'This file is over 50 MB: too large to clip.');
    return { bytes, type: res.headers.get('content-type') ?? '' };
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    const origin = new URL(url).origin;
    throw new CaptureError('needs-permission', `Docket needs your permission to read files from ${origin}.`);
  }
}
