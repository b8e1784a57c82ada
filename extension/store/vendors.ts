import { Vendor } from '../../shared/domain';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { withoutStamps } from './stamps';
import { type Actor, recordChange } from './history';

// Creation lives with the client (the capture form creates vendors on the fly); re-exported for one import site.
export { buildVendor, createVendor, type VendorInput } from './clients';

/** What a user may edit on a vendor; its id and client stay as they are. */
export type VendorPatch = Partial<Pick<Vendor, 'name' | 'domains' | 'role' | 'contacts'>>;

const plainVendor = (path: string) => (/^contacts\.\d+\.name$/.test(path) ? 'a contact needs a name' : undefined);

/** Edits a vendor and records who changed which field, in one transaction; an edit that changes nothing writes nothing. */
export async function updateVendor(db: DocketDB, actor: Actor, id: string, patch: VendorPatch): Promise<Vendor> {
  // Only the editable fields, whatever the caller passed at run time.
  const { name, domains, role, contacts } = patch;
  const edits = Object.fromEntries(
    Object.entries({ name, domains, role, contacts }).filter(([, v]) => v !== undefined),
  );
  return db.write([db.vendors], async () => {
    const before = await db.vendors.get(id);
    if (!before) throw new StoreError('not-found', 'This vendor no longer exists.');
    const after = validate(Vendor, { ...before, ...edits, id, updatedAt: actor.at }, 'vendor', plainVendor);
    after.domains = [...new Set(after.domains)]; // 'Acme.com' and 'acme.com' are one domain once normalised
    const entry = await recordChange(db, actor, 'vendor', before, after, null);
    return entry ? after : withoutStamps(before);
  });
}
