import { decodeCursor } from '../../shared/sync/cursor';
import type { RecordPosition } from '../store/types';

/** A snapshot page token: the pull cursor fixed on the first page, and the last record shown. Opaque to clients. */
export type SnapshotPage = { cursor: string; after: RecordPosition | null };

const TAG = 's1.';

export function encodePage(page: SnapshotPage): string {
  return (
    TAG + Buffer.from(JSON.stringify([page.cursor, page.after?.table, page.after?.id]), 'utf8').toString('base64url')
  );
}

/** Null for garbage or a page of another space (its cursor is bound to that space). */
export function decodePage(token: string, space: string): SnapshotPage | null {
  if (!token.startsWith(TAG) || token.length > 2048) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token.slice(TAG.length), 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursor, table, id] = parsed as unknown[];
    if (typeof cursor !== 'string' || typeof table !== 'string' || typeof id !== 'string') return null;
    if (!decodeCursor(cursor, space)) return null;
    return { cursor, after: { table, id } };
  } catch {
    return null;
  }
}
