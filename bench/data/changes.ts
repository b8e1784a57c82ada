/**
 * A generated log as the sync changes a replica would push for it (every field of every record, as new records
 * produce), in server-sized batches, and the calls that seed a real server's space with it.
 */
import { diffToChanges } from '../../shared/sync/changes';
import { formatHlc } from '../../shared/sync/hlc';
import type { Change, PushResponse, SyncTable } from '../../shared/sync/protocol';
import type { Log } from './log';

const TABLES: [SyncTable, keyof Log][] = [
  ['clients', 'clients'],
  ['vendors', 'vendors'],
  ['meetings', 'meetings'],
  ['items', 'items'],
  ['captures', 'captures'],
];

/** Every field of every record, stamped in order by one replica (`node`) from `startMs` (near now: skew is checked). */
export function logToChanges(log: Log, node: string, startMs = Date.now() - 60_000): Change[] {
  let counter = 0;
  const hlcFor = () => formatHlc({ ms: startMs + Math.floor(counter / 10_000), counter: counter++ % 10_000, node });
  return TABLES.flatMap(([table, key]) =>
    (log[key] as { id: string }[]).flatMap((record) =>
      diffToChanges(table, record.id, null, record, hlcFor, () => null),
    ),
  );
}

export function batches<T>(list: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function call<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface SeededSpace {
  space: string;
  ownerToken: string;
  editorToken: string;
  /** Changes stored in the space. */
  changes: number;
}

/** Signs in the owner with the setup code, makes a space, invites an editor, and pushes `log` into it. */
export async function seedSpace(base: string, setupCode: string, log: Log | null): Promise<SeededSpace> {
  const owner = (await call<{ token: string }>(base, '/v1/setup', { code: setupCode, name: 'Alice Martin' })).token;
  const space = (await call<{ id: string }>(base, '/v1/spaces', { name: 'Bench space' }, owner)).id;
  const { code } = await call<{ code: string }>(
    base,
    `/v1/spaces/${space}/invites`,
    { role: 'editor', expiresInHours: 24 },
    owner,
  );
  const editor = (await call<{ token: string }>(base, `/v1/invites/${code}/accept`, { name: 'Bob Tremblay' })).token;
  const changes = log ? logToChanges(log, 'bench-seed') : [];
  let seq = 0;
  for (const batch of batches(changes)) {
    await call<PushResponse>(
      base,
      `/v1/spaces/${space}/push`,
      { protocol: 1, replicaId: 'bench-seed', seq: ++seq, changes: batch },
      owner,
    );
  }
  return { space, ownerToken: owner, editorToken: editor, changes: changes.length };
}
