import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

describe('server entry (tsx server/main.ts)', () => {
  it('prints the setup code on first start, serves, and closes cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const deadline = Date.now() + 8000;
      while (!/setup code:\s+(\S+)/.test(out) || !/127\.0\.0\.1:(\d+)/.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no start: ${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      const code = /setup code:\s+(\S+)/.exec(out)![1];
      const port = /127\.0\.0\.1:(\d+)/.exec(out)![1];
      const res = await fetch(`http://127.0.0.1:${port}/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'Dana' }),
      });
      expect(res.status).toBe(201);
      const exit = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 15_000);
});
