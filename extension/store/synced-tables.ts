import type { Table } from 'dexie';
import { SYNC_TABLE_OF } from '../../shared/sync/constants';
import type { DocketDB } from './db';

/**
 * The tables of records that sync (SYNC_TABLE_OF's), for the transactions that push or apply them. Apart from db.ts,
 * whose value import loads Dexie: sync modules load before a test's fake IndexedDB is in place.
 */
export const syncedTables = (db: DocketDB): Table[] => Object.values(SYNC_TABLE_OF).map((t) => db[t]);
