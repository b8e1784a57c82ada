import { Hono } from 'hono';
import { z } from 'zod';
import { Role } from '../../shared/sync/protocol';
import { requireRole, requireUser } from '../auth/middleware';
import { isoAt, type Deps } from '../deps';
import { readJson } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import type { MemberChange } from '../store/types';

const RoleBody = z.object({ role: Role }).strict();

function refused(result: Exclude<MemberChange, { ok: true }>): never {
  if (result.reason === 'last-owner') {
    throw new ApiError('last-owner', 'A space always keeps an owner: make someone else owner first.');
  }
  throw new ApiError('not-found', 'No such member in this space.');
}

/**
 * Members of a space: anyone in it sees the list; the owner changes roles and removes people; anyone may leave.
 * A change holds from the next request (every request reads the membership) and ends the member's open event
 * streams at once; each is in the space's membership trail (audit).
 */
export function memberRoutes({ store, now, pokes }: Deps) {
  const app = new Hono<AppEnv>();
  const signedIn = requireUser(store);

  app.get('/:space/members', signedIn, requireRole(store, 'viewer'), async (c) => {
    return c.json({ members: await store.listMembers(c.get('membership').id) });
  });

  app.patch('/:space/members/:userId', signedIn, requireRole(store, 'owner'), async (c) => {
    const { role } = await readJson(c, RoleBody);
    const space = c.get('membership').id;
    const userId = c.req.param('userId');
    const result = await store.setMemberRole(space, userId, role, c.get('user').id, isoAt(now()));
    if (!result.ok) refused(result);
    if (result.before !== result.after) pokes.closeMember(space, userId);
    const member = (await store.listMembers(space)).find((m) => m.id === userId)!;
    return c.json({ id: member.id, name: member.name, role: member.role });
  });

  app.delete('/:space/members/:userId', signedIn, requireRole(store, 'viewer'), async (c) => {
    const { id: space, role } = c.get('membership');
    const userId = c.req.param('userId');
    const me = c.get('user').id;
    if (userId !== me && role !== 'owner') {
      throw new ApiError('forbidden', `Removing someone else needs the owner role in this space; you are ${role}.`);
    }
    const result = await store.removeMember(space, userId, me, isoAt(now()));
    if (!result.ok) refused(result);
    pokes.closeMember(space, userId);
    return c.body(null, 204);
  });

  return app;
}
