import type { SpaceUsage } from '../store/types';
import type { UsageGuard } from './apply-batch';
import { ApiError } from '../errors';

/** Per-space limits: records (deleted ones too) and their stored bytes. 0 means no limit. */
export type SpaceQuotas = { maxRecordsPerSpace: number; maxBytesPerSpace: number };

export const QUOTA_DEFAULTS: SpaceQuotas = { maxRecordsPerSpace: 200_000, maxBytesPerSpace: 1024 ** 3 };

const count = (n: number) => n.toLocaleString('en-US');

/** A size as people read it: `812 bytes`, `3.4 KiB`, `1,023.9 MiB`, `1 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < 1024) return `${count(bytes)} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/**
 * The guard `applyBatch` runs before committing a batch: a batch that takes the space over a limit, and grows the
 * measure that is over, is refused whole with `413 quota-exceeded` naming the limit and the space's use. A batch that
 * does not grow a measure is never refused for it (so a space over a lowered limit can still shrink). Retries of an
 * applied batch never reach it: they are acked first.
 */
export function quotaGuard(quotas: SpaceQuotas): UsageGuard {
  return (after, before) => {
    const message =
      overRecords(quotas.maxRecordsPerSpace, before, after) ?? overBytes(quotas.maxBytesPerSpace, before, after);
    if (message) {
      throw new ApiError(
        'quota-exceeded',
        `${message} Nothing of this push was applied; it can be sent again once there is room. ` +
          'Deleting records does not make room (a deleted record is kept, so that it stays deleted everywhere): ' +
          "ask the sync server's operator to raise the limit.",
      );
    }
  };
}

function overRecords(limit: number, before: SpaceUsage, after: SpaceUsage): string | null {
  if (limit === 0 || after.records <= limit || after.records <= before.records) return null;
  const added = `this push would add ${count(after.records - before.records)} more`;
  return before.records >= limit
    ? `This space holds ${count(before.records)} records, its limit (--max-records-per-space ${limit}); ${added}.`
    : `This space holds ${count(before.records)} records of its limit of ${count(limit)} ` +
        `(--max-records-per-space); ${added}, ${count(after.records - limit)} too many.`;
}

function overBytes(limit: number, before: SpaceUsage, after: SpaceUsage): string | null {
  if (limit === 0 || after.bytes <= limit || after.bytes <= before.bytes) return null;
  const added = `this push would add ${formatBytes(after.bytes - before.bytes)}`;
  return (
    `This space stores ${formatBytes(before.bytes)} (${count(before.bytes)} bytes) of records, and its limit is ` +
    `${formatBytes(limit)} (--max-bytes-per-space ${limit}); ${added}.`
  );
}
