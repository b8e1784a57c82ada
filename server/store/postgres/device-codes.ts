import type postgres from 'postgres';
import type { DeviceCodeResult, SyncStore } from '../types';
import { addToken, getUser } from './people';

type DeviceCodesPart = Pick<SyncStore, 'createDeviceCode' | 'acceptDeviceCode'>;

/** Device sign-in codes: single use, short-lived, each a new token for one person's own account. */
export function deviceCodesPart(sql: postgres.Sql): DeviceCodesPart {
  return {
    createDeviceCode: async (codeHash, code) => {
      await sql`
        INSERT INTO device_codes (code_hash, user_id, label, created_by, created_at, expires_at)
        VALUES (${codeHash}, ${code.userId}, ${code.label}, ${code.createdBy}, ${code.createdAt}, ${code.expiresAt})`;
      return { ...code, usedAt: null, tokenId: null };
    },
    // The code's row is locked: of two devices using it at once, the second waits and finds it used.
    acceptDeviceCode: (codeHash, tokenHash, label, now) =>
      sql.begin(async (tx): Promise<DeviceCodeResult> => {
        const [code] = await tx<
          { user_id: string; label: string; created_by: string | null; expires_at: string; used_at: string | null }[]
        >`
          SELECT user_id, label, created_by, expires_at, used_at FROM device_codes
          WHERE code_hash = ${codeHash} FOR UPDATE`;
        if (!code) return { ok: false, reason: 'not-found' };
        if (code.used_at) return { ok: false, reason: 'used' };
        if (Date.parse(code.expires_at) <= Date.parse(now)) return { ok: false, reason: 'expired' };
        // A code speaks for the device that made it: once that device is signed out, the code no longer holds.
        if (code.created_by !== null) {
          const [creator] = await tx<{ revoked_at: string | null }[]>`
            SELECT revoked_at FROM tokens WHERE id = ${code.created_by} FOR SHARE`;
          if (creator?.revoked_at !== null) return { ok: false, reason: 'creator-signed-out' };
        }
        const token = await addToken(tx, code.user_id, tokenHash, label ?? code.label, now);
        await tx`UPDATE device_codes SET used_at = ${now}, token_id = ${token.id} WHERE code_hash = ${codeHash}`;
        return { ok: true, user: (await getUser(tx, code.user_id))!, token };
      }),
  };
}
