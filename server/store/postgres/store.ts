import postgres from 'postgres';
import type { SyncStore } from '../types';
import { blobsPart } from './blobs';
import { changeLogPart } from './change-log';
import { deviceCodesPart } from './device-codes';
import { ledgerPart } from './ledger';
import { membersPart } from './members';
import { peoplePart } from './people';
import { replicasPart } from './replicas';
import { migrate } from './schema';
import { spacesPart } from './spaces';
import { transferPart } from './transfer';
import { usagePart } from './usage';

export type PostgresStoreOptions = {
  /** connections in this process's pool */ max?: number;
};

export type PostgresStore = SyncStore & {
  /** the store's pool, for what else talks to the database (the LISTEN/NOTIFY relay, server/relay/postgres.ts) */
  readonly sql: postgres.Sql;
};

/**
 * Opens the PostgreSQL store at `url` (postgres://…), bringing its schema up to date first (./schema.ts: safe when
 * several processes start at once). Several server processes may share one database. Each method writes in one
 * statement or one transaction; times are the `now` strings the caller gives, never the database's clock.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  try {
    await migrate(sql);
  } catch (error) {
    await sql.end();
    throw error;
  }
  return {
    kind: 'postgres',
    sql,
    ...peoplePart(sql),
    ...deviceCodesPart(sql),
    ...spacesPart(sql),
    ...membersPart(sql),
    ...replicasPart(sql),
    ...usagePart(sql),
    ...changeLogPart(sql),
    ...transferPart(sql),
    ...blobsPart(sql),
    ...ledgerPart(sql),
    close: () => sql.end(),
  };
}
