/**
 * CPU time, from /proc (Linux): what a process has used, what the whole machine has, so a load figure can say
 * where its cores went (the server, PostgreSQL, the load generator, or work outside the bench).
 */
import { readFileSync } from 'node:fs';

/** /proc counts in clock ticks of 1/100 s (USER_HZ) on Linux. */
const TICK_MS = 10;

/** CPU time (user + system, ms) a process has used so far; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: state is the 1st, utime the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The parent pid of a process, or null once it is gone. */
export function parentOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return null;
  }
}

/** Busy (not idle, not waiting on I/O) CPU time of the whole machine so far, ms summed over its cores. */
export function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal (guest time is counted in user already)
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
}

/** CPU time used so far by the bench process itself (the load generator runs in it), ms. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Named CPU counters (cumulative ms), read before and after each measured run. */
export type CpuMeter = () => Record<string, number> | Promise<Record<string, number>>;

/** What a meter saw over some runs: CPU µs per request and cores kept busy, by counter. */
export interface CpuSpent {
  perRequestUs: Record<string, number>;
  cores: Record<string, number>;
}
