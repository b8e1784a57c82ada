/**
 * server.pull-rps-two-processes: the caught-up pull load on two server processes sharing one PostgreSQL database,
 * against the same load on one of them. Both sides are loaded by the same two autocannon instances in the bench
 * process, started together with half the connections each: on one process both aim at its port, on two
 * processes each aims at one; the only difference is where the second half of the connections lands.
 */
import { cpus } from 'node:os';
import { POSTGRES_SETUP } from '../../lib/postgres';
import type { BenchContext, Figure } from '../../lib/types';
import { formatNumber } from '../../report/format';
import { loadRuns, loadShape } from './load';
import { cpuMeter, describeCpu, POSTGRES_CPU } from './meter';
import { describeRequest, type PullTarget } from './pull';

const SERVERS = 'server processes';

export async function twoProcessFigure(
  ctx: BenchContext,
  first: PullTarget,
  second: { base: string; pid: number },
): Promise<Figure> {
  const shape = loadShape(ctx);
  const half = Math.floor(shape.connections / 2);
  const a = { url: first.caughtUp, tokens: first.tokens.slice(0, half) };
  const b = { url: first.caughtUp, tokens: first.tokens.slice(half) };
  const onSecond = { ...b, url: first.caughtUp.replace(first.base, second.base) };
  const meter = cpuMeter({ [SERVERS]: [first.pid, second.pid] });
  const targets = [
    [a, b],
    [a, onSecond],
  ];
  const [one, two] = await loadRuns(ctx, targets, shape, meter);
  ctx.log(
    `pull on PostgreSQL: one process ${one!.rps.median.toFixed(0)} req/s, two ${two!.rps.median.toFixed(0)} req/s`,
  );
  const cores = cpus().length;
  return {
    id: 'server.pull-rps-two-processes',
    area: 'server',
    name: `${shape.connections} concurrent clients pulling, two processes on one PostgreSQL (${cores} cores): throughput`,
    unit: 'req/s',
    result: two!.rps,
    baseline: { name: 'one process, same load', result: one!.rps },
    ratioFloor: 1.3,
    note:
      `${describeRequest(first)} Two server processes on one database against one of them. ${POSTGRES_SETUP} ` +
      `${shape.connections} connections, one token each, for ${shape.seconds} s a run, from two ` +
      `autocannon instances in the bench process started together with ${half} connections each: on one process ` +
      `both aim at it, on two each aims at one process (what a round-robin proxy would do, without the proxy), so ` +
      `the load generator is the same on both sides. Runs alternate one and two. Answers per second add up over ` +
      `the two instances. The machine has ${cores} cores, shared by the server processes, PostgreSQL's backends ` +
      `and the load generator: two processes can use at most what the others leave. p99 latency (the higher of ` +
      `the two instances'): one process ${formatNumber(one!.p99.median)} ms, two ${formatNumber(two!.p99.median)} ms. ` +
      `One process: ${describeCpu(one!.cpu, [SERVERS, POSTGRES_CPU], cores)} Two: ` +
      describeCpu(two!.cpu, [SERVERS, POSTGRES_CPU], cores) +
      (one!.errors + two!.errors ? ` ${one!.errors + two!.errors} connection errors.` : ''),
  };
}
