import type { HistoryEntry } from '../../shared/domain';
import type { Member } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import type { SyncTransport } from './transport';

/** A space's members as last fetched: history names authors through it. */
export interface Directory {
  at: string;
  members: Member[];
}

const PREFIX = 'sync.members.';
/** A rename shows up within this long (or at once, when the Team panel is open). */
const FRESH_MS = 10 * 60_000;

export async function readDirectory(db: DocketDB, space: string): Promise<Directory | null> {
  return ((await db.settings.get(PREFIX + space))?.value as Directory | undefined) ?? null;
}

export async function saveDirectory(db: DocketDB, space: string, members: Member[], now = new Date()): Promise<void> {
  await db.settings.put({ key: PREFIX + space, value: { at: now.toISOString(), members } satisfies Directory });
}

/**
 * Fetches the members list when a change came from an account not in it, or the list is older than 10 minutes.
 * A departed member stays unknown: history then shows the name the server logged with their change.
 */
export async function refreshDirectory(
  db: DocketDB,
  transport: SyncTransport,
  space: string,
  authorIds: Iterable<string>,
  now = new Date(),
): Promise<void> {
  const known = await readDirectory(db, space);
  const ids = new Set(known?.members.map((m) => m.id));
  const stale = !known || now.getTime() - Date.parse(known.at) > FRESH_MS;
  if (!stale && [...authorIds].every((id) => !id || ids.has(id))) return;
  const { members } = await transport.members(space);
  await saveDirectory(db, space, members, now);
}

/** Every known member's current name by account id, across the spaces this browser syncs. */
export async function memberNames(db: DocketDB): Promise<Map<string, string>> {
  const rows = await db.settings.where('key').startsWith(PREFIX).toArray();
  const names = new Map<string, string>();
  for (const row of rows) for (const m of (row.value as Directory).members) names.set(m.id, m.name);
  return names;
}

/**
 * History under each member's current name, found by account (so a rename does not rewrite history and nobody
 * can appear as someone else); an entry with no account, or one the list no longer has, keeps its logged name.
 */
export function byMember(entries: HistoryEntry[], names: Map<string, string>): HistoryEntry[] {
  return entries.map((e) => {
    const name = e.byId ? names.get(e.byId) : undefined;
    return name && name !== e.by ? { ...e, by: name } : e;
  });
}
