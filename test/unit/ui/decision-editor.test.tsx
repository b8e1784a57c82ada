// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { Decision, type Item } from '../../../shared/domain';
import { DecisionEditor } from '../../../extension/ui/log/item/DecisionEditor';

// The editor alone, with a fake save that keeps what it was given: no store needed to see what would be written.
const option = { id: 'o1', title: 'Renew with Acme', oneTime: null, recurring: null, risk: 'medium', notes: '' };
const item = {
  id: 'i1',
  title: 'Acme renewal',
  decision: { ...Decision.parse({}), options: [option] },
} as unknown as Item;

let root: HTMLElement;
afterEach(() => render(null, root));

async function mount() {
  const saved: Decision[] = [];
  root = document.body.appendChild(document.createElement('div'));
  await act(() =>
    render(
      <DecisionEditor
        item={item}
        others={[]}
        save={async (d) => {
          saved.push(d);
        }}
      />,
      root,
    ),
  );
  return saved;
}
const field = (label: string) => root.querySelector<HTMLInputElement>(`[aria-label="${label}"]`)!;
/** Types, lets the view redraw (as a person's typing does), then leaves the field. */
async function typeAndLeave(el: HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    el.dispatchEvent(new FocusEvent('blur'));
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}
const alerts = () => [...root.querySelectorAll('[role=alert]')].map((a) => a.textContent);

it('refuses a cost that is not an amount, and keeps saying so while other fields save', async () => {
  const saved = await mount();
  await typeAndLeave(field('One-time amount'), 'abc');
  expect(alerts()).toEqual([
    'One-time cost: "abc" is not an amount: write it such as 12 500,00 $, $12,500 or CAD 1,250.',
  ]);
  expect(field('One-time amount').getAttribute('aria-invalid')).toBe('true');
  expect(saved).toEqual([]);

  // Another field saving does not make the refused figure look accepted.
  await typeAndLeave(field('Option 1'), 'Renew with Acme for 3 years');
  await vi.waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]!.options[0]!.oneTime).toBeNull();
  expect(alerts()).toHaveLength(1);
});

it('reads French and English amounts as the hints do', async () => {
  const saved = await mount();
  await typeAndLeave(field('One-time amount'), '12 500,00 $');
  await vi.waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]!.options[0]!.oneTime).toEqual({ value: 12500, currency: 'USD', recurrence: 'one-time' });
  await typeAndLeave(field('Recurring amount'), 'CAD 1,250');
  await vi.waitFor(() => expect(saved).toHaveLength(2));
  expect(saved[1]!.options[0]!.recurring).toEqual({ value: 1250, currency: 'CAD', recurrence: 'monthly' });
  expect(alerts()).toEqual([]);
});
