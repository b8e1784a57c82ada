/**
 * The PostgreSQL the bench runs the server on: one throwaway cluster per bench run (Debian's PostgreSQL 15, started
 * on first use, stopped by bench/run.ts at the end), with a fresh database for each use. Durable, unlike the test
 * clusters: fsync and full-page writes on and synchronous_commit at its default (on), so a push's commit waits for
 * the disk as SQLite's (synchronous = FULL) does. Everything else at PostgreSQL's defaults (shared_buffers 128 MB),
 * on loopback TCP, on the bench machine's cores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { type RunningPostgres, startPostgres } from '../../test/support/postgres';
import { parentOf, processCpuMs } from './cpu';

let cluster: Promise<RunningPostgres> | null = null;
let made = 0;

/** What the notes say about the database the PostgreSQL figures ran on. */
export const POSTGRES_SETUP =
  'PostgreSQL 15 on this machine (a throwaway cluster, default settings, fsync and synchronous_commit on), ' +
  'over loopback TCP; a server process keeps its default pool of 10 connections.';

/** A new, empty database in the run's cluster (started on the first call): its `postgres://` URL. */
export async function benchDatabase(purpose: string): Promise<string> {
  cluster ??= startPostgres({ durable: true });
  const pg = await cluster;
  const name = `bench_${purpose.replace(/\W/g, '_')}_${++made}`;
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const url = new URL(pg.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * CPU time (ms) used so far by the run's PostgreSQL: the postmaster and its live children (backends, writers).
 * A backend's time goes when its connection closes: read it around runs during which the pools stay open.
 */
export async function postgresCpuMs(): Promise<number> {
  if (!cluster) return 0;
  const { socketDir } = await cluster;
  const postmaster = Number(readFileSync(join(socketDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = processCpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && parentOf(Number(entry)) === postmaster) total += processCpuMs(Number(entry));
  }
  return total;
}

/** Stops the run's cluster, if one was started (and removes its folder). */
export async function stopBenchPostgres(): Promise<void> {
  const running = cluster;
  cluster = null;
  if (!running) return;
  try {
    (await running).stop();
  } catch {
    // It never started: nothing to stop.
  }
}
