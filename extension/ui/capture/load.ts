import type { CaptureDraft, Hints } from '../../../shared/domain';
import { suggestHints } from '../../../shared/hints';
import type { DocketDB } from '../../store/db';
import { type Duplicate, findDuplicates } from '../../store/duplicates';
import { lastClientId } from '../../store/me';
import type { CaptureContext } from './form-state';

export async function loadContext(db: DocketDB, now = new Date()): Promise<CaptureContext> {
  const [clients, vendors, meetings, last] = await Promise.all([
    db.clients.orderBy('name').toArray(),
    db.vendors.toArray(),
    db.meetings.toArray(),
    lastClientId(db),
  ]);
  return { clients, vendors, meetings, lastClientId: last, now };
}

export interface Prepared {
  draft: CaptureDraft;
  hints: Hints;
  duplicates: Duplicate[];
}

export async function prepare(db: DocketDB, draft: CaptureDraft, ctx: CaptureContext): Promise<Prepared> {
  const hints = suggestHints(draft, { clients: ctx.clients, vendors: ctx.vendors, now: ctx.now });
  return { draft, hints, duplicates: await findDuplicates(db, draft) };
}
