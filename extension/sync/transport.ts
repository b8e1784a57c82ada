import {
  type ErrorCode,
  ErrorBody,
  ErrorDetails,
  MembersResponse,
  PullResponse,
  type PushRequest,
  PushResponse,
  SnapshotResponse,
} from '../../shared/sync/protocol';

/**
 * A refusal from the server, with its stable code (`token-revoked`, `upgrade-required`, …) or `offline`, and what
 * some codes say besides (who removed this account and when, when a token was signed out).
 */
export class SyncError extends Error {
  constructor(
    readonly code: ErrorCode | 'offline' | 'bad-response',
    message: string,
    readonly status = 0,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface SyncTransport {
  push(space: string, request: PushRequest): Promise<PushResponse>;
  pull(space: string, cursor: string | null, limit?: number): Promise<PullResponse>;
  snapshot(space: string, page: string | null, limit?: number): Promise<SnapshotResponse>;
  members(space: string): Promise<MembersResponse>;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * How long one request may take before the server counts as unreachable. Without it a server that stops answering
 * (a frozen process, a dropped network) held a sync round open for ever, and the badge kept saying "Synced". Long
 * enough for a 1000-record snapshot page on a slow link.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * One request to the sync server: the JSON answer, or a SyncError with the server's own code and message
 * (`offline` when it cannot be reached or does not answer in time). Shared by the sync rounds and by sign-in.
 */
export async function requestJson(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<{ body: unknown; status: number }> {
  const where = new URL(url).origin;
  const unreachable = (e: unknown) =>
    new SyncError(
      'offline',
      (e as Error)?.name === 'TimeoutError'
        ? `The sync server at ${where} did not answer within ${Math.round(timeoutMs / 1000)} s.`
        : `The sync server at ${where} cannot be reached (${e instanceof Error ? e.message : String(e)}).`,
    );
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetchImpl(url, { ...init, signal });
  } catch (e) {
    throw unreachable(signal.aborted ? signal.reason : e);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    if (signal.aborted) throw unreachable(signal.reason); // the answer stopped half-way
  }
  if (res.ok) return { body, status: res.status };
  const err = ErrorBody.safeParse(body);
  if (err.success) {
    const details = ErrorDetails.safeParse(body);
    throw new SyncError(err.data.error, err.data.message, res.status, details.success ? details.data : {});
  }
  throw new SyncError('bad-response', `The sync server answered ${res.status}.`, res.status);
}

/** The server over HTTP: bearer token, JSON both ways, every answer validated before it is used. */
export function httpTransport(
  baseUrl: string,
  token: string,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
  timeoutMs = REQUEST_TIMEOUT_MS,
): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(path: string, schema: { parse: (v: unknown) => T }, init?: RequestInit): Promise<T> {
    const { body, status } = await requestJson(
      fetchImpl,
      `${base}/v1/spaces/${path}`,
      { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      timeoutMs,
    );
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
    members: (space) => call(`${encodeURIComponent(space)}/members`, MembersResponse),
  };
}
