// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../extension/ui/log/render-markdown';

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
