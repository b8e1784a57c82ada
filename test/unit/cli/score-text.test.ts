import { describe, expect, it } from 'vitest';
import { parseClipArgs } from '../../../cli/args';
import { bagScore, markdownToText, sameTitle, stats, tokens } from '../../../cli/score-text';

describe('extraction scoring', () => {
  it('tokenises without case or punctuation, keeping repeated words', () => {
    expect(tokens('Quote Q-88231: the TOTAL, the total.')).toEqual([
      'quote',
      'q',
      '88231',
      'the',
      'total',
      'the',
      'total',
    ]);
  });

  it('counts each word as often as it appears in both bags', () => {
    // got: a a b c (4), gold: a b b d (4); overlap = min(2,1) + min(1,2) = 2
    const s = bagScore('a a b c', 'A, b. B d');
    expect(s.precision).toBeCloseTo(2 / 4);
    expect(s.recall).toBeCloseTo(2 / 4);
    expect(s.f1).toBeCloseTo(0.5);
    const t = bagScore('x y z gold', 'gold');
    expect([t.precision, t.recall]).toEqual([0.25, 1]);
    expect(t.f1).toBeCloseTo(0.4);
  });

  it('scores an empty extraction as zero rather than dividing by zero', () => {
    expect(bagScore('', 'some gold')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('reads Markdown as text: no marks, link targets, images or table rules', () => {
    const md =
      '# Quote\n\n**Total** is [here](https://x.test/a) ![logo](l.png)\n\n| A | B |\n| --- | :-: |\n| 1 | 2 |\n\n- item\n> said\n\\*not\\*';
    expect(tokens(markdownToText(md))).toEqual([
      'quote',
      'total',
      'is',
      'here',
      'a',
      'b',
      '1',
      '2',
      'item',
      'said',
      'not',
    ]);
  });

  it('compares titles after whitespace and case normalisation only', () => {
    expect(sameTitle('  Quote  q-88231 ', 'Quote Q-88231')).toBe(true);
    expect(sameTitle('Quote Q-88231 | Acme Portal', 'Quote Q-88231')).toBe(false);
    expect(sameTitle(null, 'x')).toBe(false);
  });

  it('gives means and medians of odd and even counts', () => {
    expect(stats([3, 1, 2])).toEqual({ mean: 2, median: 2 });
    expect(stats([4, 1, 2, 3])).toEqual({ mean: 2.5, median: 2.5 });
    expect(stats([])).toEqual({ mean: 0, median: 0 });
  });

  it('takes --score with a folder and no files', () => {
    const ok = parseClipArgs(['--score', 'corpus', '--json']);
    expect(ok.ok && ok.args.score).toBe('corpus');
    expect(parseClipArgs(['--score', 'corpus', 'page.html'])).toMatchObject({ ok: false });
    expect(parseClipArgs(['--score', ''])).toMatchObject({ ok: false });
  });
});
