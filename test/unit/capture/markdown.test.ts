// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../extension/capture/markdown';

const BASE = 'https://portal.acme-cloud.com/quotes/Q-2026-1042';

describe('htmlToMarkdown', () => {
  it('uses ATX headings, "-" bullets, numbered lists and fenced code', () => {
    const md = htmlToMarkdown(
      '<h2>Renewal terms</h2><ul><li>12 months</li><li>Net 30</li></ul><ol start="3"><li>Sign</li><li>Return</li></ol>' +
        '<pre><code>seats = 120</code></pre>',
    );
    expect(md).toContain('## Renewal terms');
    expect(md).toMatch(/^- 12 months$/m);
    expect(md).toMatch(/^- Net 30$/m);
    expect(md).toMatch(/^3\. Sign$/m);
    expect(md).toMatch(/^4\. Return$/m);
    expect(md).toContain('```\nseats = 120\n```');
  });

  it('keeps a table with a header row as a GFM table with the right cells', () => {
    const md = htmlToMarkdown(
      '<table><thead><tr><th>Item</th><th>Qty</th><th>Unit price</th></tr></thead>' +
        '<tbody><tr><td>Backup seat</td><td>120</td><td>$32.50</td></tr></tbody></table>',
    );
    expect(md).toBe('| Item | Qty | Unit price |\n| --- | --- | --- |\n| Backup seat | 120 | $32.50 |');
  });

  it('turns a table without <th> into a GFM table too (first row as header), never raw HTML', () => {
    const md = htmlToMarkdown(
      '<table><tr><td>Subtotal</td><td>$4,220.00</td></tr><tr><td>Total</td><td>$4,500/month</td></tr></table>',
    );
    expect(md).toBe('| Subtotal | $4,220.00 |\n| --- | --- |\n| Total | $4,500/month |');
    expect(md).not.toContain('<t');
  });

  it('pads colspans and short rows, and escapes pipes inside cells', () => {
    const md = htmlToMarkdown(
      '<table><tr><th>SKU</th><th>Description</th><th>Amount</th></tr>' +
        '<tr><td>A-1</td><td>Seats | Pro tier</td><td>$10</td></tr><tr><td colspan="2">Total</td><td>$10</td></tr>' +
        '<tr><td>note</td></tr></table>',
    );
    const lines = md.split('\n');
    expect(lines[2]).toBe('| A-1 | Seats \\| Pro tier | $10 |');
    expect(lines[3]).toBe('| Total | | $10 |');
    expect(lines[4]).toBe('| note | | |');
  });

  it('keeps a <br> inside a table cell on the row as " · ", never "\\" or raw HTML', () => {
    const md = htmlToMarkdown(
      '<table><tr><th>Prepared for</th><th>Total</th></tr>' +
        '<tr><td>Maple Ridge Dental Group<br>Attn: Dr. Priya Nair<br></td><td><p>$1,200</p><p>monthly</p></td></tr></table>',
    );
    expect(md.split('\n')[2]).toBe('| Maple Ridge Dental Group · Attn: Dr. Priya Nair | $1,200 · monthly |');
    expect(md).not.toMatch(/\\|<br/);
  });

  it('keeps a <br> in a layout table or in prose a Markdown hard break', () => {
    expect(htmlToMarkdown('<table role="presentation"><tr><td>Hello<br>World</td></tr></table>')).toBe(
      'Hello\\\nWorld',
    );
    expect(htmlToMarkdown('<p>Line one<br>Line two</p>')).toBe('Line one\\\nLine two');
  });

  it('writes each <dt> and its <dd>s as one "**Label:** value" line', () => {
    const md = htmlToMarkdown(
      '<dl>\n  <dt>Term end</dt>\n  <dd>February 28, 2027</dd>\n  <dt>Notice:</dt><dd>90 days</dd><dd>in <em>writing</em></dd>' +
        '<dt><strong>Account manager</strong></dt><dd><p>May Chen</p><p>604-555-0177<br>ext. 12</p></dd></dl>',
    );
    expect(md).toBe(
      '**Term end:** February 28, 2027\n\n**Notice:** 90 days; in _writing_\n\n**Account manager:** May Chen · 604-555-0177 · ext. 12',
    );
  });

  it('joins several <dt> of one value, keeps a list in a <dd> as a block, and a lone <dt> as a bold line', () => {
    const md = htmlToMarkdown(
      '<p>Intro</p><dl><dt>Vendor</dt><dt>Supplier</dt><dd>Acme</dd><dt>Included</dt><dd><ul><li>Backup</li>' +
        '<li>Patching</li></ul></dd><dt>Notes</dt></dl><p>After</p>',
    );
    expect(md).toBe(
      'Intro\n\n**Vendor**, **Supplier:** Acme\n\n**Included:**\n\n- Backup\n- Patching\n\n**Notes**\n\nAfter',
    );
  });

  it('renders layout tables (nested, role=presentation) as text blocks, keeping the inner data table', () => {
    const md = htmlToMarkdown(
      '<table role="presentation"><tr><td><p>Hello Dana,</p>' +
        '<table><tr><td>Seat</td><td>$37.50</td></tr></table></td></tr></table>',
    );
    expect(md).toContain('Hello Dana,');
    expect(md).toContain('| Seat | $37.50 |');
    expect(md).not.toMatch(/\| Hello Dana/);
  });

  it('resolves relative links and images against the base URL', () => {
    const md = htmlToMarkdown('<p><a href="/legal/msa">MSA</a> <img src="img/logo.png" alt="Logo"></p>', {
      baseUrl: BASE,
    });
    expect(md).toContain('[MSA](https://portal.acme-cloud.com/legal/msa)');
    expect(md).toContain('![Logo](https://portal.acme-cloud.com/quotes/img/logo.png)');
  });

  it('makes javascript:, data: and vbscript: links plain text, whatever their spelling', () => {
    const md = htmlToMarkdown(
      '<a href="javascript:alert(1)">one</a> <a href="JaVaScRiPt:alert(2)">two</a> ' +
        '<a href="java&#09;script:alert(3)">three</a> <a href="data:text/html,x">four</a> ' +
        '<a href="vbscript:msgbox(1)">five</a> <a href="https://ok.example/">six</a>',
      { baseUrl: BASE },
    );
    expect(md).toBe('one two three four five [six](https://ok.example/)');
  });

  it('keeps only the alt text of data: images, drops tracking pixels, and unwraps Gmail image proxies', () => {
    const md = htmlToMarkdown(
      '<img src="data:image/png;base64,AAAA" alt="Chart"><img src="https://t.example/p.gif" width="1" height="1">' +
        '<img src="https://ci3.googleusercontent.com/proxy/abc=s0-d#https://acme.example/logo.png" alt="Acme">',
    );
    expect(md).toBe('Chart![Acme](https://acme.example/logo.png)');
  });

  it('never emits raw HTML: dangerous elements vanish and tag-like text is escaped', () => {
    const md = htmlToMarkdown(
      '<p>Before</p><script>alert(1)</script><style>p{}</style><iframe srcdoc="<b>x</b>"></iframe>' +
        '<form><input value="secret"><button>Pay</button></form><custom-el>kept text</custom-el>' +
        '<p>&lt;script&gt;alert(2)&lt;/script&gt; 3 &lt; 4 &amp;lt;</p>',
    );
    expect(md).not.toMatch(/<[a-z/!?]/i);
    expect(md).not.toContain('alert(1)');
    expect(md).not.toContain('secret');
    expect(md).toContain('kept text');
    expect(md).toContain('&lt;script>alert(2)&lt;/script> 3 < 4 &amp;lt;');
  });

  it('converts a DOM node without changing it', () => {
    const dom = new JSDOM('<div id="x"><p onclick="x()">Quote <a href="/q">Q-1</a></p><script>1</script></div>', {
      url: BASE,
    });
    const el = dom.window.document.getElementById('x')!;
    const before = el.outerHTML;
    expect(htmlToMarkdown(el, { baseUrl: BASE })).toBe('Quote [Q-1](https://portal.acme-cloud.com/q)');
    expect(el.outerHTML).toBe(before);
  });

  it('returns an empty string for empty input', () => {
    expect(htmlToMarkdown('')).toBe('');
    expect(htmlToMarkdown('<div><br><span> </span></div>')).toBe('');
  });
});

describe('raw HTML split across text nodes', () => {
  it('a `<` that ends one text node cannot open a tag with the next', () => {
    const md = htmlToMarkdown('<p><span>&lt;</span>script&gt;alert(1)&lt;/script&gt;</p>');
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain('&lt;');
  });
});
