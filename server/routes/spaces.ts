import { Hono } from 'hono';
import { z } from 'zod';
import { Role } from '../../shared/sync/protocol';
import { requireRole, requireUser } from '../auth/middleware';
import { canCreateSpaces, spaceCreationRefused } from '../auth/space-creation';
import { hashSecret, newSecret } from '../auth/secrets';
import { isoAt, type Deps } from '../deps';
import { readJson } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

const SpaceBody = z.object({ name: z.string().trim().min(1, 'a space needs a name').max(200) });
const InviteBody = z.object({
  role: Role,
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});

/** Spaces (one client's shared log) and invites into them. */
export function spaceRoutes({ store, now, spaceCreation }: Deps) {
  const app = new Hono<AppEnv>();
  const signedIn = requireUser(store);

  app.post('/', signedIn, async (c) => {
    const user = c.get('user');
    if (!canCreateSpaces(user, spaceCreation)) throw new ApiError('forbidden', spaceCreationRefused(user));
    const { name } = await readJson(c, SpaceBody);
    const space = await store.createSpace(name, user.id, isoAt(now()));
    return c.json({ id: space.id, name: space.name, role: 'owner', createdAt: space.createdAt }, 201);
  });

  app.get('/:space', signedIn, requireRole(store, 'viewer'), async (c) => {
    const m = c.get('membership');
    return c.json({ id: m.id, name: m.name, role: m.role, serverSeq: await store.lastSeq(m.id) });
  });

  app.post('/:space/invites', signedIn, requireRole(store, 'owner'), async (c) => {
    const body = await readJson(c, InviteBody);
    const code = newSecret();
    const t = now();
    const invite = await store.createInvite(hashSecret(code), {
      spaceId: c.get('membership').id,
      role: body.role,
      createdBy: c.get('user').id,
      createdAt: isoAt(t),
      expiresAt: isoAt(t + body.expiresInHours * 3_600_000),
    });
    return c.json({ code, spaceId: invite.spaceId, role: invite.role, expiresAt: invite.expiresAt }, 201);
  });

  return app;
}
