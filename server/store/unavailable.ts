/**
 * Whether an error means the store cannot be reached (the database is down, restarting, or refusing connections),
 * as opposed to a bug: such a request answers `503 store-unavailable` with `Retry-After`, and the client retries with
 * its changes kept. postgres.js reports a lost or refused connection with a Node or driver code, and the server
 * with SQLSTATE classes 08 (connection), 57P01–57P03 (shutting down, cannot connect now) and 53300 (too many
 * connections). A push that failed this way was not acknowledged: its transaction rolled back or never began.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export const STORE_UNAVAILABLE =
  'The sync server cannot reach its database just now. Nothing was applied; try again shortly.';

export function isStoreUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return CODES.has(code) || code.startsWith('08');
}

/** The driver's code and message, for the operator's log. */
export function describeUnavailable(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ');
}
