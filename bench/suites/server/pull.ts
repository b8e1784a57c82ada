/**
 * server.pull-rps / server.pull-p99: 50 clients (one connection and one token each) pulling at once, as caught-up
 * replicas do after a teammate's edit; baseline: a bare Hono app answering the same path with the same body.
 * The same load on the server over PostgreSQL (server.pull-*-postgres), in the same alternation, and, as
 * information, the same load asking for full pages of 500 changes (a replica catching up).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCursor } from '../../../shared/sync/cursor';
import type { PullResponse } from '../../../shared/sync/protocol';
import type { SeededSpace } from '../../data/changes';
import { POSTGRES_SETUP } from '../../lib/postgres';
import type { BenchContext, Figure } from '../../lib/types';
import { formatNumber } from '../../report/format';
import { freePort } from '../../../test/support/sync-server';
import { startNode } from './child';
import { getText, moreMembers } from './http';
import { type LoadShape, type LoadTarget, loadRuns, loadShape } from './load';
import { cpuMeter, describeCpu, POSTGRES_CPU } from './meter';

const SQLITE_SERVER = 'SQLite server';
const PG_SERVER = 'server on PostgreSQL';

const BEHIND = 5;
const PAGE = 500;

/** A running server whose space was seeded with the bench log. */
export interface SeededServer {
  base: string;
  pid: number;
  seeded: SeededSpace;
}

/** A server ready to be loaded: one token per connection, the caught-up and full-page pull URLs. */
export interface PullTarget extends SeededServer {
  tokens: string[];
  caughtUp: string;
  fullPage: string;
  /** The caught-up answer, as the server gives it. */
  body: string;
}

export async function pullTarget(ctx: BenchContext, server: SeededServer): Promise<PullTarget> {
  const { base, seeded } = server;
  const shape = loadShape(ctx);
  const tokens = [
    seeded.ownerToken,
    seeded.editorToken,
    ...(await moreMembers(base, seeded.space, seeded.ownerToken, shape.connections - 2)),
  ];
  const pullUrl = (behind: number) =>
    `${base}/v1/spaces/${seeded.space}/pull?cursor=${encodeCursor({ seq: seeded.changes - behind, space: seeded.space })}&limit=${PAGE}`;
  const caughtUp = pullUrl(BEHIND);
  const body = await getText(caughtUp, seeded.ownerToken);
  if ((JSON.parse(body) as PullResponse).changes.length !== BEHIND) throw new Error(`pull did not return ${BEHIND}`);
  return { ...server, tokens, caughtUp, fullPage: pullUrl(PAGE), body };
}

/** The caught-up pull against one server (one autocannon instance, the shape's connections). */
export const caughtUpLoad = (t: PullTarget): LoadTarget => ({ url: t.caughtUp, tokens: t.tokens });

/** What every pull figure's note says about the load. */
export function describeLoad(shape: LoadShape): string {
  return (
    `${shape.connections} connections, one token (member) each, for ${shape.seconds} s a run (autocannon, in the ` +
    `bench process, sharing the machine's cores with the server); the rate limit stays on at its defaults.`
  );
}

export function describeRequest(t: PullTarget): string {
  return (
    `GET /v1/spaces/:space/pull?cursor=…&limit=${PAGE} from ${BEHIND} changes behind the head of a ` +
    `${t.seeded.changes.toLocaleString('en')}-change log (a caught-up replica after a teammate's edit): ` +
    `${BEHIND} changes, ${(t.body.length / 1024).toFixed(1)} kB of JSON.`
  );
}

/**
 * The caught-up load on the SQLite server, on the PostgreSQL one when given, and on the bare Hono baseline, runs
 * alternated; then full pages on SQLite.
 */
export async function pullFigures(ctx: BenchContext, sqlite: PullTarget, pg?: PullTarget): Promise<Figure[]> {
  const shape = loadShape(ctx);
  const cores = cpus().length;
  const bodyFile = join(ctx.tmp, 'pull-body.json');
  writeFileSync(bodyFile, sqlite.body);

  const port = await freePort();
  const bare = await startNode({
    script: fileURLToPath(new URL('./bare-hono.ts', import.meta.url)),
    args: [String(port), bodyFile],
    ready: /bare hono on/,
  });
  let real, baseline, onPg;
  try {
    const bareUrl = sqlite.caughtUp.replace(sqlite.base, `http://127.0.0.1:${port}`);
    const meter = cpuMeter({
      [SQLITE_SERVER]: [sqlite.pid],
      ...(pg && { [PG_SERVER]: [pg.pid] }),
      'bare Hono': [bare.pid],
    });
    const results = await loadRuns(
      ctx,
      [caughtUpLoad(sqlite), ...(pg ? [caughtUpLoad(pg)] : []), { url: bareUrl, tokens: sqlite.tokens }],
      shape,
      meter,
    );
    real = results[0]!;
    baseline = results.at(-1)!;
    if (pg) onPg = results[1]!;
  } finally {
    await bare.stop();
  }
  ctx.log(`pull: ${real.rps.median.toFixed(0)} req/s, p99 ${real.p99.median} ms`);
  if (onPg) ctx.log(`pull on PostgreSQL: ${onPg.rps.median.toFixed(0)} req/s, p99 ${onPg.p99.median} ms`);

  const pageBytes = (await getText(sqlite.fullPage, sqlite.seeded.ownerToken)).length;
  const [page] = await loadRuns(ctx, [{ url: sqlite.fullPage, tokens: sqlite.tokens }], shape);

  const load = describeLoad(shape);
  const request = describeRequest(sqlite);
  const bareName = 'bare Hono handler, same path and body';
  const errors = real.errors ? ` ${real.errors} connection errors.` : '';
  const figures: Figure[] = [
    {
      id: 'server.pull-rps',
      area: 'server',
      name: `${shape.connections} concurrent clients pulling: throughput`,
      unit: 'req/s',
      result: real.rps,
      baseline: { name: bareName, result: baseline.rps },
      target: { op: '>=', value: 2000 },
      note: `${request} ${load} Successful answers per second. ${describeCpu(real.cpu, [SQLITE_SERVER], cores)}${errors}`,
    },
    {
      id: 'server.pull-p99',
      area: 'server',
      name: `${shape.connections} concurrent clients pulling: p99 latency`,
      unit: 'ms',
      result: real.p99,
      baseline: { name: bareName, result: baseline.p99 },
      target: { op: '<=', value: 50 },
      note: `${request} ${load} The 99th percentile of each run's latencies; the figure is their median.`,
    },
  ];
  if (pg && onPg) {
    const beside =
      `The same load in the same alternation (SQLite server, this one, bare Hono, in turn): the SQLite server ` +
      `${formatNumber(real.rps.median)} req/s (this one ×${formatNumber(onPg.rps.median / real.rps.median)}), ` +
      `p99 ${formatNumber(real.p99.median)} ms. ${POSTGRES_SETUP} Per pull the server asks PostgreSQL three ` +
      `queries, one after the other: the token and its user, the membership, the log rows. ` +
      describeCpu(onPg.cpu, [PG_SERVER, POSTGRES_CPU], cores) +
      ` (SQLite: ${formatNumber(real.cpu?.perRequestUs[SQLITE_SERVER] ?? NaN)} µs in its server process.)`;
    const pgErrors = onPg.errors ? ` ${onPg.errors} connection errors.` : '';
    figures.push(
      {
        id: 'server.pull-rps-postgres',
        area: 'server',
        name: `${shape.connections} concurrent clients pulling, on PostgreSQL: throughput`,
        unit: 'req/s',
        result: onPg.rps,
        baseline: { name: bareName, result: baseline.rps },
        ratioFloor: 0.15,
        note: `${describeRequest(pg)} ${load} Successful answers per second. ${beside}${pgErrors}`,
      },
      {
        id: 'server.pull-p99-postgres',
        area: 'server',
        name: `${shape.connections} concurrent clients pulling, on PostgreSQL: p99 latency`,
        unit: 'ms',
        result: onPg.p99,
        baseline: { name: bareName, result: baseline.p99 },
        target: { op: '<=', value: 50 },
        note: `${describeRequest(pg)} ${load} The 99th percentile of each run's latencies; the figure is their median. ${beside}`,
      },
    );
  }
  figures.push({
    id: 'server.pull-page-rps',
    area: 'server',
    name: `${shape.connections} concurrent clients pulling full pages: throughput`,
    unit: 'req/s',
    result: page!.rps,
    note:
      `The same load asking for a full page: ${PAGE} changes, ${(pageBytes / 1024).toFixed(0)} kB of JSON ` +
      `(a replica catching up). p99 latency: median ${page!.p99.median} ms (${page!.p99.min}–${page!.p99.max}).`,
  });
  return figures;
}
