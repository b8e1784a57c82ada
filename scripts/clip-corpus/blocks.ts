/**
 * The main content of a corpus page as blocks, rendered in one of several markup flavours (semantic tags, div soup,
 * `<br>`-separated text, hashed CSS-in-JS classes) and, separately, as its gold text: the gold is what the blocks
 * say, never what an extractor returned.
 */
export type Block =
  | { t: 'p' | 'h2' | 'h3' | 'quote' | 'code' | 'note'; text: string }
  | { t: 'ul' | 'ol'; items: string[] }
  | { t: 'table'; head: string[]; rows: string[][]; caption?: string }
  | { t: 'plans'; plans: Array<{ name: string; price: string; features: string[] }> };

export type Flavour = 'semantic' | 'divsoup' | 'brsoup' | 'hashed';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let hashCounter = 0;
/** A class name like the ones CSS-in-JS libraries emit: meaningless to an extractor. */
export function hashed(): string {
  hashCounter = (hashCounter * 7919 + 104729) % 1_000_003;
  return `css-${hashCounter.toString(36)}`;
}

function table(b: Extract<Block, { t: 'table' }>, flavour: Flavour): string {
  const cls =
    flavour === 'hashed' ? ` class="${hashed()}"` : flavour === 'divsoup' ? ' class="table table-striped"' : '';
  const cap = b.caption ? `<caption>${esc(b.caption)}</caption>` : '';
  const head = `<thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls}>${cap}${head}<tbody>${rows}</tbody></table>`;
}

function plans(b: Extract<Block, { t: 'plans' }>, flavour: Flavour): string {
  const c = (name: string) => (flavour === 'hashed' ? hashed() : name);
  const cards = b.plans.map(
    (p) =>
      `<div class="${c('plan-card')}"><h3 class="${c('plan-name')}">${esc(p.name)}</h3>` +
      `<div class="${c('plan-price')}"><span>${esc(p.price)}</span></div>` +
      `<ul class="${c('plan-features')}">${p.features.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` +
      `<a class="${c('btn btn-primary')}" href="/signup?plan=${encodeURIComponent(p.name)}">Start free trial</a></div>`,
  );
  return `<div class="${c('plans-grid')}">${cards.join('\n')}</div>`;
}

export function renderBlock(b: Block, flavour: Flavour): string {
  const div = (cls: string, inner: string) => `<div class="${flavour === 'hashed' ? hashed() : cls}">${inner}</div>`;
  switch (b.t) {
    case 'p':
      if (flavour === 'divsoup') return div('text-block', esc(b.text));
      if (flavour === 'brsoup') return `${esc(b.text)}<br><br>`;
      return `<p>${esc(b.text)}</p>`;
    case 'h2':
    case 'h3':
      if (flavour === 'brsoup') return `<b>${esc(b.text)}</b><br>`;
      if (flavour === 'divsoup' && b.t === 'h3') return div('subhead', `<strong>${esc(b.text)}</strong>`);
      return `<${b.t}>${esc(b.text)}</${b.t}>`;
    case 'quote':
      return `<blockquote><p>${esc(b.text)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${esc(b.text)}</code></pre>`;
    case 'note':
      return div('admonition note', `<p class="admonition-title">Note</p><p>${esc(b.text)}</p>`);
    case 'ul':
    case 'ol':
      return `<${b.t}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${b.t}>`;
    case 'table':
      return table(b, flavour);
    case 'plans':
      return plans(b, flavour);
  }
}

export function renderBlocks(blocks: Block[], flavour: Flavour): string {
  const html = blocks.map((b) => renderBlock(b, flavour)).join('\n');
  return flavour === 'brsoup' ? `<div class="body">${html}</div>` : html;
}

/** The text a reader takes from the blocks, one line per paragraph, item or table row. */
export function goldText(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if ('items' in b) return b.items;
    if ('rows' in b) return [...(b.caption ? [b.caption] : []), b.head.join(' '), ...b.rows.map((r) => r.join(' '))];
    if ('plans' in b) return b.plans.flatMap((p) => [p.name, p.price, ...p.features]);
    if (b.t === 'note') return ['Note', b.text];
    return [b.text];
  });
}
