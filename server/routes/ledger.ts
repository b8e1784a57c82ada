import { Hono } from 'hono';
import { z } from 'zod';
import { fromHex, toHex } from '../../shared/ledger/bytes';
import { verifyCheckpointSignature } from '../../shared/ledger/checkpoint';
import { deviceRecordId } from '../../shared/domain/device';
import { keyIdOf } from '../../shared/ledger/ed25519';
import {
  CheckpointsQuery,
  type CheckpointsResponse,
  ConsistencyQuery,
  type ConsistencyResponse,
  CosignatureRequest,
  type CosignatureResponse,
  LeavesQuery,
  type LeavesResponse,
  type ServerKeyResponse,
} from '../../shared/sync/ledger';
import type { LoggedChange } from '../../shared/sync/protocol';
import { requireRole, requireUser } from '../auth/middleware';
import { isoAt, type Deps } from '../deps';
import { parseWith, readJson } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { signedCheckpoint } from '../ledger/ledger';

/** `GET /v1/server-key`: the key checkpoints are signed with, for anyone (it is what a verifier pins). */
export function serverKeyRoutes({ ledger }: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/server-key', async (c) => {
    const key = await ledger.serverKey();
    const body: ServerKeyResponse = {
      algorithm: 'Ed25519',
      keyId: key.keyId,
      publicKey: toHex(key.publicKey),
      createdAt: key.createdAt,
    };
    return c.json(body);
  });
  return app;
}

const Size = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a checkpoint is named by its size, a whole number from 1')
  .transform(Number);

/**
 * A space's verifiable log, for its members (viewers too: they verify, they write no records): consistency proofs
 * between its checkpoints, its leaves exactly as hashed, its checkpoints with their co-signatures, and devices'
 * co-signatures, each by a device key the member's account registered in the space's log (a `devices` record).
 */
export function ledgerRoutes({ store, now, ledger }: Deps) {
  const app = new Hono<AppEnv>();
  const member = [requireUser(store), requireRole(store, 'viewer')] as const;

  app.get('/:space/log/consistency', ...member, async (c) => {
    const space = c.get('membership').id;
    const { from, to } = parseWith(ConsistencyQuery, c.req.query());
    if (from > to) throw new ApiError('bad-request', `from (${from}) is after to (${to}): a log only grows.`);
    const head = await store.ledgerHead(space);
    if (to > head.frontier.size) {
      throw new ApiError(
        'bad-request',
        `to (${to}) is past the end of this space's log (${head.frontier.size} changes).`,
      );
    }
    if (to !== head.frontier.size && !(await store.getCheckpoint(space, to))) {
      throw new ApiError(
        'bad-request',
        `to (${to}) is neither the log's size (${head.frontier.size}) nor the size of one of its checkpoints.`,
      );
    }
    const body: ConsistencyResponse = { from, to, proof: await ledger.consistencyProof(space, from, to) };
    return c.json(body);
  });

  // The audit's own read (store.readLog): what is hashed is what the audit, pulls and this page show.
  app.get('/:space/log/leaves', ...member, async (c) => {
    const space = c.get('membership').id;
    const { after, limit } = parseWith(LeavesQuery, c.req.query());
    const rows = await store.readLog(space, after, limit + 1);
    const changes: LoggedChange[] = rows.slice(0, limit);
    const body: LeavesResponse = { changes, more: rows.length > limit };
    return c.json(body);
  });

  app.get('/:space/checkpoints', ...member, async (c) => {
    const space = c.get('membership').id;
    const { after, limit } = parseWith(CheckpointsQuery, c.req.query());
    const stored = await store.listCheckpoints(space, after, limit);
    const keys = await store.signingKeys(stored.map((cp) => cp.keyId));
    const body: CheckpointsResponse = { checkpoints: stored.map(signedCheckpoint), keys };
    return c.json(body);
  });

  app.post('/:space/checkpoints/:size/cosignatures', ...member, async (c) => {
    const space = c.get('membership').id;
    const user = c.get('user');
    const size = parseWith(Size, c.req.param('size'));
    const { keyId, signature, clientId } = await readJson(c, CosignatureRequest);
    const checkpoint = await store.getCheckpoint(space, size);
    if (!checkpoint) throw new ApiError('not-found', `This space has no checkpoint at size ${size}.`);
    // A device of this account in this space's log: its record (id made from the key and the client), not deleted,
    // naming this key and this client, its key written by this account.
    const device = await store.readRecord(space, 'devices', deviceRecordId(keyId, clientId));
    const publicKey = device?.fields.publicKey;
    const registered =
      device !== null &&
      device.fields._deleted === undefined &&
      device.fields.keyId?.value === keyId &&
      device.fields.clientId?.value === clientId &&
      publicKey !== undefined &&
      publicKey.authorId === user.id &&
      typeof publicKey.value === 'string' &&
      /^[0-9a-f]{64}$/.test(publicKey.value) &&
      keyIdOf(fromHex(publicKey.value)) === keyId;
    if (!registered) {
      throw new ApiError(
        'unknown-device',
        `Key ${keyId} is not a device your account registered in this space's log for client ${clientId}: push ` +
          'its devices record first.',
      );
    }
    const valid = await verifyCheckpointSignature(
      { space, size, root: checkpoint.root, time: checkpoint.time },
      { keyId, signature },
      fromHex(publicKey.value as string),
    );
    if (!valid) {
      throw new ApiError(
        'bad-signature',
        `That is not device ${keyId}'s signature of checkpoint ${size} (sign checkpointMessage of space, size, root and time).`,
      );
    }
    const created = await store.addCosignature(space, size, { keyId, signature, accountId: user.id, at: isoAt(now()) });
    const body: CosignatureResponse = { checkpoint: signedCheckpoint((await store.getCheckpoint(space, size))!) };
    return c.json(body, created ? 201 : 200);
  });

  return app;
}
