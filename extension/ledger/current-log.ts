import type { Meeting } from '../../shared/domain';
import type { CurrentLog } from '../../shared/export/seal-text';
import type { DocketDB } from '../store/db';

/**
 * What a sealed meeting's amendments are told against: the meeting, its sealed items wherever they are now, their
 * evidence and history. Only the records the seal names are read (a client's whole log can be large).
 */
export async function currentLogOf(db: DocketDB, meeting: Meeting): Promise<CurrentLog | undefined> {
  if (!meeting.seal) return undefined;
  const itemIds = meeting.seal.versions.filter((v) => v.table === 'items').map((v) => v.id);
  const captureIds = meeting.seal.statement.evidence.map((e) => e.captureId);
  return db.transaction('r', [db.meetings, db.items, db.captures, db.history], async () => {
    const [meetings, items, onItems, sealed] = await Promise.all([
      db.meetings.bulkGet([meeting.id]),
      db.items.bulkGet(itemIds),
      db.captures.where('itemId').anyOf(itemIds).toArray(),
      db.captures.bulkGet(captureIds),
    ]);
    const captures = [
      ...new Map([...onItems, ...sealed].filter((c) => c !== undefined).map((c) => [c.id, c])).values(),
    ];
    const ids = [meeting.id, ...itemIds, ...captures.map((c) => c.id)];
    const history = await db.history
      .where('at')
      .aboveOrEqual(meeting.seal!.statement.sealedAt)
      .filter((h) => ids.includes(h.entityId))
      .toArray();
    return {
      meetings: meetings.filter((m) => m !== undefined),
      items: items.filter((i) => i !== undefined),
      captures,
      history,
    };
  });
}
