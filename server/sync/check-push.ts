import { validateField } from '../../shared/sync/fields';
import { parseHlc } from '../../shared/sync/hlc';
import { PROTOCOL_VERSION, PushRequest, SyncTable } from '../../shared/sync/protocol';
import { describeIssue, refuseUnknownKeys } from '../edge/json';
import { ApiError } from '../errors';

const MAX_CHANGES = 1000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A push body, checked whole before anything is applied: protocol version, shape (no unknown keys), every change's
 * table, field and value, every stamp's replica (the push's own) and time (against the server clock). The first
 * problem is reported with the change's index.
 */
export function checkPush(raw: unknown, nowMs: number, maxDriftMs: number): PushRequest {
  if (!isObject(raw)) throw new ApiError('bad-request', 'A push is a JSON object.');
  if (raw.protocol !== PROTOCOL_VERSION) {
    throw new ApiError(
      'upgrade-required',
      `This server speaks sync protocol ${PROTOCOL_VERSION} and your Docket sent ${JSON.stringify(raw.protocol ?? null)}: ` +
        'update the Docket extension, then sync again. Nothing was lost: your changes wait in the outbox.',
    );
  }
  if (Array.isArray(raw.changes)) {
    if (raw.changes.length > MAX_CHANGES) {
      throw new ApiError('too-large', `At most ${MAX_CHANGES} changes per push; this one has ${raw.changes.length}.`);
    }
    raw.changes.forEach((change, i) => {
      const table = isObject(change) ? change.table : undefined;
      if (typeof table === 'string' && !SyncTable.safeParse(table).success) {
        throw new ApiError('unknown-table', `change ${i}: unknown table ${JSON.stringify(table)}.`);
      }
    });
  }
  const parsed = PushRequest.safeParse(raw);
  if (!parsed.success) throw new ApiError('bad-request', describeIssue(parsed.error));
  const push = parsed.data;
  refuseUnknownKeys(raw, push);
  push.changes.forEach((change, i) => {
    const check = validateField(change.table, change.field, change.value);
    if (!check.ok) throw new ApiError(check.code, `change ${i}: ${check.message}`);
    const stamp = parseHlc(change.hlc);
    if (stamp.node !== push.replicaId) {
      throw new ApiError(
        'bad-stamp',
        `change ${i}: stamped by replica ${JSON.stringify(stamp.node)}, but this push is from ${JSON.stringify(push.replicaId)}; ` +
          'a replica sends only the changes it stamped itself.',
      );
    }
    const ahead = stamp.ms - nowMs;
    if (ahead > maxDriftMs) {
      throw new ApiError(
        'clock-skew',
        `change ${i}: stamped ${Math.round(ahead / 1000)} s ahead of the server clock (at most ${Math.round(maxDriftMs / 1000)} s); ` +
          "check this device's date and time.",
      );
    }
  });
  return push;
}
