import { fieldChanges } from '../changes';
import type { Capture, Item, Meeting, MeetingSeal } from '../domain';
import { evidenceHash, sealedFormOf } from './seal';

/** One way a sealed meeting differs from its seal now: an edited field, evidence added or gone, a record deleted. */
export type Amendment =
  | { kind: 'field'; table: 'meetings' | 'items'; id: string; title: string; field: string; from: unknown; to: unknown }
  | { kind: 'deleted'; table: 'meetings' | 'items'; id: string; title: string }
  | {
      kind: 'evidence-added' | 'evidence-removed' | 'evidence-changed';
      captureId: string;
      itemId: string;
      title: string;
    };

const IGNORED = ['updatedAt', '_stamps', 'seal'];
const titleOf = (record: Record<string, unknown> | undefined, fallback: string) =>
  typeof record?.title === 'string' && record.title ? record.title : fallback;

/**
 * What changed since sealing, told against the sealed versions: every field of the meeting and of its sealed items
 * (wherever those items are now), and the evidence of those items. Empty: unchanged since sealed.
 */
export function amendmentsOf(
  seal: MeetingSeal,
  now: { meetings: readonly Meeting[]; items: readonly Item[]; captures: readonly Capture[] },
): Amendment[] {
  const current = new Map<string, object>([
    ...now.meetings.map((m) => [`meetings/${m.id}`, m] as const),
    ...now.items.map((i) => [`items/${i.id}`, i] as const),
  ]);
  const out: Amendment[] = [];
  for (const version of seal.versions) {
    const title = titleOf(version.record, version.table === 'meetings' ? 'the meeting' : version.id);
    const record = current.get(`${version.table}/${version.id}`);
    if (!record) {
      out.push({ kind: 'deleted', table: version.table, id: version.id, title });
      continue;
    }
    for (const c of fieldChanges(version.record, sealedFormOf(record), IGNORED))
      out.push({ kind: 'field', table: version.table, id: version.id, title, ...c });
  }
  const sealedItems = new Set(seal.versions.filter((v) => v.table === 'items').map((v) => v.id));
  const sealedEvidence = new Map(seal.statement.evidence.map((e) => [e.captureId, e]));
  const byId = new Map(now.captures.map((c) => [c.id, c]));
  const label = (c: Capture) => c.source.title || c.email?.subject || c.file?.name || c.kind;
  for (const ref of seal.statement.evidence) {
    const capture = byId.get(ref.captureId);
    if (!capture || capture.itemId !== ref.itemId)
      out.push({
        kind: 'evidence-removed',
        captureId: ref.captureId,
        itemId: ref.itemId,
        title: capture ? label(capture) : ref.captureId,
      });
    else if (evidenceHash(capture) !== ref.hash)
      out.push({ kind: 'evidence-changed', captureId: capture.id, itemId: capture.itemId, title: label(capture) });
  }
  for (const capture of now.captures)
    if (sealedItems.has(capture.itemId) && sealedEvidence.get(capture.id)?.itemId !== capture.itemId)
      out.push({ kind: 'evidence-added', captureId: capture.id, itemId: capture.itemId, title: label(capture) });
  return out;
}
