import { Hono } from 'hono';
import { z } from 'zod';
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

/** Push, pull and snapshot for one space. */
export function syncRoutes({ store, now, maxDriftMs, pokes, maxRecordsPerSpace, maxBytesPerSpace }: Deps) {
  const app = new Hono<AppEnv>();
  const signedIn = requireUser(store);
  const quota = quotaGuard({ maxRecordsPerSpace, maxBytesPerSpace });

  app.post('/:space/push', signedIn, requireRole(store, 'editor'), async (c) => {
    const push = checkPush(await readJsonValue(c), now(), maxDriftMs);
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
    return c.json(ack);
  });

  app.get('/:space/pull', signedIn, requireRole(store, 'viewer'), async (c) => {
    const space = c.get('membership').id;
    const query = parseWith(PullQuery, c.req.query());
    const from = query.cursor === undefined ? { seq: 0 } : decodeCursor(query.cursor, space);
    if (!from)
      throw new ApiError('bad-cursor', 'That cursor does not belong to this space; start again from a snapshot.');
    const rows = await store.readLog(space, from.seq, query.limit + 1);
    const more = rows.length > query.limit;
    const changes: LoggedChange[] = rows.slice(0, query.limit);
    const seq = changes.at(-1)?.seq ?? from.seq;
    const body: PullResponse = { changes, cursor: encodeCursor({ seq, space }), more };
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
    const body: SnapshotResponse = { records: shown, cursor: page.cursor, next };
    return c.json(body);
  });

  return app;
}
