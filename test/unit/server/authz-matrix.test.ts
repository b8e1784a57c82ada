import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../../../server/auth/secrets';
import { prepareSetup } from '../../../server/auth/setup';
import { DAY_MS } from '../../../server/deps';
import { Ledger } from '../../../server/ledger/ledger';
import { applyBatch } from '../../../server/sync/apply-batch';
import { deviceRecordId } from '../../../shared/domain/device';
import { toHex } from '../../../shared/ledger/bytes';
import { type KeySignature, signCheckpoint } from '../../../shared/ledger/checkpoint';
import { generateSigningKey, keyIdOf } from '../../../shared/ledger/ed25519';
import { blobPath } from '../../../shared/sync/blobs';
import { harness, pushBody } from './helpers';

/**
 * The authorization matrix: every endpoint of the API × every kind of caller, with the status each cell must get.
 * Each cell runs against a world of its own (a fresh app on SQLite :memory:), so a cell that removes a member or
 * signs a token out cannot change another cell's answer. Every request is valid for its endpoint (right content
 * type, a body of the right shape, an invite not yet used, a member that exists): the status is the authorization's.
 *
 * Callers, in the world `world()` builds: a space "Acme" owned by Dana, who is the server owner (she completed
 * setup); in it
 *   owner    Dana, owner of Acme and the server owner
 *   editor   Sam, editor
 *   viewer   Vic, viewer
 *   removed  Rex, an editor the owner removed (his token is still good: he is a signed-in user, just not in Acme)
 *   revoked  Ray, an editor whose token was revoked (signed out)
 *   expired  Eve, an editor whose token went unused past the idle limit (7 days here: the others use theirs on
 *            day 6, and every cell runs on day 8)
 *   other    Olga, owner of another space, Beta (invited into it as owner by Dana), not a member of Acme
 *   none     no Authorization header
 * plus Tia, a viewer of Acme who is the subject of the member rows (never a caller).
 *
 * Setup is one-time and done in that world, so its row runs in the same world with setup still pending (see
 * `world`): the setup code is its only credential, and any bearer token, even a revoked or expired one, is ignored.
 */
const CALLERS = ['owner', 'editor', 'viewer', 'removed', 'revoked', 'expired', 'other', 'none'] as const;
type Caller = (typeof CALLERS)[number];

const MATRIX = `
  endpoint                                               owner editor viewer removed revoked expired other none
  GET    /v1/health                                       200   200    200    200     200     200    200   200
  POST   /v1/setup                                        201   201    201    201     201     201    201   201
  POST   /v1/invites/:code/accept                         200   200    200    200     401     401    200   200
  GET    /v1/me                                           200   200    200    200     401     401    200   401
  PATCH  /v1/me                                           200   200    200    200     401     401    200   401
  GET    /v1/tokens                                       200   200    200    200     401     401    200   401
  DELETE /v1/tokens/:id                                   204   204    204    204     401     401    204   401
  DELETE /v1/tokens/current                               204   204    204    204     401     401    204   401
  POST   /v1/tokens/codes                                 201   201    201    201     401     401    201   401
  POST   /v1/device-codes/:code/accept                    200   200    200    200     200     200    200   200
  POST   /v1/spaces                                       201   403    403    403     401     401    403   401
  GET    /v1/spaces/:space                                200   200    200    403     401     401    404   401
  POST   /v1/spaces/:space/invites                        201   403    403    403     401     401    404   401
  GET    /v1/spaces/:space/members                        200   200    200    403     401     401    404   401
  PATCH  /v1/spaces/:space/members/:userId                200   403    403    403     401     401    404   401
  DELETE /v1/spaces/:space/members/:userId                204   403    403    403     401     401    404   401
  DELETE /v1/spaces/:space/members/:userId (leave)        409   204    204    403     401     401    404   401
  POST   /v1/spaces/:space/push                           200   200    403    403     401     401    404   401
  GET    /v1/spaces/:space/pull                           200   200    200    403     401     401    404   401
  GET    /v1/spaces/:space/snapshot                       200   200    200    403     401     401    404   401
  GET    /v1/spaces/:space/audit                          200   200    200    403     401     401    404   401
  GET    /v1/spaces/:space/events                         200   200    200    403     401     401    404   401
  GET    /v1/spaces/:space/events (token in url)          401   401    401    401     401     401    401   401
  PUT    /v1/spaces/:space/blobs/:sha256                  201   201    403    403     401     401    404   401
  GET    /v1/spaces/:space/blobs/:sha256                  200   200    200    403     401     401    404   401
  POST   /v1/spaces/:space/blobs/missing                  200   200    403    403     401     401    404   401
  GET    /v1/server-key                                   200   200    200    200     200     200    200   200
  GET    /v1/spaces/:space/log/consistency                200   200    200    403     401     401    404   401
  GET    /v1/spaces/:space/log/leaves                     200   200    200    403     401     401    404   401
  GET    /v1/spaces/:space/checkpoints                    200   200    200    403     401     401    404   401
  POST   /v1/spaces/:space/checkpoints/:size/cosignatures 201   201    201    403     401     401    404   401
`;
// Notes on some cells:
// - accept: the invite code is the credential. With a token the caller joins as themself (the owner stays owner: an
//   invite never demotes), a removed member comes back, a non-member joins; without one a new person is created.
//   A revoked or expired token is refused, never treated as "no token".
// - tokens/:id: each caller revokes a token of their own (their current one, by id); "none" names the owner's.
// - tokens/codes: each caller makes a device sign-in code for their own account (a removed member is still a user).
// - device-codes accept: like setup, the code (Sam's, made by the admin command line) is the only credential: any
//   bearer token sent along, even a revoked or expired one, is ignored, and the new token is always Sam's.
// - spaces (create): who may create spaces is a server setting (`spaceCreation`); this is the default, `allowed`:
//   the server owner and users an admin allows. Olga owns a space (Dana made it and invited her as owner) but was
//   never allowed to create one.
// - members/:userId: the owner's part (change Tia's role to editor, remove Tia); "leave" is each caller's own id,
//   which anyone may do for themself, except the last owner: 409 last-owner (make someone else owner first).
// - removed: Rex is still a signed-in user (his own account rows are 200), but every request about Acme is
//   `403 removed`, which tells him who removed him and when; Olga, who was never in Acme, gets `404 not-found`,
//   exactly as for a space that does not exist.
// - events: the token goes in the Authorization header only; a 200 is read up to its first poke, then dropped.
//   "token in url" sends the caller's token as `?token=` and no header: refused, as if there were no token, so a
//   long-lived token never has to travel in a URL (proxy and browser logs).
// - blobs: the PUT sends a new image's raw bytes (image/png) under their hash; the GET reads one the owner uploaded;
//   missing asks about both. The same roles as push (write) and pull (read).
// - server-key: the public key checkpoints are signed with, for anyone, like health (a bearer token is not read).
// - log and checkpoints: every member, viewers too (they verify what they pull). A co-signature is each caller's own
//   device's signature of the log's checkpoint, its device registered in Acme's log by that caller's account.

type Row = { label: string; method: string; path: string; variant: string | null; expected: Record<Caller, number> };

function parseMatrix(text: string): Row[] {
  const lines = text.split('\n').filter((l) => l.trim());
  const [header, ...rows] = lines;
  expect(header!.trim().split(/\s+/).slice(1)).toEqual([...CALLERS]);
  return rows.map((line) => {
    const match = /^\s*([A-Z]+)\s+(\S+)(?:\s+\(([a-z ]+)\))?((?:\s+\d{3}){8})\s*$/.exec(line);
    if (!match) throw new Error(`not a matrix row: ${line}`);
    const [, method, path, variant, statuses] = match;
    const codes = statuses!.trim().split(/\s+/).map(Number);
    const label = `${method} ${path}${variant ? ` (${variant})` : ''}`;
    return {
      label,
      method: method!,
      path: path!,
      variant: variant ?? null,
      expected: Object.fromEntries(CALLERS.map((c, i) => [c, codes[i]!])) as Record<Caller, number>,
    };
  });
}

const ROWS = parseMatrix(MATRIX);
const IDLE_MS = 7 * DAY_MS;

type Person = { token: string; tokenId: string; id: string; name: string };

/**
 * The world described above, on a fresh in-memory store, made through the store (as the API and the admin command
 * line would make it) so that the cell's request is the only one through the app. With `setup: 'pending'` (the setup
 * row) the server has just printed its one-time setup code and nobody has used it: Dana, who owns Acme, is then not
 * the server owner (whoever completes setup becomes it).
 */
async function world(setup: 'done' | 'pending' = 'done') {
  const h = harness({ tokenMaxIdleMs: IDLE_MS });
  const at = () => new Date(h.clock.now).toISOString();
  const setupCode = (await prepareSetup(h.store, new Date(h.clock.now)))!;
  let dana: Person;
  if (setup === 'done') {
    const token = newSecret();
    const done = (await h.store.completeSetup(hashSecret(setupCode), 'Dana', hashSecret(token), at()))!;
    dana = { token, tokenId: done.token.id, id: done.user.id, name: 'Dana' };
  } else {
    const user = await h.store.createUser('Dana', at());
    const token = newSecret();
    dana = {
      token,
      tokenId: (await h.store.addToken(user.id, hashSecret(token), 'admin', at())).id,
      id: user.id,
      name: 'Dana',
    };
  }
  const space = (await h.store.createSpace('Acme', dana.id, at())).id;
  const beta = (await h.store.createSpace('Beta', dana.id, at())).id;
  const invite = async (into: string, role: 'owner' | 'editor' | 'viewer') => {
    const code = newSecret();
    const expiresAt = new Date(h.clock.now + 30 * DAY_MS).toISOString();
    await h.store.createInvite(hashSecret(code), {
      spaceId: into,
      role,
      createdBy: dana.id,
      createdAt: at(),
      expiresAt,
    });
    return code;
  };
  const join = async (into: string, role: 'owner' | 'editor' | 'viewer', name: string): Promise<Person> => {
    const token = newSecret();
    const joined = await h.store.acceptInvite(
      hashSecret(await invite(into, role)),
      { name, tokenHash: hashSecret(token), tokenLabel: 'invite' },
      at(),
    );
    if (!joined.ok) throw new Error(`${name} could not join: ${joined.reason}`);
    return { token, tokenId: joined.token!.id, id: joined.user.id, name };
  };
  const sam = await join(space, 'editor', 'Sam');
  const vic = await join(space, 'viewer', 'Vic');
  const rex = await join(space, 'editor', 'Rex');
  const ray = await join(space, 'editor', 'Ray');
  const eve = await join(space, 'editor', 'Eve');
  const tia = await join(space, 'viewer', 'Tia');
  const olga = await join(beta, 'owner', 'Olga');

  expect((await h.store.removeMember(space, rex.id, dana.id, at())).ok).toBe(true);
  expect(await h.store.revokeToken(ray.tokenId, at())).toBe(true);
  // Six days on, everyone but Eve uses their token; two days later only Eve's has gone unused past the limit.
  h.clock.now += IDLE_MS - DAY_MS;
  for (const p of [dana, sam, vic, rex, olga]) await h.store.touchToken(p.tokenId, at());
  h.clock.now += 2 * DAY_MS;
  expect(await h.store.setupPending()).toBe(setup === 'pending');

  const people: Record<Exclude<Caller, 'none'>, Person> = {
    owner: dana,
    editor: sam,
    viewer: vic,
    removed: rex,
    revoked: ray,
    expired: eve,
    other: olga,
  };
  const deviceCode = newSecret();
  await h.store.createDeviceCode(hashSecret(deviceCode), {
    userId: sam.id,
    label: 'admin-code',
    createdBy: null,
    createdAt: at(),
    expiresAt: new Date(h.clock.now + 15 * 60_000).toISOString(),
  });
  const blob = { sha256: sha256Of(STORED_IMAGE), type: 'image/png' as const, bytes: STORED_IMAGE };
  expect((await h.store.putBlob(space, blob, dana.id, at(), 0)).ok).toBe(true);
  // Each caller's browser key, registered in Acme's log by their account, and its signature of the log's checkpoint.
  const keys: [Exclude<Caller, 'none'>, Awaited<ReturnType<typeof generateSigningKey>>][] = [];
  for (const [caller, p] of Object.entries(people) as [Exclude<Caller, 'none'>, Person][]) {
    const key = await generateSigningKey();
    const replica = `device-${caller}`;
    await h.store.claimReplica(replica, p.id, at());
    const fields = {
      clientId: 'client-1',
      keyId: keyIdOf(key.publicKey),
      publicKey: toHex(key.publicKey),
      label: `${p.name}'s browser`,
      createdAt: at(),
    };
    const changes = Object.entries(fields).map(([field, value], i) => ({
      ...{
        table: 'devices' as const,
        id: deviceRecordId(keyIdOf(key.publicKey), 'client-1'),
        field,
        value,
        base: null,
      },
      hlc: `${String(h.clock.now).padStart(13, '0')}:${String(i).padStart(4, '0')}:${replica}`,
    }));
    const author = { id: p.id, name: p.name };
    await applyBatch(h.store, { spaceId: space, replicaId: replica, seq: 1, author, changes, receivedAt: at() });
    keys.push([caller, key]);
  }
  const checkpoint = (await new Ledger(h.store, () => h.clock.now).checkpoint(space))!;
  const cosignatures = Object.fromEntries(
    await Promise.all(
      keys.map(async ([caller, key]) => [
        caller,
        { ...(await signCheckpoint(checkpoint, key.privateKey, key.publicKey)), clientId: 'client-1' },
      ]),
    ),
  ) as Record<Exclude<Caller, 'none'>, KeySignature & { clientId: string }>;
  return {
    ...{ h, space, people, tia, inviteCode: await invite(space, 'viewer'), setupCode, deviceCode },
    checkpoint,
    cosignatures,
  };
}

type World = Awaited<ReturnType<typeof world>>;
type Request = {
  method: string;
  path: string;
  body?: unknown;
  /** a body sent as is, with its own content type (a blob upload) */ raw?: { bytes: Uint8Array; type: string };
  tokenInUrl?: boolean;
};

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const STORED_IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const NEW_IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 4, 5, 6]);

/** The valid request a row sends for a caller. */
function requestFor(row: Row, w: World, caller: Caller): Request {
  const me = caller === 'none' ? null : w.people[caller];
  const at = `/v1/spaces/${w.space}`;
  const key = `${row.method} ${row.path}${row.variant ? ` (${row.variant})` : ''}`;
  switch (key) {
    case 'GET /v1/health':
      return { method: 'GET', path: '/v1/health' };
    case 'POST /v1/setup':
      return { method: 'POST', path: '/v1/setup', body: { code: w.setupCode, name: 'Nora' } };
    case 'POST /v1/invites/:code/accept':
      return { method: 'POST', path: `/v1/invites/${w.inviteCode}/accept`, body: { name: 'Newcomer' } };
    case 'GET /v1/me':
      return { method: 'GET', path: '/v1/me' };
    case 'PATCH /v1/me':
      return { method: 'PATCH', path: '/v1/me', body: { name: `${me?.name ?? 'Nobody'} Renamed` } };
    case 'GET /v1/tokens':
      return { method: 'GET', path: '/v1/tokens' };
    case 'DELETE /v1/tokens/:id':
      return { method: 'DELETE', path: `/v1/tokens/${(me ?? w.people.owner).tokenId}` };
    case 'DELETE /v1/tokens/current':
      return { method: 'DELETE', path: '/v1/tokens/current' };
    case 'POST /v1/tokens/codes':
      return { method: 'POST', path: '/v1/tokens/codes', body: {} };
    case 'POST /v1/device-codes/:code/accept':
      return { method: 'POST', path: `/v1/device-codes/${w.deviceCode}/accept`, body: {} };
    case 'POST /v1/spaces':
      return { method: 'POST', path: '/v1/spaces', body: { name: 'Gamma' } };
    case 'GET /v1/spaces/:space':
      return { method: 'GET', path: at };
    case 'POST /v1/spaces/:space/invites':
      return { method: 'POST', path: `${at}/invites`, body: { role: 'editor', expiresInHours: 24 } };
    case 'GET /v1/spaces/:space/members':
      return { method: 'GET', path: `${at}/members` };
    case 'PATCH /v1/spaces/:space/members/:userId':
      return { method: 'PATCH', path: `${at}/members/${w.tia.id}`, body: { role: 'editor' } };
    case 'DELETE /v1/spaces/:space/members/:userId':
      return { method: 'DELETE', path: `${at}/members/${w.tia.id}` };
    case 'DELETE /v1/spaces/:space/members/:userId (leave)':
      return { method: 'DELETE', path: `${at}/members/${(me ?? w.people.owner).id}` };
    case 'POST /v1/spaces/:space/push': {
      const replica = `replica-${caller}`;
      const hlc = `${String(w.h.clock.now).padStart(13, '0')}:0000:${replica}`;
      const change = { table: 'items', id: `item-${caller}`, field: 'title', value: 'Renew', hlc, base: null };
      return { method: 'POST', path: `${at}/push`, body: pushBody([change], 1, replica) };
    }
    case 'GET /v1/spaces/:space/pull':
      return { method: 'GET', path: `${at}/pull?limit=10` };
    case 'GET /v1/spaces/:space/snapshot':
      return { method: 'GET', path: `${at}/snapshot?limit=10` };
    case 'GET /v1/spaces/:space/audit':
      return { method: 'GET', path: `${at}/audit?format=json` };
    case 'GET /v1/spaces/:space/events':
      return { method: 'GET', path: `${at}/events` };
    case 'GET /v1/spaces/:space/events (token in url)':
      return { method: 'GET', path: me ? `${at}/events?token=${me.token}` : `${at}/events`, tokenInUrl: true };
    case 'PUT /v1/spaces/:space/blobs/:sha256':
      return {
        method: 'PUT',
        path: blobPath(w.space, sha256Of(NEW_IMAGE)),
        raw: { bytes: NEW_IMAGE, type: 'image/png' },
      };
    case 'GET /v1/spaces/:space/blobs/:sha256':
      return { method: 'GET', path: blobPath(w.space, sha256Of(STORED_IMAGE)) };
    case 'POST /v1/spaces/:space/blobs/missing':
      return { method: 'POST', path: `${at}/blobs/missing`, body: { sha256: [STORED_IMAGE, NEW_IMAGE].map(sha256Of) } };
    case 'GET /v1/server-key':
      return { method: 'GET', path: '/v1/server-key' };
    case 'GET /v1/spaces/:space/log/consistency':
      return { method: 'GET', path: `${at}/log/consistency?from=1&to=${w.checkpoint.size}` };
    case 'GET /v1/spaces/:space/log/leaves':
      return { method: 'GET', path: `${at}/log/leaves?after=0&limit=10` };
    case 'GET /v1/spaces/:space/checkpoints':
      return { method: 'GET', path: `${at}/checkpoints` };
    case 'POST /v1/spaces/:space/checkpoints/:size/cosignatures':
      return {
        method: 'POST',
        path: `${at}/checkpoints/${w.checkpoint.size}/cosignatures`,
        body: w.cosignatures[caller === 'none' ? 'owner' : caller],
      };
    default:
      throw new Error(`no request for matrix row ${key}`);
  }
}

/** Sends the request as `caller`; answers its status and, for an error, its code. */
async function send(w: World, caller: Caller, req: Request): Promise<{ status: number; error?: string }> {
  const headers: Record<string, string> = {};
  if (caller !== 'none' && !req.tokenInUrl) headers.authorization = `Bearer ${w.people[caller].token}`;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.raw) headers['content-type'] = req.raw.type;
  const controller = new AbortController();
  const res = await w.h.app.request(req.path, {
    method: req.method,
    headers,
    body: req.raw ? (req.raw.bytes as BodyInit) : req.body === undefined ? undefined : JSON.stringify(req.body),
    signal: controller.signal,
  });
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    // A stream never ends by itself: read up to its first poke, then hang up.
    const reader = res.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('event: poke')) {
      const next = await reader.read();
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    await reader.cancel();
    controller.abort();
    expect(text).toMatch(/^event: poke\ndata: \{"serverSeq":\d+\}/m);
    return { status: res.status };
  }
  const text = await res.text();
  if (res.status < 400) return { status: res.status };
  return { status: res.status, error: (JSON.parse(text) as { error: string }).error };
}

/**
 * The error code a refusal must carry, by status and caller: a 401 says why the token failed; a former member of
 * the space gets `403 removed` (who removed them and when), an outsider `404 not-found` as for a space that does not
 * exist. A token in the URL is no token at all.
 */
function expectedError(status: number, caller: Caller, row: Row): string | undefined {
  if (status === 401 && row.variant === 'token in url') return 'unauthorized';
  if (status === 401) return { revoked: 'token-revoked', expired: 'token-expired' }[caller as string] ?? 'unauthorized';
  if (status === 403 && caller === 'removed' && row.path.startsWith('/v1/spaces/:space')) return 'removed';
  return { 403: 'forbidden', 404: 'not-found', 409: 'last-owner' }[status];
}

describe('authorization matrix: every endpoint × every caller', () => {
  it('has a row for every route the app serves, and a request for every row', async () => {
    const { h } = await world();
    const served = new Set(
      h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`),
    );
    const rows = new Set(ROWS.map((r) => `${r.method} ${r.path.replace('/current', '/:id')}`));
    expect([...rows].sort()).toEqual([...served].sort());
    expect(new Set(ROWS.map((r) => r.label)).size).toBe(ROWS.length);
  });

  for (const row of ROWS) {
    it(row.label, async () => {
      const actual = {} as Record<Caller, number>;
      const errors: string[] = [];
      for (const caller of CALLERS) {
        const w = await world(row.path === '/v1/setup' ? 'pending' : 'done');
        const res = await send(w, caller, requestFor(row, w, caller));
        actual[caller] = res.status;
        const wanted = expectedError(res.status, caller, row);
        if (res.status >= 400 && res.error !== wanted) errors.push(`${caller}: ${res.status} ${res.error}`);
      }
      expect(actual).toEqual(row.expected);
      expect(errors).toEqual([]);
    });
  }
});
