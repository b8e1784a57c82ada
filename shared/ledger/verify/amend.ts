import type { MeetingSeal } from '../../domain/seal';
import { TOMBSTONE } from '../../sync/protocol';
import { sealedFormOf } from '../seal';
import type { Records } from './current';
import type { Leaf } from './read';
import { differingFields, leafOfField, type LogRecord } from './replay';
import { captureTitle, clip, count, differences, fieldWords, named, sameValue, shown, when } from './words';

/** What changed after sealing: amendment lines, and (shared clients) changes no logged change explains. */
export type Amendments = { lines: string[]; unexplained: string[] };

const NOT_SHARED = '(not in a signed log: this client is not shared)';

type Who = { text: string; explained: boolean };

/**
 * Who gave a field its current value after the seal (change `afterSeq`): the last logged change after it that set
 * that value. Else the change the value comes from, logged before the seal: an edit made while the meeting was being
 * sealed (for a changed field, only when the sealed value was logged too, so it lost to that edit). Else nothing
 * explains it: the sealed version or the current record says what no logged change did.
 */
function who(
  r: Records,
  logged: LogRecord | undefined,
  field: string,
  afterSeq: number | null,
  now: unknown,
  sealed?: { value: unknown },
): Who {
  if (!r.shared) return { text: NOT_SHARED, explained: true };
  const sets = (leaf: Leaf) => leaf.change?.field === field && sameValue(leaf.change.value, now);
  let after: Leaf | undefined;
  for (const leaf of logged?.leaves ?? []) if (leaf.change!.seq > (afterSeq ?? 0) && sets(leaf)) after = leaf;
  if (after) return { text: by(after), explained: true };
  const winner = logged ? leafOfField(logged, field) : undefined;
  const sealedWasLogged =
    !sealed || logged?.leaves.some((l) => l.change?.field === field && sameValue(l.change.value, sealed.value));
  if (winner && sets(winner) && sealedWasLogged)
    return { text: `${by(winner)}, logged before the seal: an edit made while it was being sealed`, explained: true };
  return { text: 'but no logged change explains it', explained: false };
}

/** "by Bob Lee, 5 Dec 2026 10:02 UTC (change 1,230)". */
function by(leaf: Leaf): string {
  const c = leaf.change!;
  return `by ${c.author || c.authorId}, ${when(c.receivedAt)} (change ${count(c.seq)})`;
}

/**
 * The current meeting, its sealed items and their evidence against the sealed versions: each difference is an
 * amendment line ("amended after sealing: item 'X' — decision changed from … to … by Bob Lee, …").
 */
export function amendments(
  meetingId: string,
  seal: MeetingSeal,
  r: Records,
  sealSeq: number | null,
  unexplainedPrefix: string,
): Amendments {
  const lines: string[] = [];
  const unexplained: string[] = [];
  const say = (what: string, w: Who) => {
    lines.push(`amended after sealing: ${what} ${w.text}`);
    if (!w.explained) unexplained.push(`${unexplainedPrefix}${what}, but no logged change explains it`);
  };

  const sealedItems = new Map<string, Record<string, unknown>>();
  for (const v of seal.versions) {
    const now = r.get(v.table, v.id);
    const label = v.table === 'meetings' ? 'the meeting' : named('items', v.id, v.record);
    if (v.table === 'items') sealedItems.set(v.id, v.record);
    if (!now?.record || now.deleted) {
      if (r.shared && !now) {
        lines.push(`${label} is sealed but is neither in records.json nor in the log`);
        unexplained.push(`${unexplainedPrefix}${label} is sealed but is neither in records.json nor in the log`);
      } else say(`${label} was deleted`, who(r, now?.logged, TOMBSTONE, sealSeq, true));
      continue;
    }
    const before = sealedFormOf(v.record);
    const after = sealedFormOf(now.record);
    for (const field of differingFields(before, after)) {
      const by = who(r, now.logged, field, sealSeq, after[field], { value: before[field] });
      const found = differences(before[field], after[field], field);
      if (found.length > 3) say(`${label} — ${fieldWords(field)} changed (${found.length} differences)`, by);
      else
        for (const d of found)
          say(`${label} — ${fieldWords(d.path)} changed from ${shown(d.from)} to ${shown(d.to)}`, by);
    }
  }

  for (const { id, record } of r.where('items', 'meetingId', meetingId)) {
    if (sealedItems.has(id)) continue;
    say(
      `${named('items', id, record)} was put on this meeting`,
      who(r, r.get('items', id)?.logged, 'meetingId', sealSeq, meetingId),
    );
  }

  const itemName = (id: unknown) =>
    typeof id === 'string' ? named('items', id, sealedItems.get(id) ?? r.get('items', id)?.record) : 'no item';
  const sealedCaptures = new Set<string>();
  for (const ev of seal.statement.evidence) {
    sealedCaptures.add(ev.captureId);
    const now = r.get('captures', ev.captureId);
    const title = `evidence '${clip(captureTitle(now?.record ?? now?.logged?.before) ?? ev.captureId, 60)}'`;
    if (!now?.record || now.deleted) {
      say(`${title} was removed from ${itemName(ev.itemId)}`, who(r, now?.logged, TOMBSTONE, sealSeq, true));
      continue;
    }
    if (now.record.itemId !== ev.itemId)
      say(
        `${title} was moved from ${itemName(ev.itemId)} to ${itemName(now.record.itemId)}`,
        who(r, now.logged, 'itemId', sealSeq, now.record.itemId, { value: ev.itemId }),
      );
  }
  const onSealedItems = [...sealedItems.keys()].flatMap((itemId) => r.where('captures', 'itemId', itemId));
  for (const { id, record } of onSealedItems) {
    if (sealedCaptures.has(id) || typeof record.itemId !== 'string') continue;
    const title = `evidence '${clip(captureTitle(record) ?? id, 60)}'`;
    say(
      `${title} was added to ${itemName(record.itemId)}`,
      who(r, r.get('captures', id)?.logged, 'itemId', sealSeq, record.itemId),
    );
  }
  return { lines, unexplained };
}
