import { fromHex, toHex } from '../../shared/ledger/bytes';
import { generateSigningKey, keyIdOf, type PrivateSigningKey } from '../../shared/ledger/ed25519';
import type { DocketDB } from '../store/db';

const KEY = 'deviceKey';

/** This browser's signing key. The private half is a non-extractable WebCrypto key where the browser has Ed25519. */
export type DeviceKey = { keyId: string; publicKey: Uint8Array; privateKey: PrivateSigningKey; createdAt: string };
type Stored = { publicKey: string; privateKey: PrivateSigningKey; createdAt: string };

const isStored = (v: unknown): v is Stored =>
  typeof v === 'object' && v !== null && typeof (v as Stored).publicKey === 'string' && 'privateKey' in v;

function loaded(stored: Stored): DeviceKey {
  const publicKey = fromHex(stored.publicKey);
  return { keyId: keyIdOf(publicKey), publicKey, privateKey: stored.privateKey, createdAt: stored.createdAt };
}

/** The key if this browser has made one, else null (never makes one: reading views must not write). */
export async function existingDeviceKey(db: DocketDB): Promise<DeviceKey | null> {
  const row = await db.settings.get(KEY);
  return isStored(row?.value) ? loaded(row.value) : null;
}

/**
 * This browser's key, made on first use and kept in IndexedDB (a CryptoKey is stored as itself: its private bytes
 * never reach script). Two pages asking at once keep the first one stored: the put is conditional.
 */
export async function deviceKey(db: DocketDB, now = new Date()): Promise<DeviceKey> {
  const existing = await existingDeviceKey(db);
  if (existing) return existing;
  const made = await generateSigningKey(); // outside any transaction: IndexedDB commits on a foreign await
  const candidate: Stored = {
    publicKey: toHex(made.publicKey),
    privateKey: made.privateKey,
    createdAt: now.toISOString(),
  };
  const kept = await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(KEY);
    if (isStored(row?.value)) return row.value;
    await db.settings.put({ key: KEY, value: candidate });
    return candidate;
  });
  return loaded(kept);
}

/** "Chrome on Linux": what teammates see beside a co-signature. */
export function deviceLabel(userAgent = globalThis.navigator?.userAgent ?? ''): string {
  const browser = /Firefox\//.test(userAgent)
    ? 'Firefox'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /Linux/.test(userAgent)
          ? 'Linux'
          : 'an unknown system';
  return `${browser} on ${os}`;
}
