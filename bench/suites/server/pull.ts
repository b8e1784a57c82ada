/**
 * server.pull-rps / server.pull-p99: 50 clients (one connection and one token each) pulling at once, as caught-up
 * replicas do after a teammate's edit; baseline: a bare Hono app answering the same path with the same body.
 * Also, as information, the same load asking for full pages of 500 changes (a replica catching up).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCursor } from '../../../shared/sync/cursor';
import type { PullResponse } from '../../../shared/sync/protocol';
import type { SeededSpace } from '../../data/changes';
import type { BenchContext, Figure } from '../../lib/types';
import { freePort } from '../../../test/support/sync-server';
import { startNode } from './child';
import { getText, moreMembers } from './http';
import { loadRuns, loadShape } from './load';

const BEHIND = 5;
const PAGE = 500;

export async function pullFigures(ctx: BenchContext, base: string, seeded: SeededSpace): Promise<Figure[]> {
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
  const bodyFile = join(ctx.tmp, 'pull-body.json');
  writeFileSync(bodyFile, body);

  const port = await freePort();
  const bare = await startNode({
    script: fileURLToPath(new URL('./bare-hono.ts', import.meta.url)),
    args: [String(port), bodyFile],
    ready: /bare hono on/,
  });
  let real, baseline;
  try {
    const bareUrl = caughtUp.replace(base, `http://127.0.0.1:${port}`);
    [real, baseline] = await loadRuns(
      ctx,
      [
        { url: caughtUp, tokens },
        { url: bareUrl, tokens },
      ],
      shape,
    );
  } finally {
    await bare.stop();
  }
  ctx.log(`pull: ${real!.rps.median.toFixed(0)} req/s, p99 ${real!.p99.median} ms`);

  const fullPage = pullUrl(PAGE);
  const pageBytes = (await getText(fullPage, seeded.ownerToken)).length;
  const [page] = await loadRuns(ctx, [{ url: fullPage, tokens }], shape);

  const load =
    `${shape.connections} connections, one token (member) each, for ${shape.seconds} s a run (autocannon, in the ` +
    `bench process, sharing the machine's cores with the server); the rate limit stays on at its defaults.`;
  const request =
    `GET /v1/spaces/:space/pull?cursor=…&limit=${PAGE} from ${BEHIND} changes behind the head of a ` +
    `${seeded.changes.toLocaleString('en')}-change log (a caught-up replica after a teammate's edit): ` +
    `${BEHIND} changes, ${(body.length / 1024).toFixed(1)} kB of JSON.`;
  const bareName = 'bare Hono handler, same path and body';
  const errors = real!.errors ? ` ${real!.errors} connection errors.` : '';
  return [
    {
      id: 'server.pull-rps',
      area: 'server',
      name: `${shape.connections} concurrent clients pulling: throughput`,
      unit: 'req/s',
      result: real!.rps,
      baseline: { name: bareName, result: baseline!.rps },
      target: { op: '>=', value: 2000 },
      note: `${request} ${load} Successful answers per second.${errors}`,
    },
    {
      id: 'server.pull-p99',
      area: 'server',
      name: `${shape.connections} concurrent clients pulling: p99 latency`,
      unit: 'ms',
      result: real!.p99,
      baseline: { name: bareName, result: baseline!.p99 },
      target: { op: '<=', value: 50 },
      note: `${request} ${load} The 99th percentile of each run's latencies; the figure is their median.`,
    },
    {
      id: 'server.pull-page-rps',
      area: 'server',
      name: `${shape.connections} concurrent clients pulling full pages: throughput`,
      unit: 'req/s',
      result: page!.rps,
      note:
        `The same load asking for a full page: ${PAGE} changes, ${(pageBytes / 1024).toFixed(0)} kB of JSON ` +
        `(a replica catching up). p99 latency: median ${page!.p99.median} ms (${page!.p99.min}–${page!.p99.max}).`,
    },
  ];
}
