/**
 * The whole client log as one JSON file: lossless (every record, every field, the history) and re-importable.
 * The output is canonical — records sorted by id, keys in a fixed order — so two exports of the same log are
 * byte-identical and diff cleanly.
 */
import { z } from 'zod';
import { Capture, Client, Contract, HistoryEntry, Instant, Item, Meeting, Vendor } from '../domain';
import { byId } from './order';
import type { LogData } from './types';

export const CLIENT_LOG_FORMAT = 'docket-client-log';
export const CLIENT_LOG_VERSION = 1;

export const ClientLogSchema = z.object({
  format: z.literal(CLIENT_LOG_FORMAT),
  version: z.literal(CLIENT_LOG_VERSION),
  exportedAt: Instant,
  client: Client,
  meetings: z.array(Meeting),
  vendors: z.array(Vendor),
  contracts: z.array(Contract),
  items: z.array(Item),
  captures: z.array(Capture),
  history: z.array(HistoryEntry),
});
export type ClientLog = z.infer<typeof ClientLogSchema>;

/** The tables of a log, in the order records must be added so references always point backwards. */
export const LOG_TABLES = ['meetings', 'vendors', 'contracts', 'items', 'captures', 'history'] as const;
export type LogTable = (typeof LOG_TABLES)[number];

/** Keys sorted, `id` first: a stable order however the record was built. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

export function exportClientLog(data: LogData, now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('not a valid instant');
  const log = {
    format: CLIENT_LOG_FORMAT,
    version: CLIENT_LOG_VERSION,
    exportedAt: now.toISOString(),
    client: canonical(data.client),
    ...Object.fromEntries(LOG_TABLES.map((t) => [t, byId<{ id: string }>(data[t]).map(canonical)])),
  };
  return JSON.stringify(log, null, 2) + '\n';
}
