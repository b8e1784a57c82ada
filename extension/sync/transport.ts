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
  snapshot(space: string, page: string | null): Promise<SnapshotResponse>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The server over HTTP: bearer token, JSON both ways, every answer validated before it is used. */
export function httpTransport(baseUrl: string, token: string, fetchImpl: Fetch = (u, i) => fetch(u, i)): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(path: string, schema: { parse: (v: unknown) => T }, init?: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(`${base}/v1/spaces/${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    } catch (e) {
      throw new SyncError(
        'offline',
        `The sync server cannot be reached (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const err = ErrorBody.safeParse(body);
      if (err.success) throw new SyncError(err.data.error, err.data.message, res.status);
      throw new SyncError('bad-response', `The sync server answered ${res.status}.`, res.status);
    }
    try {
      return schema.parse(body);
    } catch {
      throw new SyncError('bad-response', 'The sync server sent an answer Docket does not understand.', res.status);
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
    snapshot: (space, page) => call(`${encodeURIComponent(space)}/snapshot${q({ page })}`, SnapshotResponse),
  };
}
