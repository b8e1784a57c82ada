/**
 * Gzipped size of what each part of the production build loads up front: the HTML page's module script and every
 * chunk it imports statically (dynamic `import()`s load later, on demand, so they are left out).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { summarize } from '../lib/stats';
import type { BenchContext, Figure, Suite } from '../lib/types';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']([^"']+\.js)["']/g;

function resolveFrom(root: string, file: string, spec: string): string {
  return spec.startsWith('/') ? join(root, spec) : resolve(dirname(file), spec);
}

/** The entry file and every file it imports statically, transitively. */
export function staticClosure(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(resolveFrom(root, file, match[1]!));
  };
  visit(entry);
  return [...seen];
}

/** The module scripts an HTML page starts with. */
export function pageScripts(root: string, html: string): string[] {
  const text = readFileSync(join(root, html), 'utf8');
  return [...text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => resolveFrom(root, join(root, html), m[1]!));
}

const gzipKb = (files: string[]) =>
  files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1000;

function sizeFigure(
  ctx: BenchContext,
  id: string,
  name: string,
  files: string[],
  target?: number,
  note?: string,
): Figure {
  const kb = gzipKb(files);
  const list = files.map((f) => relative(ctx.productionDir, f)).join(', ');
  return {
    id: `bundles.${id}`,
    area: 'bundles',
    name,
    unit: 'kB',
    // A build is deterministic: one measurement is the figure.
    result: summarize([kb]),
    ...(target !== undefined && { target: { op: '<=' as const, value: target } }),
    note: `${note ? `${note} ` : ''}Gzipped (level 9): ${list}.`,
  };
}

export const suite: Suite = {
  name: 'bundles',
  async run(ctx) {
    const root = ctx.productionDir;
    if (!existsSync(join(root, 'manifest.json'))) throw new Error(`no production build in ${root}`);
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
      content_scripts?: { js?: string[] }[];
      background?: { service_worker?: string };
    };
    const everywhere = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
    if (everywhere.some((f) => f.includes('capture')))
      throw new Error('capture.js is a content script in the manifest: it must be injected only on demand');
    const page = (html: string) => pageScripts(root, html).flatMap((entry) => staticClosure(root, entry));
    const worker = join(root, manifest.background?.service_worker ?? 'background.js');
    return {
      figures: [
        sizeFigure(ctx, 'popup', 'popup, JS loaded on open', page('popup.html'), 80),
        sizeFigure(ctx, 'log', 'log page, JS loaded on open', page('log.html')),
        sizeFigure(ctx, 'background', 'background service worker', staticClosure(root, worker)),
        sizeFigure(
          ctx,
          'capture',
          'capture script, injected on demand',
          staticClosure(root, join(root, 'capture.js')),
          120,
          'Not a content script: injected with activeTab + scripting only when the user clips.',
        ),
      ],
      series: [],
    };
  },
};
