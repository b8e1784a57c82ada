import { z } from 'zod';

/** `view-only`: the client's log may be read here but not changed (a viewer, or a space this account left). */
export type StoreErrorCode = 'invalid' | 'not-found' | 'conflict' | 'view-only';

/** A write the log refused; nothing was written. `message` is for the user. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Validate at the edge of the store: the parsed value, or a clear message naming each field. `plain` may reword
 * zod's generic messages for a path in the user's words (a schema's own custom messages are kept).
 */
export function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  plain: (path: string) => string | undefined = () => undefined,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => {
    const path = i.path.join('.');
    const message = (i.code !== 'custom' && plain(path)) || i.message;
    return path ? `${path}: ${message}` : message;
  });
  throw new StoreError('invalid', `This ${what} cannot be saved: ${issues.join('; ')}`);
}
