import type { Fetch } from '../../sync/transport';

export interface StreamTimes {
  /** Before reopening a stream that was refused or could not connect (a server restarting, a removed member). */
  reopenMs?: number;
  /** Before reopening a stream that was open and ended; without it, what the server said (`retry:`), or 3 s. */
  retryMs?: number;
  /** A stream silent this long is taken as dropped: the server sends a keep-alive every 25 s. */
  silentMs?: number;
}

const TIMES = { reopenMs: 10_000, silentMs: 60_000 };
const RETRY_MS = 3_000;

/**
 * Reads server-sent events from text arriving in pieces: calls `onEvent` with each event's type and data, and
 * `onRetry` when the server says how long to wait before reconnecting. Lines end with LF, CRLF or CR; comments
 * (`: keep-alive`) are skipped; an event without data is not dispatched (the SSE rules).
 */
export function sseParser(
  onEvent: (type: string, data: string) => void,
  onRetry: (ms: number) => void = () => {},
): (chunk: string) => void {
  let buffer = '';
  let type = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length) onEvent(type || 'message', data.join('\n'));
      type = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };
  return (chunk) => {
    buffer += chunk;
    for (;;) {
      const end = buffer.search(/[\r\n]/);
      if (end < 0) return;
      // A CR at the very end may be the first half of a CRLF split across two pieces: wait for the next one.
      if (buffer[end] === '\r' && end === buffer.length - 1) return;
      line(buffer.slice(0, end));
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
    }
  };
}

/**
 * Listens to one space's events stream with `fetch` (so the token travels in the `Authorization` header, never in
 * the URL), calling `onChange` on each poke and whenever the stream drops or is refused: a drop is the first sign
 * that the server went away or that this account lost access (the server ends a removed member's stream), often a
 * minute before the next scheduled round would find out; the poke sent on connect tells of a return. A stream that
 * ends is reopened after a delay; a refusal nudges once, not on every retry. Returns the function that stops
 * listening (it aborts the request).
 */
export function listenForPokes(
  url: string,
  token: string,
  onChange: () => void,
  times: StreamTimes = {},
  fetchImpl: Fetch = (u, i) => fetch(u, i),
): () => void {
  const { reopenMs, silentMs } = { ...TIMES, ...times };
  let stopped = false;
  let controller = new AbortController();
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let refused = false;

  const later = (ms: number) => {
    if (!stopped) reopen = setTimeout(() => void open(), ms);
  };

  async function open() {
    controller = new AbortController();
    const abort = controller.abort.bind(controller);
    let silent: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silent);
      silent = setTimeout(abort, silentMs);
    };
    let up = false;
    let retry = times.retryMs ?? RETRY_MS;
    try {
      heard();
      const res = await fetchImpl(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        // Signed out (401), removed (403), gone (404), or a proxy in front of a restarting server.
        void res.body?.cancel().catch(() => undefined);
        if (!refused) onChange();
        refused = true;
        return later(reopenMs);
      }
      refused = false;
      up = true;
      const feed = sseParser(
        (type) => type === 'poke' && onChange(),
        (ms) => (retry = times.retryMs ?? ms),
      );
      const reader = res.body.getReader();
      controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        heard();
        feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Unreachable, cut off, silent too long, or stopped: the same as an end, below.
    } finally {
      clearTimeout(silent);
    }
    if (stopped) return;
    if (up) onChange();
    later(up ? retry : reopenMs);
  }

  void open();
  return () => {
    stopped = true;
    clearTimeout(reopen);
    controller.abort();
  };
}
