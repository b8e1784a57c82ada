import { Hono } from 'hono';
import { z } from 'zod';
import type { SignedCheckpoint } from '../../shared/ledger/checkpoint';
import { decodeCursor, encodeCursor } from '../../shared/sync/cursor';
import type { LoggedChange, PullResponse, PushResponse, SnapshotResponse } from '../../shared/sync/protocol';
import { requireRole, requireUser } from '../auth/middleware';
import { isoAt, type Deps } from '../deps';
import { parseWith, readJsonValue } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { applyBatch } from '../sync/apply-batch';
import { checkPush } from '../sync/check-push';
import { quotaGuard } from '../sync/quota';
import { decodePage, encodePage } from '../sync/snapshot-page';

const Limit = (fallback: number) => z.coerce.number().int().min(1).max(1000).default(fallback);
const PullQuery = z.object({ cursor: z.string().optional(), limit: Limit(500) });
const SnapshotQuery = z.object({ page: z.string().optional(), limit: Limit(500) });

/**
 * A viewer writes no records, with one exception: registering their own devices (the `devices` table), so their
 * browsers can co-sign the checkpoints they verify. Anything else in a viewer's push is refused whole, before it is
 * read further, as a push by a viewer always was.
 */
function viewerMayPush(raw: unknown): boolean {
  const changes = (raw as { changes?: unknown } | null)?.changes;
  return (
    Array.isArray(changes) &&
    changes.every((ch) => typeof ch === 'object' && ch !== null && (ch as { table?: unknown }).table === 'devices')
  );
}

/**
 * Push, pull and snapshot for one space. Each answer carries the signed checkpoint at the space's current size
 * (server/ledger/ledger.ts: made when the log has grown since the last one, else the stored one); pulls read it
 * before the page, so a client that pulled to the end holds every change it covers.
 */
export function syncRoutes({ store, now, maxDriftMs, pokes, maxRecordsPerSpace, maxBytesPerSpace, ledger }: Deps) {
  const app = new Hono<AppEnv>();
  const signedIn = requireUser(store);
  const quota = quotaGuard({ maxRecordsPerSpace, maxBytesPerSpace });
  const withCheckpoint = <T extends object>(body: T, checkpoint: SignedCheckpoint | null) =>
    checkpoint ? { ...body, checkpoint } : body;

  app.post('/:space/push', signedIn, requireRole(store, 'viewer'), async (c) => {
    const raw = await readJsonValue(c);
    const { role } = c.get('membership');
    if (role === 'viewer' && !viewerMayPush(raw)) {
      throw new ApiError(
        'forbidden',
        'This needs the editor role in this space; you are viewer (a viewer pushes only its own devices).',
      );
    }
    const push = checkPush(raw, now(), maxDriftMs);
    const space = c.get('membership').id;
    const user = c.get('user');
    if (!(await store.claimReplica(push.replicaId, user.id, isoAt(now())))) {
      throw new ApiError(
        'replica-not-yours',
        `Replica ${push.replicaId} belongs to another user: each Docket install pushes as the person who first synced it.`,
      );
    }
    const { replicaId, seq, changes } = push;
    const batch = { spaceId: space, replicaId, seq, author: user, changes, receivedAt: isoAt(now()) };
    const outcome = await applyBatch(store, batch, quota);
    if (outcome.applied) pokes.publish(space, outcome.serverSeq);
    const ack: PushResponse = {
      ackedSeq: outcome.ackedSeq,
      serverSeq: outcome.serverSeq,
      conflicts: outcome.conflicts,
    };
    return c.json(withCheckpoint(ack, await ledger.checkpoint(space)));
  });

  app.get('/:space/pull', signedIn, requireRole(store, 'viewer'), async (c) => {
    const space = c.get('membership').id;
    const query = parseWith(PullQuery, c.req.query());
    const from = query.cursor === undefined ? { seq: 0 } : decodeCursor(query.cursor, space);
    if (!from)
      throw new ApiError('bad-cursor', 'That cursor does not belong to this space; start again from a snapshot.');
    const checkpoint = await ledger.checkpoint(space);
    const rows = await store.readLog(space, from.seq, query.limit + 1);
    const more = rows.length > query.limit;
    const changes: LoggedChange[] = rows.slice(0, query.limit);
    const seq = changes.at(-1)?.seq ?? from.seq;
    const body: PullResponse = withCheckpoint({ changes, cursor: encodeCursor({ seq, space }), more }, checkpoint);
    return c.json(body);
  });

  // Every page carries the cursor taken on the first one: records that change meanwhile come again by pull,
  // which is harmless because applying a change twice is a no-op.
  app.get('/:space/snapshot', signedIn, requireRole(store, 'viewer'), async (c) => {
    const space = c.get('membership').id;
    const query = parseWith(SnapshotQuery, c.req.query());
    const page =
      query.page === undefined
        ? { cursor: encodeCursor({ seq: await store.lastSeq(space), space }), after: null }
        : decodePage(query.page, space);
    if (!page)
      throw new ApiError('bad-cursor', 'That snapshot page does not belong to this space; start the snapshot again.');
    const records = await store.readRecords(space, page.after, query.limit + 1);
    const more = records.length > query.limit;
    const shown = records.slice(0, query.limit);
    const last = shown.at(-1);
    const next = more && last ? encodePage({ cursor: page.cursor, after: { table: last.table, id: last.id } }) : null;
    const body: SnapshotResponse = withCheckpoint(
      { records: shown, cursor: page.cursor, next },
      await ledger.checkpoint(space),
    );
    return c.json(body);
  });

  return app;
}
