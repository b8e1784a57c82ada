/**
 * `npm run clip -- --score <dir>`: Docket's file extractor and bare Readability on every page of a corpus, each
 * scored against the page's gold (`<name>.gold.json` beside `<name>.html`: { title, text, kind, url? }).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../extension/capture/file';
import { htmlParser } from './html';
import { clipFiles } from './run';
import { bagScore, markdownToText, sameTitle, stats, type Prf, type Stats } from './score-text';

export interface Gold {
  title: string;
  text: string;
  kind: string;
  url?: string;
}

export interface Result extends Prf {
  title: string | null;
  titleRight: boolean;
}

export interface PageScore {
  page: string;
  kind: string;
  goldTitle: string;
  docket: Result | { error: string };
  readability: Result | { error: string };
}

export const EXTRACTORS = ['docket', 'readability'] as const;
type Extractor = (typeof EXTRACTORS)[number];

function result(text: string, title: string | null, gold: Gold): Result {
  return { ...bagScore(text, gold.text), title, titleRight: sameTitle(title, gold.title) };
}

async function docket(path: string, gold: Gold): Promise<Result | { error: string }> {
  let out: Result | { error: string } = { error: 'no draft' };
  await clipFiles([path], {
    url: gold.url ?? null,
    onDraft: (_, draft) => (out = result(markdownToText(draft.markdown), draft.source.title ?? null, gold)),
    onError: (_, message) => (out = { error: message }),
  });
  return out;
}

function readability(html: string, gold: Gold, name: string): Result | { error: string } {
  const parser = htmlParser();
  try {
    const doc = parser.parseHtml(html, gold.url ?? `file:///${encodeURIComponent(name)}`);
    const article = new Readability(doc).parse();
    if (!article) return { error: 'no article' };
    return result(article.textContent ?? '', article.title?.trim() || null, gold);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    parser.close();
  }
}

/** Every `<name>.gold.json` in `dir` with its `<name>.html`, scored by both extractors. */
export async function scoreCorpus(dir: string): Promise<PageScore[]> {
  const golds = (await readdir(dir)).filter((f) => f.endsWith('.gold.json')).sort();
  const scores: PageScore[] = [];
  for (const file of golds) {
    const page = file.slice(0, -'.gold.json'.length);
    const gold = JSON.parse(await readFile(join(dir, file), 'utf8')) as Gold;
    const path = join(dir, `${page}.html`);
    const html = decodeHtml(new Uint8Array(await readFile(path)), 'text/html');
    scores.push({
      page,
      kind: gold.kind ?? 'other',
      goldTitle: gold.title,
      docket: await docket(path, gold),
      readability: readability(html, gold, `${page}.html`),
    });
  }
  return scores;
}

export interface Summary {
  pages: number;
  failed: number;
  precision: Stats;
  recall: Stats;
  f1: Stats;
  /** Share of pages whose title is right. */
  titles: number;
}

/** A failed extraction counts as zero on every measure. */
export function summarise(scores: PageScore[], extractor: Extractor): Summary {
  const results = scores.map((s) => s[extractor]);
  const ok = (r: Result | { error: string }): Result =>
    'error' in r ? { precision: 0, recall: 0, f1: 0, title: null, titleRight: false } : r;
  const all = results.map(ok);
  return {
    pages: results.length,
    failed: results.filter((r) => 'error' in r).length,
    precision: stats(all.map((r) => r.precision)),
    recall: stats(all.map((r) => r.recall)),
    f1: stats(all.map((r) => r.f1)),
    titles: all.length ? all.filter((r) => r.titleRight).length / all.length : 0,
  };
}

export type Report = Record<string, Record<Extractor, Summary>>;

/** Per kind, then 'all'. */
export function report(scores: PageScore[]): Report {
  const kinds = [...new Set(scores.map((s) => s.kind))].sort();
  const out: Report = {};
  for (const kind of [...kinds, 'all']) {
    const some = kind === 'all' ? scores : scores.filter((s) => s.kind === kind);
    out[kind] = { docket: summarise(some, 'docket'), readability: summarise(some, 'readability') };
  }
  return out;
}

const f = (n: number) => n.toFixed(3);
const ratio = (a: number, b: number) => (b ? (a / b).toFixed(3) : '—');

export function formatReport(rep: Report, scores: PageScore[]): string {
  const lines = [
    'kind       extractor     pages  P mean  P med   R mean  R med   F1 mean F1 med  titles',
    ...Object.entries(rep).flatMap(([kind, by]) => {
      const row = (name: string, s: Summary) =>
        `${kind.padEnd(10)} ${name.padEnd(12)} ${String(s.pages).padStart(6)}  ${f(s.precision.mean)}   ${f(s.precision.median)}   ${f(s.recall.mean)}   ${f(s.recall.median)}   ${f(s.f1.mean)}   ${f(s.f1.median)}   ${f(s.titles)}`;
      const d = by.docket;
      const r = by.readability;
      return [
        row('docket', d),
        row('readability', r),
        `${kind.padEnd(10)} ${'ratio'.padEnd(12)} ${''.padStart(6)}  ${ratio(d.precision.mean, r.precision.mean)}           ${ratio(d.recall.mean, r.recall.mean)}           ${ratio(d.f1.mean, r.f1.mean)}           ${ratio(d.titles, r.titles)}`,
      ];
    }),
  ];
  const wrong = scores.filter((s) => 'error' in s.docket || !s.docket.titleRight);
  if (wrong.length) {
    lines.push('', 'Docket titles that differ from the gold:');
    for (const s of wrong) lines.push(`  ${s.page}: ${'error' in s.docket ? `error: ${s.docket.error}` : JSON.stringify(s.docket.title)} (gold ${JSON.stringify(s.goldTitle)})`); // prettier-ignore
  }
  return lines.join('\n');
}
