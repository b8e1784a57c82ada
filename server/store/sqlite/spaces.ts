import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/sync/protocol';
import type { AcceptInvite, AcceptResult, Membership, SyncStore } from '../types';
import { membershipTrail } from './members';
import type { PeoplePart } from './people';
import type { Synchronous } from './promised';

type MemberRow = { id: string; name: string; created_at: string; role: Role };
const toMembership = (r: MemberRow): Membership => ({ id: r.id, name: r.name, createdAt: r.created_at, role: r.role });
const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

type SpacesPart = Synchronous<
  Pick<SyncStore, 'createSpace' | 'membership' | 'listMemberships' | 'createInvite' | 'acceptInvite'>
>;

/** Spaces, their members with roles, and invites (which may create a person, hence `people`). */
export function spacesPart(db: Database.Database, people: PeoplePart): SpacesPart {
  const q = {
    insertSpace: db.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)'),
    space: db.prepare<[string], { id: string; name: string; created_at: string }>('SELECT * FROM spaces WHERE id = ?'),
    upsertMember: db.prepare(
      `INSERT INTO members (space_id, user_id, role, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role`,
    ),
    membership: db.prepare<[string, string], MemberRow>(
      `SELECT s.id, s.name, s.created_at, m.role FROM members m JOIN spaces s ON s.id = m.space_id
       WHERE m.space_id = ? AND m.user_id = ?`,
    ),
    memberships: db.prepare<[string], MemberRow>(
      `SELECT s.id, s.name, s.created_at, m.role FROM members m JOIN spaces s ON s.id = m.space_id
       WHERE m.user_id = ? ORDER BY s.name, s.id`,
    ),
    insertInvite: db.prepare(
      `INSERT INTO invites (code_hash, space_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    invite: db.prepare<
      [string],
      { space_id: string; role: Role; created_by: string; expires_at: string; used_at: string | null }
    >('SELECT * FROM invites WHERE code_hash = ?'),
    useInvite: db.prepare('UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ?'),
  };

  const trail = membershipTrail(db);
  const addMember = (spaceId: string, userId: string, role: Role, now: string) => {
    const current = q.membership.get(spaceId, userId);
    // Accepting a lesser invite never demotes someone.
    if (!current || RANK[role] > RANK[current.role]) q.upsertMember.run(spaceId, userId, role, now);
  };

  return {
    createSpace: db.transaction((name: string, ownerId: string, now: string) => {
      const id = randomUUID();
      q.insertSpace.run(id, name, now);
      q.upsertMember.run(id, ownerId, 'owner', now);
      return { id, name, createdAt: now };
    }),
    membership: (spaceId, userId) => {
      const row = q.membership.get(spaceId, userId);
      return row ? toMembership(row) : null;
    },
    listMemberships: (userId) => q.memberships.all(userId).map(toMembership),

    createInvite: (codeHash, invite) => {
      q.insertInvite.run(codeHash, invite.spaceId, invite.role, invite.createdBy, invite.createdAt, invite.expiresAt);
      return { ...invite, usedAt: null, usedBy: null };
    },
    acceptInvite: db.transaction((codeHash: string, who: AcceptInvite, now: string): AcceptResult => {
      const invite = q.invite.get(codeHash);
      if (!invite) return { ok: false, reason: 'not-found' };
      if (invite.used_at) return { ok: false, reason: 'used' };
      if (Date.parse(invite.expires_at) <= Date.parse(now)) return { ok: false, reason: 'expired' };
      // An invite speaks for the owner who made it: once they are removed, demoted or gone, it no longer holds.
      if (q.membership.get(invite.space_id, invite.created_by)?.role !== 'owner') {
        return { ok: false, reason: 'inviter-gone' };
      }
      const existing = 'userId' in who ? people.getUser(who.userId) : null;
      if ('userId' in who && !existing) return { ok: false, reason: 'not-found' };
      const name = existing?.name ?? ('name' in who ? who.name : '');
      if (trail.nameTaken(invite.space_id, name, existing?.id ?? '')) return { ok: false, reason: 'name-taken' };
      const user = existing ?? people.createUser(name, now);
      const token = 'tokenHash' in who ? people.addToken(user.id, who.tokenHash, who.tokenLabel, now) : null;
      const before = q.membership.get(invite.space_id, user.id)?.role ?? null;
      addMember(invite.space_id, user.id, invite.role, now);
      q.useInvite.run(now, user.id, codeHash);
      const space = q.space.get(invite.space_id)!;
      const role = q.membership.get(invite.space_id, user.id)!.role;
      trail.log(space.id, {
        at: now,
        action: 'invite-accepted',
        actorId: invite.created_by,
        subjectId: user.id,
        roleBefore: before,
        roleAfter: role,
      });
      return { ok: true, user, token, space: { id: space.id, name: space.name, createdAt: space.created_at }, role };
    }),
  };
}
