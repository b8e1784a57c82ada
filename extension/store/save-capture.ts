import { Capture, CaptureDraft, Item, type Money, type Vendor } from '../../shared/domain';
import { sha256Hex } from '../../shared/hash';
import { newId } from '../../shared/ids';
import { statusOfNewItem } from '../../shared/rules/filing';
import { buildVendor } from './clients';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { type Actor, recordChange } from './history';
import { ensureMeeting, type MeetingRef } from './meetings';
import { urlKeyOf } from './url-key';
import type { KeptImage } from '../capture/images/keep';
import { storedImage } from './images';

/** The vendor chosen in the form: one already registered, a new one, or none. */
export type VendorChoice = { id: string } | { name: string; domain: string | null } | null;

export interface NewItemFields {
  clientId: string;
  meeting: MeetingRef | null;
  section: Item['section'];
  kind: Item['kind'];
  status: Item['status'];
  title: string;
  vendor: VendorChoice;
  amount: Money | null;
  /** A one-time fee (setup, onboarding) that comes with a recurring amount; recurrence 'one-time'. Default: none. */
  oneTimeAmount?: Money | null;
  decideBy: string | null;
  urgent: boolean;
  tags: string[];
}

export type FileTo = { to: 'new-item'; item: NewItemFields } | { to: 'existing-item'; itemId: string };

/** The key duplicates are found by: the normalised URL (e-mails are found by message id). */
export { urlKeyOf };

/** The item's latest capture of the same message or page, which a re-capture replaces (and keeps). */
async function earlierVersion(db: DocketDB, itemId: string, draft: CaptureDraft): Promise<string | null> {
  const messageId = draft.email?.messageId ?? null;
  const urlKey = messageId ? null : urlKeyOf(draft);
  if (!messageId && !urlKey) return null;
  const same = (await db.captures.where('itemId').equals(itemId).toArray()).filter((c) =>
    messageId ? c.email?.messageId === messageId : c.urlKey === urlKey,
  );
  return same.sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : -1))[0]?.id ?? null;
}

/**
 * Files a capture into the log: a new item (with its meeting and vendor, created if needed) or an existing one.
 * Everything is validated first and written in one transaction, so a bad field saves nothing.
 */
export async function saveCapture(
  db: DocketDB,
  actor: Actor,
  draftInput: CaptureDraft,
  fileTo: FileTo,
  images: KeptImage[] = [],
): Promise<{ item: Item; capture: Capture }> {
  const draft = validate(
    CaptureDraft,
    images.length ? { ...draftInput, images: images.map((i) => i.meta) } : draftInput,
    'capture',
  );
  // The bytes go in with the capture, in its transaction: a capture never names an image the log lacks.
  const keepBytes = async () => {
    if (images.length) await db.images.bulkPut(images.map(({ meta, bytes }) => storedImage(meta, bytes)));
  };
  const contentHash = await sha256Hex(draft.markdown); // before the transaction: IndexedDB commits on a foreign await
  const capture = (itemId: string, clientId: string, replaces: string | null = null) =>
    validate(
      Capture,
      {
        ...draft,
        id: newId(),
        itemId,
        clientId,
        contentHash,
        urlKey: urlKeyOf(draft),
        capturedAt: actor.at,
        capturedBy: actor.by,
        ...(replaces ? { replaces } : {}),
      },
      'capture',
    );

  if (fileTo.to === 'existing-item') {
    return db.write([db.items, db.captures, db.images], async () => {
      const item = await db.items.get(fileTo.itemId);
      if (!item) throw new StoreError('not-found', 'The item to attach to no longer exists.');
      const saved = capture(item.id, item.clientId, await earlierVersion(db, item.id, draft));
      await keepBytes();
      await recordChange(db, actor, 'capture', null, saved, item.id);
      return { item, capture: saved };
    });
  }

  const fields = fileTo.item;
  const itemId = newId();
  let newVendor: Vendor | null = null;
  if (fields.vendor && 'name' in fields.vendor) {
    newVendor = buildVendor(actor, {
      clientId: fields.clientId,
      name: fields.vendor.name,
      domains: fields.vendor.domain ? [fields.vendor.domain] : [],
    });
  }
  const vendorId = newVendor ? newVendor.id : fields.vendor && 'id' in fields.vendor ? fields.vendor.id : null;
  const item = validate(
    Item,
    {
      id: itemId,
      clientId: fields.clientId,
      meetingId: fields.meeting?.id ?? null,
      section: fields.section,
      kind: fields.kind,
      status: statusOfNewItem(fields.meeting?.id ?? null, fields.status),
      title: fields.title,
      vendorId,
      amount: fields.amount,
      oneTimeAmount: fields.oneTimeAmount ?? null,
      decideBy: fields.decideBy,
      urgent: fields.urgent,
      tags: fields.tags,
      notes: '',
      createdAt: actor.at,
      createdBy: actor.by,
      updatedAt: actor.at,
    },
    'item',
  );
  const saved = capture(itemId, fields.clientId);

  return db.write([db.clients, db.meetings, db.vendors, db.items, db.captures, db.images], async () => {
    if (!(await db.clients.get(fields.clientId)))
      throw new StoreError('not-found', 'Choose a client for this capture.');
    if (fields.meeting) {
      const meeting = await ensureMeeting(db, actor, fields.clientId, fields.meeting);
      if (meeting.clientId !== fields.clientId)
        throw new StoreError('invalid', 'That meeting belongs to another client.');
    }
    if (newVendor) {
      await recordChange(db, actor, 'vendor', null, newVendor, null);
    } else if (vendorId) {
      const vendor = await db.vendors.get(vendorId);
      if (!vendor || vendor.clientId !== fields.clientId)
        throw new StoreError('invalid', 'That vendor is not registered for this client.');
    }
    await recordChange(db, actor, 'item', null, item, itemId);
    await keepBytes();
    await recordChange(db, actor, 'capture', null, saved, itemId);
    return { item, capture: saved };
  });
}
