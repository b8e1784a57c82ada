import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `wxt build` writes (DOCKET_OUT_DIR lets benches and tests keep separate builds). */
export const OUT_DIR = resolve(process.env.DOCKET_OUT_DIR ?? '.output');
export const BENCH_BUILD = join(OUT_DIR, 'chrome-mv3-bench');
export const PRODUCTION_BUILD = join(OUT_DIR, 'chrome-mv3');

/** Builds the extension in the given WXT mode (production for bundle sizes, bench for everything in Chromium). */
export function buildExtension(mode: 'production' | 'bench'): string {
  execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', '--mode', mode], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DOCKET_OUT_DIR: OUT_DIR },
  });
  const dir = mode === 'bench' ? BENCH_BUILD : PRODUCTION_BUILD;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build --mode ${mode} wrote no ${dir}`);
  return dir;
}
