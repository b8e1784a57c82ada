/** The main content of each kind of corpus page, as blocks (see blocks.ts), drawn from words.ts with a seeded PRNG. */
import { prng } from '../../bench/data/prng';
import type { Block } from './blocks';
import * as W from './words';

export interface Rng {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(list: readonly T[]) => T;
  /** `n` distinct items in a random order. */
  some: <T>(list: readonly T[], n: number) => T[];
  chance: (p: number) => boolean;
}

export function rng(seed: number): Rng {
  const next = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  };
  return { next, int, pick, some, chance: (p) => next() < p };
}

export interface Ctx {
  r: Rng;
  vendor: W.Vendor;
  client: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']; // prettier-ignore
export const dateText = (r: Rng) => `${r.pick(MONTHS)} ${r.int(1, 28)}, 202${r.int(6, 7)}`;
const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function fill(c: Ctx, template: string): string {
  return template
    .replace(/\{vendor\}/g, c.vendor.name)
    .replace(/\{product\}/g, c.r.pick(W.PRODUCTS).toLowerCase())
    .replace(/\{n\}/g, String(c.r.int(3, 48)))
    .replace(/\{price\}/g, money(c.r.int(4, 90) * 50))
    .replace(/\{date\}/g, dateText(c.r))
    .replace(/\{client\}/g, c.client)
    .replace(/\{person\}/g, c.r.pick(W.PEOPLE))
    .replace(/\{task\}/g, c.r.pick(W.DOCS_TASKS));
}

/** A paragraph of `lo`–`hi` sentences from `pool`. */
export function para(c: Ctx, pool: readonly string[], lo = 2, hi = 5): string {
  return c.r
    .some(pool, c.r.int(lo, hi))
    .map((s) => fill(c, s))
    .join(' ');
}

export function articleBlocks(c: Ctx): Block[] {
  const blocks: Block[] = [];
  for (let s = 0, sections = c.r.int(2, 4); s < sections; s++) {
    if (s > 0) blocks.push({ t: 'h2', text: c.r.pick(SECTION_HEADS) });
    for (let i = 0, n = c.r.int(2, 4); i < n; i++) blocks.push({ t: 'p', text: para(c, W.ARTICLE_SENTENCES, 2, 5) });
    if (c.r.chance(0.3)) blocks.push({ t: 'quote', text: fill(c, c.r.pick(W.ARTICLE_SENTENCES)) });
    if (c.r.chance(0.3)) blocks.push({ t: 'ul', items: c.r.some(CHECKLIST, c.r.int(3, 5)) });
  }
  return blocks;
}

const SECTION_HEADS = ['What changed', 'Why it matters', 'What to do now', 'The numbers', 'A different approach', 'Looking ahead', 'Lessons learned']; // prettier-ignore
const CHECKLIST = [
  'Find the renewal date and the notice period',
  'Compare the new price with the last three invoices',
  'Ask for the usage report behind the quote',
  'Check whether the term renews automatically',
  'Record the decision and who made it',
  'Set a reminder sixty days before the deadline',
];

export function docsBlocks(c: Ctx, headline: string): Block[] {
  const blocks: Block[] = [{ t: 'p', text: para(c, W.DOCS_SENTENCES, 2, 3) }];
  const heads = c.r.some(['Before you begin', 'Steps', 'Options', 'Examples', 'Limits', 'Troubleshooting', 'See also'], c.r.int(3, 5)); // prettier-ignore
  for (const head of heads) {
    blocks.push({ t: 'h2', text: head });
    blocks.push({ t: 'p', text: para(c, W.DOCS_SENTENCES, 1, 3) });
    if (head === 'Steps') {
      blocks.push({ t: 'ol', items: c.r.some(STEPS, c.r.int(3, 6)) });
    } else if (head === 'Options') {
      const rows = c.r.some(OPTIONS, c.r.int(3, 6));
      blocks.push({ t: 'table', head: ['Option', 'Default', 'Description'], rows });
    } else if (head === 'Examples') {
      blocks.push({
        t: 'code',
        text: `docketctl ${headline.split(' ')[0]!.toLowerCase()} --site hq --days ${c.r.int(7, 90)}`,
      });
    }
    if (c.r.chance(0.3)) blocks.push({ t: 'note', text: fill(c, c.r.pick(W.DOCS_SENTENCES)) });
  }
  return blocks;
}

const STEPS = [
  'Sign in to the administration console.',
  'Open Settings and choose Policies.',
  'Select the policy group you want to change.',
  'Set the retention period and the number of versions to keep.',
  'Click Save and confirm the change.',
  'Check the activity log to make sure the change was applied.',
  'Run a test job to confirm the new settings.',
];
const OPTIONS = [
  ['retention_days', '30', 'How long restore points are kept.'],
  ['versions', '10', 'How many versions of a file are kept.'],
  ['throttle_kbps', '0', 'Upload limit during business hours; 0 means no limit.'],
  ['schedule', 'daily', 'When the job runs: hourly, daily or weekly.'],
  ['encryption', 'aes-256', 'Cipher used for data at rest.'],
  ['notify', 'on-failure', 'When to send e-mail alerts.'],
  ['region', 'ca-central', 'Where the data is stored.'],
];

export interface Post {
  author: string;
  date: string;
  body: string[];
}

export function forumPosts(c: Ctx): Post[] {
  const handles = c.r.some(W.FORUM_HANDLES, 8);
  return Array.from({ length: c.r.int(5, 14) }, (_, i) => ({
    author: handles[i % handles.length]!,
    date: dateText(c.r),
    body: Array.from({ length: i === 0 ? c.r.int(2, 3) : c.r.int(1, 2) }, () => para(c, W.FORUM_SENTENCES, 1, 3)),
  }));
}

export function quoteBlocks(c: Ctx, number: string): Block[] {
  const items = c.r.some(W.PRODUCTS, c.r.int(3, 7)).map((p, i) => {
    const qty = c.r.int(1, 120);
    const unit = c.r.int(5, 400) + 0.5 * c.r.int(0, 1);
    return [`${c.vendor.name.slice(0, 3).toUpperCase()}-${100 + i}`, p, String(qty), money(unit), money(qty * unit)];
  });
  const total = items.reduce((sum, row) => sum + Number(row[4]!.replace(/[$,]/g, '')), 0);
  return [
    { t: 'table', head: ['Field', 'Value'], rows: [
      ['Quote number', number], ['Date', dateText(c.r)], ['Valid until', dateText(c.r)],
      ['Prepared for', c.client], ['Account manager', c.r.pick(W.PEOPLE)],
    ] }, // prettier-ignore
    { t: 'p', text: fill(c, 'Thank you for the opportunity to quote. The prices below are in CAD and exclude taxes.') },
    { t: 'table', head: ['SKU', 'Description', 'Qty', 'Unit price', 'Amount'], rows: [...items, ['', '', '', 'Total', money(total)]] }, // prettier-ignore
    { t: 'h3', text: 'Terms' },
    { t: 'p', text: para(c, W.TERMS_SENTENCES, 2, 3) },
  ];
}

export function pricingBlocks(c: Ctx): Block[] {
  const names = c.r.pick([['Essentials', 'Business', 'Enterprise'], ['Starter', 'Pro', 'Premium'], ['Basic', 'Standard', 'Plus']]); // prettier-ignore
  const features = c.r.some(W.PRICING_FEATURES, 9);
  const plans = names.map((name, i) => ({
    name,
    price: `${money(c.r.int(4, 12) * (i + 1))} per user / month`,
    features: features.slice(0, 3 + i * 2),
  }));
  const blocks: Block[] = [{ t: 'p', text: fill(c, 'Simple per-user pricing for {vendor}. All plans include the core service; pick the support level you need.') }]; // prettier-ignore
  blocks.push({ t: 'plans', plans });
  if (c.r.chance(0.7)) {
    const rows = features.map((f) => [f, ...names.map((_, i) => (features.indexOf(f) < 3 + i * 2 ? 'Yes' : '—'))]);
    blocks.push({ t: 'h2', text: 'Compare plans' }, { t: 'table', head: ['Feature', ...names], rows });
  }
  blocks.push({ t: 'h2', text: 'Frequently asked questions' });
  for (const [q, a] of c.r.some(W.FAQ, c.r.int(3, 5))) blocks.push({ t: 'h3', text: q! }, { t: 'p', text: a! });
  return blocks;
}

export function termsBlocks(c: Ctx): Block[] {
  const heads = ['Definitions', 'Term and renewal', 'Fees and payment', 'Service levels', 'Data protection', 'Liability', 'Termination', 'General']; // prettier-ignore
  const blocks: Block[] = [{ t: 'p', text: `Last updated: ${dateText(c.r)}` }];
  c.r.some(heads, c.r.int(5, 8)).forEach((h, i) => {
    blocks.push({ t: 'h2', text: `${i + 1}. ${h}` });
    for (let k = 0, n = c.r.int(1, 3); k < n; k++) blocks.push({ t: 'p', text: `${i + 1}.${k + 1} ${para(c, W.TERMS_SENTENCES, 1, 2)}` }); // prettier-ignore
  });
  return blocks;
}

export function renewalBlocks(c: Ctx, contract: string): Block[] {
  const rows = c.r.some(W.PRODUCTS, c.r.int(2, 4)).map((p) => {
    const now = c.r.int(5, 200);
    return [p, String(c.r.int(5, 80)), money(now), money(Math.round(now * (1 + c.r.int(4, 18) / 100)))];
  });
  return [
    { t: 'p', text: `Dear ${c.r.pick(W.PEOPLE)},` },
    { t: 'p', text: para(c, W.RENEWAL_SENTENCES, 2, 3) },
    { t: 'table', head: ['Service', 'Quantity', 'Current unit price', 'New unit price'], rows },
    { t: 'p', text: para(c, W.RENEWAL_SENTENCES, 2, 3) },
    { t: 'ul', items: [`Contract: ${contract}`, `Renewal date: ${dateText(c.r)}`, `Notice period: ${c.r.pick(['30', '60', '90'])} days`] }, // prettier-ignore
  ];
}
