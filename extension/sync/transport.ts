import {
  type ErrorCode,
  ErrorBody,
  PullResponse,
  type PushRequest,
  PushResponse,
  SnapshotResponse,
} from '../../shared/sync/protocol';

/** A refusal from the server, with its stable code (`token-revoked`, `upgrade-required`, …) or `offline`. */
export class SyncError extends Error {
  constructor(
    readonly code: ErrorCode | 'offline' | 'bad-response',
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface SyncTransport {
  push(space: string, request: PushRequest): Promise<PushResponse>;
  pull(space: string, cursor: string | null, limit?: number): Promise<PullResponse>;
  snapshot(space: string, page: string | null, limit?: number): Promise<SnapshotResponse>;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * One request to the sync server: the JSON answer, or a SyncError with the server's own code and message
 * (`offline` when it cannot be reached). Shared by the sync rounds and by sign-in.
 */
export async function requestJson(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
): Promise<{ body: unknown; status: number }> {
  let res: Response;
  try {
    res = await fetchImpl(url, init);
  } catch (e) {
    const where = new URL(url).origin;
    throw new SyncError(
      'offline',
      `The sync server at ${where} cannot be reached (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { body, status: res.status };
  const err = ErrorBody.safeParse(body);
  if (err.success) throw new SyncError(err.data.error, err.data.message, res.status);
  throw new SyncError('bad-response', `The sync server answered ${res.status}.`, res.status);
}

/** The server over HTTP: bearer token, JSON both ways, every answer validated before it is used. */
export function httpTransport(baseUrl: string, token: string, fetchImpl: Fetch = (u, i) => fetch(u, i)): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(path: string, schema: { parse: (v: unknown) => T }, init?: RequestInit): Promise<T> {
    const { body, status } = await requestJson(fetchImpl, `${base}/v1/spaces/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    try {
      return schema.parse(body);
    } catch {
      throw new SyncError('bad-response', 'The sync server sent an answer Docket does not understand.', status);
    }
  }
  const q = (params: Record<string, string | number | null | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) p.set(k, String(v));
    return p.size ? `?${p}` : '';
  };
  return {
    push: (space, request) =>
      call(`${encodeURIComponent(space)}/push`, PushResponse, { method: 'POST', body: JSON.stringify(request) }),
    pull: (space, cursor, limit) => call(`${encodeURIComponent(space)}/pull${q({ cursor, limit })}`, PullResponse),
    snapshot: (space, page, limit) =>
      call(`${encodeURIComponent(space)}/snapshot${q({ page, limit })}`, SnapshotResponse),
  };
}
