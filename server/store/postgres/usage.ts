import type postgres from 'postgres';
import type { SyncStore } from '../types';

/** Plain reads: a space's use as the running total keeps it, row counts, and the access mark. */
export function usagePart(sql: postgres.Sql): Pick<SyncStore, 'spaceUsage' | 'counts' | 'authMark'> {
  return {
    spaceUsage: async (spaceId) => {
      const [row] = await sql<{ records: string; bytes: string }[]>`
        SELECT records, bytes FROM space_usage WHERE space_id = ${spaceId}`;
      return row ? { records: Number(row.records), bytes: Number(row.bytes) } : { records: 0, bytes: 0 };
    },
    // One statement, so every count comes from the same snapshot (the tables the SQLite store counts).
    counts: async () => {
      const [row] = await sql<Record<string, number>[]>`
        SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM tokens) AS tokens,
               (SELECT count(*)::int FROM spaces) AS spaces, (SELECT count(*)::int FROM members) AS members,
               (SELECT count(*)::int FROM invites) AS invites, (SELECT count(*)::int FROM changes) AS changes,
               (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM acks) AS acks,
               (SELECT count(*)::int FROM conflicts) AS conflicts, (SELECT count(*)::int FROM replicas) AS replicas,
               (SELECT count(*)::int FROM device_codes) AS device_codes,
               (SELECT count(*)::int FROM blobs) AS blobs,
               (SELECT count(*)::int FROM checkpoints) AS checkpoints,
               (SELECT count(*)::int FROM cosignatures) AS cosignatures`;
      return { ...row };
    },
    // Moved by every revocation and membership change, on whichever process (see ./db.ts).
    authMark: async () => {
      const [row] = await sql<{ mark: string }[]>`SELECT mark FROM auth_mark WHERE id = 1`;
      return row!.mark;
    },
  };
}
