/**
 * sync.push-1000: one HTTP push of fresh changes to the real server, timed from the request to the parsed ack;
 * the baseline writes the same rows with bare better-sqlite3 in this process. Also the growth series by batch size.
 */
import { join } from 'node:path';
import { PROTOCOL_VERSION, type Change, type PushResponse } from '../../../shared/sync/protocol';
import type { SeededSpace } from '../../data/changes';
import { measure } from '../../lib/stats';
import type { BenchContext, Figure, Series, Summary } from '../../lib/types';
import { bareChangeLog } from './bare-sqlite';
import { freshChanges } from './fresh-changes';
import { post } from './http';

export async function pushFigures(ctx: BenchContext, base: string, seeded: SeededSpace) {
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
    ctx.log(`push of ${size} changes: median ${timed.at(-1)!.median.toFixed(1)} ms`);
  }
  const size = sizes.at(-1)!;
  const bare = bareChangeLog(join(ctx.tmp, 'bare-changes.sqlite'));
  let rows: Change[] = [];
  const baseline = await measure(() => bare.write(rows), { ...opts, setup: () => (rows = fresh(size)) });
  bare.close();

  const figure: Figure = {
    id: 'sync.push-1000',
    area: 'sync',
    name: 'push of 1,000 changes',
    unit: 'ms',
    result: timed.at(-1)!,
    baseline: { name: 'the same rows through bare better-sqlite3', result: baseline },
    target: { op: '<=', value: 200 },
    note:
      `One POST /v1/spaces/:space/push of ${size} new changes (every field of ${records} new items and captures, ` +
      `${Math.round(bytes / 1024)} kB of JSON; new ids and seq each run) over a kept-alive connection, from request to ` +
      `parsed ack, into a space already holding ${seeded.changes.toLocaleString('en')} changes. The server ` +
      'checks every change, writes the log, merges the records and the ack in one transaction (synchronous = FULL). ' +
      'Baseline: the same rows inserted into the same table and pragmas in one transaction, no HTTP.',
  };
  const series: Series = {
    id: 'server.push-growth',
    title: 'Push time against batch size',
    xLabel: 'changes in the push',
    unit: 'ms',
    points: sizes.map((n, i) => ({
      x: n,
      label: `${n}`,
      median: timed[i]!.median,
      min: timed[i]!.min,
      max: timed[i]!.max,
    })),
  };
  return { figure, series };
}
