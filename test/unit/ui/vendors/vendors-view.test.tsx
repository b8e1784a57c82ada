// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the view
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import type { DocketDB } from '../../../../extension/store/db';
import { saveCapture } from '../../../../extension/store/save-capture';
import { createVendor } from '../../../../extension/store/vendors';
import { VendorsView } from '../../../../extension/ui/workspace/VendorsView';
import { alice, freshDb, makeClient, pageDraft } from '../../../support/store';

// A wiring check in jsdom; the lead's Chromium test clicks through the real page.
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
/** Waits for the live queries to catch up with a write, without betting on how long that takes. */
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000 });
const type = (el: Element | null, value: string) =>
  act(() => {
    (el as HTMLInputElement).value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
const rows = (root: Element, id: string) => [...root.querySelectorAll(`[data-testid=${id}]`)].map((r) => r.textContent);
const countAll = (db: DocketDB) => Promise.all([db.vendors.count(), db.contracts.count(), db.history.count()]);

let root: HTMLElement;
afterEach(() => {
  if (root) render(null, root);
});

async function mount() {
  const db = freshDb();
  const client = await makeClient(db);
  await createVendor(db, alice, { clientId: client.id, name: 'Zeta Telecom', role: 'telecom', domains: ['zeta.ca'] });
  const { item, capture } = await saveCapture(db, alice, pageDraft(), {
    to: 'new-item',
    item: {
      clientId: client.id,
      meeting: null,
      section: 'vendor-follow-up',
      kind: 'contract',
      status: 'inbox',
      title: 'Signed MSA',
      vendor: null,
      amount: null,
      decideBy: null,
      urgent: false,
      tags: [],
    },
  });
  root = document.body.appendChild(document.createElement('div'));
  await act(() => render(<VendorsView db={db} client={client} now={new Date('2026-10-01T16:00:00Z')} />, root));
  await until(() => rows(root, 'vendor-row').length === 1);
  return { db, item, capture };
}

it('adds a vendor, refuses a bad contract with the store’s message, then saves a good one with its document', async () => {
  const { db, item, capture } = await mount();
  type(root.querySelector('[name=vendorName]'), 'Acme MSP');
  await act(() => root.querySelector<HTMLFormElement>('form[aria-label="Add vendor"]')!.requestSubmit());
  await until(() => root.querySelector('[data-testid=vendor-detail]'));
  expect(rows(root, 'vendor-row')).toEqual([
    'Acme MSPOtherno domain · 0 contracts',
    'Zeta TelecomTelecomzeta.ca · 0 contracts',
  ]);
  expect(root.querySelector('[data-testid=vendor-detail] h2')?.textContent).toBe('Acme MSP');

  const form = root.querySelector<HTMLFormElement>('form[aria-label="Add contract"]')!;
  const field = (name: string) => form.querySelector(`[name=${name}]`);
  type(field('title'), 'Managed services agreement');
  type(field('termStart'), '2026-01-01');
  type(field('termEnd'), '2025-12-31');
  type(field('noticeDays'), '60');
  type(field('amount'), '4500');
  const before = await countAll(db);
  await act(() => form.requestSubmit());
  await until(() => form.querySelector('[role=alert]'));
  expect(form.querySelector('[role=alert]')?.textContent).toBe(
    'This contract cannot be saved: value.currency: an amount needs a currency, an ISO 4217 code such as USD; ' +
      'termEnd: the term cannot end before it starts',
  );
  expect(await countAll(db)).toEqual(before);

  type(field('termEnd'), '2026-12-31');
  type(field('currency'), 'usd');
  await act(() => (field('autoRenew') as HTMLInputElement).click());
  await act(() => root.querySelector<HTMLInputElement>(`input[name=captureIds][value="${capture.id}"]`)!.click());
  await act(() => form.requestSubmit());
  await until(() => rows(root, 'vendor-row')[0]?.includes('Notice by'));
  await settle();
  expect(form.querySelector('[role=alert]')).toBeNull();
  expect(rows(root, 'contract-row')[0]).toContain('2026-01-01 → 2026-12-31');
  expect(rows(root, 'contract-row')[0]).toContain('yes, for 12 months');
  expect(rows(root, 'contract-row')[0]).toContain('Notice by 2026-11-01 (in 31 days)');
  expect(rows(root, 'contract-row')[0]).toContain('$4,500.00/year');
  expect(root.querySelector('[data-testid=contract-row] a')?.getAttribute('href')).toBe(`log.html#item=${item.id}`);
  expect(rows(root, 'vendor-row')[0]).toBe('Acme MSPOtherno domain · 1 contractNotice by 2026-11-01 (in 31 days)');
  expect(root.querySelector('[data-testid=vendor-row] .notice-date')?.getAttribute('data-level')).toBe('soon');
  expect(await db.contracts.count()).toBe(1);

  // Delete asks first, then removes it.
  await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Delete Managed services agreement"]')!.click());
  expect(await db.contracts.count()).toBe(1);
  const confirm = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Delete contract')!;
  await act(() => confirm.click());
  await until(() => rows(root, 'contract-row').length === 0);
  expect(await db.contracts.count()).toBe(0);
  expect(rows(root, 'contract-row')).toEqual([]);
});
