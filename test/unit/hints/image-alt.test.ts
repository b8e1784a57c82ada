import { describe, expect, it } from 'vitest';
import type { CaptureDraft } from '../../../shared/domain';
import { textHints } from '../../../shared/hints/text-hints';

const page = (markdown: string): CaptureDraft => ({
  kind: 'page',
  source: { url: 'https://www.ironclad-backup.test/pricing', title: 'Pricing', site: 'Ironclad' },
  markdown,
  excerpt: '',
  email: null,
  pdf: null,
  file: null,
  warnings: [],
});

describe('images in a capture’s hints', () => {
  it('read as their alt text: the amounts are found, and no hint quotes Markdown or an address', () => {
    const hints = textHints(
      page('Partner tiers:\n\n![Pricing tiers: Essentials $3, Business $5](https://www.ironclad-backup.test/t.png)'),
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(hints.amounts.map((a) => a.value)).toEqual([3, 5]);
    for (const a of hints.amounts) expect(`${a.label} ${a.text}`).not.toMatch(/!\[|\]\(|https?:/);
  });
});
