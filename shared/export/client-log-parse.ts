/**
 * Reading a client log file back, validating everything before anything is imported. Never throws: every problem
 * comes back as a sentence the vCIO can act on, with the path of the bad field ("items[3].amount.currency: …").
 */
import type { z } from 'zod';
import { CLIENT_LOG_FORMAT, CLIENT_LOG_VERSION, ClientLogSchema, type ClientLog } from './client-log';
import { referenceErrors } from './client-log-references';

export type ParseResult = { ok: true; log: ClientLog } | { ok: false; errors: string[] };

export const MAX_ERRORS = 20;

/** 'items[3].amount.currency' */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  const where = formatPath(issue.path);
  // Zod's default for an absent field ("Invalid input: expected string, received undefined") reads as a type error;
  // a schema's own message (e.g. "an amount needs a currency") is kept as it is.
  const missing =
    issue.code === 'invalid_type' &&
    issue.message.startsWith('Invalid input') &&
    valueAt(data, issue.path) === undefined;
  const message = missing ? `is missing (expected ${issue.expected})` : issue.message;
  return where ? `${where}: ${message}` : message;
}

/** At most MAX_ERRORS lines: a wall of 500 errors helps nobody; the last line says how many more there are. */
export function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const more = errors.length - (MAX_ERRORS - 1);
  return [...errors.slice(0, MAX_ERRORS - 1), `…and ${more} more problems.`];
}

function describe(value: unknown): string {
  if (value === undefined) return 'none';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function parseClientLog(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`This file is not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const envelope = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
  const { format, version } = envelope as { format?: unknown; version?: unknown };
  if (format !== CLIENT_LOG_FORMAT) {
    return {
      ok: false,
      errors: [`This is not a Docket client log (format ${describe(format)}; expected "${CLIENT_LOG_FORMAT}").`],
    };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > CLIENT_LOG_VERSION) {
    return {
      ok: false,
      errors: [
        `This client log was made by a newer Docket (version ${version}); update Docket to import it. ` +
          `This Docket reads version ${CLIENT_LOG_VERSION}.`,
      ],
    };
  }
  const parsed = ClientLogSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: capped(parsed.error.issues.map((i) => issueMessage(i, data))) };
  const errors = referenceErrors(parsed.data);
  return errors.length ? { ok: false, errors: capped(errors) } : { ok: true, log: parsed.data };
}
