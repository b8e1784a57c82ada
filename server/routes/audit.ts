import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { requireRole, requireUser } from '../auth/middleware';
import type { Deps } from '../deps';
import { parseWith } from '../edge/json';
import type { AppEnv } from '../env';

const AuditQuery = z.object({
  format: z.enum(['ndjson', 'json']).default('ndjson'),
  section: z.enum(['all', 'changes', 'membership']).default('all'),
});
const PAGE = 1000;

/**
 * `GET /v1/spaces/:space/audit?format=ndjson|json&section=all|changes|membership`: the space's append-only change
 * log, every change with its server seq, author (name and user id), replica and received time, and its membership
 * trail (`kind: "membership"`: invite accepted, role changed, removed, left; who, whom, when, roles before and
 * after), in time order. Read in pages so a long log streams out without holding the database or the memory.
 */
export function auditRoutes({ store }: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/:space/audit', requireUser(store), requireRole(store, 'viewer'), (c) => {
    const { format, section } = parseWith(AuditQuery, c.req.query());
    const space = c.get('membership').id;
    c.header('Content-Type', format === 'json' ? 'application/json' : 'application/x-ndjson');
    c.header('Content-Disposition', `attachment; filename="docket-audit-${space}.${format}"`);
    return stream(c, async (out) => {
      let after = 0;
      let first = true;
      const emit = async (entry: unknown) => {
        const line = JSON.stringify(entry);
        await out.write(format === 'json' ? `${first ? '' : ','}\n${line}` : `${line}\n`);
        first = false;
      };
      // A space's membership trail is short: read whole, and woven into the change log by time.
      const members = section === 'changes' ? [] : await store.membershipEvents(space);
      let m = 0;
      const emitMembersUntil = async (at: string | null) => {
        for (; m < members.length && (at === null || members[m]!.at <= at); m++) {
          await emit({ kind: 'membership', ...members[m]! });
        }
      };
      if (format === 'json') await out.write('[');
      for (;;) {
        const page = section === 'membership' ? [] : await store.readLog(space, after, PAGE);
        for (const entry of page) {
          await emitMembersUntil(entry.receivedAt);
          await emit(entry);
        }
        if (page.length < PAGE || out.aborted) break;
        after = page.at(-1)!.seq;
      }
      await emitMembersUntil(null);
      if (format === 'json') await out.write('\n]\n');
    });
  });

  return app;
}
