import { deviceRecordId } from '../../shared/domain';
import { signCheckpoint } from '../../shared/ledger/checkpoint';
import { deviceKey, existingDeviceKey } from '../ledger/device-key';
import { ensureDeviceRecord } from '../ledger/device-record';
import type { DocketDB } from '../store/db';
import { actorNow } from '../store/me';
import type { LedgerApi } from './ledger-api';
import { latestVerified, markCosigned } from './ledger-store';

/**
 * Registers this browser's key in a shared client's log (a `devices` record, journalled like any write), so that
 * the push that follows carries it and the server then takes this browser's co-signatures for that space. Only for
 * a client this account may write: a viewer cannot push, so a viewer's key never reaches the log (nor do its
 * co-signatures, see cosignLatest). Does nothing when the record is there already.
 */
export async function registerDevice(db: DocketDB, clientId: string, now = new Date()): Promise<void> {
  const key = await deviceKey(db, now);
  if (await db.devices.get(deviceRecordId(key.keyId, clientId))) return;
  if (!(await db.clients.get(clientId))) return;
  const actor = await actorNow(db, now);
  await db.write([db.devices], () => ensureDeviceRecord(db, actor, clientId, key));
}

/** Is this browser's device record of the client in the server's log: written here, pushed, and acknowledged? */
async function deviceInLog(db: DocketDB, clientId: string, keyId: string): Promise<boolean> {
  const id = deviceRecordId(keyId, clientId);
  if (!(await db.devices.get(id))) return false;
  return (await db.outbox.where('[table+id]').equals(['devices', id]).count()) === 0;
}

export type CosignOutcome = 'cosigned' | 'already' | 'not-registered' | 'nothing-verified' | 'failed';

/**
 * Co-signs the newest checkpoint of the space this browser verified, once: this device's Ed25519 signature of the
 * same message the server signed, sent to the server, which keeps it beside the checkpoint for every member and
 * verifier to see. Only a checkpoint this browser verified (checkpoints.ts keeps nothing else) and only once its
 * device record is in the space's log. Never throws: a failure (offline, refused) is tried again next round, and
 * sync goes on. Viewers are not asked to (their device record cannot be pushed, so the server would refuse it).
 */
export async function cosignLatest(
  db: DocketDB,
  api: LedgerApi,
  space: string,
  clientId: string,
  now = () => new Date(),
): Promise<CosignOutcome> {
  try {
    const latest = await latestVerified(db, space);
    if (!latest) return 'nothing-verified';
    if (latest.cosignedAt) return 'already';
    const key = await existingDeviceKey(db);
    if (!key || !(await deviceInLog(db, clientId, key.keyId))) return 'not-registered';
    const { space: s, size, root, time } = latest;
    const signature = await signCheckpoint({ space: s, size, root, time }, key.privateKey, key.publicKey);
    const { checkpoint } = await api.cosign(space, size, { ...signature, clientId });
    await markCosigned(db, { ...latest, cosignatures: checkpoint.cosignatures }, now().toISOString());
    return 'cosigned';
  } catch {
    return 'failed';
  }
}
