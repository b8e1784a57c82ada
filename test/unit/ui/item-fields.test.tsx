// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { type Client, Item, type Money } from '../../../shared/domain';
import type { ItemPatch } from '../../../extension/store/items';
import { ItemFields } from '../../../extension/ui/log/item/ItemFields';

// The item's fields alone, with a fake save that keeps what it was given.
const monthly: Money = { value: 7850, currency: 'CAD', recurrence: 'monthly' };
const base = Item.parse({
  id: 'i1',
  clientId: 'c1',
  meetingId: null,
  section: 'decision-to-prepare',
  kind: 'proposal',
  status: 'inbox',
  title: 'Managed services proposal',
  vendorId: null,
  amount: monthly,
  decideBy: null,
  urgent: false,
  tags: [],
  createdAt: '2026-11-02T14:00:00.000Z',
  createdBy: 'me',
  updatedAt: '2026-11-02T14:00:00.000Z',
});
const client = { id: 'c1', timeZone: 'America/Toronto' } as Client;

let root: HTMLElement;
afterEach(() => render(null, root));

async function mount(over: Partial<Item> = {}) {
  const saved: ItemPatch[] = [];
  const failed: string[] = [];
  root = document.body.appendChild(document.createElement('div'));
  await act(() =>
    render(
      <ItemFields
        item={{ ...base, ...over }}
        client={client}
        meetings={[]}
        vendors={[]}
        contracts={[]}
        edit={async (p) => void saved.push(p)}
        fail={(m) => void failed.push(m)}
      />,
      root,
    ),
  );
  return { saved, failed };
}
const input = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
async function typeAndLeave(el: HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => void el.dispatchEvent(new FocusEvent('blur')));
}

it('beside a recurring amount, takes a one-time fee in the amount’s currency', async () => {
  const { saved, failed } = await mount();
  const label = input('oneTimeAmount')!.closest('label')!;
  expect(label.textContent).toContain('One-time fee');
  await typeAndLeave(input('oneTimeAmount')!, '12500');
  expect(saved).toEqual([{ oneTimeAmount: { value: 12500, currency: 'CAD', recurrence: 'one-time' } }]);
  expect(failed).toEqual([]);
});

it('reads a fee in another currency, and empty means none', async () => {
  const { saved } = await mount({ oneTimeAmount: { value: 600, currency: 'CAD', recurrence: 'one-time' } });
  expect(input('oneTimeAmount')!.value).toBe('600');
  expect(input('oneTimeCurrency')!.value).toBe('CAD');
  await typeAndLeave(input('oneTimeAmount')!, '€1.250,50');
  await typeAndLeave(input('oneTimeAmount')!, '');
  expect(saved).toEqual([
    { oneTimeAmount: { value: 1250.5, currency: 'EUR', recurrence: 'one-time' } },
    { oneTimeAmount: null },
  ]);
});

it('refuses a fee that recurs, saying so, and saves nothing', async () => {
  const { saved, failed } = await mount();
  await typeAndLeave(input('oneTimeAmount')!, '$500/month');
  expect(saved).toEqual([]);
  expect(failed).toHaveLength(1);
  expect(failed[0]).toMatch(/^One-time fee: "\$500\/month" recurs \(monthly\)/);
});

it('is not offered beside a one-time amount, nor without an amount, unless one is set', async () => {
  await mount({ amount: { value: 6800, currency: 'CAD', recurrence: 'one-time' } });
  expect(input('oneTimeAmount')).toBeNull();
  render(null, root);
  await mount({ amount: null });
  expect(input('oneTimeAmount')).toBeNull();
  render(null, root);
  await mount({ amount: null, oneTimeAmount: { value: 600, currency: 'CAD', recurrence: 'one-time' } });
  expect(input('oneTimeAmount')!.value).toBe('600');
});
