import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  pid: number;
  url: string;
  port: number;
  dataDir: string;
  /** The first start's one-time setup code ('' on a restart with existing data). */
  setupCode: string;
  /** SIGTERM, wait for exit, remove the data dir. */
  stop: () => Promise<void>;
  /** SIGKILL, no cleanup: the data dir stays for a restart. */
  kill: () => Promise<void>;
}

/**
 * The real sync server as a child process on 127.0.0.1 (a fresh data dir and port unless given); resolves once it
 * listens, with its URL and, on a first start, its setup code.
 */
export async function startSyncServer(
  opts: { dataDir?: string; port?: number; args?: string[] } = {},
): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'docket-server-'));
  const port = opts.port ?? (await freePort());
  // One process (node with tsx's loader), so a SIGKILL hits the server itself, not a wrapper.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data-dir', dataDir, ...(opts.args ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const setupCode = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a server that did not come up is not left running after the test
      fail(new Error(`the sync server did not start:\n${out}`));
    }, 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const code = out.match(/setup code:\s+(\S+)/)?.[1];
      // A first start prints its setup code after the listen line; a restart prints none.
      if (out.includes('sync server on') && (code || opts.dataDir)) {
        clearTimeout(timer);
        ok(code ?? '');
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (status) => fail(new Error(`the sync server exited (${status}):\n${out}`)));
  });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    setupCode,
    kill: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          rmSync(dataDir, { recursive: true, force: true });
          return ok();
        }
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}
