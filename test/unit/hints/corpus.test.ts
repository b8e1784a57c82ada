import { describe, expect, it } from 'vitest';
import { CORPUS_NOW, FLOORS, formatScore, scoreCorpus } from '../../../cli/hints-score';

/**
 * The hints on the scored corpus (test/fixtures/hints-corpus), through the same extractors as `npm run clip`, held to
 * issue 11's floors: default amount and period ≥ 90%, client ≥ 95%, vendor ≥ 90%, kind ≥ 90%, dates labelled ≥ 90%,
 * and not one invented date. `npm run hints:score` prints the same figures with every miss.
 */
describe('hints on the vendor-document corpus', { timeout: 120_000 }, () => {
  it('meets every floor and never proposes a date the document does not write', async () => {
    const score = await scoreCorpus(undefined, CORPUS_NOW);
    expect(score.documents.length).toBeGreaterThanOrEqual(40);
    const report = formatScore(score);
    expect(
      score.documents.flatMap((d) => d.invented.map((i) => `${d.file}: ${i}`)),
      report,
    ).toEqual([]);
    const below = Object.entries(FLOORS)
      .filter(([field, floor]) => score.accuracy[field as keyof typeof FLOORS] < floor)
      .map(
        ([field, floor]) =>
          `${field} ${Math.round(score.accuracy[field as keyof typeof FLOORS] * 100)}% < ${floor * 100}%`,
      );
    expect(below, report).toEqual([]);
  });
});
