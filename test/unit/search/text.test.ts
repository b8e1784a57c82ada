import { describe, expect, it } from 'vitest';
import { excerpt, snippet } from '../../../shared/search/snippet';
import { fold, plainHead, plainText } from '../../../shared/search/text';
import { topK } from '../../../shared/search/top';

describe('text helpers', () => {
  it('folds case, accents and ligatures', () => {
    expect(fold('Échéance CŒUR Straße')).toBe('echeance coeur strasse');
  });

  it('turns Markdown and stray HTML into plain words', () => {
    const md =
      '# Offre\n\n> **Prix** : [voir](https://x.example/p) ![logo](l.png)\n\n- <span>un</span> | deux\n\n```js\ncode\n```';
    expect(plainText(md)).toBe('Offre Prix : voir logo un deux code');
  });

  it('keeps only the head of huge Markdown, cut at a word boundary', () => {
    const head = plainHead('mot '.repeat(1_000_000), 20_000);
    expect(head.length).toBeLessThanOrEqual(20_000);
    expect(head.endsWith('mot')).toBe(true);
  });
});

describe('snippets', () => {
  const long = `${'alpha '.repeat(100)}cible trouvée ici ${'omega '.repeat(100)}`;

  it('centres on the first matching word and stays within 200 characters', () => {
    const s = snippet(long, new Set(['trouvee']));
    expect(s.length).toBeLessThanOrEqual(200);
    expect(s).toContain('cible trouvée ici');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });

  it('returns short text whole and cuts long text from the start without a match', () => {
    expect(excerpt('court')).toBe('court');
    const s = excerpt(long);
    expect(s.startsWith('alpha')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(200);
  });
});

describe('topK', () => {
  it('returns the k best in order', () => {
    const values = [5, 1, 9, 3, 7, 2, 8];
    expect(topK(values, 3, (a, b) => a > b)).toEqual([9, 8, 7]);
    expect(topK(values, 0, (a, b) => a > b)).toEqual([]);
    expect(topK([2, 1], 5, (a, b) => a > b)).toEqual([2, 1]);
  });
});
