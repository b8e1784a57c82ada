import { z } from 'zod';

export type StoreErrorCode = 'invalid' | 'not-found' | 'conflict';

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

/** Validate at the edge of the store: a clear message naming the field, or the parsed value. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new StoreError('invalid', `This ${what} cannot be saved: ${issues.join('; ')}`);
  }
  return result.data;
}
