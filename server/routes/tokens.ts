import { Hono } from 'hono';
import { z } from 'zod';
import { DisplayName } from '../../shared/sync/names';
import { DEVICE_CODE_LABEL, issueDeviceCode } from '../auth/device-codes';
import { requireUser, tokenExpired } from '../auth/middleware';
import { isoAt, type Deps } from '../deps';
import { readJson } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

/** A device's label is plain text, as a display name is. */
export const DeviceLabel = DisplayName;
const CodeBody = z.object({ label: DeviceLabel.optional() });

/**
 * One's own devices: `GET /v1/tokens` lists the tokens still in force (`current` marks the one asking);
 * `DELETE /v1/tokens/:id` revokes one of them, `DELETE /v1/tokens/current` the one asking (sign out). Another
 * person's token, like an unknown or already revoked one, is `404`. A revoked token's event streams end at once.
 * `POST /v1/tokens/codes` makes a device sign-in code for the caller's own account (and only theirs: the body names
 * no one), which a new device trades for a token of its own at `POST /v1/device-codes/:code/accept`.
 */
export function tokenRoutes({ store, now, pokes, tokenMaxIdleMs }: Deps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(store));

  app.get('/', async (c) => {
    const current = c.get('token').id;
    const t = now();
    const tokens = (await store.listTokens(c.get('user').id))
      .filter((token) => !token.revokedAt && !tokenExpired(token, t, tokenMaxIdleMs))
      .map((token) => ({
        id: token.id,
        label: token.label,
        createdAt: token.createdAt,
        lastUsedAt: token.lastUsedAt,
        current: token.id === current,
      }));
    return c.json({ tokens });
  });

  app.post('/codes', async (c) => {
    const { label } = await readJson(c, CodeBody);
    const made = await issueDeviceCode(store, c.get('user').id, {
      label: label ?? DEVICE_CODE_LABEL.device,
      createdBy: c.get('token').id,
      now: now(),
    });
    return c.json(made, 201);
  });

  app.delete('/:id', async (c) => {
    const param = c.req.param('id');
    const id = param === 'current' ? c.get('token').id : param;
    const own = (await store.listTokens(c.get('user').id)).find((token) => token.id === id && !token.revokedAt);
    if (!own || !(await store.revokeToken(id, isoAt(now()))))
      throw new ApiError('not-found', 'No such token of yours.');
    pokes.closeToken(id);
    return c.body(null, 204);
  });

  return app;
}
