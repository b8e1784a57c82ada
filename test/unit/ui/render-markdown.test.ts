// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown, splitMarkdown } from '../../../extension/ui/log/render-markdown';

describe('renderMarkdown', () => {
  it('keeps the structure a vCIO reads: headings, tables, links', () => {
    const html = renderMarkdown(
      '## Pricing\n\n| Item | Price |\n| --- | --- |\n| Seats | $4,500 |\n\n[Portal](https://portal.acme.com/q)',
    );
    expect(html).toContain('<h2>Pricing</h2>');
    expect(html).toMatch(/<td>Seats<\/td>\s*<td>\$4,500<\/td>/);
    expect(html).toContain('href="https://portal.acme.com/q"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('renders hostile Markdown inert', () => {
    const hostile = [
      '<script>window.pwned = true</script>',
      '<img src=x onerror="window.pwned=true">',
      '<svg onload="alert(1)"></svg>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<form action="https://evil.test"><input name=p></form>',
      '<div style="background:url(https://track.test/p.gif)" onclick="alert(1)">hi</div>',
      '![pixel](https://track.test/open.gif)',
    ].join('\n\n');
    const html = renderMarkdown(hostile);
    expect(html).not.toMatch(/<script|<iframe|<svg|<form|<input|<img|onerror|onload|onclick|javascript:|style=/i);
    expect(html).toContain('[image: pixel]');
    expect(html).toContain('hi');
  });
});

describe('splitMarkdown', () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${'word '.repeat(40)}`).join('\n\n');

  it('keeps a short capture in one piece', () => {
    expect(splitMarkdown('# Quote\n\nSome text.')).toEqual(['# Quote\n\nSome text.']);
  });

  it('cuts long text at blank lines into pieces of about the asked size, losing nothing', () => {
    const pieces = splitMarkdown(paragraphs, 1_000);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('\n\n')).toBe(paragraphs);
    for (const p of pieces) expect(p.length).toBeLessThan(1_000 + 300);
  });

  it('cuts a long table between rows and repeats its header, so every piece renders as a table', () => {
    const head = '| SKU | Price |\n| --- | --- |';
    const rows = Array.from({ length: 500 }, (_, i) => `| KD-${i} | $${i}.00 |`);
    const pieces = splitMarkdown(`# Price list\n\n${head}\n${rows.join('\n')}\n\nValid until March.`, 2_000);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces.slice(0, -1)) expect(renderMarkdown(p)).toContain('<th>SKU</th>');
    const shown = pieces
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('| KD-'));
    expect(shown).toEqual(rows);
    expect(pieces.at(-1)).toContain('Valid until March.');
  });

  it('never cuts inside a fenced code block', () => {
    const code = '```\n' + Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n\n') + '\n```';
    const pieces = splitMarkdown(`${paragraphs}\n\n${code}\n\nAfter.`, 1_000);
    expect(pieces.filter((p) => p.includes('line 0'))[0]).toContain('line 199\n```');
  });

  it('leaves every piece as inert as the whole once rendered', () => {
    const hostile = `${paragraphs}\n\n<script>window.pwned = true</script>\n\n[x](javascript:alert(1))`;
    for (const piece of splitMarkdown(hostile, 1_000))
      expect(renderMarkdown(piece)).not.toMatch(/<script|javascript:/i);
  });
});

describe('renderMarkdown with kept images', () => {
  const local = new Map([['https://portal.acme.com/img/pricing.png', 'blob:chrome-extension://x/1f2e']]);

  it('shows an image from its local copy, never from the page’s address', () => {
    const html = renderMarkdown('Tiers:\n\n![Pricing tiers](https://portal.acme.com/img/pricing.png)', local);
    expect(html).toContain('<img src="blob:chrome-extension://x/1f2e" alt="Pricing tiers"');
    expect(html).not.toContain('https://portal.acme.com/img/pricing.png');
  });

  it('keeps an image with no local copy a link, and drops <img> tags the captured text carries', () => {
    const html = renderMarkdown(
      [
        '![chart](https://cdn.other.test/chart.png)',
        '<img src="blob:chrome-extension://x/1f2e" onerror="alert(1)">',
        '<img src="https://track.test/p.gif">',
        '[a blob link](blob:chrome-extension://x/1f2e)',
      ].join('\n\n'),
      local,
    );
    expect(html).toContain('[image: chart]');
    expect(html.match(/<img/g)).toBeNull();
    expect(html).not.toMatch(/onerror|track\.test|href="blob:/);
  });
});
