import { type Meeting, Meeting as MeetingSchema, type SealStatement } from '../../shared/domain';
import { buildSeal, recordHash, signSeal } from '../../shared/ledger/seal';
import { itemsOnMeeting } from '../../shared/rules';
import type { DocketDB } from '../store/db';
import { StoreError, validate } from '../store/errors';
import { type Actor, recordChange } from '../store/history';
import { holdMeeting } from '../store/hold-meeting';
import type { MeetingRef } from '../store/meetings';
import { deviceKey } from './device-key';
import { ensureDeviceRecord } from './device-record';

/** What the meeting, its items and their evidence look like now, read in one transaction. */
async function readSealable(db: DocketDB, meetingId: string) {
  return db.transaction('r', [db.meetings, db.items, db.captures], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new StoreError('not-found', 'This meeting no longer exists.');
    const items = itemsOnMeeting(await db.items.where('meetingId').equals(meetingId).toArray(), meetingId);
    const captures = await db.captures
      .where('itemId')
      .anyOf(items.map((i) => i.id))
      .toArray();
    return { meeting, items, captures };
  });
}

/**
 * Seals a meeting: holds it first if it is still planned (agenda frozen, undiscussed items carried on), then signs
 * with this browser's key a statement of the hashes of its agenda, records and evidence (shared/ledger/seal.ts),
 * and writes it into the meeting with the sealed versions. Signing cannot run inside an IndexedDB transaction, so
 * the write checks that nothing sealed changed in between, and refuses (writing nothing) when it did.
 */
export async function sealMeeting(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  ref: MeetingRef,
): Promise<{ meeting: Meeting; carried: number; statement: SealStatement }> {
  const key = await deviceKey(db);
  let meetingId = ref.id;
  let carried = 0;
  const stored = await db.meetings.get(ref.id);
  if (!stored || stored.status === 'planned') {
    const held = await holdMeeting(db, actor, clientId, ref);
    meetingId = held.meeting.id;
    carried = held.carried;
  }
  const read = await readSealable(db, meetingId);
  if (read.meeting.status !== 'held') throw new StoreError('invalid', `This meeting is ${read.meeting.status}.`);
  if (read.meeting.seal) throw new StoreError('conflict', 'This meeting is sealed already.');
  const { unsigned, versions } = buildSeal({
    ...read,
    sealedAt: actor.at,
    sealedBy: { name: actor.by, accountId: actor.byId ?? null },
  });
  const statement = await signSeal(unsigned, key.privateKey, key.publicKey);

  const meeting = await db.write([db.meetings, db.items, db.captures, db.devices], async () => {
    const now = await readSealable(db, meetingId);
    const fingerprint = (r: typeof read) =>
      [r.meeting, ...r.items, ...r.captures].map((x) => `${x.id}:${recordHash(x)}`).join();
    if (now.meeting.seal) throw new StoreError('conflict', 'This meeting is sealed already.');
    if (fingerprint(now) !== fingerprint(read))
      throw new StoreError(
        'conflict',
        'The meeting changed while it was being sealed; nothing was sealed. Seal it again.',
      );
    await ensureDeviceRecord(db, actor, clientId, key);
    const sealed = validate(MeetingSchema, { ...now.meeting, seal: { statement, versions } }, 'meeting');
    await recordChange(db, actor, 'meeting', now.meeting, { ...sealed, updatedAt: actor.at }, null);
    return sealed;
  });
  return { meeting, carried, statement };
}
