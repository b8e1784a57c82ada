import { describeUnavailable, isStoreUnavailable } from '../unavailable';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './store';

/** host:port/database of a postgres:// URL: what the operator's messages name (never the password). */
export function databaseName(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * Opens the PostgreSQL store, waiting up to `waitMs` for the database to take connections: processes started
 * together with their database (a compose file, a host's boot) come up once it does instead of exiting. Any other
 * refusal (wrong password, no such database) fails at once. Throws an error whose message says what to check.
 */
export async function openPostgresWhenUp(
  url: string,
  { waitMs, log, ...options }: PostgresStoreOptions & { waitMs: number; log: (message: string) => void },
): Promise<PostgresStore> {
  const where = databaseName(url);
  const deadline = Date.now() + waitMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await openPostgresStore(url, options);
    } catch (error) {
      const why = describeUnavailable(error) || String(error);
      if (!isStoreUnavailable(error)) throw new Error(`PostgreSQL at ${where} refused Docket: ${why}.`);
      if (Date.now() + delay > deadline) {
        throw new Error(
          `Cannot reach PostgreSQL at ${where} (${why}) after ${Math.round(waitMs / 1000)} s. Is it running, and ` +
            'does DATABASE_URL (--database-url) name its host, port and database?',
        );
      }
      log(`PostgreSQL at ${where} is not taking connections yet (${why}); trying again`);
      await new Promise((ok) => setTimeout(ok, delay));
    }
  }
}
