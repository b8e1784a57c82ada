import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors';

/** The request body as JSON; malformed JSON is `bad-json`, never a 500. */
export async function readJsonValue(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad-json', 'The request body is not valid JSON.');
  }
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

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonValue(c));
}
