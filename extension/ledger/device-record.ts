import { type Device, deviceRecordId } from '../../shared/domain';
import { toHex } from '../../shared/ledger/bytes';
import type { DocketDB } from '../store/db';
import { type Actor, recordChange } from '../store/history';
import { deviceLabel, type DeviceKey } from './device-key';

/**
 * Registers this browser's key in a client's log, once: a `devices` record, journalled like any write, so a shared
 * client's server log says which account registered it and when. Inside the caller's `db.write` (with db.devices).
 */
export async function ensureDeviceRecord(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  key: DeviceKey,
): Promise<Device> {
  const id = deviceRecordId(key.keyId, clientId);
  const existing = await db.devices.get(id);
  if (existing) return existing;
  const device: Device = {
    id,
    clientId,
    keyId: key.keyId,
    publicKey: toHex(key.publicKey),
    label: deviceLabel(),
    createdAt: actor.at,
  };
  await recordChange(db, actor, 'device', null, device, null);
  return device;
}
