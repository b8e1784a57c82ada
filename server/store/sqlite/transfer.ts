import type Database from 'better-sqlite3';
import { DUMP_FORMAT, DUMP_VERSION, type DumpToken, type DumpUser, namedUsers, type SpaceDump } from '../dump';
import { hashDumpLog } from '../dump-ledger';
import {
  BLOB_COLUMNS,
  type BlobRow,
  columnsOf,
  planImport,
  replicasOf,
  signingKeysOf,
  SPACE_ROWS,
  type SpaceRows,
} from '../transfer';
import type { SyncStore } from '../types';
import type { Synchronous } from './promised';

type UserRow = Omit<DumpUser, 'server_owner' | 'may_create_spaces'> & {
  server_owner: number;
  may_create_spaces: number;
};
const toUser = (r: UserRow): DumpUser => ({
  ...r,
  server_owner: r.server_owner === 1,
  may_create_spaces: r.may_create_spaces === 1,
});
const toRow = (u: DumpUser): UserRow => ({
  ...u,
  server_owner: +u.server_owner,
  may_create_spaces: +u.may_create_spaces,
});

type SpaceRow = {
  id: string;
  name: string;
  created_at: string;
  members: number;
  records: number;
  bytes: number;
  changes: number;
};
type TransferPart = Synchronous<Pick<SyncStore, 'listSpaces' | 'exportSpace' | 'importSpace'>>;

/**
 * A space's dump (../dump.ts) out of and into SQLite. Its counters need no rows of their own here: the next seq is
 * the last logged one plus one, the use the space row's running total. Export reads in one transaction (one
 * snapshot, even beside a running server); import writes in one, taking the write lock first.
 */
export function transferPart(db: Database.Database, onAccessChange: () => void): TransferPart {
  // A token from before last use was kept (schema 3 filled it in) counts as used when made, as ./people.ts reads it.
  const expr = (col: string) => (col === 'last_used_at' ? 'COALESCE(last_used_at, created_at) AS last_used_at' : col);
  const select = (table: string, cols: string[], where: string, order = '') =>
    db.prepare<unknown[], unknown>(
      `SELECT ${cols.map(expr).join(', ')} FROM ${table} WHERE ${where}${order && ` ORDER BY ${order}`}`,
    );
  const insert = (table: string, cols: string[]) => {
    const stmt = db.prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    );
    return (rows: object[], extra: object = {}) => rows.forEach((r) => stmt.run({ ...r, ...extra }));
  };
  const rowsOf = Object.fromEntries(
    Object.entries(SPACE_ROWS).map(([list, how]) => {
      const order = [...how.order, ...('inserted' in how ? ['rowid'] : [])].join(', ');
      const cols = columnsOf(list as SpaceRows);
      return [list, { read: select(list, cols, 'space_id = ?', order), write: insert(list, [...cols, 'space_id']) }];
    }),
  ) as Record<SpaceRows, { read: Database.Statement<[string], unknown>; write: ReturnType<typeof insert> }>;
  const byId = (table: string, list: 'users' | 'tokens' | 'replicas' | 'signing_keys', key: string) => {
    const stmt = select(table, columnsOf(list), `${key} = ?`, list === 'tokens' ? 'created_at, id' : '');
    return <R>(ids: Iterable<string>) => [...ids].flatMap((id) => stmt.all(id) as R[]);
  };
  const find = {
    users: byId('users', 'users', 'id'),
    tokensOf: byId('tokens', 'tokens', 'user_id'),
    replicas: byId('replicas', 'replicas', 'replica_id'),
    signingKeys: byId('signing_keys', 'signing_keys', 'key_id'),
  };
  const q = {
    spaces: db.prepare<[{ id: string | null }], SpaceRow>(
      `SELECT s.id, s.name, s.created_at, s.record_count AS records, s.stored_bytes AS bytes,
              (SELECT COUNT(*) FROM members m WHERE m.space_id = s.id) AS members,
              (SELECT COALESCE(MAX(seq), 0) FROM changes c WHERE c.space_id = s.id) AS changes
       FROM spaces s WHERE @id IS NULL OR s.id = @id ORDER BY s.created_at, s.id`,
    ),
    token: select('tokens', columnsOf('tokens'), 'id = ? OR hash = ?'),
    invite: db.prepare<[string], { code_hash: string }>('SELECT code_hash FROM invites WHERE code_hash = ?'),
    updateToken: db.prepare('UPDATE tokens SET revoked_at = ?, last_used_at = ? WHERE id = ?'),
    blobs: db.prepare<[string], BlobRow & { data: Buffer }>(
      `SELECT ${BLOB_COLUMNS.join(', ')} FROM blobs WHERE space_id = ? ORDER BY sha256`,
    ),
    putSigningKey: db.prepare(
      'INSERT OR IGNORE INTO signing_keys (key_id, public_key, created_at) VALUES (@key_id, @public_key, @created_at)',
    ),
    setLeafHash: db.prepare('UPDATE changes SET leaf_hash = ? WHERE space_id = ? AND seq = ?'),
    putFrontier: db.prepare('INSERT INTO ledgers (space_id, size, nodes) VALUES (?, ?, ?)'),
    putBlock: db.prepare('INSERT INTO ledger_blocks (space_id, block, root) VALUES (?, ?, ?)'),
    putBlob: db.prepare(
      `INSERT INTO blobs (space_id, ${BLOB_COLUMNS.join(', ')}) VALUES (@space_id, ${BLOB_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
  };
  const put = {
    space: insert('spaces', ['id', 'name', 'created_at', 'record_count', 'stored_bytes']),
    users: insert('users', columnsOf('users')),
    tokens: insert('tokens', columnsOf('tokens')),
    replicas: insert('replicas', columnsOf('replicas')),
  };

  const exportSpace = db.transaction((spaceId: string, now: string): SpaceDump | null => {
    const space = q.spaces.get({ id: spaceId });
    if (!space) return null;
    const rows = Object.fromEntries(
      Object.entries(rowsOf).map(([list, { read }]) => [list, read.all(spaceId)]),
    ) as Pick<SpaceDump, SpaceRows>;
    const blobs = q.blobs.all(spaceId).map((b) => ({ ...b, data: b.data.toString('base64') }));
    const replicas = find.replicas<SpaceDump['replicas'][number]>(replicasOf(rows));
    const users = find.users<UserRow>(namedUsers({ ...rows, replicas, blobs })).map(toUser);
    return {
      ...{ format: DUMP_FORMAT, version: DUMP_VERSION, exported_at: now, source: 'sqlite' },
      space: { id: space.id, name: space.name, created_at: space.created_at },
      next_seq: space.changes + 1,
      usage: { records: space.records, bytes: space.bytes },
      users,
      tokens: find.tokensOf(users.map((u) => u.id)),
      replicas,
      ...rows,
      signing_keys: find.signingKeys(signingKeysOf(rows)),
      blobs,
    };
  });

  const importSpace = db.transaction((dump: SpaceDump) => {
    const decided = planImport(dump, {
      space: q.spaces.get({ id: dump.space.id }) !== undefined,
      users: find.users<UserRow>(dump.users.map((u) => u.id)).map(toUser),
      tokens: dump.tokens.flatMap((t) => q.token.all(t.id, t.hash) as DumpToken[]),
      replicas: find.replicas(dump.replicas.map((r) => r.replica_id)),
      inviteHashes: dump.invites.flatMap((i) => q.invite.all(i.code_hash)).map((i) => i.code_hash),
    });
    if (!decided.ok) return decided;
    const { plan } = decided;
    put.users(plan.users.map(toRow));
    put.tokens(plan.tokens);
    for (const t of plan.updatedTokens) q.updateToken.run(t.revoked_at, t.last_used_at, t.id);
    put.replicas(plan.replicas);
    put.space([{ ...dump.space, record_count: dump.usage.records, stored_bytes: dump.usage.bytes }]);
    for (const key of dump.signing_keys) q.putSigningKey.run(key);
    for (const [list, { write }] of Object.entries(rowsOf)) write(dump[list as SpaceRows], { space_id: dump.space.id });
    // The Merkle log is recomputed from the changes, never read from the file.
    const { hashes, frontier, blocks } = hashDumpLog(dump);
    dump.changes.forEach((c, i) => q.setLeafHash.run(hashes[i], dump.space.id, c.seq));
    for (const b of blocks) q.putBlock.run(dump.space.id, b.index, b.root);
    const state = frontier.state();
    if (state.size > 0) q.putFrontier.run(dump.space.id, state.size, JSON.stringify(state.nodes));
    for (const b of dump.blobs) q.putBlob.run({ ...b, data: Buffer.from(b.data, 'base64'), space_id: dump.space.id });
    if (plan.updatedTokens.length > 0) onAccessChange();
    return { ok: true as const };
  });

  return {
    listSpaces: () =>
      q.spaces.all({ id: null }).map((s) => ({
        id: s.id,
        name: s.name,
        createdAt: s.created_at,
        members: s.members,
        records: s.records,
        changes: s.changes,
      })),
    exportSpace: (spaceId, now) => exportSpace(spaceId, now),
    importSpace: (dump) => importSpace.immediate(dump),
  };
}
