import { fromHex } from '../../shared/ledger/bytes';
import { keyIdOf } from '../../shared/ledger/ed25519';
import { canonicalJson, recordKey, type RecordFields } from '../../shared/sync/merge';
import { TOMBSTONE } from '../../shared/sync/protocol';
import { ApiError } from '../errors';
import type { LogEntry, StoredRecord } from '../store/tx';

/**
 * What a push may not do to records already there, checked inside its transaction against the stored records it
 * touches (and the batch's own earlier changes), before anything of it is written: one refusal refuses the batch.
 *
 * - Evidence is written once: a capture's content (every field but where it is filed, `itemId` and `clientId`, and
 *   its tombstone) never changes once set; the same value again (a retry, two replicas making the same capture) is
 *   fine, another one is `409 evidence-immutable`. A re-capture is a new capture.
 * - A device (a browser's signing key, registered through the log) is its key in one client's log: its `keyId` must
 *   be the key's id (`keyIdOf(publicKey)`) and its record id `deviceRecordId(keyId, clientId)`, its public key never
 *   changes (`400 bad-request`), and only the account that registered it writes to it again (`403 forbidden`).
 */

/** A device's fields that its record id is made from (shared/domain/device.ts). */
const DEVICE_IDENTITY = new Set(['publicKey', 'keyId', 'clientId']);
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * What is wrong with a device's identity, from those of its public key, key id and client known so far (the batch's
 * values, else the stored ones): null when they agree with its record id.
 */
function deviceIdentityProblem(id: string, publicKey: unknown, keyId: unknown, clientId: unknown): string | null {
  let derived: string | null = null;
  if (publicKey !== undefined) {
    if (typeof publicKey !== 'string' || !HEX64.test(publicKey)) return 'its public key must be 64 lowercase hex';
    derived = keyIdOf(fromHex(publicKey));
  }
  if (keyId !== undefined) {
    if (typeof keyId !== 'string' || !HEX64.test(keyId)) return 'its keyId must be 64 lowercase hex';
    if (derived && keyId !== derived) return `its keyId must be the SHA-256 of its public key, which is ${derived}`;
  }
  const key = derived ?? (keyId as string | undefined);
  if (key !== undefined && !id.startsWith(`${key.slice(0, 40)}.`))
    return `its id must be deviceRecordId(keyId, clientId): "${key.slice(0, 40)}." followed by the client's id`;
  if (clientId !== undefined && (typeof clientId !== 'string' || id.slice(40) !== `.${clientId}`))
    return `its id must be deviceRecordId(keyId, clientId): the first 40 digits of its key id, ".", then its clientId`;
  return null;
}

/** A capture's fields that say where it is filed, or that it is deleted: all the others are evidence. */
const CAPTURE_FILING = new Set(['itemId', 'clientId', TOMBSTONE]);

/** The replicas that wrote the stored devices a batch touches: their owners are the devices' (see `checkWriteRules`). */
export function deviceWriters(stored: Map<string, StoredRecord>, entries: readonly LogEntry[]): string[] {
  const replicas = new Set<string>();
  for (const e of entries) {
    if (e.table !== 'devices') continue;
    for (const f of Object.values(stored.get(recordKey(e.table, e.id))?.fields ?? {})) {
      replicas.add(writerOf(f));
    }
  }
  return [...replicas];
}

const writerOf = (f: RecordFields[string]) => f.replicaId ?? f.hlc.slice(19);

/**
 * Refuses the batch (an ApiError naming the change by its index in the push) when it breaks a rule above.
 * `owners` maps the replicas `deviceWriters` named to their users; `authorId` is the account pushing.
 */
export function checkWriteRules(
  stored: Map<string, StoredRecord>,
  entries: readonly LogEntry[],
  authorId: string,
  owners: Map<string, string>,
): void {
  // Values set so far in this batch, by record and field: a batch cannot set evidence twice either.
  const seen = new Map<string, unknown>();
  entries.forEach((e, i) => {
    if (e.table !== 'captures' && e.table !== 'devices') return;
    const key = recordKey(e.table, e.id);
    const record = stored.get(key);
    const fieldKey = `${key}\u0000${e.field}`;
    const before = seen.has(fieldKey) ? { value: seen.get(fieldKey) } : record?.fields[e.field];
    seen.set(fieldKey, e.value);
    const differs = before !== undefined && canonicalJson(before.value) !== canonicalJson(e.value);
    if (e.table === 'captures') {
      if (differs && !CAPTURE_FILING.has(e.field)) {
        throw new ApiError(
          'evidence-immutable',
          `change ${i}: capture ${e.id}: its ${e.field} is evidence and was already stored with another value; ` +
            'a capture is never rewritten (capture again to make a new one).',
        );
      }
      return;
    }
    // A device: every field already stored must have been written by this account.
    const foreign = Object.values(record?.fields ?? {}).some((f) => owners.get(writerOf(f)) !== authorId);
    if (foreign) {
      throw new ApiError(
        'forbidden',
        `change ${i}: device ${e.id} was registered by another account; only that account may change it.`,
      );
    }
    if (e.field === 'publicKey') {
      if (differs) {
        throw new ApiError(
          'bad-request',
          `change ${i}: device ${e.id}: a device's public key never changes (register the new key as a new device).`,
        );
      }
    }
    if (DEVICE_IDENTITY.has(e.field)) {
      const known = (field: string) => {
        const at = `${key}\u0000${field}`;
        return seen.has(at) ? seen.get(at) : record?.fields[field]?.value;
      };
      const problem = deviceIdentityProblem(e.id, known('publicKey'), known('keyId'), known('clientId'));
      if (problem) throw new ApiError('bad-request', `change ${i}: device ${e.id}: ${problem}.`);
    }
  });
}
