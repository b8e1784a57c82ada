/**
 * `npx tsx scripts/clip-corpus/generate.ts`: writes the extraction corpus to test/fixtures/clip-corpus/ (one .html and
 * one .gold.json per page). Seeded, so the same run writes the same bytes; `npm run clip -- --score` reads it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makePage, type Kind } from './pages';

const OUT = resolve(import.meta.dirname, '../../test/fixtures/clip-corpus');

const PLAN: Array<[Kind, string, number]> = [
  ['article', 'news', 20],
  ['vendor', 'pricing', 6],
  ['vendor', 'quote', 6],
  ['vendor', 'contract', 6],
  ['vendor', 'renewal', 6],
  ['docs', 'kb', 14],
  ['forum', 'thread', 14],
];

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
let seed = 1000;
let bytes = 0;
for (const [kind, sub, count] of PLAN) {
  for (let i = 1; i <= count; i++) {
    const page = makePage(kind, sub, i, seed++);
    bytes += page.html.length;
    await writeFile(join(OUT, `${page.name}.html`), page.html);
    await writeFile(
      join(OUT, `${page.name}.gold.json`),
      `${JSON.stringify({ url: page.url, ...page.gold }, null, 2)}\n`,
    );
  }
}
process.stdout.write(`wrote ${PLAN.reduce((n, p) => n + p[2], 0)} pages (${Math.round(bytes / 1024)} kB) to ${OUT}\n`);
