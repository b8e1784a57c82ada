import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Capture, Client, Contract, HistoryEntry, Item, Meeting, Vendor } from '../../shared/domain';
import type { RecordFields } from '../../shared/sync/merge';
import type { Change } from '../../shared/sync/protocol';

/** A field-level change waiting to be pushed, in the order it was made. */
export type OutboxEntry = Change & {
  seq?: number;
  /** The client whose log it belongs to: which space it goes to. */ clientId: string;
};

/** A record from the server not complete yet (its fields arrive over several pulls). */
export interface StagedRecord {
  key: string;
  fields: RecordFields;
}

/** The stamp of each field's current value, per record: what a local write saw (its `base`). */
export interface FieldClocks {
  key: string;
  fields: Record<string, string>;
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
  clocks!: EntityTable<FieldClocks, 'key'>;
  staged!: EntityTable<StagedRecord, 'key'>;

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
  }

  /**
   * A write transaction over `tables` plus what every write touches: history, the outbox, the field clocks and
   * settings (the clock itself, and the connection that says whether a client's log may be changed here), and the
   * clients (whose name a refusal gives). The change, its history and its outbox entries commit together or not at all.
   */
  write<T>(tables: Table[], work: () => Promise<T>): Promise<T> {
    return this.transaction(
      'rw',
      [...new Set([...tables, this.clients, this.history, this.outbox, this.clocks, this.settings])],
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
