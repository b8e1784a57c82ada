import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Capture, Client, Contract, Device, HistoryEntry, Item, Meeting, Vendor } from '../../shared/domain';
import type { SignedCheckpoint } from '../../shared/ledger/checkpoint';
import type { RecordFields } from '../../shared/sync/merge';
import type { Hlc, SyncTable } from '../../shared/sync/protocol';
import { moveStampsIntoRows, outboxPerRecord } from './upgrades/v7';

/**
 * One local write of one record waiting to be pushed, in the order it was made: the fields it changed, each with
 * the stamp of the value it replaced (`base`), all under the write's one stamp (`hlc`).
 */
export type OutboxEntry = {
  seq?: number;
  table: SyncTable;
  id: string;
  /** The client whose log it belongs to: which space it goes to. */ clientId: string;
  hlc: Hlc;
  changes: { field: string; value?: unknown; base: Hlc | null }[];
  /**
   * A new record's entry names its fields without copying their values (a capture's text would be stored twice):
   * the push reads them from the record's row, each while the row's stamp for it is still this entry's
   * (outbox.ts `withRowValues`).
   */
  fromRow?: true;
};

/** A record from the server not complete yet (its fields arrive over several pulls). */
export interface StagedRecord {
  key: string;
  fields: RecordFields;
}

/** An image's bytes, kept once however many captures show it (captures name it by SHA-256: image.ts). */
export interface StoredImage {
  sha256: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

/** A checkpoint of a space's log this browser verified (extension/sync/checkpoints.ts), one per size. */
export interface KeptCheckpoint extends SignedCheckpoint {
  verifiedAt: string;
  /** When the server took this browser's co-signature of it; null until then. */
  cosignedAt: string | null;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** The local decision log. Bump the version and add an upgrade when a schema changes; never edit a shipped version. */
export class DocketDB extends Dexie {
  clients!: EntityTable<Client, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  vendors!: EntityTable<Vendor, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  items!: EntityTable<Item, 'id'>;
  captures!: EntityTable<Capture, 'id'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  staged!: EntityTable<StagedRecord, 'key'>;
  images!: EntityTable<StoredImage, 'sha256'>;
  devices!: EntityTable<Device, 'id'>;
  checkpoints!: Table<KeptCheckpoint, [string, number]>;

  constructor(name = 'docket') {
    super(name);
    this.version(1).stores({
      clients: 'id, name',
      meetings: 'id, clientId, [clientId+startsAt], startsAt',
      vendors: 'id, clientId, *domains',
      items: 'id, clientId, meetingId, status, updatedAt, *tags',
      captures: 'id, itemId, clientId, urlKey, email.messageId, contentHash',
      history: 'id, [entity+entityId], itemId, at',
      settings: 'key',
    });
    // v2: governance workspace (contracts, decisions, actions, agenda order, held meetings, fiscal years).
    this.version(2)
      .stores({ contracts: 'id, clientId, vendorId, termEnd' })
      .upgrade(async (tx) => {
        await tx
          .table('clients')
          .toCollection()
          .modify((c) => void (c.fiscalYearStart ??= 1));
        await tx
          .table('vendors')
          .toCollection()
          .modify((v) => void (v.contacts ??= []));
        await tx
          .table('meetings')
          .toCollection()
          .modify((m) => {
            m.heldAgenda ??= null;
            m.heldAt ??= null;
          });
        await tx
          .table('items')
          .toCollection()
          .modify((i) => {
            i.agendaOrder ??= Date.parse(i.createdAt) || 0;
            i.discussed ??= false;
            i.slips ??= [];
            i.decision ??= null;
            i.actions ??= [];
            i.contractId ??= null;
          });
      });
    // v3: sync. Every write also queues its field-level changes, stamped by the hybrid logical clock.
    this.version(3).stores({ outbox: '++seq, [table+id]', clocks: 'key' });
    // v4: outbox entries name their client (the space they go to); records from the server wait in `staged` until complete.
    this.version(4).stores({ outbox: '++seq, [table+id], clientId', staged: 'key' });
    // v5: a client's inbox is counted from an index (the log page's badge), not by reading all the client's items.
    this.version(5).stores({ items: 'id, clientId, meetingId, status, updatedAt, *tags, [clientId+status]' });
    // v6: an item keeps a one-time fee beside its recurring amount; items stored before have none. (A frozen agenda
    // line carries the fee only when it had one, so lines frozen before need nothing.)
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('items')
          .toCollection()
          .modify((i) => void (i.oneTimeAmount ??= null));
      });
    // v7: one journal for every write. Field stamps move into their record's row (`_stamps`, see stamps.ts) and the
    // `clocks` table goes; an outbox entry holds one write of one record (its changed fields together).
    this.version(7)
      .stores({})
      .upgrade(async (tx) => {
        await moveStampsIntoRows(tx);
        await outboxPerRecord(tx);
      });
    // v8: the emptied `clocks` table goes (Dexie reads a table in an upgrade only if a later version deletes it).
    this.version(8).stores({ clocks: null });
    // v9: the images kept with captures, by content.
    this.version(9).stores({ images: 'sha256' });
    // v10: the device keys registered in each client's log (their own and teammates'), synced like any record.
    this.version(10).stores({ devices: 'id, clientId' });
    // v11: the checkpoints of each space's server log this browser verified (sync/checkpoints.ts), by space and size.
    this.version(11).stores({ checkpoints: '[space+size]' });
  }

  /**
   * A write transaction over `tables` plus what every write touches (see journal.ts): history, the outbox, staged
   * (a deleted record's tombstone), settings (the replica, and the connection that says whether a client's log may
   * be changed here), and the clients (whose name a refusal gives). The change, its history and its outbox entry
   * commit together or not at all.
   */
  write<T>(tables: Table[], work: () => Promise<T>): Promise<T> {
    return this.transaction(
      'rw',
      [...new Set([...tables, this.clients, this.history, this.outbox, this.staged, this.settings])],
      work,
    );
  }
}

let shared: DocketDB | null = null;
/** The one database of this extension profile. Tests make their own `new DocketDB(name)`. */
export function openDb(): DocketDB {
  shared ??= new DocketDB();
  return shared;
}
