import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ErrorCode, type ErrorDetails } from '../shared/sync/protocol';
import type { Logger } from './log';
import { describeUnavailable, isStoreUnavailable, STORE_UNAVAILABLE } from './store/unavailable';

/**
 * An error the caller should see: a stable code (mapped to its HTTP status) and a message saying what to do, and for
 * some codes the details a client needs to tell the user what happened (`ErrorDetails`).
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorResponse(
  c: Context,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  details: ErrorDetails = {},
) {
  return c.json({ error: code, message, ...details }, ERROR_STATUS[code] as ContentfulStatusCode, headers);
}

/** Every error leaves as `{ error, message }`; anything unexpected is logged here and never shows its stack. */
export function handleError(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) return errorResponse(c, err.code, err.message, err.headers, err.details);
    if (err instanceof HTTPException && err.status === 413) return tooLarge(c);
    if (isStoreUnavailable(err)) {
      // Not a bug: the database is restarting or unreachable. Clients keep their changes and retry.
      log.warn(`${c.req.method} ${c.req.path}: the store is unavailable (${describeUnavailable(err)})`);
      return errorResponse(c, 'store-unavailable', STORE_UNAVAILABLE, { 'retry-after': '5' });
    }
    const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
    log.error(`request ${requestId} ${c.req.method} ${c.req.path} failed`, err);
    return errorResponse(c, 'server-error', `Something went wrong on the server (request id ${requestId}).`);
  };
}

export function tooLarge(c: Context) {
  return errorResponse(c, 'too-large', 'The request body is too large.');
}
