import { z } from 'zod';
import { Member, MembersResponse, type Role } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import { type Connection, getConnection } from './connection-store';
import { endedFrom, saveLearned } from './lost-access';
import { saveDirectory } from './members-directory';
import { signInNeededFrom } from './messages';
import { type Fetch, requestJson, SyncError } from './transport';

export type { Member };

/** One of this person's signed-in devices (a token), as `GET /v1/tokens` lists them. */
export const Device = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  /** The device asking: this browser. */
  current: z.boolean(),
});
export type Device = z.infer<typeof Device>;

const defaultFetch: Fetch = (u, i) => fetch(u, i);

/**
 * One call to the server for the Team panel, with this browser's token. What a refusal says about this browser is
 * kept at once, as a sync round would: a refused token marks the connection as needing sign-in, and `403 removed`
 * (or `404`) for a space marks that space as ended. The refusal is then thrown for the panel to show.
 */
async function call(
  db: DocketDB,
  path: string,
  init: { method?: string; body?: unknown },
  fetchImpl: Fetch,
  space?: string,
): Promise<{ connection: Connection; body: unknown }> {
  const connection = await getConnection(db);
  if (!connection) throw new SyncError('unauthorized', 'Connect to a sync server first.');
  try {
    const { body } = await requestJson(fetchImpl, `${connection.serverUrl}/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${connection.token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { connection, body };
  } catch (e) {
    const now = new Date();
    const signIn = e instanceof SyncError ? signInNeededFrom(e, now) : null;
    const ended = space ? endedFrom(e, now) : null;
    if (signIn || ended) {
      const spaces = new Map(ended && space ? [[space, { ended }]] : []);
      await saveLearned(db, connection.token, { spaces }, { signIn });
    }
    throw e;
  }
}

function parse<T>(schema: { parse: (v: unknown) => T }, body: unknown): T {
  try {
    return schema.parse(body);
  } catch {
    throw new SyncError('bad-response', 'The sync server sent an answer Docket does not understand.');
  }
}

const spacePath = (space: string) => `/spaces/${encodeURIComponent(space)}`;

/** The space's members, with role, when they joined and when they were last seen; kept for the history's names. */
export async function listMembers(db: DocketDB, space: string, fetchImpl = defaultFetch): Promise<Member[]> {
  const { body } = await call(db, `${spacePath(space)}/members`, {}, fetchImpl, space);
  const { members } = parse(MembersResponse, body);
  await saveDirectory(db, space, members);
  return members;
}

/** The owner gives a member another role; it holds from the member's next request. */
export async function changeRole(
  db: DocketDB,
  space: string,
  userId: string,
  role: Role,
  fetchImpl = defaultFetch,
): Promise<void> {
  await call(
    db,
    `${spacePath(space)}/members/${encodeURIComponent(userId)}`,
    { method: 'PATCH', body: { role } },
    fetchImpl,
    space,
  );
}

/** The owner removes a member: the server refuses them from their next request and ends their event streams. */
export async function removeMember(
  db: DocketDB,
  space: string,
  userId: string,
  fetchImpl = defaultFetch,
): Promise<void> {
  await call(db, `${spacePath(space)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }, fetchImpl, space);
}

/**
 * This account leaves the space. The local copy of the log is kept, read-only, marked as left; its unsent changes
 * stay in the outbox. A space that already ended (removed meanwhile) is marked so by the call.
 */
export async function leaveSpace(
  db: DocketDB,
  space: string,
  fetchImpl = defaultFetch,
  now = new Date(),
): Promise<void> {
  const me = (await getConnection(db))?.user.id ?? '';
  const path = `${spacePath(space)}/members/${encodeURIComponent(me)}`;
  const { connection } = await call(db, path, { method: 'DELETE' }, fetchImpl, space);
  const ended = { reason: 'left' as const, by: null, at: now.toISOString() };
  await saveLearned(db, connection.token, { spaces: new Map([[space, { ended }]]) });
}

/** This person's signed-in devices, this browser marked `current`. */
export async function listDevices(db: DocketDB, fetchImpl = defaultFetch): Promise<Device[]> {
  const { body } = await call(db, '/tokens', {}, fetchImpl);
  return parse(z.object({ tokens: z.array(Device) }), body).tokens;
}

/** Signs another of this person's devices out: its token is refused from then on, its event streams end. */
export async function signOutDevice(db: DocketDB, tokenId: string, fetchImpl = defaultFetch): Promise<void> {
  await call(db, `/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }, fetchImpl);
}

/**
 * Signs this browser out: the server revokes its token. The connection keeps the server and the user, marked as
 * needing sign-in (no round tries until then); the local log and its unsent changes are kept.
 */
export async function signOutThisDevice(db: DocketDB, fetchImpl = defaultFetch, now = new Date()): Promise<void> {
  const { connection } = await call(db, '/tokens/current', { method: 'DELETE' }, fetchImpl);
  await saveLearned(
    db,
    connection.token,
    { spaces: new Map() },
    { signIn: { reason: 'signed-out', at: now.toISOString() } },
  );
}

/** A single-use device sign-in code, and until when it holds (15 minutes): another device enters it to sign in. */
export const DeviceCode = z.object({ code: z.string(), expiresAt: z.string() });
export type DeviceCode = z.infer<typeof DeviceCode>;

/**
 * A device code for this person's own account ("link a device"): entered in Docket's Connect form on another browser
 * (a new one, or one that was signed out or whose sign-in expired), it signs that browser in to this same account,
 * which keeps its spaces, local clients and replica there.
 */
export async function makeDeviceCode(db: DocketDB, fetchImpl = defaultFetch): Promise<DeviceCode> {
  const { body } = await call(db, '/tokens/codes', { method: 'POST', body: {} }, fetchImpl);
  return parse(DeviceCode, body);
}
