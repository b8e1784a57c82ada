import {
  CheckpointsResponse,
  ConsistencyResponse,
  type CosignatureRequest,
  CosignatureResponse,
  LeavesResponse,
  ServerKeyResponse,
} from '../../shared/sync/ledger';
import { type Fetch, REQUEST_TIMEOUT_MS, requestJson, SyncError } from './transport';

/** The verifiable log's calls (shared/sync/ledger.ts), every answer validated before it is used. */
export interface LedgerApi {
  /** `GET /v1/server-key`: the key the server signs checkpoints with (no token needed). */
  serverKey(): Promise<ServerKeyResponse>;
  /** `GET …/log/consistency`: the proof that the log of `to` changes holds, unchanged, the log of `from`. */
  consistency(space: string, from: number, to: number): Promise<ConsistencyResponse>;
  /** `GET …/log/leaves`: the logged changes after seq `after`, exactly as hashed. */
  leaves(space: string, after: number, limit?: number): Promise<LeavesResponse>;
  /** `GET …/checkpoints`: the space's signed checkpoints of sizes above `after`, with their co-signatures. */
  checkpoints(space: string, after: number, limit?: number): Promise<CheckpointsResponse>;
  /** `POST …/checkpoints/:size/cosignatures`: this device's signature of a checkpoint it verified. */
  cosign(space: string, size: number, signature: CosignatureRequest): Promise<CosignatureResponse>;
}

export function httpLedger(
  baseUrl: string,
  token: string,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
  timeoutMs = REQUEST_TIMEOUT_MS,
): LedgerApi {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(path: string, schema: { parse: (v: unknown) => T }, init: RequestInit = {}): Promise<T> {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { body, status } = await requestJson(fetchImpl, `${base}/v1/${path}`, { ...init, headers }, timeoutMs);
    try {
      return schema.parse(body);
    } catch {
      throw new SyncError('bad-response', 'The sync server sent an answer Docket does not understand.', status);
    }
  }
  const at = (space: string) => `spaces/${encodeURIComponent(space)}`;
  return {
    serverKey: () => call('server-key', ServerKeyResponse),
    consistency: (space, from, to) => call(`${at(space)}/log/consistency?from=${from}&to=${to}`, ConsistencyResponse),
    leaves: (space, after, limit = 1000) =>
      call(`${at(space)}/log/leaves?after=${after}&limit=${limit}`, LeavesResponse),
    checkpoints: (space, after, limit = 100) =>
      call(`${at(space)}/checkpoints?after=${after}&limit=${limit}`, CheckpointsResponse),
    cosign: (space, size, signature) =>
      call(`${at(space)}/checkpoints/${size}/cosignatures`, CosignatureResponse, {
        method: 'POST',
        body: JSON.stringify(signature),
      }),
  };
}
