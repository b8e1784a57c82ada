import type { Capture, CaptureDraft, Item } from '../../shared/domain';
import type { DocketDB } from './db';
import { urlKeyOf } from './url-key';

export interface Duplicate {
  capture: Capture;
  item: Item;
  /** Why it counts as the same: the e-mail's message id, or the page's normalised URL. */
  by: 'message-id' | 'url';
}

/** Earlier captures of the same e-mail message or the same page, with the items they were filed under. */
export async function findDuplicates(db: DocketDB, draft: CaptureDraft): Promise<Duplicate[]> {
  const found = new Map<string, Omit<Duplicate, 'item'>>();
  const messageId = draft.email?.messageId;
  if (messageId) {
    for (const capture of await db.captures.where('email.messageId').equals(messageId).toArray())
      found.set(capture.id, { capture, by: 'message-id' });
  }
  // Webmail URLs name a mailbox view, not a message: only the message id identifies an e-mail.
  const urlKey = draft.kind === 'email' ? null : urlKeyOf(draft);
  if (urlKey) {
    for (const capture of await db.captures.where('urlKey').equals(urlKey).toArray())
      if (!found.has(capture.id)) found.set(capture.id, { capture, by: 'url' });
  }
  const result: Duplicate[] = [];
  for (const dup of found.values()) {
    const item = await db.items.get(dup.capture.itemId);
    if (item) result.push({ ...dup, item });
  }
  return result;
}
