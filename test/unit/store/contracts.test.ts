import { describe, expect, it } from 'vitest';
import { type ContractInput, createContract, deleteContract, updateContract } from '../../../extension/store/contracts';
import type { DocketDB } from '../../../extension/store/db';
import { itemHistory } from '../../../extension/store/history';
import { updateItem } from '../../../extension/store/items';
import { saveCapture } from '../../../extension/store/save-capture';
import { createVendor } from '../../../extension/store/vendors';
import { plain, alice, freshDb, makeClient, pageDraft } from '../../support/store';

const bob = { by: 'Bob Tremblay', at: '2026-11-27T10:00:00.000Z' };

async function fileCapture(db: DocketDB, clientId: string) {
  return saveCapture(db, alice, pageDraft(), {
    to: 'new-item',
    item: {
      clientId,
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
}

async function seeded() {
  const db = freshDb();
  const client = await makeClient(db);
  const vendor = await createVendor(db, alice, { clientId: client.id, name: 'Acme MSP', role: 'msp' });
  const { item, capture } = await fileCapture(db, client.id);
  const input: ContractInput = {
    clientId: client.id,
    vendorId: vendor.id,
    title: 'Managed services agreement',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: true,
    noticeDays: 60,
    value: { value: 4500, currency: 'USD', recurrence: 'monthly' },
    captureIds: [capture.id],
  };
  return { db, client, vendor, item, capture, input };
}

/** Every table's row count, so a refused write can be shown to have written nothing at all. */
async function counts(db: DocketDB) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

const historyOf = (db: DocketDB, id: string) =>
  db.history.where('[entity+entityId]').equals(['contract', id]).sortBy('at');

describe('createContract', () => {
  it('saves a contract with its defaults and records its creation', async () => {
    const { db, input, capture } = await seeded();
    const contract = await createContract(db, alice, input);
    expect(contract).toMatchObject({
      ...input,
      renewalMonths: 12,
      notes: '',
      createdAt: alice.at,
      updatedAt: alice.at,
    });
    expect(plain(await db.contracts.get(contract.id))).toEqual(contract);
    const [entry, ...rest] = await historyOf(db, contract.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', by: 'Alice Martin', at: alice.at, itemId: null });
    expect(entry!.changes).toContainEqual({ field: 'termEnd', from: null, to: '2026-12-31' });
    expect(entry!.changes).toContainEqual({ field: 'captureIds', from: null, to: [capture.id] });
  });

  it.each([
    ['a term that ends before it starts', { termEnd: '2025-12-31' }, /termEnd: the term cannot end before it starts/],
    [
      'an amount with no currency',
      { value: { value: 4500, currency: '', recurrence: 'monthly' } },
      /value\.currency: an amount needs a currency/,
    ],
    [
      'an amount whose currency is missing altogether',
      { value: { value: 4500, recurrence: 'monthly' } },
      /value\.currency: an amount needs a currency/,
    ],
    ['a negative notice period', { noticeDays: -30 }, /noticeDays: the notice period must be a whole number of days/],
    ['no title', { title: ' ' }, /title: a contract needs a title/],
    ['a date that is not one', { termStart: '2026-02-30' }, /termStart: the term start must be a date/],
  ])('refuses %s with a clear message and writes nothing', async (_, over, message) => {
    const { db, input } = await seeded();
    const before = await counts(db);
    const error = await createContract(db, alice, { ...input, ...over } as ContractInput).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError', code: 'invalid' });
    expect((error as Error).message).toMatch(/^This contract cannot be saved: /);
    expect((error as Error).message).toMatch(message);
    expect(await counts(db)).toEqual(before);
  });

  it("refuses another client's vendor or capture, and a vendor that does not exist, writing nothing", async () => {
    const { db, input } = await seeded();
    const other = await makeClient(db, 'Contoso Legal');
    const theirVendor = await createVendor(db, alice, { clientId: other.id, name: 'Contoso IT' });
    const { capture: theirCapture } = await fileCapture(db, other.id);
    const before = await counts(db);
    await expect(createContract(db, alice, { ...input, vendorId: theirVendor.id })).rejects.toThrow(
      /its vendor is not one of this client’s vendors/,
    );
    await expect(createContract(db, alice, { ...input, vendorId: 'no-such-vendor' })).rejects.toThrow(
      /its vendor is not one of this client’s vendors/,
    );
    await expect(
      createContract(db, alice, { ...input, captureIds: [...input.captureIds!, theirCapture.id, 'gone'] }),
    ).rejects.toThrow(/2 documents are not captures of this client’s log/);
    expect(await counts(db)).toEqual(before);
  });
});

describe('updateContract', () => {
  it('records who changed which field from what to what', async () => {
    const { db, input } = await seeded();
    const contract = await createContract(db, alice, input);
    const after = await updateContract(db, bob, contract.id, { noticeDays: 90, autoRenew: false, captureIds: [] });
    expect(after).toMatchObject({ noticeDays: 90, autoRenew: false, captureIds: [], updatedAt: bob.at });
    expect(plain(await db.contracts.get(contract.id))).toEqual(after);
    const last = (await historyOf(db, contract.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'update', by: 'Bob Tremblay', at: bob.at });
    expect(last.changes).toEqual([
      { field: 'autoRenew', from: true, to: false },
      { field: 'noticeDays', from: 60, to: 90 },
      { field: 'captureIds', from: [input.captureIds![0]], to: [] },
    ]);
  });

  it('refuses a bad edit and leaves the contract and its history as they were', async () => {
    const { db, input } = await seeded();
    const other = await makeClient(db, 'Contoso Legal');
    const theirVendor = await createVendor(db, alice, { clientId: other.id, name: 'Contoso IT' });
    const contract = await createContract(db, alice, input);
    const before = await counts(db);
    await expect(updateContract(db, bob, contract.id, { termEnd: '2025-06-30' })).rejects.toThrow(
      /the term cannot end before it starts/,
    );
    await expect(updateContract(db, bob, contract.id, { noticeDays: -1 })).rejects.toThrow(/noticeDays/);
    await expect(updateContract(db, bob, contract.id, { vendorId: theirVendor.id })).rejects.toThrow(/vendor/);
    await expect(updateContract(db, bob, 'gone', { noticeDays: 1 })).rejects.toThrow(/no longer exists/);
    expect(plain(await db.contracts.get(contract.id))).toEqual(contract);
    expect(await counts(db)).toEqual(before);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const { db, input } = await seeded();
    const contract = await createContract(db, alice, input);
    const before = await counts(db);
    expect(await updateContract(db, bob, contract.id, { title: contract.title })).toEqual(contract);
    expect(await counts(db)).toEqual(before);
  });
});

describe('deleteContract', () => {
  it('removes it, keeps its fields in history and unlinks the items that pointed at it', async () => {
    const { db, input, item } = await seeded();
    const contract = await createContract(db, alice, input);
    await updateItem(db, alice, item.id, { contractId: contract.id });
    await deleteContract(db, bob, contract.id);

    expect(await db.contracts.get(contract.id)).toBeUndefined();
    const last = (await historyOf(db, contract.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'delete', by: 'Bob Tremblay', at: bob.at });
    expect(last.changes).toContainEqual({ field: 'title', from: 'Managed services agreement', to: null });
    expect(last.changes).toContainEqual({ field: 'value', from: input.value, to: null });

    expect((await db.items.get(item.id))?.contractId).toBeNull();
    const itemLast = (await itemHistory(db, item.id)).at(-1)!;
    expect(itemLast).toMatchObject({ by: 'Bob Tremblay', action: 'update' });
    expect(itemLast.changes).toEqual([{ field: 'contractId', from: contract.id, to: null }]);
  });

  it('says when the contract no longer exists, writing nothing', async () => {
    const { db } = await seeded();
    const before = await counts(db);
    await expect(deleteContract(db, bob, 'gone')).rejects.toThrow('This contract no longer exists.');
    expect(await counts(db)).toEqual(before);
  });
});
