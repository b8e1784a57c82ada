import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../extension/store/errors';
import { createVendor, updateVendor } from '../../../extension/store/vendors';
import { plain, alice, freshDb, makeClient } from '../../support/store';

const bob = { by: 'Bob Tremblay', at: '2026-11-27T10:00:00.000Z' };

async function seeded() {
  const db = freshDb();
  const client = await makeClient(db);
  const vendor = await createVendor(db, alice, { clientId: client.id, name: 'Acme MSP', domains: ['acme-msp.com'] });
  return { db, client, vendor };
}

const vendorHistory = (db: Awaited<ReturnType<typeof seeded>>['db'], id: string) =>
  db.history.where('[entity+entityId]').equals(['vendor', id]).sortBy('at');

describe('updateVendor', () => {
  it('edits name, role, domains and contacts and records who changed what', async () => {
    const { db, vendor } = await seeded();
    const contacts = [
      { name: 'Dana Roy', email: 'dana@acme-msp.com', phone: '+1 514 555 0101', role: 'Account manager' },
    ];
    const after = await updateVendor(db, bob, vendor.id, {
      name: 'Acme Managed Services',
      role: 'msp',
      domains: ['Acme-MSP.com', 'acme-msp.com', 'acme.support'],
      contacts,
    });
    expect(after).toMatchObject({ name: 'Acme Managed Services', role: 'msp', contacts, updatedAt: bob.at });
    expect(after.domains).toEqual(['acme-msp.com', 'acme.support']);
    expect(plain(await db.vendors.get(vendor.id))).toEqual(after);

    const history = await vendorHistory(db, vendor.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ by: 'Bob Tremblay', at: bob.at, itemId: null });
    expect(history[1]!.changes).toEqual([
      { field: 'name', from: 'Acme MSP', to: 'Acme Managed Services' },
      { field: 'domains', from: ['acme-msp.com'], to: ['acme-msp.com', 'acme.support'] },
      { field: 'role', from: 'other', to: 'msp' },
      { field: 'contacts', from: [], to: contacts },
    ]);
  });

  it('keeps its client whatever the patch says, and writes nothing for an edit that changes nothing', async () => {
    const { db, client, vendor } = await seeded();
    const before = await db.history.count();
    const same = await updateVendor(db, bob, vendor.id, { name: 'Acme MSP', clientId: 'other' } as never);
    expect(same).toEqual(vendor);
    expect((await db.vendors.get(vendor.id))?.clientId).toBe(client.id);
    expect(await db.history.count()).toBe(before);
  });

  it('refuses bad input with a clear message naming the field, and changes nothing', async () => {
    const { db, vendor } = await seeded();
    const history = await db.history.count();
    await expect(updateVendor(db, bob, vendor.id, { name: '  ' })).rejects.toThrow(/name: a vendor needs a name/);
    await expect(updateVendor(db, bob, vendor.id, { domains: ['not a domain'] })).rejects.toThrow(
      /domains\.0: not a domain name/,
    );
    await expect(
      updateVendor(db, bob, vendor.id, { contacts: [{ name: '', email: 'x@acme.com', phone: '', role: '' }] }),
    ).rejects.toThrow(/contacts\.0\.name: a contact needs a name/);
    expect(plain(await db.vendors.get(vendor.id))).toEqual(vendor);
    expect(await db.history.count()).toBe(history);
  });

  it('says when the vendor no longer exists', async () => {
    const { db } = await seeded();
    const error = await updateVendor(db, bob, 'gone', { name: 'X' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'not-found', message: 'This vendor no longer exists.' });
  });
});
