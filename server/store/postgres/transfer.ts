import type postgres from 'postgres';
import {
  DUMP_FORMAT,
  DUMP_VERSION,
  type DumpReplica,
  type DumpToken,
  type DumpUser,
  namedUsers,
  type SpaceDump,
} from '../dump';
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
import type { SpaceSummary, SyncStore } from '../types';
import { bumpAuthMark, type Db } from './db';
import { insertBlockRoots, setLeafHashes, writeFrontier } from './ledger';

/** Rows per insert statement. */
const CHUNK = 5000;
/** Bigint columns, which postgres.js reads back as strings. */
const BIGINT = ['seq', 'batch_seq', 'server_seq', 'size'];
const numbers = (row: Record<string, unknown>) => {
  for (const col of BIGINT) if (typeof row[col] === 'string') row[col] = Number(row[col]);
  return row;
};

/** The space's own rows of one list, in the dump's order (text compared byte-wise, as SQLite does). */
async function readRows(db: Db, list: SpaceRows, spaceId: string) {
  const how: { order: readonly string[]; inserted?: true } = SPACE_ROWS[list];
  const order = [
    ...how.order.map((c) => (BIGINT.includes(c) ? c : `${c} COLLATE "C"`)),
    ...(how.inserted ? ['id'] : []),
  ];
  const cols = columnsOf(list).join(', ');
  const rows = await db.unsafe(`SELECT ${cols} FROM ${list} WHERE space_id = $1 ORDER BY ${order.join(', ')}`, [
    spaceId,
  ]);
  return rows.map(numbers);
}

/**
 * Inserts rows, their `cols` only (`extra` adds to each row): one JSON parameter per few thousand rows, turned into
 * the table's rows by PostgreSQL (a multi-row VALUES would bind a parameter per column and row, and be parsed and
 * planned at that size). Table and column names are the dump schema's, never a file's.
 */
async function insert(db: Db, table: string, cols: string[], rows: object[], extra: object = {}) {
  const names = cols.join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map((r) => ({ ...r, ...extra }));
    await db.unsafe(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::text::json)`,
      [JSON.stringify(part)],
    );
  }
}

const pick = (list: 'users' | 'tokens' | 'replicas' | 'signing_keys') => columnsOf(list).join(', ');

type TransferPart = Pick<SyncStore, 'listSpaces' | 'exportSpace' | 'importSpace'>;

/**
 * A space's dump (../dump.ts) out of and into PostgreSQL. Export reads in one REPEATABLE READ transaction (one
 * snapshot, while servers push); import writes in one, with the space's counter rows: `space_seq` at the dump's
 * next seq (the next push continues the log with no gap) and `space_usage` at its use.
 */
export function transferPart(sql: postgres.Sql): TransferPart {
  return {
    listSpaces: async () => {
      const rows = await sql<(SpaceSummary & { created_at: string })[]>`
        SELECT s.id, s.name, s.created_at, COALESCE(u.records, 0)::float8 AS records,
               (SELECT count(*)::int FROM members m WHERE m.space_id = s.id) AS members,
               (SELECT COALESCE(max(seq), 0)::float8 FROM changes c WHERE c.space_id = s.id) AS changes
        FROM spaces s LEFT JOIN space_usage u ON u.space_id = s.id ORDER BY s.created_at COLLATE "C", s.id`;
      return rows.map(({ created_at, ...s }) => ({ ...s, createdAt: created_at }));
    },
    exportSpace: (spaceId, now) =>
      sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx): Promise<SpaceDump | null> => {
        const [space] = await tx<{ id: string; name: string; created_at: string; next_seq: string | null }[]>`
          SELECT s.id, s.name, s.created_at, q.next_seq FROM spaces s LEFT JOIN space_seq q ON q.space_id = s.id
          WHERE s.id = ${spaceId}`;
        if (!space) return null;
        const rows = {} as Pick<SpaceDump, SpaceRows>;
        for (const list of Object.keys(SPACE_ROWS) as SpaceRows[]) {
          (rows as Record<SpaceRows, unknown>)[list] = await readRows(tx, list, spaceId);
        }
        const blobs = (
          await tx.unsafe<(BlobRow & { data: Buffer; size: string })[]>(
            `SELECT ${BLOB_COLUMNS.join(', ')} FROM blobs WHERE space_id = $1 ORDER BY sha256`,
            [spaceId],
          )
        ).map((b) => ({ ...b, size: Number(b.size), data: b.data.toString('base64') }));
        const replicas = await tx.unsafe<DumpReplica[]>(
          `SELECT ${pick('replicas')} FROM replicas WHERE replica_id = ANY($1::text[]) ORDER BY replica_id COLLATE "C"`,
          [replicasOf(rows)],
        );
        const userIds = [...namedUsers({ ...rows, replicas, blobs })];
        const users = await tx.unsafe<DumpUser[]>(`SELECT ${pick('users')} FROM users WHERE id = ANY($1::text[])`, [
          userIds,
        ]);
        const tokens = await tx.unsafe<DumpToken[]>(
          `SELECT ${pick('tokens')} FROM tokens WHERE user_id = ANY($1::text[]) ORDER BY user_id, created_at, id`,
          [userIds],
        );
        const [usage] = await tx<{ records: string; bytes: string }[]>`
          SELECT records, bytes FROM space_usage WHERE space_id = ${spaceId}`;
        const last = rows.changes.at(-1)?.seq ?? 0;
        return {
          ...{ format: DUMP_FORMAT, version: DUMP_VERSION, exported_at: now, source: 'postgres' },
          space: { id: space.id, name: space.name, created_at: space.created_at },
          next_seq: Math.max(Number(space.next_seq ?? 1), last + 1),
          usage: { records: Number(usage?.records ?? 0), bytes: Number(usage?.bytes ?? 0) },
          // People in the order the SQLite store lists them, so both stores' dumps of a space compare equal.
          users: userIds.flatMap((id) => users.filter((u) => u.id === id)),
          tokens: userIds.flatMap((id) => tokens.filter((t) => t.user_id === id)),
          replicas: [...replicas],
          ...rows,
          signing_keys: [
            ...(await tx.unsafe<SpaceDump['signing_keys']>(
              `SELECT ${pick('signing_keys')} FROM signing_keys WHERE key_id = ANY($1::text[]) ORDER BY key_id`,
              [signingKeysOf(rows)],
            )),
          ],
          blobs,
        };
      }),
    importSpace: (dump) =>
      sql.begin(async (tx) => {
        const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
        const decided = planImport(dump, {
          space: (await tx`SELECT 1 FROM spaces WHERE id = ${dump.space.id}`).length > 0,
          users: await tx.unsafe<DumpUser[]>(`SELECT ${pick('users')} FROM users WHERE id = ANY($1::text[])`, [
            ids(dump.users),
          ]),
          tokens: await tx.unsafe<DumpToken[]>(
            `SELECT ${pick('tokens')} FROM tokens WHERE id = ANY($1::text[]) OR hash = ANY($2::text[])`,
            [ids(dump.tokens), dump.tokens.map((t) => t.hash)],
          ),
          replicas: await tx.unsafe<DumpReplica[]>(
            `SELECT ${pick('replicas')} FROM replicas WHERE replica_id = ANY($1::text[])`,
            [dump.replicas.map((r) => r.replica_id)],
          ),
          inviteHashes: (
            await tx<{ code_hash: string }[]>`
              SELECT code_hash FROM invites WHERE code_hash = ANY(${dump.invites.map((i) => i.code_hash)}::text[])`
          ).map((r) => r.code_hash),
        });
        if (!decided.ok) return decided;
        const { plan } = decided;
        await insert(tx, 'users', columnsOf('users'), plan.users);
        await insert(tx, 'tokens', columnsOf('tokens'), plan.tokens);
        for (const t of plan.updatedTokens) {
          await tx`UPDATE tokens SET revoked_at = ${t.revoked_at}, last_used_at = ${t.last_used_at} WHERE id = ${t.id}`;
        }
        if (plan.updatedTokens.length > 0) await bumpAuthMark(tx);
        await insert(tx, 'replicas', columnsOf('replicas'), plan.replicas);
        const space_id = dump.space.id;
        await insert(tx, 'spaces', ['id', 'name', 'created_at'], [dump.space]);
        await insert(tx, 'space_seq', ['space_id', 'next_seq'], [{ space_id, next_seq: dump.next_seq }]);
        await insert(tx, 'space_usage', ['space_id', 'records', 'bytes'], [{ space_id, ...dump.usage }]);
        for (const key of dump.signing_keys) {
          await tx`
            INSERT INTO signing_keys (key_id, public_key, created_at)
            VALUES (${key.key_id}, ${key.public_key}, ${key.created_at}) ON CONFLICT DO NOTHING`;
        }
        for (const list of Object.keys(SPACE_ROWS) as SpaceRows[]) {
          await insert(tx, list, [...columnsOf(list), 'space_id'], dump[list], { space_id });
        }
        // The Merkle log is recomputed from the changes, never read from the file.
        const { hashes, frontier, blocks } = hashDumpLog(dump);
        for (let i = 0; i < blocks.length; i += CHUNK) await insertBlockRoots(tx, space_id, blocks.slice(i, i + CHUNK));
        for (let i = 0; i < hashes.length; i += CHUNK) {
          const part = dump.changes.slice(i, i + CHUNK);
          await setLeafHashes(
            tx,
            space_id,
            part.map((c) => c.seq),
            hashes.slice(i, i + CHUNK),
          );
        }
        if (frontier.size > 0) await writeFrontier(tx, space_id, frontier.state());
        // One at a time: each is up to the per-blob limit, sent as a binary parameter, not through JSON.
        for (const b of dump.blobs) {
          await tx`
            INSERT INTO blobs (space_id, sha256, type, size, data, created_at, created_by)
            VALUES (${space_id}, ${b.sha256}, ${b.type}, ${b.size}, ${Buffer.from(b.data, 'base64')}, ${b.created_at},
                    ${b.created_by})`;
        }
        return { ok: true as const };
      }),
  };
}
