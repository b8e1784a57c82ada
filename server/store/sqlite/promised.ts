/**
 * A store part as better-sqlite3 implements it: each method of `T` answering at once instead of by promise, so the
 * part's own code (and one part calling another) stays synchronous; `promised` gives it the async face.
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** Runs a synchronous store call, its result or error coming back as a promise. */
export type Runner = <R>(op: () => R) => Promise<R>;

/** Runs the call at once: a settled promise of its result, or a rejected one if it threw. */
export const runNow: Runner = (op) => {
  try {
    return Promise.resolve(op());
  } catch (error) {
    return Promise.reject(error as Error);
  }
};

/** The async face of synchronous methods: each call goes through `run`. */
export function promised<T extends object>(part: Synchronous<T>, run: Runner = runNow): T {
  const methods = Object.entries(part as Record<string, (...args: unknown[]) => unknown>).map(([name, method]) => [
    name,
    (...args: unknown[]) => run(() => method(...args)),
  ]);
  return Object.fromEntries(methods) as T;
}
