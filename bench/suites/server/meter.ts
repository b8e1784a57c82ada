/** Where a load run's CPU went: the server processes, PostgreSQL, the load generator, and work outside the bench. */
import { type CpuMeter, type CpuSpent, machineBusyMs, processCpuMs, selfCpuMs } from '../../lib/cpu';
import { postgresCpuMs } from '../../lib/postgres';
import { formatNumber } from '../../report/format';

const GENERATOR = 'load generator';
const MACHINE = 'machine';
const POSTGRES = 'PostgreSQL';

/** Counters for the named server processes (each name may cover several pids), PostgreSQL, this process, all. */
export function cpuMeter(servers: Record<string, number[]>): CpuMeter {
  return async () => ({
    ...Object.fromEntries(
      Object.entries(servers).map(([name, pids]) => [name, pids.reduce((sum, pid) => sum + processCpuMs(pid), 0)]),
    ),
    [POSTGRES]: await postgresCpuMs(),
    [GENERATOR]: selfCpuMs(),
    [MACHINE]: machineBusyMs(),
  });
}

/**
 * "CPU a request: server 350 µs, PostgreSQL 210 µs, load generator 60 µs; cores busy: … of 2, 0.3 on work
 * outside the bench", for the counters named in `parts` (a server, PostgreSQL, the generator).
 */
export function describeCpu(spent: CpuSpent | undefined, parts: string[], cores: number): string {
  if (!spent) return '';
  const shown = [...parts, GENERATOR].filter((p) => spent.perRequestUs[p] !== undefined);
  const ours = Object.keys(spent.cores)
    .filter((k) => k !== MACHINE)
    .reduce((sum, k) => sum + spent.cores[k]!, 0);
  const outside = Math.max(0, (spent.cores[MACHINE] ?? ours) - ours);
  return (
    `CPU per answer: ${shown.map((p) => `${p} ${formatNumber(spent.perRequestUs[p]!)} µs`).join(', ')}; cores ` +
    `busy: ${shown.map((p) => `${p} ${formatNumber(spent.cores[p]!)}`).join(', ')} of ${cores}, and ` +
    `${formatNumber(outside)} on work outside the bench.`
  );
}

export const POSTGRES_CPU = POSTGRES;
