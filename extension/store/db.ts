import { Dexie, type EntityTable } from 'dexie';
import type { Capture, Client, HistoryEntry, Item, Meeting, Vendor } from '../../shared/domain';

export interface Setting {
  key: string;
  value: unknown;
}

/** The local decision log. Bump the version and add an upgrade when a schema changes; never edit a shipped version. */
export class DocketDB extends Dexie {
  clients!: EntityTable<Client, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  vendors!: EntityTable<Vendor, 'id'>;
  items!: EntityTable<Item, 'id'>;
  captures!: EntityTable<Capture, 'id'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  settings!: EntityTable<Setting, 'key'>;

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
  }
}

let shared: DocketDB | null = null;
/** The one database of this extension profile. Tests make their own `new DocketDB(name)`. */
export function openDb(): DocketDB {
  shared ??= new DocketDB();
  return shared;
}
