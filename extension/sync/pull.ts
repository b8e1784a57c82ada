import type { SnapshotResponse } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import { applyRemote } from './apply-remote';
import { applySnapshot } from './apply-snapshot';
import { refreshDirectory } from './members-directory';
import type { SyncTransport } from './transport';

const cursorKey = (space: string) => `sync.cursor.${space}`;
/** Records per snapshot page: the most the server sends. */
export const SNAPSHOT_PAGE = 1000;

/** A snapshot page, as large as the server gives; a failure is only reported where the page is awaited. */
function fetchPage(transport: SyncTransport, space: string, page: string | null): Promise<SnapshotResponse> {
  const pending = transport.snapshot(space, page, SNAPSHOT_PAGE);
  pending.catch(() => undefined);
  return pending;
}

/**
 * Brings a space's changes into the local log. A replica that never synced starts from the snapshot, then
 * pages through the log from the cursor the server gave; the cursor is saved after each page is applied, so an
 * interrupted pull resumes where it stopped.
 */
export async function pullSpace(
  db: DocketDB,
  transport: SyncTransport,
  space: string,
  now = () => new Date(),
): Promise<{ applied: number; conflicts: number; images: string[] }> {
  let applied = 0;
  let conflicts = 0;
  const authors = new Set<string>();
  const images = new Set<string>();
  let cursor = (await db.settings.get(cursorKey(space)))?.value as string | undefined;
  if (!cursor) {
    let next: Promise<SnapshotResponse> | null = fetchPage(transport, space, null);
    while (next) {
      const snap: SnapshotResponse = await next;
      // The following page downloads while this one is applied.
      next = snap.next ? fetchPage(transport, space, snap.next) : null;
      for (const r of snap.records) for (const f of Object.values(r.fields)) if (f.authorId) authors.add(f.authorId);
      for (const r of snap.records) if (r.table === 'captures') namedImages(r.fields.images?.value, images);
      const result = await applySnapshot(db, snap.records, now().toISOString());
      applied += result.applied;
      cursor ??= snap.cursor; // the first page's cursor: everything after it is pulled below
    }
    await db.settings.put({ key: cursorKey(space), value: cursor });
  }
  for (;;) {
    const res = await transport.pull(space, cursor ?? null, 500);
    for (const c of res.changes) authors.add(c.authorId);
    for (const c of res.changes) if (c.table === 'captures' && c.field === 'images') namedImages(c.value, images);
    const result = await applyRemote(db, res.changes);
    applied += result.applied;
    conflicts += result.conflicts;
    cursor = res.cursor;
    await db.settings.put({ key: cursorKey(space), value: cursor });
    if (!res.more) break;
  }
  await refreshDirectory(db, transport, space, authors, now());
  return { applied, conflicts, images: [...images] };
}

/** The hashes a capture's `images` value names (unchecked here: the apply validates the record). */
function namedImages(value: unknown, into: Set<string>): void {
  if (!Array.isArray(value)) return;
  for (const image of value) {
    const sha = (image as { sha256?: unknown } | null)?.sha256;
    if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) into.add(sha);
  }
}
