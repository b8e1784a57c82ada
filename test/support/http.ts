import { expect } from 'vitest';

/** A JSON call to a running server, with its status and parsed body. */
export async function call(method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>),
  };
}

/**
 * A space's event stream on a running server: the `serverSeq` of each `poke` as it arrives, and when the server
 * ended the stream (`endedAt`, null while open).
 */
export async function events(url: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  expect(res.status).toBe(200);
  const state = { seqs: [] as number[], endedAt: null as number | null };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          state.endedAt = Date.now();
          return;
        }
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: poke$/m.test(block) && data)
            state.seqs.push((JSON.parse(data) as { serverSeq: number }).serverSeq);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { state, seqs: state.seqs, close: () => abort.abort() };
}
