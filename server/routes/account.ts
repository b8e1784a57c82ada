import { Hono } from 'hono';
import { z } from 'zod';
import { DisplayName } from '../../shared/sync/names';
import { authenticate, presentedToken, requireUser } from '../auth/middleware';
import { canCreateSpaces } from '../auth/space-creation';
import { hashSecret, newSecret, SECRET_PATTERN } from '../auth/secrets';
import { isoAt, type Deps } from '../deps';
import { readJson } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { DeviceLabel } from './tokens';

const Name = DisplayName;
const SetupBody = z.object({ code: z.string().regex(SECRET_PATTERN, 'not a setup code'), name: Name });
const AcceptBody = z.object({ name: Name.optional() });
const RenameBody = z.object({ name: Name }).strict();
const DeviceBody = z.object({ label: DeviceLabel.optional() });

/** Signing in: the one-time setup code, invite acceptance, device sign-in codes, and who am I. */
export function accountRoutes({ store, now, spaceCreation }: Deps) {
  const app = new Hono<AppEnv>();

  app.post('/setup', async (c) => {
    const body = await readJson(c, SetupBody);
    const token = newSecret();
    const done = await store.completeSetup(hashSecret(body.code), body.name, hashSecret(token), isoAt(now()));
    if (!done) throw new ApiError('unauthorized', 'That setup code is wrong or has already been used.');
    return c.json({ user: { id: done.user.id, name: done.user.name }, token, tokenId: done.token.id }, 201);
  });

  // With a token: adds the caller to the space. Without: creates a person with a token, shown once.
  app.post('/invites/:code/accept', async (c) => {
    const code = c.req.param('code');
    const body = await readJson(c, AcceptBody);
    const presented = presentedToken(c);
    if (presented !== null) await authenticate(store, c, presented);
    const signedIn = presented !== null ? c.get('user') : null;
    if (!signedIn && !body.name) throw new ApiError('bad-request', 'name: say who you are to accept the invite.');
    const token = signedIn ? null : newSecret();
    const who = signedIn
      ? { userId: signedIn.id }
      : { name: body.name!, tokenHash: hashSecret(token!), tokenLabel: 'invite' };
    const result = SECRET_PATTERN.test(code)
      ? await store.acceptInvite(hashSecret(code), who, isoAt(now()))
      : ({ ok: false, reason: 'not-found' } as const);
    if (!result.ok) {
      if (result.reason === 'used')
        throw new ApiError('invite-used', 'This invite has already been used; ask for a new one.');
      if (result.reason === 'expired')
        throw new ApiError('invite-expired', 'This invite has expired; ask for a new one.');
      if (result.reason === 'inviter-gone') {
        throw new ApiError(
          'invite-expired',
          'The person who made this invite is no longer an owner of the space, so it no longer holds; ask an owner for a new one.',
        );
      }
      if (result.reason === 'name-taken') {
        throw new ApiError('name-taken', 'Someone in this space already goes by that name: choose another one.');
      }
      throw new ApiError('not-found', 'No such invite.');
    }
    const space = { id: result.space.id, name: result.space.name, role: result.role };
    const user = { id: result.user.id, name: result.user.name };
    return c.json(token ? { user, space, token, tokenId: result.token!.id } : { user, space });
  });

  // A device sign-in code (made by another of the person's devices, or by the admin) signs this device in to that
  // person's own account: a new token, shown once. The code is the only credential: a bearer token sent along is
  // ignored (a signed-out device may still hold its old one), and the rate limit counts these by client address.
  // Used, expired and unknown codes answer as invites do (`410 invite-used`, `410 invite-expired`, `404 not-found`).
  app.post('/device-codes/:code/accept', async (c) => {
    const code = c.req.param('code');
    const { label } = await readJson(c, DeviceBody);
    const token = newSecret();
    const result = SECRET_PATTERN.test(code)
      ? await store.acceptDeviceCode(hashSecret(code), hashSecret(token), label ?? null, isoAt(now()))
      : ({ ok: false, reason: 'not-found' } as const);
    if (!result.ok) {
      if (result.reason === 'used') {
        throw new ApiError('invite-used', 'This device code has already been used; make a new one on your device.');
      }
      if (result.reason === 'expired') {
        throw new ApiError('invite-expired', 'This device code has expired; make a new one on your device.');
      }
      if (result.reason === 'creator-signed-out') {
        throw new ApiError(
          'invite-expired',
          'The device that made this code has been signed out since, so the code no longer holds; make a new one on a device that is signed in.',
        );
      }
      throw new ApiError('not-found', 'No such device code.');
    }
    const user = { id: result.user.id, name: result.user.name };
    return c.json({ user, token, tokenId: result.token.id });
  });

  app.get('/me', requireUser(store), async (c) => {
    const user = c.get('user');
    const spaces = (await store.listMemberships(user.id)).map((m) => ({ id: m.id, name: m.name, role: m.role }));
    return c.json({
      user: { id: user.id, name: user.name },
      spaces,
      canCreateSpaces: canCreateSpaces(user, spaceCreation),
    });
  });

  // Renaming: the name must stay unique in every space the person is in.
  app.patch('/me', requireUser(store), async (c) => {
    const { name } = await readJson(c, RenameBody);
    const result = await store.renameUser(c.get('user').id, name);
    if (!result.ok) {
      throw new ApiError('name-taken', 'Someone in one of your spaces already goes by that name: choose another one.');
    }
    return c.json({ user: { id: result.user.id, name: result.user.name } });
  });

  return app;
}
