import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './sync-server';

/** Debian's PostgreSQL 15 (`apt-get install -y postgresql`); PG_BIN overrides. */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/docket`: loopback only, on a free port. */
  url: string;
  port: number;
  socketDir: string;
  /** Stops the cluster (fast shutdown) and removes its folder. */
  stop: () => void;
  /** An outage: the server stops at once (immediate shutdown, every connection cut); `resume()` starts it again. */
  pause: () => void;
  resume: () => void;
}

/** Tests that need PostgreSQL fail, never skip, when it is missing: `.ci/run` installs it. */
export function requirePostgres(): void {
  if (!existsSync(join(BIN, 'initdb')))
    throw new Error(`PostgreSQL tests need ${BIN}/initdb: apt-get install -y postgresql (or set PG_BIN).`);
}

/**
 * A throwaway PostgreSQL cluster: `initdb` into a temporary folder, started on a free loopback port with its socket
 * in its own folder (never the system's /var/run/postgresql), a `docket` database made. Durability settings are
 * off (the cluster lives for one test file) unless `durable` (benchmarks: commits wait for fsync, as in
 * production). Run as the `postgres` user when this process is root (PostgreSQL refuses to run as root). Call
 * `stop()` when done (an `afterAll`).
 */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<RunningPostgres> {
  requirePostgres();
  const root = mkdtempSync(join(tmpdir(), 'docket-pg-'));
  chmodSync(root, 0o777); // the postgres user writes its data and socket here
  const data = join(root, 'data');
  const socketDir = root;
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(BIN, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options =
    `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1` +
    (opts.durable ? '' : ' -c fsync=off -c full_page_writes=off');
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-w', '-t', '30', '-l', join(root, 'log'), 'start']);
  const halt = (mode: 'fast' | 'immediate') =>
    spawnSync(asRoot ? 'runuser' : join(BIN, 'pg_ctl'), [
      ...(asRoot ? ['-u', 'postgres', '--', join(BIN, 'pg_ctl')] : []),
      ...['-D', data, '-m', mode, '-w', 'stop'],
    ]);
  start();
  const stop = () => {
    halt('fast');
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run('createdb', ['-h', socketDir, '-p', String(port), '-U', 'postgres', 'docket']);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/docket`,
    port,
    socketDir,
    stop,
    pause: () => void halt('immediate'),
    resume: () => void start(),
  };
}
