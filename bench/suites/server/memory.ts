/** server.memory-100k: the server process's resident memory once its store holds 100,000 changes. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION, type PushResponse } from '../../../shared/sync/protocol';
import { startSyncServer } from '../../../test/support/sync-server';
import { batches, logToChanges, seedSpace } from '../../data/changes';
import { generateLog } from '../../data/log';
import { summarize } from '../../lib/stats';
import type { BenchContext, Figure } from '../../lib/types';
import { pause, post } from './http';

/** kB → MB from /proc/<pid>/status (Linux). */
function statusMb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${key} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

const dirMb = (dir: string) =>
  readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / (1024 * 1024);

export async function memoryFigure(ctx: BenchContext): Promise<Figure> {
  const total = ctx.quick ? 10_000 : 100_000;
  // A realistic mix of clients, vendors, meetings, items and captures: an item and its capture are 35 changes.
  const changes = logToChanges(generateLog({ items: Math.ceil(total / 35), seed: 11 }), 'bench-memory').slice(0, total);
  if (changes.length < total) throw new Error(`the generated log holds only ${changes.length} changes`);
  const server = await startSyncServer();
  try {
    const seeded = await seedSpace(server.url, server.setupCode, null);
    const startMb = statusMb(server.pid, 'VmRSS');
    let seq = 0;
    for (const batch of batches(changes)) {
      await post<PushResponse>(
        server.url,
        `/v1/spaces/${seeded.space}/push`,
        { protocol: PROTOCOL_VERSION, replicaId: 'bench-memory', seq: ++seq, changes: batch },
        seeded.ownerToken,
      );
    }
    await pause(1000);
    const readings: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      if (i) await pause(500);
      readings.push(statusMb(server.pid, 'VmRSS'));
    }
    const result = summarize(readings);
    ctx.log(`memory at ${total} changes: ${result.median.toFixed(0)} MB RSS`);
    return {
      id: 'server.memory-100k',
      area: 'server',
      name: `memory at ${total.toLocaleString('en')} stored changes`,
      unit: 'MB',
      result,
      note:
        `Resident set (VmRSS) of the server process after ${seq} pushes of up to 1,000 changes ` +
        `(${total.toLocaleString('en')} changes, ${(JSON.stringify(changes).length / 1024 / 1024).toFixed(0)} MB ` +
        `of JSON), a 1 s pause, then ${ctx.runs} readings 0.5 s apart (one process, so the spread is only drift). ` +
        `${startMb.toFixed(0)} MB right after start; peak ${statusMb(server.pid, 'VmHWM').toFixed(0)} MB. ` +
        `SQLite data dir: ${dirMb(server.dataDir).toFixed(1)} MB (database, WAL and shared memory).`,
    };
  } finally {
    await server.stop();
  }
}
