import { Contract } from '../../shared/domain';
import { newId } from '../../shared/ids';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { withoutStamps } from './stamps';
import { type Actor, recordChange, recordDelete } from './history';

type Defaulted = 'captureIds' | 'notes' | 'renewalMonths';
export type ContractInput = Omit<Contract, 'id' | 'createdAt' | 'updatedAt' | Defaulted> &
  Partial<Pick<Contract, Defaulted>>;
/** What a user may edit on a contract; its id and client stay as they are. */
export type ContractPatch = Partial<Omit<Contract, 'id' | 'clientId' | 'createdAt' | 'updatedAt'>>;

/** Plain words where the schema's messages are generic; its own sentences ("the term cannot end…") are kept. */
const PLAIN: Record<string, string> = {
  noticeDays: 'the notice period must be a whole number of days, from 0 to 730',
  renewalMonths: 'a renewal lasts a whole number of months, from 1 to 120',
  termStart: 'the term start must be a date (YYYY-MM-DD)',
  termEnd: 'the term end must be a date (YYYY-MM-DD)',
  'value.value': 'an amount must be a number, 0 or more',
  'value.currency': 'an amount needs a currency, an ISO 4217 code such as USD',
  'value.recurrence': 'an amount recurs one-time, monthly, quarterly or yearly',
};

function validateContract(value: unknown): Contract {
  const contract = validate(Contract, value, 'contract', (path) => PLAIN[path]);
  contract.captureIds = [...new Set(contract.captureIds)];
  return contract;
}

/** A contract may only point at its own client's vendor and captures (a handoff must not leak another client's). */
async function checkReferences(db: DocketDB, contract: Contract): Promise<void> {
  const vendor = await db.vendors.get(contract.vendorId);
  if (!vendor || vendor.clientId !== contract.clientId)
    throw new StoreError('invalid', 'This contract cannot be saved: its vendor is not one of this client’s vendors.');
  const captures = await db.captures.bulkGet(contract.captureIds);
  const foreign = captures.filter((c) => !c || c.clientId !== contract.clientId).length;
  if (foreign)
    throw new StoreError(
      'invalid',
      `This contract cannot be saved: ${foreign === 1 ? 'one document is not a capture' : `${foreign} documents are not captures`} of this client’s log.`,
    );
}

export async function createContract(db: DocketDB, actor: Actor, input: ContractInput): Promise<Contract> {
  const contract = validateContract({ ...input, id: newId(), createdAt: actor.at, updatedAt: actor.at });
  await db.write([db.contracts, db.vendors, db.captures], async () => {
    await checkReferences(db, contract);
    await recordChange(db, actor, 'contract', null, contract, null);
  });
  return contract;
}

/** Edits a contract and records who changed what, in one transaction; an edit that changes nothing writes nothing. */
export async function updateContract(db: DocketDB, actor: Actor, id: string, patch: ContractPatch): Promise<Contract> {
  return db.write([db.contracts, db.vendors, db.captures], async () => {
    const before = await db.contracts.get(id);
    if (!before) throw new StoreError('not-found', 'This contract no longer exists.');
    const after = validateContract({ ...before, ...patch, id, clientId: before.clientId, updatedAt: actor.at });
    await checkReferences(db, after);
    const entry = await recordChange(db, actor, 'contract', before, after, null);
    return entry ? after : withoutStamps(before);
  });
}

/**
 * Deletes a contract. Its history keeps every removed field (so a handoff can still tell what it was),
 * and the items that pointed at it lose the link, each change recorded, all in one transaction.
 */
export async function deleteContract(db: DocketDB, actor: Actor, id: string): Promise<void> {
  await db.write([db.contracts, db.items], async () => {
    const contract = await db.contracts.get(id);
    if (!contract) throw new StoreError('not-found', 'This contract no longer exists.');
    const linked = await db.items
      .where('clientId')
      .equals(contract.clientId)
      .filter((i) => i.contractId === id)
      .toArray();
    for (const before of linked) {
      const after = { ...before, contractId: null, updatedAt: actor.at };
      await recordChange(db, actor, 'item', before, after, before.id);
    }
    await recordDelete(db, actor, 'contract', contract, null); // every field, from its value to null
  });
}
