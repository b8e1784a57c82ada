import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { prepareSetup } from './auth/setup';
import { loadConfig, USAGE } from './config';
import { DAY_MS } from './deps';
import { Ledger } from './ledger/ledger';
import { createLogger } from './log';
import { Pokes } from './pokes';
import { relayThroughPostgres } from './relay/postgres';
import { databaseName, openPostgresWhenUp } from './store/postgres/connect';
import { DEFAULT_DB_FILE, openSqliteStore } from './store/sqlite';
import type { SyncStore } from './store/types';

// Thin Node entry: configuration, the store (SQLite, or PostgreSQL with --database-url), the one-time setup code, and a graceful shutdown.
if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
let config;
try {
  config = loadConfig(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const log = createLogger(config.logLevel);
const pokes = new Pokes();
let store: SyncStore;
let where: string;
let relay: { stop(): Promise<void> } | null = null;
if (config.databaseUrl) {
  // Several processes may share the database: pokes reach the other processes' event streams through it.
  let pg;
  try {
    pg = await openPostgresWhenUp(config.databaseUrl, {
      waitMs: config.databaseWaitSeconds * 1000,
      log: (message) => log.warn(message),
    });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  store = pg;
  relay = await relayThroughPostgres(pg.sql, pokes, (message) => log.info(message));
  where = `PostgreSQL ${databaseName(config.databaseUrl)}`;
} else {
  where = join(config.dataDir, DEFAULT_DB_FILE);
  store = openSqliteStore(where);
}
const rate = config.rateBurst > 0 && config.ratePerSecond > 0;
// The key checkpoints are signed with: made and stored at the first start (the secret to back up, see the README),
// read back on every later one; processes starting together on one PostgreSQL database all get the same.
const ledger = new Ledger(store, Date.now);
try {
  const serverKey = await ledger.serverKey();
  log.info(`Checkpoints are signed with the server key ${serverKey.keyId} (GET /v1/server-key)`);
} catch (error) {
  console.error(`Cannot read or make the server's signing key: ${(error as Error).message}`);
  await store.close();
  process.exit(1);
}
const app = createApp({
  store,
  ledger,
  pokes,
  log,
  maxDriftMs: config.maxDriftMs,
  bodyLimitBytes: config.bodyLimitBytes,
  rateLimit: rate ? { burst: config.rateBurst, perSecond: config.ratePerSecond } : false,
  corsOrigins: config.corsOrigins,
  tokenMaxIdleMs: config.tokenIdleDays * DAY_MS,
  spaceCreation: config.spaceCreation,
  maxRecordsPerSpace: config.maxRecordsPerSpace,
  maxBytesPerSpace: config.maxBytesPerSpace,
  maxBlobBytes: config.maxBlobBytes,
  maxBlobBytesPerSpace: config.maxBlobBytesPerSpace,
});

const code = await prepareSetup(store, new Date());
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info(`Docket sync server on http://${config.host}:${info.port} (data: ${where})`);
  if (code) {
    // Printed to stdout whatever the log level: it is the only way in. A restart issues a new one until it is used.
    // On PostgreSQL every process that starts while setup is pending issues one: the last one printed is the live one.
    console.log(`\nFirst start: sign in from Docket's settings with this one-time setup code:\n\n  ${code}\n`);
  }
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: closing`);
  pokes.closeAll();
  void relay?.stop();
  const force = setTimeout(() => {
    void store.close();
    process.exit(1);
  }, 5000);
  force.unref();
  server.close(() => {
    store.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
