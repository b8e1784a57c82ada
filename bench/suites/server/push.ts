/**
 * sync.push-1000: one HTTP push of fresh changes to the real server, timed from the request to the parsed ack;
 * the baseline writes the same rows with bare better-sqlite3 in this process. Also the growth series by batch size.
 * sync.push-1000-postgres: the same pushes to the server on PostgreSQL, beside the SQLite server's.
 */
import { join } from 'node:path';
import { PROTOCOL_VERSION, type Change, type PushResponse } from '../../../shared/sync/protocol';
import { POSTGRES_SETUP } from '../../lib/postgres';
import { measure } from '../../lib/stats';
import type { BenchContext, Figure, Series, Summary } from '../../lib/types';
import { bareChangeLog } from './bare-sqlite';
import { freshChanges } from './fresh-changes';
import { post } from './http';
import type { SeededServer } from './pull';

export interface Pushes {
  sizes: number[];
  /** One summary per size. */
  timed: Summary[];
  /** Of the largest push: its JSON and the records it touches. */
  bytes: number;
  records: number;
  /** Changes in the space before the pushes. */
  before: number;
}

/** Pushes of 100, 500 and 1,000 fresh changes (100 in quick mode), `ctx.runs` of each after `ctx.warmup`. */
export async function measurePushes(ctx: BenchContext, { base, seeded }: SeededServer, store: string) {
  const sizes = ctx.quick ? [100] : [100, 500, 1000];
  const fresh = freshChanges('bench-push');
  const opts = { runs: ctx.runs, warmup: ctx.warmup };
  let seq = 0;
  let body = '';
  let bytes = 0;
  let records = 0;
  const timed: Summary[] = [];
  for (const size of sizes) {
    timed.push(
      await measure(
        async () => {
          const ack = await post<PushResponse>(base, `/v1/spaces/${seeded.space}/push`, body, seeded.editorToken);
          if (ack.ackedSeq !== seq) throw new Error(`push ${seq} acked as ${ack.ackedSeq}`);
        },
        {
          ...opts,
          // Built and serialised outside the timing: the figure is the server's round trip, not the client's JSON.
          setup: () => {
            const changes = fresh(size);
            body = JSON.stringify({ protocol: PROTOCOL_VERSION, replicaId: 'bench-push', seq: ++seq, changes });
            bytes = body.length;
            records = new Set(changes.map((c) => c.id)).size;
          },
        },
      ),
    );
    ctx.log(`push of ${size} changes (${store}): median ${timed.at(-1)!.median.toFixed(1)} ms`);
  }
  return { sizes, timed, bytes, records, before: seeded.changes } satisfies Pushes;
}

function describePush(p: Pushes): string {
  return (
    `One POST /v1/spaces/:space/push of ${p.sizes.at(-1)} new changes (every field of ${p.records} new items and ` +
    `captures, ${Math.round(p.bytes / 1024)} kB of JSON; new ids and seq each run) over a kept-alive connection, ` +
    `from request to parsed ack, into a space already holding ${p.before.toLocaleString('en')} changes.`
  );
}

function growth(id: string, title: string, p: Pushes): Series {
  return {
    id,
    title,
    xLabel: 'changes in the push',
    unit: 'ms',
    points: p.sizes.map((n, i) => ({
      x: n,
      label: `${n}`,
      median: p.timed[i]!.median,
      min: p.timed[i]!.min,
      max: p.timed[i]!.max,
    })),
  };
}

/** The SQLite server's push figure and growth, against the same rows through bare better-sqlite3. */
export async function pushFigures(ctx: BenchContext, server: SeededServer) {
  const pushes = await measurePushes(ctx, server, 'SQLite');
  const size = pushes.sizes.at(-1)!;
  const fresh = freshChanges('bench-push');
  const bare = bareChangeLog(join(ctx.tmp, 'bare-changes.sqlite'));
  let rows: Change[] = [];
  const baseline = await measure(() => bare.write(rows), {
    runs: ctx.runs,
    warmup: ctx.warmup,
    setup: () => (rows = fresh(size)),
  });
  bare.close();

  const figure: Figure = {
    id: 'sync.push-1000',
    area: 'sync',
    name: 'push of 1,000 changes',
    unit: 'ms',
    result: pushes.timed.at(-1)!,
    baseline: { name: 'the same rows through bare better-sqlite3', result: baseline },
    target: { op: '<=', value: 200 },
    note:
      `${describePush(pushes)} The server ` +
      'checks every change, writes the log, merges the records and the ack in one transaction (synchronous = FULL). ' +
      'Baseline: the same rows inserted into the same table and pragmas in one transaction, no HTTP.',
  };
  return { figure, series: growth('server.push-growth', 'Push time against batch size', pushes), pushes };
}

/**
 * From the push's store calls timed one by one in-process (applyBatch on a durable cluster, 1,000-change pushes
 * into a 38,100-change space, quiet machine) and EXPLAIN ANALYZE of the log insert.
 */
const WHERE_PUSH_TIME_GOES_PG =
  'Where the time goes (the store calls timed in-process, median ≈ 74 ms a push): the log insert ≈ 47 ms, of ' +
  'which PostgreSQL executes ≈ 20–30 ms, about half of it checking each row’s foreign key to its space, the rest ' +
  'sending and parsing the 1,000 rows; reading the touched records ≈ 5 ms, upserting them ≈ 7 ms, the commit ' +
  '(fsync) ≈ 4 ms, seven other statements ≈ 0.5 ms each; HTTP, authentication, the replica check and parsing the ' +
  'rest. The log insert sends one array per column (12 parameters): as one multi-row VALUES (13,000 parameters) ' +
  'the same insert and commit took 1.2–1.4× as long (52 against 36 ms, then 67 against 55 ms, in turns).';

/** The PostgreSQL server's push figure and growth, beside the SQLite server's pushes measured just before. */
export async function pushFiguresPostgres(ctx: BenchContext, server: SeededServer, sqlite: Pushes) {
  const pushes = await measurePushes(ctx, server, 'PostgreSQL');
  const figure: Figure = {
    id: 'sync.push-1000-postgres',
    area: 'sync',
    name: 'push of 1,000 changes, on PostgreSQL',
    unit: 'ms',
    result: pushes.timed.at(-1)!,
    baseline: { name: 'the same push to the server on SQLite', result: sqlite.timed.at(-1)! },
    target: { op: '<=', value: 100 },
    note:
      `${describePush(pushes)} The same pushes as the SQLite figure's (measured just before, in this run), to a ` +
      `server started with --database-url. ${POSTGRES_SETUP} The push runs in one transaction: the space's seq ` +
      `row locked, the retry check, the seqs taken, the log rows in one INSERT, the touched records read, ` +
      `merged and upserted in one statement, the space's use and the ack; then the commit. ` +
      WHERE_PUSH_TIME_GOES_PG,
  };
  return {
    figure,
    series: growth('server.push-growth-postgres', 'Push time against batch size, on PostgreSQL', pushes),
  };
}
