import type { Capture, HistoryEntry, Item, Meeting, SealStatement } from '../domain';
import { type Amendment, amendmentsOf } from '../ledger/amendments';
import { describeChange } from '../history/words';
import { MONTH_NAMES } from '../domain';
import { parseLocalDate } from '../rules/local-date';
import { zonedParts } from '../rules/zoned-time';

/** '4 Dec 2026 15:24' on the client's wall clock. */
function when(instant: string, timeZone: string): string {
  const { date, time } = zonedParts(new Date(instant), timeZone);
  const { year, month, day } = parseLocalDate(date);
  return `${day} ${MONTH_NAMES[month - 1]!.slice(0, 3)} ${year} ${time.slice(0, 5)}`;
}

/** "Sealed 4 Dec 2026 15:24 by Julie Côté · root 7f3a9c5e1b2d4f60…": the minutes' witness of their own seal. */
export function sealLine(statement: SealStatement, timeZone: string): string {
  return `Sealed ${when(statement.sealedAt, timeZone)} by ${statement.sealedBy.name} · root ${statement.root.slice(0, 16)}…`;
}

/** What the log holds now, to tell a sealed meeting's amendments against. */
export type CurrentLog = {
  meetings: readonly Meeting[];
  items: readonly Item[];
  captures: readonly Capture[];
  history: readonly HistoryEntry[];
};

export type AmendmentLine = { amendment: Amendment; text: string };

/** Who last made this change after sealing, and when, from the log's history ("Bob Lee, 5 Dec 2026 10:02"). */
function byWhom(a: Amendment, sealedAt: string, log: CurrentLog, timeZone: string): string | null {
  const id = a.kind === 'field' || a.kind === 'deleted' ? a.id : a.captureId;
  const field = a.kind === 'field' ? a.field : null;
  const entry = log.history
    .filter((h) => h.entityId === id && h.at >= sealedAt && (!field || h.changes.some((c) => c.field === field)))
    .sort((x, y) => (x.at < y.at ? 1 : -1))[0];
  return entry ? `${entry.by}, ${when(entry.at, timeZone)}` : null;
}

/** Each amendment since sealing, in words: "Item “Renew firewall” — Title: “…” → “…” (Bob Lee, 5 Dec 2026 10:02)". */
export function amendmentLines(meeting: Meeting, log: CurrentLog, timeZone: string): AmendmentLine[] {
  if (!meeting.seal) return [];
  const sealedAt = meeting.seal.statement.sealedAt;
  return amendmentsOf(meeting.seal, log).map((amendment) => {
    const what =
      amendment.kind === 'field' || amendment.kind === 'deleted'
        ? amendment.table === 'meetings'
          ? 'The meeting'
          : `Item “${amendment.title}”`
        : `Evidence “${amendment.title}”`;
    let change: string;
    if (amendment.kind === 'field')
      change = describeChange(amendment.field, amendment.from, amendment.to)
        .map((l) => `${l.label}: ${l.text}`)
        .join('; ');
    else if (amendment.kind === 'deleted') change = 'deleted';
    else if (amendment.kind === 'evidence-added') change = 'added after sealing';
    else if (amendment.kind === 'evidence-removed') change = 'removed or moved to another item';
    else change = 'its content differs from what was sealed';
    const who = byWhom(amendment, sealedAt, log, timeZone);
    return { amendment, text: `${what} — ${change}${who ? ` (${who})` : ''}` };
  });
}
