import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DeviceCodeResult, SyncStore, Token, User } from '../types';
import type { Synchronous } from './promised';

export type UserRow = {
  id: string;
  name: string;
  created_at: string;
  server_owner: number;
  may_create_spaces: number;
};
type TokenRow = {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
};

export const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  serverOwner: r.server_owner === 1,
  mayCreateSpaces: r.may_create_spaces === 1,
});
const toToken = (r: TokenRow): Token => ({
  id: r.id,
  userId: r.user_id,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at ?? r.created_at,
});

export type PeoplePart = Synchronous<
  Pick<
    SyncStore,
    | 'createUser'
    | 'getUser'
    | 'listUsers'
    | 'allowSpaceCreation'
    | 'addToken'
    | 'findToken'
    | 'listTokens'
    | 'revokeToken'
    | 'touchToken'
    | 'setupPending'
    | 'startSetup'
    | 'completeSetup'
    | 'createDeviceCode'
    | 'acceptDeviceCode'
  >
>;

/** Users, their tokens (by hash), and the one-time setup of the server owner. */
export function peoplePart(db: Database.Database): PeoplePart {
  const q = {
    insertUser: db.prepare('INSERT INTO users (id, name, created_at, server_owner) VALUES (?, ?, ?, ?)'),
    user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    users: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, id'),
    renameUser: db.prepare('UPDATE users SET name = ? WHERE id = ?'),
    allowSpaces: db.prepare('UPDATE users SET may_create_spaces = ? WHERE id = ?'),
    insertToken: db.prepare(
      'INSERT INTO tokens (id, user_id, hash, label, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    touchToken: db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?'),
    // One query for the token and its user: every authenticated request runs it.
    tokenByHash: db.prepare<
      [string],
      TokenRow & { name: string; user_created_at: string; server_owner: number; may_create_spaces: number }
    >(
      `SELECT t.id, t.user_id, t.label, t.created_at, t.revoked_at, t.last_used_at, u.name, u.created_at AS user_created_at,
              u.server_owner, u.may_create_spaces
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?`,
    ),
    tokens: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE user_id = ? ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    setup: db.prepare<[], { owner_id: string; code_hash: string | null; completed_at: string | null }>(
      'SELECT * FROM setup WHERE id = 1',
    ),
    insertSetup: db.prepare('INSERT INTO setup (id, owner_id, code_hash, created_at) VALUES (1, ?, ?, ?)'),
    setCode: db.prepare('UPDATE setup SET code_hash = ? WHERE id = 1'),
    finishSetup: db.prepare('UPDATE setup SET code_hash = NULL, completed_at = ? WHERE id = 1'),
    insertDeviceCode: db.prepare(
      `INSERT INTO device_codes (code_hash, user_id, label, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    deviceCode: db.prepare<
      [string],
      { user_id: string; label: string; created_by: string | null; expires_at: string; used_at: string | null }
    >('SELECT user_id, label, created_by, expires_at, used_at FROM device_codes WHERE code_hash = ?'),
    useDeviceCode: db.prepare('UPDATE device_codes SET used_at = ?, token_id = ? WHERE code_hash = ?'),
    tokenRevoked: db.prepare<[string], { revoked_at: string | null }>('SELECT revoked_at FROM tokens WHERE id = ?'),
  };

  const createUser = (name: string, now: string, serverOwner = false): User => {
    const id = randomUUID();
    q.insertUser.run(id, name, now, serverOwner ? 1 : 0);
    return { id, name, createdAt: now, serverOwner, mayCreateSpaces: false };
  };
  const addToken = (userId: string, tokenHash: string, label: string, now: string): Token => {
    const id = randomUUID();
    q.insertToken.run(id, userId, tokenHash, label, now, now);
    return { id, userId, label, createdAt: now, revokedAt: null, lastUsedAt: now };
  };
  const getUser = (id: string) => {
    const row = q.user.get(id);
    return row ? toUser(row) : null;
  };

  const acceptDeviceCode = db.transaction(
    (codeHash: string, tokenHash: string, label: string | null, now: string): DeviceCodeResult => {
      const code = q.deviceCode.get(codeHash);
      if (!code) return { ok: false, reason: 'not-found' };
      if (code.used_at) return { ok: false, reason: 'used' };
      if (Date.parse(code.expires_at) <= Date.parse(now)) return { ok: false, reason: 'expired' };
      // A code speaks for the device that made it: once that device is signed out, the code no longer holds.
      if (code.created_by !== null && q.tokenRevoked.get(code.created_by)?.revoked_at !== null) {
        return { ok: false, reason: 'creator-signed-out' };
      }
      const token = addToken(code.user_id, tokenHash, label ?? code.label, now);
      q.useDeviceCode.run(now, token.id, codeHash);
      return { ok: true, user: getUser(code.user_id)!, token };
    },
  );

  return {
    createUser,
    getUser,
    listUsers: () => q.users.all().map(toUser),
    allowSpaceCreation: (userId, allowed) => q.allowSpaces.run(allowed ? 1 : 0, userId).changes === 1,
    addToken,
    findToken: (tokenHash) => {
      const row = q.tokenByHash.get(tokenHash);
      if (!row) return null;
      const user = {
        id: row.user_id,
        name: row.name,
        created_at: row.user_created_at,
        server_owner: row.server_owner,
        may_create_spaces: row.may_create_spaces,
      };
      return { token: toToken(row), user: toUser(user) };
    },
    listTokens: (userId) => q.tokens.all(userId).map(toToken),
    revokeToken: (tokenId, now) => q.revoke.run(now, tokenId).changes === 1,
    touchToken: (tokenId, now) => void q.touchToken.run(now, tokenId),

    setupPending: () => !q.setup.get()?.completed_at,
    startSetup: db.transaction((codeHash: string, now: string): User => {
      const row = q.setup.get();
      if (row?.completed_at) throw new Error('setup is already complete');
      if (row) {
        q.setCode.run(codeHash);
        return getUser(row.owner_id)!;
      }
      const owner = createUser('Owner', now, true);
      q.insertSetup.run(owner.id, codeHash, now);
      return owner;
    }),
    completeSetup: db.transaction((codeHash: string, name: string, tokenHash: string, now: string) => {
      const row = q.setup.get();
      if (!row || row.completed_at || row.code_hash === null || row.code_hash !== codeHash) return null;
      q.finishSetup.run(now);
      q.renameUser.run(name, row.owner_id);
      const token = addToken(row.owner_id, tokenHash, 'setup', now);
      return { user: getUser(row.owner_id)!, token };
    }),

    createDeviceCode: (codeHash, code) => {
      q.insertDeviceCode.run(codeHash, code.userId, code.label, code.createdBy, code.createdAt, code.expiresAt);
      return { ...code, usedAt: null, tokenId: null };
    },
    acceptDeviceCode,
  };
}
