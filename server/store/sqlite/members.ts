import type Database from 'better-sqlite3';
import { nameKey } from '../../../shared/sync/names';
import type { Role } from '../../../shared/sync/protocol';
import { type EventRow, toEvent } from '../rows';
import type { Member, MemberChange, MembershipEvent, SyncStore } from '../types';
import { toUser, type UserRow } from './people';
import type { Synchronous } from './promised';

/** The membership trail and the name rule, shared by invites (spaces.ts) and member management. */
export function membershipTrail(db: Database.Database) {
  const q = {
    insert: db.prepare(
      `INSERT INTO membership_events (space_id, at, action, actor_id, subject_id, role_before, role_after)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    names: db.prepare<[string, string], { name: string }>(
      'SELECT u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.space_id = ? AND m.user_id <> ?',
    ),
  };
  return {
    log: (
      spaceId: string,
      e: Pick<MembershipEvent, 'at' | 'action' | 'actorId' | 'subjectId' | 'roleBefore' | 'roleAfter'>,
    ) => void q.insert.run(spaceId, e.at, e.action, e.actorId, e.subjectId, e.roleBefore, e.roleAfter),
    /** Whether another member of the space goes by this name, compared without case and surrounding spaces. */
    nameTaken: (spaceId: string, name: string, userId: string) => {
      const key = nameKey(name);
      return q.names.all(spaceId, userId).some((r) => nameKey(r.name) === key);
    },
  };
}

type MembersPart = Synchronous<
  Pick<
    SyncStore,
    'listMembers' | 'touchMember' | 'setMemberRole' | 'removeMember' | 'membershipEvents' | 'lastRemoval' | 'renameUser'
  >
>;

/** Members of a space: the list, roles, removal and leaving (each in the trail), last seen, and renaming. */
export function membersPart(db: Database.Database, onAccessChange: () => void): MembersPart {
  const trail = membershipTrail(db);
  const q = {
    members: db.prepare<
      [string],
      { id: string; name: string; role: Role; added_at: string; last_seen_at: string | null }
    >(
      `SELECT u.id, u.name, m.role, m.added_at, m.last_seen_at FROM members m JOIN users u ON u.id = m.user_id
       WHERE m.space_id = ? ORDER BY m.added_at, u.name COLLATE NOCASE, u.id`,
    ),
    role: db.prepare<[string, string], { role: Role }>('SELECT role FROM members WHERE space_id = ? AND user_id = ?'),
    owners: db.prepare<[string], { n: number }>(
      "SELECT COUNT(*) AS n FROM members WHERE space_id = ? AND role = 'owner'",
    ),
    setRole: db.prepare('UPDATE members SET role = ? WHERE space_id = ? AND user_id = ?'),
    remove: db.prepare('DELETE FROM members WHERE space_id = ? AND user_id = ?'),
    touch: db.prepare('UPDATE members SET last_seen_at = ? WHERE space_id = ? AND user_id = ?'),
    events: db.prepare<[string], EventRow>(
      `SELECT e.at, e.action, e.actor_id, a.name AS actor_name, e.subject_id, s.name AS subject_name,
              e.role_before, e.role_after
       FROM membership_events e JOIN users a ON a.id = e.actor_id JOIN users s ON s.id = e.subject_id
       WHERE e.space_id = ? ORDER BY e.id`,
    ),
    lastRemoval: db.prepare<
      [string, string],
      { at: string; action: 'removed' | 'left'; actor_id: string; actor_name: string; space_name: string }
    >(
      `SELECT e.at, e.action, e.actor_id, a.name AS actor_name, s.name AS space_name
       FROM membership_events e JOIN users a ON a.id = e.actor_id JOIN spaces s ON s.id = e.space_id
       WHERE e.space_id = ? AND e.subject_id = ? AND e.action IN ('removed', 'left') ORDER BY e.id DESC LIMIT 1`,
    ),
    spacesOf: db.prepare<[string], { space_id: string }>('SELECT space_id FROM members WHERE user_id = ?'),
    rename: db.prepare('UPDATE users SET name = ? WHERE id = ?'),
    user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
  };
  const lastOwner = (spaceId: string, before: Role, after: Role | null) =>
    before === 'owner' && after !== 'owner' && q.owners.get(spaceId)!.n <= 1;

  const setMemberRole = db.transaction(
    (spaceId: string, userId: string, role: Role, actorId: string, now: string): MemberChange => {
      const before = q.role.get(spaceId, userId)?.role;
      if (!before) return { ok: false, reason: 'not-found' };
      if (before === role) return { ok: true, before, after: role };
      if (lastOwner(spaceId, before, role)) return { ok: false, reason: 'last-owner' };
      q.setRole.run(role, spaceId, userId);
      trail.log(spaceId, {
        at: now,
        action: 'role-changed',
        actorId,
        subjectId: userId,
        roleBefore: before,
        roleAfter: role,
      });
      return { ok: true, before, after: role };
    },
  );
  const removeMember = db.transaction((spaceId: string, userId: string, actorId: string, now: string): MemberChange => {
    const before = q.role.get(spaceId, userId)?.role;
    if (!before) return { ok: false, reason: 'not-found' };
    if (lastOwner(spaceId, before, null)) return { ok: false, reason: 'last-owner' };
    q.remove.run(spaceId, userId);
    const action = actorId === userId ? 'left' : 'removed';
    trail.log(spaceId, { at: now, action, actorId, subjectId: userId, roleBefore: before, roleAfter: null });
    return { ok: true, before, after: null };
  });
  const renameUser = db.transaction((userId: string, name: string) => {
    const clash = q.spacesOf.all(userId).some((r) => trail.nameTaken(r.space_id, name, userId));
    if (clash) return { ok: false as const, reason: 'name-taken' as const };
    q.rename.run(name, userId);
    const row = q.user.get(userId)!;
    return { ok: true as const, user: toUser(row) };
  });

  return {
    listMembers: (spaceId) =>
      q.members.all(spaceId).map((r): Member => ({
        id: r.id,
        name: r.name,
        role: r.role,
        joinedAt: r.added_at,
        lastSeenAt: r.last_seen_at,
      })),
    touchMember: (spaceId, userId, now) => void q.touch.run(now, spaceId, userId),
    setMemberRole: (...args) => {
      const result = setMemberRole(...args);
      if (result.ok && result.before !== result.after) onAccessChange();
      return result;
    },
    removeMember: (...args) => {
      const result = removeMember(...args);
      if (result.ok) onAccessChange();
      return result;
    },
    membershipEvents: (spaceId) => q.events.all(spaceId).map(toEvent),
    lastRemoval: (spaceId, userId) => {
      const r = q.lastRemoval.get(spaceId, userId);
      return r
        ? { action: r.action, at: r.at, actorId: r.actor_id, actorName: r.actor_name, spaceName: r.space_name }
        : null;
    },
    renameUser: (userId, name) => renameUser(userId, name),
  };
}
