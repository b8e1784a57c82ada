import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** The real sync server as a child process on 127.0.0.1 with a fresh data dir; resolves with its URL and setup code. */
export async function startSyncServer(): Promise<{ url: string; setupCode: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docket-server-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    resolve('node_modules/.bin/tsx'),
    ['server/main.ts', '--port', String(port), '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const setupCode = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the sync server did not start:\n${out}`)), 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const code = out.match(/setup code:\s+(\S+)/)?.[1];
      if (code && out.includes('sync server on')) {
        clearTimeout(timer);
        ok(code);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (status) => fail(new Error(`the sync server exited (${status}):\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    setupCode,
    stop: () =>
      new Promise((ok) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}
