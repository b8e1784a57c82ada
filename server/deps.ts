import { MAX_BLOB_BYTES } from '../shared/sync/blobs';
import type { SpaceCreation } from './auth/space-creation';
import type { RateLimit } from './edge/rate-limit';
import { Ledger } from './ledger/ledger';
import { silentLogger, type Logger } from './log';
import { Pokes } from './pokes';
import { QUOTA_DEFAULTS } from './sync/quota';
import type { SyncStore } from './store/types';

/** What `createApp` is built from; everything but the store has a default. */
export type AppDeps = {
  store: SyncStore;
  /** The server clock, in ms since the epoch. */
  now?: () => number;
  /** How far ahead of the server clock a change's stamp may be (default 5 min). */
  maxDriftMs?: number;
  /** Largest request body in bytes (default 5 MB). */
  bodyLimitBytes?: number;
  /** Per-token request budget; false turns it off. */
  rateLimit?: RateLimit | false;
  /** Origins allowed by CORS besides extension pages, e.g. `http://localhost:3000`. */
  corsOrigins?: string[];
  /** How often an events stream sends a keep-alive comment (default 25 s, under common proxy idle timeouts). */
  keepAliveMs?: number;
  /** A token unused for this long expires (default 90 days). */
  tokenMaxIdleMs?: number;
  /** How often open event streams look for revoked tokens and changed memberships (default 250 ms). */
  streamCheckMs?: number;
  /** Who may create spaces: the server owner and users an admin allows (default), or anyone signed in. */
  spaceCreation?: SpaceCreation;
  /** Most records a space may hold, deleted ones included (default 200,000; 0: no limit). */
  maxRecordsPerSpace?: number;
  /** Most bytes a space's records may take as stored JSON (default 1 GiB; 0: no limit). */
  maxBytesPerSpace?: number;
  /** Largest blob (an attachment's bytes) one upload may carry (default 5 MiB); its own limit, not the body limit. */
  maxBlobBytes?: number;
  /** Most bytes a space's blobs may take together (default 1 GiB; 0: no limit). */
  maxBlobBytesPerSpace?: number;
  pokes?: Pokes;
  log?: Logger;
  /** The verifiable log: the server's signing key, checkpoints and proofs (made from the store and clock if not given). */
  ledger?: Ledger;
};

export type Deps = Required<Omit<AppDeps, 'rateLimit'>> & { rateLimit: RateLimit | false };

export const DEFAULTS = {
  maxDriftMs: 5 * 60_000,
  bodyLimitBytes: 5 * 1024 * 1024,
  rateLimit: { burst: 300, perSecond: 100 } satisfies RateLimit,
  keepAliveMs: 25_000,
  tokenIdleDays: 90,
  streamCheckMs: 250,
  spaceCreation: 'allowed' as SpaceCreation,
  ...QUOTA_DEFAULTS,
  maxBlobBytes: MAX_BLOB_BYTES,
  maxBlobBytesPerSpace: 1024 ** 3,
};

export function resolveDeps(deps: AppDeps): Deps {
  const now = deps.now ?? Date.now;
  return {
    store: deps.store,
    now,
    maxDriftMs: deps.maxDriftMs ?? DEFAULTS.maxDriftMs,
    bodyLimitBytes: deps.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes,
    rateLimit: deps.rateLimit ?? DEFAULTS.rateLimit,
    corsOrigins: deps.corsOrigins ?? [],
    keepAliveMs: deps.keepAliveMs ?? DEFAULTS.keepAliveMs,
    tokenMaxIdleMs: deps.tokenMaxIdleMs ?? DEFAULTS.tokenIdleDays * DAY_MS,
    streamCheckMs: deps.streamCheckMs ?? DEFAULTS.streamCheckMs,
    spaceCreation: deps.spaceCreation ?? DEFAULTS.spaceCreation,
    maxRecordsPerSpace: deps.maxRecordsPerSpace ?? DEFAULTS.maxRecordsPerSpace,
    maxBytesPerSpace: deps.maxBytesPerSpace ?? DEFAULTS.maxBytesPerSpace,
    maxBlobBytes: deps.maxBlobBytes ?? DEFAULTS.maxBlobBytes,
    maxBlobBytesPerSpace: deps.maxBlobBytesPerSpace ?? DEFAULTS.maxBlobBytesPerSpace,
    pokes: deps.pokes ?? new Pokes(),
    log: deps.log ?? silentLogger,
    ledger: deps.ledger ?? new Ledger(deps.store, now),
  };
}

export const DAY_MS = 86_400_000;

export const isoAt = (ms: number) => new Date(ms).toISOString();
