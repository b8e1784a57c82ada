// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import type { CaptureDraft, Hints } from '../../../shared/domain';
import { suggestHints } from '../../../shared/hints';
import { AmountHints } from '../../../extension/ui/capture/AmountHints';
import { DateHints } from '../../../extension/ui/capture/DateHints';
import type { FormState } from '../../../extension/ui/capture/form-state';

// The form's notes under the amount and the decide-by, on hints read from a real quote page's Markdown.
const quote = [
  '# Quote Q-88231',
  '',
  '| Quote date | November 27, 2026 |',
  '| --- | --- |',
  '| Valid until | December 27, 2026 |',
  '',
  '| Item | Qty | Unit price | Monthly | One-time |',
  '| --- | --- | --- | --- | --- |',
  '| Managed services | 40 | $120.00 | $4,800.00 | |',
  '| Onboarding | 1 | | | $6,000.00 |',
  '| Subtotal | | | $4,500.00 | |',
  '| **Total** | | | **$4,800.00** | **$6,000.00** |',
  '',
  'Once renewed, you can cancel within 30 days for a prorated refund.',
].join('\n');
const draft = {
  kind: 'page',
  source: { url: 'https://portal.bluepeak.com/quotes/Q-88231', title: 'Quote Q-88231', site: 'Bluepeak IT' },
  markdown: quote,
  excerpt: '',
  email: null,
  pdf: null,
} as unknown as CaptureDraft;
const now = new Date('2026-12-04T15:00:00Z');
const hints: Hints = suggestHints(draft, { clients: [], vendors: [], now });
const form = { amount: '4800', currency: 'USD', recurrence: 'monthly', oneTime: '6000' } as FormState;

let root: HTMLElement;
afterEach(() => render(null, root));

async function mount(node: preact.ComponentChild) {
  root = document.body.appendChild(document.createElement('div'));
  await act(() => render(node, root));
}

it('says why the amount was chosen, keeps the one-time fee apart, and offers the other amounts by their labels', async () => {
  await mount(<AmountHints hints={hints} form={form} pick={() => {}} />);
  const why = root.querySelector('[data-testid="amount-why"]')?.textContent ?? '';
  expect(why).toMatch(/document’s total/);
  expect(why).toMatch(/its one-time part \(\$6,000\.00\) kept apart as the one-time fee/);
  const chips = [...root.querySelectorAll('.chip')].map((c) => c.textContent);
  expect(chips).toContain('Subtotal: $4,500.00/month');
  expect(chips.every((c) => /^[^:]+: \$/.test(c ?? ''))).toBe(true); // "Label: $…", never a fragment of a table
  expect(chips.join(' ')).not.toMatch(/120\.00/); // a unit price is not an option
});

it('says nothing once the user typed another amount', async () => {
  await mount(<AmountHints hints={hints} form={{ ...form, amount: '5000' }} pick={() => {}} />);
  expect(root.querySelector('[data-testid="amount-why"]')).toBeNull();
});

it('labels each date, lets only a deadline set the decide-by, and shows an undated deadline as written', async () => {
  const picked: string[] = [];
  await mount(<DateHints hints={hints} decideBy="2026-12-27" today="2026-12-04" pick={(d) => picked.push(d)} />);
  expect(root.querySelector('[data-testid="decide-by-why"]')?.textContent).toMatch(/^valid until: “Valid until/);
  const buttons = [...root.querySelectorAll('button.chip')].map((b) => b.textContent);
  const quiet = [...root.querySelectorAll('span.chip')].map((b) => b.textContent);
  expect(buttons).toEqual(['Valid until: 2026-12-27']);
  expect(quiet).toEqual(['Quote date: 2026-11-27']);
  await act(() => (root.querySelector('button.chip') as HTMLButtonElement).click());
  expect(picked).toEqual(['2026-12-27']);
  expect(root.querySelector('.phrases')?.textContent).toMatch(
    /no date written: “Once renewed, you can cancel within 30 days/,
  );
});
