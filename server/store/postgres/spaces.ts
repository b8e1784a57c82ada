import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { Role } from '../../../shared/sync/protocol';
import type { AcceptResult, Membership, SyncStore, User } from '../types';
import type { Db } from './db';
import { lockSpace, logEvent, nameTaken } from './members';
import { addToken, createUser, toUser, type UserRow } from './people';

type MemberRow = { id: string; name: string; created_at: string; role: Role };
const toMembership = (r: MemberRow): Membership => ({ id: r.id, name: r.name, createdAt: r.created_at, role: r.role });
const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

async function membership(db: Db, spaceId: string, userId: string): Promise<Membership | null> {
  const [row] = await db<MemberRow[]>`
    SELECT s.id, s.name, s.created_at, m.role FROM members m JOIN spaces s ON s.id = m.space_id
    WHERE m.space_id = ${spaceId} AND m.user_id = ${userId}`;
  return row ? toMembership(row) : null;
}

type SpacesPart = Pick<SyncStore, 'createSpace' | 'membership' | 'listMemberships' | 'createInvite' | 'acceptInvite'>;

/** Spaces, their members with roles, and invites (which may create a person). */
export function spacesPart(sql: postgres.Sql): SpacesPart {
  return {
    // A space starts with its owner, its seq counter (next seq 1) and its use (nothing yet).
    createSpace: (name, ownerId, now) =>
      sql.begin(async (tx) => {
        const id = randomUUID();
        await tx`INSERT INTO spaces (id, name, created_at) VALUES (${id}, ${name}, ${now})`;
        await tx`INSERT INTO members (space_id, user_id, role, added_at) VALUES (${id}, ${ownerId}, 'owner', ${now})`;
        await tx`INSERT INTO space_seq (space_id) VALUES (${id})`;
        await tx`INSERT INTO space_usage (space_id) VALUES (${id})`;
        return { id, name, createdAt: now };
      }),
    membership: (spaceId, userId) => membership(sql, spaceId, userId),
    listMemberships: async (userId) => {
      const rows = await sql<MemberRow[]>`
        SELECT s.id, s.name, s.created_at, m.role FROM members m JOIN spaces s ON s.id = m.space_id
        WHERE m.user_id = ${userId} ORDER BY s.name, s.id`;
      return rows.map(toMembership);
    },

    createInvite: async (codeHash, invite) => {
      await sql`
        INSERT INTO invites (code_hash, space_id, role, created_by, created_at, expires_at)
        VALUES (${codeHash}, ${invite.spaceId}, ${invite.role}, ${invite.createdBy}, ${invite.createdAt},
                ${invite.expiresAt})`;
      return { ...invite, usedAt: null, usedBy: null };
    },
    // Locks, in this order: the invite (a second use waits and finds it used), the person joining, the space.
    acceptInvite: (codeHash, who, now) =>
      sql.begin(async (tx): Promise<AcceptResult> => {
        const [invite] = await tx<
          { space_id: string; role: Role; created_by: string; expires_at: string; used_at: string | null }[]
        >`SELECT space_id, role, created_by, expires_at, used_at FROM invites WHERE code_hash = ${codeHash} FOR UPDATE`;
        if (!invite) return { ok: false, reason: 'not-found' };
        if (invite.used_at) return { ok: false, reason: 'used' };
        if (Date.parse(invite.expires_at) <= Date.parse(now)) return { ok: false, reason: 'expired' };
        const [row] =
          'userId' in who ? await tx<UserRow[]>`SELECT * FROM users WHERE id = ${who.userId} FOR NO KEY UPDATE` : [];
        await lockSpace(tx, invite.space_id);
        // An invite speaks for the owner who made it: once they are removed, demoted or gone, it no longer holds.
        if ((await membership(tx, invite.space_id, invite.created_by))?.role !== 'owner') {
          return { ok: false, reason: 'inviter-gone' };
        }
        const existing: User | null = row ? toUser(row) : null;
        if ('userId' in who && !existing) return { ok: false, reason: 'not-found' };
        const name = existing?.name ?? ('name' in who ? who.name : '');
        if (await nameTaken(tx, invite.space_id, name, existing?.id ?? '')) return { ok: false, reason: 'name-taken' };
        const user = existing ?? (await createUser(tx, name, now));
        const token = 'tokenHash' in who ? await addToken(tx, user.id, who.tokenHash, who.tokenLabel, now) : null;
        const before = (await membership(tx, invite.space_id, user.id))?.role ?? null;
        // Accepting a lesser invite never demotes someone.
        if (!before || RANK[invite.role] > RANK[before]) {
          await tx`
            INSERT INTO members (space_id, user_id, role, added_at)
            VALUES (${invite.space_id}, ${user.id}, ${invite.role}, ${now})
            ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role`;
        }
        await tx`UPDATE invites SET used_at = ${now}, used_by = ${user.id} WHERE code_hash = ${codeHash}`;
        const joined = (await membership(tx, invite.space_id, user.id))!;
        const event = { at: now, action: 'invite-accepted', actorId: invite.created_by, subjectId: user.id } as const;
        await logEvent(tx, joined.id, { ...event, roleBefore: before, roleAfter: joined.role });
        const space = { id: joined.id, name: joined.name, createdAt: joined.createdAt };
        return { ok: true, user, token, space, role: joined.role };
      }),
  };
}
