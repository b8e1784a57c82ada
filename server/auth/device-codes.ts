import type { SyncStore } from '../store/types';
import { hashSecret, newSecret } from './secrets';

/** How long a device sign-in code holds: long enough to walk to the other device, short enough to be worth little. */
export const DEVICE_CODE_MINUTES = 15;

/** The label a token signed in by a device code gets, unless the new device names itself. */
export const DEVICE_CODE_LABEL = { device: 'device-code', admin: 'admin-code' } as const;

/**
 * Issues a single-use device sign-in code for `userId`'s own account: shown once, stored only as its SHA-256.
 * `createdBy` is the token of the device asking (the code stops holding if that device is signed out meanwhile), or
 * null for the admin command line.
 */
export async function issueDeviceCode(
  store: SyncStore,
  userId: string,
  options: { label: string; createdBy: string | null; now: number; minutes?: number },
): Promise<{ code: string; expiresAt: string }> {
  const code = newSecret();
  const expiresAt = new Date(options.now + (options.minutes ?? DEVICE_CODE_MINUTES) * 60_000).toISOString();
  await store.createDeviceCode(hashSecret(code), {
    userId,
    label: options.label,
    createdBy: options.createdBy,
    createdAt: new Date(options.now).toISOString(),
    expiresAt,
  });
  return { code, expiresAt };
}
