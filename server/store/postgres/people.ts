import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { SyncStore, Token, User } from '../types';
import { bumpAuthMark, type Db } from './db';

export type UserRow = {
  id: string;
  name: string;
  created_at: string;
  server_owner: boolean;
  may_create_spaces: boolean;
};
type TokenRow = {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string;
};

export const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  serverOwner: r.server_owner,
  mayCreateSpaces: r.may_create_spaces,
});
const toToken = (r: TokenRow): Token => ({
  id: r.id,
  userId: r.user_id,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

export async function createUser(db: Db, name: string, now: string, serverOwner = false): Promise<User> {
  const id = randomUUID();
  await db`INSERT INTO users (id, name, created_at, server_owner) VALUES (${id}, ${name}, ${now}, ${serverOwner})`;
  return { id, name, createdAt: now, serverOwner, mayCreateSpaces: false };
}

export async function getUser(db: Db, id: string): Promise<User | null> {
  const [row] = await db<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
  return row ? toUser(row) : null;
}

export async function addToken(db: Db, userId: string, tokenHash: string, label: string, now: string) {
  const id = randomUUID();
  await db`INSERT INTO tokens (id, user_id, hash, label, created_at, last_used_at)
           VALUES (${id}, ${userId}, ${tokenHash}, ${label}, ${now}, ${now})`;
  return { id, userId, label, createdAt: now, revokedAt: null, lastUsedAt: now } satisfies Token;
}

export type PeoplePart = Pick<
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
>;

/** Users, their tokens (by hash), and the one-time setup of the server owner. */
export function peoplePart(sql: postgres.Sql): PeoplePart {
  return {
    createUser: (name, now, serverOwner) => createUser(sql, name, now, serverOwner),
    getUser: (id) => getUser(sql, id),
    listUsers: async () => (await sql<UserRow[]>`SELECT * FROM users ORDER BY created_at, id`).map(toUser),
    allowSpaceCreation: async (userId, allowed) =>
      (await sql`UPDATE users SET may_create_spaces = ${allowed} WHERE id = ${userId}`).count === 1,
    addToken: (userId, tokenHash, label, now) => addToken(sql, userId, tokenHash, label, now),
    // One query for the token and its user: every authenticated request runs it.
    findToken: async (tokenHash) => {
      const [row] = await sql<(TokenRow & { name: string; user_created_at: string } & UserRow)[]>`
        SELECT t.id, t.user_id, t.label, t.created_at, t.revoked_at, t.last_used_at, u.name,
               u.created_at AS user_created_at, u.server_owner, u.may_create_spaces
        FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ${tokenHash}`;
      if (!row) return null;
      const user = toUser({ ...row, id: row.user_id, created_at: row.user_created_at });
      return { token: toToken(row), user };
    },
    listTokens: async (userId) =>
      (await sql<TokenRow[]>`SELECT * FROM tokens WHERE user_id = ${userId} ORDER BY created_at, id`).map(toToken),
    revokeToken: (tokenId, now) =>
      sql.begin(async (tx) => {
        const done = await tx`UPDATE tokens SET revoked_at = ${now} WHERE id = ${tokenId} AND revoked_at IS NULL`;
        if (done.count === 1) await bumpAuthMark(tx);
        return done.count === 1;
      }),
    touchToken: async (tokenId, now) => {
      await sql`UPDATE tokens SET last_used_at = ${now} WHERE id = ${tokenId}`;
    },

    setupPending: async () => {
      const [row] = await sql<{ completed_at: string | null }[]>`SELECT completed_at FROM setup WHERE id = 1`;
      return !row?.completed_at;
    },
    // The table lock queues two first starts (no row to lock yet); the row lock, a start beside a completion.
    startSetup: (codeHash, now) =>
      sql.begin(async (tx) => {
        await tx`LOCK TABLE setup IN SHARE ROW EXCLUSIVE MODE`;
        const [row] = await tx<{ owner_id: string; completed_at: string | null }[]>`
          SELECT owner_id, completed_at FROM setup WHERE id = 1 FOR UPDATE`;
        if (row?.completed_at) throw new Error('setup is already complete');
        if (row) {
          await tx`UPDATE setup SET code_hash = ${codeHash} WHERE id = 1`;
          return (await getUser(tx, row.owner_id))!;
        }
        const owner = await createUser(tx, 'Owner', now, true);
        await tx`INSERT INTO setup (id, owner_id, code_hash, created_at) VALUES (1, ${owner.id}, ${codeHash}, ${now})`;
        return owner;
      }),
    completeSetup: (codeHash, name, tokenHash, now) =>
      sql.begin(async (tx) => {
        const [row] = await tx<{ owner_id: string; code_hash: string | null; completed_at: string | null }[]>`
          SELECT owner_id, code_hash, completed_at FROM setup WHERE id = 1 FOR UPDATE`;
        if (!row || row.completed_at || row.code_hash === null || row.code_hash !== codeHash) return null;
        await tx`UPDATE setup SET code_hash = NULL, completed_at = ${now} WHERE id = 1`;
        await tx`UPDATE users SET name = ${name} WHERE id = ${row.owner_id}`;
        const token = await addToken(tx, row.owner_id, tokenHash, 'setup', now);
        return { user: (await getUser(tx, row.owner_id))!, token };
      }),
  };
}
