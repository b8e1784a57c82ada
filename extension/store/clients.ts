import { Client, Vendor } from '../../shared/domain';
import { newId } from '../../shared/ids';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { type Actor, recordChange } from './history';

type Defaulted = 'weekOfMonth' | 'meetingMinutes' | 'domains' | 'fiscalYearStart';
export type ClientInput = Omit<Client, 'id' | 'createdAt' | 'updatedAt' | Defaulted> & Partial<Pick<Client, Defaulted>>;

export async function createClient(db: DocketDB, actor: Actor, input: ClientInput): Promise<Client> {
  const client = validate(Client, { ...input, id: newId(), createdAt: actor.at, updatedAt: actor.at }, 'client');
  await db.write([db.clients], async () => {
    await recordChange(db, actor, 'client', null, client, null);
  });
  return client;
}

export async function updateClient(
  db: DocketDB,
  actor: Actor,
  id: string,
  patch: Partial<ClientInput>,
): Promise<Client> {
  return db.write([db.clients], async () => {
    const before = await db.clients.get(id);
    if (!before) throw new StoreError('not-found', 'This client no longer exists.');
    const after = validate(Client, { ...before, ...patch, id, updatedAt: actor.at }, 'client');
    await recordChange(db, actor, 'client', before, after, null);
    return after;
  });
}

export type VendorInput = Pick<Vendor, 'clientId' | 'name'> & Partial<Pick<Vendor, 'domains' | 'role' | 'contacts'>>;

/** Builds a valid vendor record; the caller adds it inside its own transaction. */
export function buildVendor(actor: Actor, input: VendorInput): Vendor {
  return validate(Vendor, { ...input, id: newId(), createdAt: actor.at, updatedAt: actor.at }, 'vendor');
}

export async function createVendor(db: DocketDB, actor: Actor, input: VendorInput): Promise<Vendor> {
  const vendor = buildVendor(actor, input);
  await db.write([db.vendors], async () => {
    await recordChange(db, actor, 'vendor', null, vendor, null);
  });
  return vendor;
}
