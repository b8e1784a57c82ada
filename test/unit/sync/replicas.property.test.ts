import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { updateItem } from '../../../extension/store/items';
import { syncClient } from '../../../extension/sync/sync-client';
import { httpTransport, type SyncTransport } from '../../../extension/sync/transport';
import { converged, fileItem, freshDb, makeClient } from '../../support/store';
import { STORES, storesFor } from '../../support/stores';
import { team } from '../../support/team';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 12);
const FIELDS = ['title', 'notes', 'status'] as const;
const STATUSES = ['inbox', 'to-prepare', 'on-agenda', 'deferred'] as const;

type Step =
  | { kind: 'edit'; replica: number; field: (typeof FIELDS)[number]; n: number }
  | { kind: 'sync'; replica: number; fault: 'none' | 'drop-request' | 'drop-response' }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      replica: fc.nat(2),
      field: fc.constantFrom(...FIELDS),
      n: fc.nat(1000),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      replica: fc.nat(2),
      fault: fc.constantFrom('none' as const, 'drop-request' as const, 'drop-response' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** A transport whose next call fails before reaching the server, or after the server applied it (the answer is lost). */
function faulty(inner: SyncTransport, fault: Step & { kind: 'sync' }): SyncTransport {
  let armed = fault.fault !== 'none';
  const wrap =
    <A extends unknown[], R>(call: (...a: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (armed && fault.fault === 'drop-request') {
        armed = false;
        throw new Error('network down');
      }
      const result = await call(...args);
      if (armed && fault.fault === 'drop-response') {
        armed = false;
        throw new Error('connection reset');
      }
      return result;
    };
  return { push: wrap(inner.push), pull: wrap(inner.pull), snapshot: wrap(inner.snapshot), members: inner.members };
}

describe.each(STORES)(
  'replicas through a real server on the %s store, with lost requests and answers and server restarts (property)',
  (kind) => {
    const stores = storesFor(kind);
    it('converge on one state, and every value anyone wrote is the final value or in everyone’s history', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
          const t = await team(await stores.fresh());
          const tokens = [t.owner, t.owner, t.owner];
          const replicas = [t.a.db, freshDb(), freshDb()];
          const transports = tokens.map((tok) => httpTransport('http://docket.test', tok, t.fetchApp));
          const client = await makeClient(replicas[0]!);
          const item = await fileItem(replicas[0]!, client.id, 'Start');
          for (let r = 0; r < 3; r++) await syncClient(replicas[r]!, transports[r]!, client.id, t.space);
          const written = new Set<string>();
          let clock = Date.parse('2026-11-27T00:00:00Z');
          for (const s of steps) {
            if (s.kind === 'restart') {
              await t.restart();
              continue;
            }
            const db = replicas[s.replica]!;
            if (s.kind === 'edit') {
              const value = s.field === 'status' ? STATUSES[s.n % STATUSES.length]! : `${s.field}-${s.replica}-${s.n}`;
              await updateItem(db, { by: `r${s.replica}`, at: new Date((clock += 1000)).toISOString() }, item.id, {
                [s.field]: value,
              });
              if (s.field !== 'status') written.add(value);
            } else {
              await syncClient(db, faulty(transports[s.replica]!, s), client.id, t.space).catch(() => undefined);
            }
          }
          for (let round = 0; round < 2; round++)
            for (let r = 0; r < 3; r++) await syncClient(replicas[r]!, transports[r]!, client.id, t.space);

          const finals = (await Promise.all(replicas.map((db) => db.items.get(item.id)))).map(converged);
          expect(finals[1]).toEqual(finals[0]);
          expect(finals[2]).toEqual(finals[0]);
          for (const db of replicas) {
            const seen = new Set<unknown>();
            for (const h of await db.history.where('itemId').equals(item.id).toArray())
              for (const c of h.changes) {
                seen.add(c.to);
                seen.add(c.from);
              }
            for (const value of written)
              expect(seen.has(value) || Object.values(finals[0]!).includes(value)).toBe(true);
            expect(await db.outbox.count()).toBe(0);
          }
          await t.close();
        }),
        { numRuns: RUNS, seed: 20261126 },
      );
    }, 120_000);
  },
);
