/**
 * The protocol's plain constants, apart from its zod schemas: the popup's write path needs these (every local write
 * queues changes) without loading the message schemas.
 */
export const TOMBSTONE = '_deleted';

/** `<13-digit ms>:<4-digit counter>:<replica id>`: fixed widths, so stamps compare as strings. */
export const HLC_PATTERN = /^\d{13}:\d{4}:[A-Za-z0-9-]{1,64}$/;

/** Which synced table holds each kind of record (history names the kind, sync the table). */
export const SYNC_TABLE_OF = {
  client: 'clients',
  meeting: 'meetings',
  vendor: 'vendors',
  contract: 'contracts',
  item: 'items',
  capture: 'captures',
  device: 'devices',
} as const;
export type SyncedEntity = keyof typeof SYNC_TABLE_OF;

/** The reverse: the kind of record a synced table holds. */
export const ENTITY_OF = Object.fromEntries(Object.entries(SYNC_TABLE_OF).map(([e, t]) => [t, e])) as {
  [E in SyncedEntity as (typeof SYNC_TABLE_OF)[E]]: E;
};
