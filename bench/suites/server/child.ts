/** A Node child process run like the sync server (node with tsx's loader), resolved once it prints `ready`. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface NodeChild {
  pid: number;
  output: () => string;
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>;
}

export async function startNode(opts: { nodeArgs?: string[]; script: string; args: string[]; ready: RegExp }) {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.script, ...opts.args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${opts.script} did not start:\n${out}`)), 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (opts.ready.test(out)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (status) => fail(new Error(`${opts.script} exited (${status}):\n${out}`)));
  });
  const running: NodeChild = {
    pid: child.pid!,
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
  return running;
}
