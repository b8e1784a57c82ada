import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../extension/store/db';
import { fill } from '../../../extension/sync/push';

const entry = (fields: number, chars = 10): OutboxEntry => ({
  table: 'captures',
  id: 'c',
  clientId: 'x',
  hlc: '0001764900000000:0000:r',
  changes: Array.from({ length: fields }, (_, i) => ({ field: `f${i}`, value: 'x'.repeat(chars), base: null })),
});

describe('what one push carries', () => {
  it('whole outbox entries, up to 500 changes', () => {
    const entries = Array.from({ length: 100 }, () => entry(20));
    expect(fill(entries)).toHaveLength(25);
  });
  it('no more than the server’s body limit allows: large captures go a few at a time', () => {
    const pages = Array.from({ length: 10 }, () => entry(1, 1_000_000)); // ten clips of 1 MB pages
    expect(fill(pages)).toHaveLength(1);
    expect(fill(Array.from({ length: 10 }, () => entry(1, 400_000)))).toHaveLength(3);
  });
  it('always at least one entry, so an outsized one is still sent (and refused by name) rather than stuck', () => {
    expect(fill([entry(600), entry(1)])).toHaveLength(1);
    expect(fill([])).toEqual([]);
  });
});
