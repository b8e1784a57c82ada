import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/domain';
import { LogSearch, itemDate, type SearchFilters } from '../../../shared/search';
import { capture, item } from './fixtures';
import { generateLog, type GeneratedLog } from './generate';

/** An independent oracle: every folded word of an item, its vendor and its captures. */
function wordsOf(log: GeneratedLog): Map<string, Set<string>> {
  const split = (t: string) =>
    t
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const vendorName = new Map(log.vendors.map((v) => [v.id, v.name]));
  const out = new Map<string, Set<string>>();
  for (const i of log.items) {
    const text = [
      i.title,
      i.notes,
      ...i.tags,
      vendorName.get(i.vendorId ?? '') ?? '',
      i.decision?.context ?? '',
      i.decision?.rationale ?? '',
    ];
    out.set(i.id, new Set(split(text.join(' '))));
  }
  for (const c of log.captures)
    for (const w of split(`${c.markdown} ${c.source.title} ${c.source.site}`)) out.get(c.itemId)!.add(w);
  return out;
}

/** Items having every exact word and a word starting with `prefix`, and passing the filter. */
function expected(
  log: GeneratedLog,
  words: Map<string, Set<string>>,
  exact: string[],
  prefix: string,
  keep: (i: Item) => boolean,
) {
  return log.items
    .filter((i) => keep(i))
    .filter((i) => {
      const w = words.get(i.id)!;
      return exact.every((e) => w.has(e)) && [...w].some((x) => x.startsWith(prefix));
    })
    .map((i) => i.id)
    .sort();
}

describe('a generated log of 10,000 items', () => {
  let log: GeneratedLog;
  let words: Map<string, Set<string>>;
  const search = new LogSearch();
  const found = (q: string, f: SearchFilters = {}) =>
    search
      .search(q, f, 20_000)
      .map((h) => h.itemId)
      .sort();

  beforeAll(() => {
    log = generateLog(10_000, 20_260_301, 30);
    log.items.push(item({ id: 'planted', title: 'Zéphyrine quarterly review', clientId: 'client-cedre' }));
    log.captures.push(capture({ id: 'planted-c', itemId: 'planted', markdown: 'Annexe **xylophonique** du contrat' }));
    words = wordsOf(log);
    search.bulkLoad(log);
  });

  it('indexes every item', () => {
    expect(search.size()).toBe(10_001);
  });

  it('finds a rare word, across the item and its capture', () => {
    expect(found('zephyrine')).toEqual(['planted']);
    expect(found('xylophonique zéphyr')).toEqual(['planted']);
    expect(found('zephyrine', { clientId: 'client-acme' })).toEqual([]);
  });

  it('returns exactly the items containing every word (oracle check)', () => {
    // Words under five letters are matched exactly (no fuzziness), so the oracle is a plain set test.
    const riskCost = expected(log, words, ['risk'], 'cout', () => true);
    expect(riskCost.length).toBeGreaterThan(10);
    expect(found('risk cout')).toEqual(riskCost);
    const planYear = expected(log, words, ['plan', 'year'], 'te', () => true);
    expect(planYear.length).toBeGreaterThan(10);
    expect(found('plan year te')).toEqual(planYear);
    const f: SearchFilters = { clientId: 'client-boreal', status: ['inbox', 'decided'] };
    const keep = (i: Item) => i.clientId === 'client-boreal' && (i.status === 'inbox' || i.status === 'decided');
    const hits = found('term pri', f);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(expected(log, words, ['term'], 'pri', keep));
  });

  it('lists filtered items newest first for an empty query', () => {
    const f: SearchFilters = { clientId: 'client-delta', kind: ['quote'], from: '2025-03-01', to: '2025-09-30' };
    const want = log.items
      .filter((i) => i.clientId === 'client-delta' && i.kind === 'quote')
      .filter((i) => itemDate(i) >= '2025-03-01' && itemDate(i) <= '2025-09-30')
      .sort((a, b) => (itemDate(b) + b.createdAt + b.id).localeCompare(itemDate(a) + a.createdAt + a.id))
      .slice(0, 50)
      .map((i) => i.id);
    expect(want.length).toBe(50);
    expect(search.search('', f).map((h) => h.itemId)).toEqual(want);
  });

  it('keeps results right after edits at scale', () => {
    const planted = log.items.find((i) => i.id === 'planted')!;
    search.updateItem({ ...planted, title: 'Quintessenciel review' }, { vendorName: null });
    expect(found('zephyrine')).toEqual([]);
    expect(found('quintessenciel')).toEqual(['planted']);
    expect(found('xylophonique')).toEqual(['planted']);
    search.removeCapture('planted-c');
    expect(found('xylophonique')).toEqual([]);
    search.removeItem('planted');
    expect(found('quintessenciel')).toEqual([]);
    expect(search.size()).toBe(10_000);
  });
});
