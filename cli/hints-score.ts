/**
 * `npm run hints:score [-- <corpus folder>]`: how often the capture form's prefilled hints are right on a corpus of
 * vendor documents. Each document (.html or .eml) sits beside a JSON of what a vCIO would expect (see Expected).
 * The documents go through the same extractors as `npm run clip`, and the hints through `suggestHints` with the
 * corpus's client registry, so the score is what the form would get.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CaptureDraft, Hints, Recurrence } from '../shared/domain';
import { headline, suggestHints } from '../shared/hints';
import { proposedDecideBy } from '../shared/hints/decide-by';
import { clientsFromRegistry } from './clients-file';
import { expandPaths } from './files';
import { clipFiles } from './run';

export const CORPUS = resolve(import.meta.dirname, '../test/fixtures/hints-corpus');

/** A fixed "today" so the score never depends on when it runs: the corpus's documents were written around it. */
export const CORPUS_NOW = new Date('2026-12-04T15:00:00Z');

interface Expected {
  /** The address the page was clipped from (pages only), as `npm run clip --url` would be given. */
  url?: string;
  client: string | null;
  vendor: string | null;
  kind: string | null;
  amount: { value: number; currency: string; recurrence: Recurrence } | null;
  /** The one-time total kept beside a recurring default amount. */
  oneTime?: { value: number; currency: string; recurrence: Recurrence };
  /** The dates that matter for the decision, each labelled by what it is. */
  dates: Array<{ date: string; label: string }>;
  /** Other dates the document writes (its own date, an invoice's…): not wanted, but not invented either. */
  written?: string[];
  decideBy: string | null;
  /** What the reader sees as the title; several when more than one reading is fair. */
  title: string | string[];
}

interface Registry {
  clients: Array<{ id: string; name: string; domains: string[] }>;
  vendors: Array<{ id: string; clientId: string; name: string; domains: string[] }>;
}

export const FIELDS = ['client', 'vendor', 'kind', 'amount', 'dates', 'decideBy', 'title'] as const;
export type Field = (typeof FIELDS)[number];

/** Issue 11's floors: below any of them (or with one invented date) the test suite and this command fail. */
export const FLOORS: Partial<Record<Field, number>> = { amount: 0.9, client: 0.95, vendor: 0.9, kind: 0.9, dates: 0.9 };

export interface DocumentScore {
  file: string;
  right: Record<Field, boolean>;
  /** What the hints said, for each field that is wrong. */
  got: Partial<Record<Field, string>>;
  /** Dates the hints proposed that the document does not write: the one mistake a vCIO cannot catch. */
  invented: string[];
}

export interface CorpusScore {
  documents: DocumentScore[];
  accuracy: Record<Field, number>;
  invented: number;
}

/** The form's decide-by (extension/ui/capture/form-state.ts, initialForm): the earliest hinted date not past. */
function formDecideBy(hints: Hints, now: Date): string | null {
  return proposedDecideBy(hints.dates, now.toISOString().slice(0, 10))?.date ?? null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function scoreOne(file: string, expected: Expected, hints: Hints, registry: Registry, now: Date): DocumentScore {
  const client = registry.clients.find((c) => c.id === hints.clientId)?.name ?? null;
  const top = headline(hints.amounts, hints.kind);
  const amount = top?.amount ?? null;
  const money = (a: { value: number; currency: string; recurrence: string } | null | undefined) =>
    a ? `${a.value} ${a.currency} ${a.recurrence}` : 'none';
  const amountText = `${money(amount)}${top?.oneTime ? ` + ${money(top.oneTime)}` : ''}`;
  // A date the hints could not give a role to ("other") is shown but not scored: only the roles are.
  const dates = hints.dates
    .filter((d) => d.label !== 'other')
    .map((d) => `${d.date} ${d.label}`)
    .sort();
  const wantDates = expected.dates.map((d) => `${d.date} ${d.label}`).sort();
  const decideBy = formDecideBy(hints, now);
  const titles = (Array.isArray(expected.title) ? expected.title : [expected.title]).map(squash);
  const want = expected.amount;

  const right: Record<Field, boolean> = {
    client: client === expected.client,
    vendor: squash(hints.vendor?.name ?? '') === squash(expected.vendor ?? ''),
    kind: hints.kind === expected.kind,
    amount: money(amount) === money(want) && money(top?.oneTime) === money(expected.oneTime),
    dates: dates.join(', ') === wantDates.join(', '),
    decideBy: decideBy === expected.decideBy,
    title: titles.includes(squash(hints.title)),
  };
  const said: Record<Field, string> = {
    client: client ?? 'none',
    vendor: hints.vendor?.name ?? 'none',
    kind: hints.kind ?? 'none',
    amount: amountText,
    dates: dates.join(', ') || 'none',
    decideBy: decideBy ?? 'none',
    title: hints.title,
  };
  const wanted: Record<Field, string> = {
    client: expected.client ?? 'none',
    vendor: expected.vendor ?? 'none',
    kind: expected.kind ?? 'none',
    amount: `${money(want)}${expected.oneTime ? ` + ${money(expected.oneTime)}` : ''}`,
    dates: wantDates.join(', ') || 'none',
    decideBy: expected.decideBy ?? 'none',
    title: titles.join(' / '),
  };
  const got = Object.fromEntries(FIELDS.filter((f) => !right[f]).map((f) => [f, `${said[f]}  (want ${wanted[f]})`]));
  const known = new Set([...expected.dates.map((d) => d.date), ...(expected.written ?? [])]);
  const invented = hints.dates.filter((d) => !known.has(d.date)).map((d) => `${d.date} ${d.label} ("${d.text}")`);
  return { file, right, got, invented };
}

/** Every document of the corpus folder through the clip extractors and `suggestHints`, scored field by field. */
export async function scoreCorpus(dir = CORPUS, now = CORPUS_NOW): Promise<CorpusScore> {
  const registry = JSON.parse(await readFile(join(dir, 'registry.json'), 'utf8')) as Registry;
  const ctx = { ...clientsFromRegistry(registry), now };
  const documents: DocumentScore[] = [];
  for (const path of await expandPaths([dir])) {
    const expected = JSON.parse(await readFile(path.replace(/\.[a-z]+$/, '.json'), 'utf8')) as Expected;
    let draft: CaptureDraft | null = null;
    let failure = '';
    await clipFiles([path], {
      url: expected.url ?? null,
      onDraft: (_, d) => (draft = d),
      onError: (_, message) => (failure = message),
    });
    if (!draft) throw new Error(`${basename(path)}: ${failure || 'not read'}`);
    documents.push(scoreOne(basename(path), expected, suggestHints(draft, ctx), registry, now));
  }
  const share = (f: Field) => documents.filter((d) => d.right[f]).length / Math.max(1, documents.length);
  const accuracy = Object.fromEntries(FIELDS.map((f) => [f, share(f)])) as Record<Field, number>;
  return { documents, accuracy, invented: documents.reduce((n, d) => n + d.invented.length, 0) };
}

/** One line per document with what is wrong, then the accuracy per field and the invented dates. */
export function formatScore(score: CorpusScore): string {
  const lines: string[] = [];
  for (const d of score.documents) {
    const wrong = Object.entries(d.got).map(([f, v]) => `${f}: ${v}`);
    const flags = [...wrong, ...d.invented.map((i) => `INVENTED ${i}`)];
    lines.push(`${flags.length ? '✗' : '✓'} ${d.file}${flags.map((f) => `\n    ${f}`).join('')}`);
  }
  lines.push('', `${score.documents.length} documents`);
  for (const f of FIELDS) {
    const floor = FLOORS[f];
    const mark =
      floor === undefined
        ? ''
        : score.accuracy[f] >= floor
          ? `  (floor ${floor * 100}%)`
          : `  BELOW FLOOR ${floor * 100}%`;
    lines.push(`  ${f.padEnd(9)} ${Math.round(score.accuracy[f] * 100)}%${mark}`);
  }
  lines.push(`  invented dates: ${score.invented}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const score = await scoreCorpus(process.argv[2] ? resolve(process.argv[2]) : CORPUS);
  process.stdout.write(`${formatScore(score)}\n`);
  const below = FIELDS.some((f) => FLOORS[f] !== undefined && score.accuracy[f] < FLOORS[f]!);
  process.exitCode = score.invented > 0 || below ? 1 : 0;
}
