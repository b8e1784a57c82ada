import type { Context } from 'hono';
import type { z } from 'zod';
import { forbiddenKeyPath, unknownKeyPath } from '../../shared/sync/unknown-keys';
import { ApiError } from '../errors';

/** `application/json`, optionally with `charset=utf-8` (the only encoding the server reads). */
function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset\s*=\s*"?utf-8"?$/.test(p));
}

/** A key's place in the body: `changes.0.__proto__`. */
export const pathText = (path: (string | number)[]) => path.join('.');

/**
 * The request body as JSON. It must be sent as `application/json` (else `415 unsupported-media-type`: a form or
 * `text/plain` body is never read as JSON); malformed JSON is `bad-json`, never a 500; a `__proto__`,
 * `constructor` or `prototype` key anywhere is `unknown-field`.
 */
export async function readJsonValue(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (!isJsonMediaType(type)) {
    throw new ApiError(
      'unsupported-media-type',
      `Send the request body as application/json (charset utf-8 if any), not ${JSON.stringify(type ?? 'no content type')}.`,
    );
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('bad-json', 'The request body is not valid JSON.');
  }
  const forbidden = forbiddenKeyPath(value);
  if (forbidden) throw new ApiError('unknown-field', `${pathText(forbidden)}: this key is not allowed.`);
  return value;
}

/** `changes.3.hlc: not a hybrid logical clock stamp` — the first problem, where it is. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue?.message ?? 'invalid input'}`;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('bad-request', describeIssue(parsed.error));
  return parsed.data;
}

/** Refuses a body key the schema does not know (`400 unknown-field`, with its path) instead of dropping it. */
export function refuseUnknownKeys(raw: unknown, parsed: unknown): void {
  const unknown = unknownKeyPath(raw, parsed);
  if (unknown) throw new ApiError('unknown-field', `${pathText(unknown)}: unknown field.`);
}

/** A JSON body checked against `schema`, strictly: a key the schema does not name is refused, not dropped. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await readJsonValue(c);
  const parsed = parseWith(schema, raw);
  refuseUnknownKeys(raw, parsed);
  return parsed;
}
