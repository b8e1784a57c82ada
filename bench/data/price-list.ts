/**
 * A vendor's price list as a vCIO meets it in a distributor portal: a short header (who it is from, who it is for,
 * the quote number, how long the prices hold), one very long table of products, and the totals at the very end.
 * Deterministic for a (bytes, seed) pair and generated when needed: a 7 MB page is never checked in.
 */
import { prng } from './prng';

const CATEGORIES = ['Licences', 'Hardware', 'Support', 'Backup', 'Network', 'Security', 'Telecom'];
const PRODUCTS = [
  'M365 Business Premium seat',
  'Endpoint protection seat',
  'Managed firewall, branch',
  'Fibre 1 Gbit/s circuit',
  'Backup storage, 1 TB',
  'Helpdesk block, 10 hours',
  'Laptop 14", 16 GB, 3-year warranty',
  'Switch, 48 ports PoE',
];
const UNITS = ['per seat / month', 'each', 'per site / month', 'per TB / month', 'per block'];

/** What the page says in its head and its tail, for tests to look for. */
export const PRICE_LIST = {
  title: 'Keystone Distribution – 2027 price list for Northwind Dental',
  vendor: 'Keystone Distribution',
  quote: 'Quote KD-2027-0419',
  /** The first line of the table, right under the header. */
  firstSku: 'KD-00001',
  /** The total row that closes the table, at the very end of a multi-megabyte page. */
  totalLabel: 'Total annual commitment',
  total: '$184,250.00',
  validUntil: 'Prices valid until 31 March 2027.',
} as const;

export function generatePriceList(bytes: number, seed: number): string {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const head =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${PRICE_LIST.title}</title><meta property="og:site_name" content="${PRICE_LIST.vendor}"></head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/price-lists">Price lists</a> <a href="/orders">Orders</a></nav>' +
    `</header><main><h1>${PRICE_LIST.title}</h1>` +
    `<p><strong>${PRICE_LIST.quote}</strong> · prepared for Northwind Dental by Jane Roy, account manager, ` +
    `${PRICE_LIST.vendor}. ${PRICE_LIST.validUntil} Prices in US dollars, taxes extra.</p>` +
    '<table class="price-list"><thead><tr><th>SKU</th><th>Product</th><th>Category</th><th>Unit</th>' +
    '<th>List price</th><th>Your price</th></tr></thead><tbody>';
  const tail =
    `</tbody><tfoot><tr><td>${PRICE_LIST.totalLabel}</td><td></td><td></td><td></td><td></td>` +
    `<td>${PRICE_LIST.total}</td></tr></tfoot></table>` +
    `<p>${PRICE_LIST.validUntil} Orders placed after that date follow the next price list.</p>` +
    '</main><footer><p>© 2027 Keystone Distribution</p></footer></body></html>';
  const rows: string[] = [head];
  let size = head.length + tail.length;
  for (let n = 1; size < bytes; n++) {
    const list = 5 + rand() * 2000;
    const row =
      `<tr><td>KD-${String(n).padStart(5, '0')}</td><td>${pick(PRODUCTS)}</td><td>${pick(CATEGORIES)}</td>` +
      `<td>${pick(UNITS)}</td><td>$${list.toFixed(2)}</td><td>$${(list * (0.7 + rand() * 0.25)).toFixed(2)}</td></tr>`;
    rows.push(row);
    size += row.length;
  }
  rows.push(tail);
  return rows.join('');
}

/** The same price list as captured Markdown of about `chars` characters: one long table between a head and a total. */
export function priceListMarkdown(chars: number, seed: number): string {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const head =
    `# ${PRICE_LIST.title}\n\n**${PRICE_LIST.quote}** · prepared for Northwind Dental by Jane Roy. ` +
    `${PRICE_LIST.validUntil}\n\n| SKU | Product | Category | Unit | List price | Your price |\n` +
    '| --- | --- | --- | --- | --- | --- |';
  const tail = `\n| ${PRICE_LIST.totalLabel} |  |  |  |  | ${PRICE_LIST.total} |\n\n${PRICE_LIST.validUntil}`;
  const lines = [head];
  let size = head.length + tail.length;
  for (let n = 1; size < chars; n++) {
    const list = 5 + rand() * 2000;
    const row =
      `| KD-${String(n).padStart(5, '0')} | ${pick(PRODUCTS)} | ${pick(CATEGORIES)} | ${pick(UNITS)} | ` +
      `$${list.toFixed(2)} | $${(list * (0.7 + rand() * 0.25)).toFixed(2)} |`;
    lines.push(row);
    size += row.length + 1;
  }
  return lines.join('\n') + tail;
}
