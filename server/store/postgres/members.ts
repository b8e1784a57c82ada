import type postgres from 'postgres';
import { nameKey } from '../../../shared/sync/names';
import type { Role } from '../../../shared/sync/protocol';
import { type EventRow, toEvent } from '../rows';
import type { Member, MemberChange, MembershipEvent, SyncStore } from '../types';
import { bumpAuthMark, type Db } from './db';
import { toUser, type UserRow } from './people';

/**
 * Holds the space's membership changes off until this transaction ends, so that checks such as "a space keeps an
 * owner" and "names are unique in a space" hold with several processes. FOR NO KEY UPDATE: pushes, whose rows
 * reference the space, are not held.
 */
export async function lockSpace(tx: Db, spaceId: string): Promise<void> {
  await tx`SELECT 1 FROM spaces WHERE id = ${spaceId} FOR NO KEY UPDATE`;
}

/** Adds a line to the space's membership trail. */
export async function logEvent(
  tx: Db,
  spaceId: string,
  e: Pick<MembershipEvent, 'at' | 'action' | 'actorId' | 'subjectId' | 'roleBefore' | 'roleAfter'>,
): Promise<void> {
  await tx`
    INSERT INTO membership_events (space_id, at, action, actor_id, subject_id, role_before, role_after)
    VALUES (${spaceId}, ${e.at}, ${e.action}, ${e.actorId}, ${e.subjectId}, ${e.roleBefore}, ${e.roleAfter})`;
}

/** Whether another member of the space goes by this name, compared without case and surrounding spaces. */
export async function nameTaken(tx: Db, spaceId: string, name: string, userId: string): Promise<boolean> {
  const key = nameKey(name);
  const rows = await tx<{ name: string }[]>`
    SELECT u.name FROM members m JOIN users u ON u.id = m.user_id
    WHERE m.space_id = ${spaceId} AND m.user_id <> ${userId}`;
  return rows.some((r) => nameKey(r.name) === key);
}

async function roleOf(tx: Db, spaceId: string, userId: string): Promise<Role | undefined> {
  const [row] = await tx<
    { role: Role }[]
  >`SELECT role FROM members WHERE space_id = ${spaceId} AND user_id = ${userId}`;
  return row?.role;
}

async function lastOwner(tx: Db, spaceId: string, before: Role, after: Role | null): Promise<boolean> {
  if (before !== 'owner' || after === 'owner') return false;
  const [row] = await tx<{ n: number }[]>`
    SELECT count(*)::int AS n FROM members WHERE space_id = ${spaceId} AND role = 'owner'`;
  return row!.n <= 1;
}

type MembersPart = Pick<
  SyncStore,
  'listMembers' | 'touchMember' | 'setMemberRole' | 'removeMember' | 'membershipEvents' | 'lastRemoval' | 'renameUser'
>;

/** Members of a space: the list, roles, removal and leaving (each in the trail), last seen, and renaming. */
export function membersPart(sql: postgres.Sql): MembersPart {
  return {
    listMembers: async (spaceId) => {
      const rows = await sql<{ id: string; name: string; role: Role; added_at: string; last_seen_at: string | null }[]>`
        SELECT u.id, u.name, m.role, m.added_at, m.last_seen_at FROM members m JOIN users u ON u.id = m.user_id
        WHERE m.space_id = ${spaceId} ORDER BY m.added_at, lower(u.name), u.id`;
      return rows.map((r): Member => ({
        id: r.id,
        name: r.name,
        role: r.role,
        joinedAt: r.added_at,
        lastSeenAt: r.last_seen_at,
      }));
    },
    touchMember: async (spaceId, userId, now) => {
      await sql`UPDATE members SET last_seen_at = ${now} WHERE space_id = ${spaceId} AND user_id = ${userId}`;
    },
    setMemberRole: (spaceId, userId, role, actorId, now) =>
      sql.begin(async (tx): Promise<MemberChange> => {
        await lockSpace(tx, spaceId);
        const before = await roleOf(tx, spaceId, userId);
        if (!before) return { ok: false, reason: 'not-found' };
        if (before === role) return { ok: true, before, after: role };
        if (await lastOwner(tx, spaceId, before, role)) return { ok: false, reason: 'last-owner' };
        await tx`UPDATE members SET role = ${role} WHERE space_id = ${spaceId} AND user_id = ${userId}`;
        const event = { at: now, action: 'role-changed', actorId, subjectId: userId, roleBefore: before } as const;
        await logEvent(tx, spaceId, { ...event, roleAfter: role });
        await bumpAuthMark(tx);
        return { ok: true, before, after: role };
      }),
    removeMember: (spaceId, userId, actorId, now) =>
      sql.begin(async (tx): Promise<MemberChange> => {
        await lockSpace(tx, spaceId);
        const before = await roleOf(tx, spaceId, userId);
        if (!before) return { ok: false, reason: 'not-found' };
        if (await lastOwner(tx, spaceId, before, null)) return { ok: false, reason: 'last-owner' };
        await tx`DELETE FROM members WHERE space_id = ${spaceId} AND user_id = ${userId}`;
        const action = actorId === userId ? 'left' : 'removed';
        await logEvent(tx, spaceId, {
          at: now,
          action,
          actorId,
          subjectId: userId,
          roleBefore: before,
          roleAfter: null,
        });
        await bumpAuthMark(tx);
        return { ok: true, before, after: null };
      }),
    membershipEvents: async (spaceId) => {
      const rows = await sql<EventRow[]>`
        SELECT e.at, e.action, e.actor_id, a.name AS actor_name, e.subject_id, s.name AS subject_name,
               e.role_before, e.role_after
        FROM membership_events e JOIN users a ON a.id = e.actor_id JOIN users s ON s.id = e.subject_id
        WHERE e.space_id = ${spaceId} ORDER BY e.id`;
      return rows.map(toEvent);
    },
    lastRemoval: async (spaceId, userId) => {
      const [r] = await sql<
        { at: string; action: 'removed' | 'left'; actor_id: string; actor_name: string; space_name: string }[]
      >`
        SELECT e.at, e.action, e.actor_id, a.name AS actor_name, s.name AS space_name
        FROM membership_events e JOIN users a ON a.id = e.actor_id JOIN spaces s ON s.id = e.space_id
        WHERE e.space_id = ${spaceId} AND e.subject_id = ${userId} AND e.action IN ('removed', 'left')
        ORDER BY e.id DESC LIMIT 1`;
      return r
        ? { action: r.action, at: r.at, actorId: r.actor_id, actorName: r.actor_name, spaceName: r.space_name }
        : null;
    },
    // Locks the person, then their spaces in id order (as an invite does: person, then space), so no one joins one
    // of them under the new name meanwhile.
    renameUser: (userId, name) =>
      sql.begin(async (tx) => {
        await tx`SELECT 1 FROM users WHERE id = ${userId} FOR NO KEY UPDATE`;
        const spaces = await tx<{ id: string }[]>`
          SELECT s.id FROM spaces s JOIN members m ON m.space_id = s.id WHERE m.user_id = ${userId}
          ORDER BY s.id FOR NO KEY UPDATE OF s`;
        for (const space of spaces) {
          if (await nameTaken(tx, space.id, name, userId)) return { ok: false as const, reason: 'name-taken' as const };
        }
        const [row] = await tx<UserRow[]>`UPDATE users SET name = ${name} WHERE id = ${userId} RETURNING *`;
        return { ok: true as const, user: toUser(row!) };
      }),
  };
}
