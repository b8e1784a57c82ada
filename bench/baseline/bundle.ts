import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The bare baseline (bare-capture.ts) as one IIFE script, ready for a page's main world. */
export async function bundleBareCapture(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./bare-capture.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild produced no baseline bundle');
  return script;
}
