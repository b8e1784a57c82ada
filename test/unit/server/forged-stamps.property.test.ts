import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../server/deps';
import type { AuditEntry } from '../../../server/store/types';
import type { PullResponse, SnapshotResponse } from '../../../shared/sync/protocol';
import { formatHlc, parseHlc } from '../../../shared/sync/hlc';
import { canonicalJson } from '../../../shared/sync/merge';
import { harness, pushBody } from './helpers';

/**
 * Forged stamps and replica ids never change another member's fields or authorship (property).
 *
 * Dana (owner), Sam and Ann (editors) push honest batches from their own replicas; Mal, another editor, pushes
 * batches that mix his own writes with forgeries: a push from another member's (already bound) replica, at its next
 * batch number or as a "retry" of one it was acked; changes stamped with another member's replica id inside his own
 * push, a victim's exact stamp with a different value, any counter up to 9999; stamps in the past, now, within the
 * allowed drift, exactly at it, and beyond it.
 *
 * What a member may legitimately do, and is therefore not a forgery: stamp with a replica of their own (one they
 * were first to push, whatever its id) at any time up to `maxDriftMs` ahead of the server clock. By the tie rule
 * (docs/sync-protocol.md, "The tie rule") stamps compare as strings, so the greater time wins, and for the same
 * time and counter the greater replica id wins: Mal may beat a teammate's value with a stamp up to 5 minutes ahead,
 * or with an equal time and counter from a replica id that sorts after theirs (he may even pick such an id for a new
 * replica). That value is then his, logged and shown as his. The properties are about the rest:
 *
 * 1. A push with a forgery (a stamp not of the push's replica: `400 bad-stamp`; a stamp too far ahead:
 *    `400 clock-skew`; a replica bound to another user: `403 replica-not-yours`) is refused whole, with one of the
 *    codes it deserves, and changes nothing: not the log, not any record, not the acks, not the replica bindings.
 * 2. Every field of every record holds exactly the value written with its stamp by the owner of the stamp's replica,
 *    and the snapshot names that owner as the field's `authorId`: the merged state is last-writer-wins (ties by
 *    replica id) over the pushes that were accepted, and no one can place a value under a teammate's replica.
 * 3. Every logged change, in the pull and in the audit, names as author (`authorId`; the audit's `author` too) the
 *    user whose token pushed it; its replica is a replica of that user, and its stamp ends with that replica.
 */
const RUNS = Number(process.env.FORGED_STAMPS_RUNS ?? 25);
const DRIFT = DEFAULTS.maxDriftMs;
const RECORDS = ['item-1', 'item-2'] as const;
const FIELDS = ['title', 'notes'] as const;
const HONEST = ['dana', 'sam', 'ann'] as const;
type Honest = (typeof HONEST)[number];
type Who = Honest | 'mal';
const REPLICA: Record<Who, string> = { dana: 'rep-dana', sam: 'rep-sam', ann: 'rep-ann', mal: 'rep-mal' };

type Target = { record: number; field: number };
const target = fc.record({ record: fc.nat(RECORDS.length - 1), field: fc.nat(FIELDS.length - 1) });

/**
 * A change Mal may legitimately make from a replica of his: stamped by it, any time from the past up to exactly
 * `maxDriftMs` ahead of the server clock, any counter; or (`tie`) with the very time and counter of a teammate's
 * write, on the same field.
 */
const ownChange = fc.record({
  target,
  when: fc.constantFrom('past', 'now', 'within-drift', 'at-drift', 'tie'),
  counter: fc.oneof(fc.nat(3), fc.constant(9999), fc.nat(9999)),
  jitter: fc.nat(3_600_000),
});
type OwnChange = typeof ownChange extends fc.Arbitrary<infer T> ? T : never;

/** What Mal forges in a push (`at` picks the change it applies to). */
const forgery = fc.oneof(
  // The whole push from a teammate's replica, stamped by it, at its next batch number or as a retry of its last.
  fc.record({ kind: fc.constant('victim-replica' as const), victim: fc.constantFrom(...HONEST), retry: fc.boolean() }),
  // One change stamped with a teammate's replica id (any time, any counter: 9999 included) in his own push.
  fc.record({ kind: fc.constant('victim-stamp' as const), victim: fc.constantFrom(...HONEST), at: fc.nat() }),
  // A teammate's exact stamp on the field it was written to, with Mal's value.
  fc.record({ kind: fc.constant('victim-copy' as const), pick: fc.nat(), at: fc.nat() }),
  // One stamp past the allowed drift: by a millisecond, or by days.
  fc.record({
    kind: fc.constant('beyond-drift' as const),
    byMs: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 30 * 86_400_000 })),
    at: fc.nat(),
  }),
);
type Forgery = typeof forgery extends fc.Arbitrary<infer T> ? T : never;

type Step =
  | { kind: 'honest'; who: Honest; writes: Target[]; skewMs: number }
  | { kind: 'mal'; replica: 'own' | 'new-mal' | 'new-zzz'; changes: OwnChange[]; forgeries: Forgery[] }
  | { kind: 'tick'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('honest' as const),
      who: fc.constantFrom(...HONEST),
      writes: fc.array(target, { minLength: 1, maxLength: 3 }),
      skewMs: fc.integer({ min: -2000, max: 2000 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('mal' as const),
      // His own replica, or a new one (an id that sorts before or after every teammate's).
      replica: fc.constantFrom('own' as const, 'own' as const, 'new-mal' as const, 'new-zzz' as const),
      changes: fc.array(ownChange, { minLength: 1, maxLength: 3 }),
      // Mostly one forgery, sometimes none (a legitimate push) or two at once.
      forgeries: fc.oneof(
        { weight: 2, arbitrary: fc.constant<Forgery[]>([]) },
        { weight: 5, arbitrary: fc.array(forgery, { minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.array(forgery, { minLength: 2, maxLength: 2 }) },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 600_000 }) }) },
);

type Written = { table: 'items'; id: string; field: string; value: string; hlc: string; replicaId: string };
type Logged = Written & { seq: number; by: Who };

/** Dana's space with Sam, Ann and Mal as editors, each with a replica bound by a first push. */
async function space() {
  const h = harness();
  const tokens = {} as Record<Who, string>;
  tokens.dana = await h.setUp('Dana');
  const id = await h.createSpace(tokens.dana);
  tokens.sam = await h.join(tokens.dana, id, 'editor', 'Sam');
  tokens.ann = await h.join(tokens.dana, id, 'editor', 'Ann');
  tokens.mal = await h.join(tokens.dana, id, 'editor', 'Mal');
  const users = await h.store.listUsers();
  const userIds = Object.fromEntries(
    (['dana', 'sam', 'ann', 'mal'] as const).map((who) => {
      const name = who[0]!.toUpperCase() + who.slice(1);
      return [who, users.find((u) => u.name === name)!.id];
    }),
  ) as Record<Who, string>;
  return { h, id, tokens, userIds };
}

const hlcAt = (ms: number, counter: number, node: string) => formatHlc({ ms, counter, node });
/** The changes as sent: a write without the model's bookkeeping, never having seen a value (`base: null`). */
const wire = (changes: Written[]) =>
  changes.map(({ table, id, field, value, hlc }) => ({ table, id, field, value, hlc, base: null }));

describe('forged stamps and replica ids (property)', () => {
  it('are refused whole, and never change another member’s fields or the authorship of any change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 20 }), async (steps) => {
        const { h, id: spaceId, tokens, userIds } = await space();
        const log: Logged[] = [];
        /** Which user each replica belongs to, as the model knows it. */
        const boundTo = new Map<string, Who>();
        /** The last batch number acked per replica, and each replica's clock. */
        const acked = new Map<string, number>();
        const clocks = new Map<string, { ms: number; counter: number }>();
        let n = 0;

        const accept = async (by: Who, replicaId: string, changes: Written[]) => {
          const seq = (acked.get(replicaId) ?? 0) + 1;
          const res = await h.push(tokens[by], spaceId, pushBody(wire(changes), seq, replicaId));
          expect(res.status, res.text).toBe(200);
          expect(res.json.ackedSeq).toBe(seq);
          acked.set(replicaId, seq);
          boundTo.set(replicaId, by);
          for (const c of changes) log.push({ ...c, seq: log.length + 1, by });
          expect(res.json.serverSeq).toBe(log.length);
        };
        const honestChange = (who: Who, replicaId: string, t: Target, skewMs: number): Written => {
          const prev = clocks.get(replicaId);
          const ms = Math.max(prev?.ms ?? 0, h.clock.now + skewMs);
          const counter = prev && prev.ms === ms ? prev.counter + 1 : 0;
          clocks.set(replicaId, { ms, counter });
          const value = `${who}-${++n}`;
          return {
            table: 'items',
            id: RECORDS[t.record]!,
            field: FIELDS[t.field]!,
            value,
            hlc: hlcAt(ms, counter, replicaId),
            replicaId,
          };
        };

        // Everyone binds their replica with a first push.
        for (const who of [...HONEST, 'mal'] as const) {
          await accept(who, REPLICA[who], [honestChange(who, REPLICA[who], { record: 0, field: 0 }, 0)]);
        }

        let fresh = 0;
        for (const s of steps) {
          if (s.kind === 'tick') {
            h.clock.now += s.ms;
            continue;
          }
          if (s.kind === 'honest') {
            const replicaId = REPLICA[s.who];
            await accept(
              s.who,
              replicaId,
              s.writes.map((t) => honestChange(s.who, replicaId, t, s.skewMs)),
            );
            continue;
          }

          // Mal's push: his own changes from his replica, then the forgeries.
          let replicaId = s.replica === 'own' ? REPLICA.mal : `${s.replica.slice(4)}-${++fresh}`;
          let seq = (acked.get(replicaId) ?? 0) + 1;
          const victimReplica = s.forgeries.find((f) => f.kind === 'victim-replica');
          if (victimReplica) {
            replicaId = REPLICA[victimReplica.victim];
            seq = acked.get(replicaId)! + (victimReplica.retry ? 0 : 1);
          }
          const now = h.clock.now;
          const victims = log.filter((l) => l.by !== 'mal');
          const mine = (c: OwnChange): Written => {
            const value = `mal-${++n}`;
            if (c.when === 'tie') {
              // A teammate's time and counter on the field they wrote, from Mal's replica: not a forgery, the tie
              // rule decides (the greater replica id wins).
              const w = victims[c.jitter % victims.length]!;
              const { ms, counter } = parseHlc(w.hlc);
              return { table: 'items', id: w.id, field: w.field, value, hlc: hlcAt(ms, counter, replicaId), replicaId };
            }
            const ms = {
              past: now - 1 - c.jitter,
              now,
              'within-drift': now + 1 + (c.jitter % DRIFT),
              'at-drift': now + DRIFT,
            }[c.when];
            const [id, field] = [RECORDS[c.target.record]!, FIELDS[c.target.field]!];
            return { table: 'items', id, field, value, hlc: hlcAt(ms, c.counter, replicaId), replicaId };
          };
          const changes = s.changes.map((c) => mine(c));
          for (const f of s.forgeries) {
            if (f.kind === 'victim-stamp') {
              const i = f.at % changes.length;
              const { ms, counter } = parseHlc(changes[i]!.hlc);
              const node = REPLICA[f.victim];
              changes[i] = { ...changes[i]!, hlc: hlcAt(ms, counter, node), replicaId: node };
            } else if (f.kind === 'victim-copy') {
              const { table, id, field, hlc, replicaId: node } = victims[f.pick % victims.length]!;
              changes.splice(f.at % (changes.length + 1), 0, {
                table,
                id,
                field,
                value: `mal-${++n}`,
                hlc,
                replicaId: node,
              });
            } else if (f.kind === 'beyond-drift') {
              const i = f.at % changes.length;
              const { counter, node } = parseHlc(changes[i]!.hlc);
              changes[i] = { ...changes[i]!, hlc: hlcAt(now + DRIFT + f.byMs, counter, node) };
            }
          }
          // What is wrong with it, if anything.
          const defects = new Set<string>();
          for (const c of changes) {
            const { node, ms } = parseHlc(c.hlc);
            if (node !== replicaId) defects.add('bad-stamp');
            if (ms - now > DRIFT) defects.add('clock-skew');
          }
          const owner = boundTo.get(replicaId);
          if (owner && owner !== 'mal') defects.add('replica-not-yours');

          if (defects.size === 0) {
            await accept('mal', replicaId, changes);
            expect(seq).toBe(acked.get(replicaId));
            continue;
          }
          const before = await stored(h, spaceId);
          const res = await h.push(tokens.mal, spaceId, pushBody(wire(changes), seq, replicaId));
          // Property 1: refused whole, with a code it deserves, and nothing changed.
          expect(defects).toContain(res.json?.error);
          expect(res.status).toBe(res.json.error === 'replica-not-yours' ? 403 : 400);
          expect(await stored(h, spaceId)).toEqual(before);
        }

        const { snapshot, audit, pull } = await everything(h, tokens.dana, spaceId);

        // Property 2: the merged state is last-writer-wins over the accepted writes; each field holds the value its
        // stamp's replica's owner wrote with that stamp, and the snapshot names that owner as the field's author.
        const winners = new Map<string, Logged>();
        for (const l of log) {
          const key = `${l.id}/${l.field}`;
          const cur = winners.get(key);
          const beats =
            !cur || l.hlc > cur.hlc || (l.hlc === cur.hlc && canonicalJson(l.value) > canonicalJson(cur.value));
          if (beats) winners.set(key, l);
        }
        const fields = new Map<string, { value: unknown; hlc: string; authorId: string | null }>();
        for (const r of snapshot) for (const [f, v] of Object.entries(r.fields)) fields.set(`${r.id}/${f}`, v);
        expect(new Set(fields.keys())).toEqual(new Set(winners.keys()));
        for (const [key, w] of winners) {
          const owner = boundTo.get(parseHlc(w.hlc).node)!;
          expect(w.by).toBe(owner);
          expect(fields.get(key), key).toEqual({ value: w.value, hlc: w.hlc, authorId: userIds[owner] });
        }

        // Property 3: every logged change, in the pull and in the audit, is the pusher's, under a replica of theirs,
        // stamped by that replica.
        expect(audit).toHaveLength(log.length);
        expect(pull).toHaveLength(log.length);
        const names: Record<Who, string> = { dana: 'Dana', sam: 'Sam', ann: 'Ann', mal: 'Mal' };
        [...audit, ...pull].forEach((entry, k) => {
          const i = k % log.length;
          const l = log[i]!;
          expect(entry).toMatchObject({
            seq: l.seq,
            id: l.id,
            field: l.field,
            value: l.value,
            hlc: l.hlc,
            replicaId: l.replicaId,
            authorId: userIds[l.by],
            author: names[l.by],
          });
          expect(boundTo.get(entry.replicaId)).toBe(l.by);
          expect(parseHlc(entry.hlc).node).toBe(entry.replicaId);
        });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

/** All the store holds for the space (read directly: this runs after every refused push). */
async function stored(h: ReturnType<typeof harness>, spaceId: string) {
  return {
    log: await h.store.readLog(spaceId, 0, 10_000),
    records: await h.store.readRecords(spaceId, null, 10_000),
    conflicts: await h.store.listConflicts(spaceId),
    counts: await h.store.counts(),
  };
}

/**
 * All a space holds, read through the API as its owner: the merged records (snapshot) and the change log (pull and
 * audit).
 */
async function everything(h: ReturnType<typeof harness>, token: string, spaceId: string) {
  const snap = await h.call('GET', `/v1/spaces/${spaceId}/snapshot?limit=1000`, { token });
  expect(snap.status).toBe(200);
  expect(snap.json.next).toBeNull();
  const audit = await h.call('GET', `/v1/spaces/${spaceId}/audit?format=json&section=changes`, { token });
  expect(audit.status).toBe(200);
  const pull = await h.call('GET', `/v1/spaces/${spaceId}/pull?limit=1000`, { token });
  expect(pull.status).toBe(200);
  expect(pull.json.more).toBe(false);
  return {
    snapshot: (snap.json as SnapshotResponse).records,
    audit: audit.json as AuditEntry[],
    pull: (pull.json as PullResponse).changes,
  };
}
