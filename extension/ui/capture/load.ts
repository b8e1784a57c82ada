import type { Hints } from '../../../shared/domain';
import type { Captured } from '../../capture/request';
import { contextHints } from '../../../shared/hints/context-hints';
import type { DocketDB } from '../../store/db';
import { type Duplicate, findDuplicates } from '../../store/duplicates';
import { lastClientId } from '../../store/me';
import { accessOf, isViewOnly } from '../../sync/access';
import { getConnection } from '../../sync/connection-store';
import type { CaptureContext } from './form-state';

export async function loadContext(db: DocketDB, now = new Date()): Promise<CaptureContext> {
  const [clients, vendors, meetings, last, connection] = await Promise.all([
    db.clients.orderBy('name').toArray(),
    db.vendors.toArray(),
    db.meetings.toArray(),
    lastClientId(db),
    getConnection(db),
  ]);
  const viewOnly = clients.filter((c) => isViewOnly(accessOf(connection, c.id))).map((c) => c.id);
  return { clients, vendors, meetings, lastClientId: last, now, viewOnly };
}

export interface Prepared extends Captured {
  hints: Hints;
  duplicates: Duplicate[];
}

export async function prepare(db: DocketDB, captured: Captured, ctx: CaptureContext): Promise<Prepared> {
  const { draft, text } = captured;
  const hints = contextHints(draft, text, { clients: ctx.clients, vendors: ctx.vendors, now: ctx.now });
  return { ...captured, hints, duplicates: await findDuplicates(db, draft) };
}
