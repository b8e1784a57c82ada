import type postgres from 'postgres';
import type { SyncStore } from '../types';

/**
 * Binds a replica to the first user who pushes it. Two statements: when another process binds it at the same
 * moment, the insert waits for that one and does nothing, and the read (a new statement) sees its owner.
 */
export function replicasPart(sql: postgres.Sql): Pick<SyncStore, 'claimReplica'> {
  return {
    claimReplica: async (replicaId, userId, now) => {
      await sql`
        INSERT INTO replicas (replica_id, user_id, bound_at) VALUES (${replicaId}, ${userId}, ${now})
        ON CONFLICT (replica_id) DO NOTHING`;
      const [row] = await sql<{ user_id: string }[]>`SELECT user_id FROM replicas WHERE replica_id = ${replicaId}`;
      return row?.user_id === userId;
    },
  };
}
