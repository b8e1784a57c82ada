import type { Role } from '../../shared/sync/protocol';
import { type Connection, getConnection, type SharedSpace, saveConnection } from './connection-store';
import type { DocketDB } from '../store/db';
import { CODE_PATTERN, connectMessage, NOT_A_CODE, unknownCode } from './messages';
import { type Fetch, requestJson, SyncError } from './transport';

export { type Connection, getConnection, type SharedSpace, saveConnection };

async function post<T>(
  serverUrl: string,
  path: string,
  body: unknown,
  token: string | null,
  fetchImpl: Fetch,
): Promise<T> {
  const answer = await requestJson(fetchImpl, `${serverUrl.replace(/\/+$/, '')}/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return answer.body as T;
}

/**
 * Signs this browser in with a code: an invite code (joins its space) or the server's one-time setup code (the
 * owner's first sign-in). The token is kept in this profile's storage, never shown again.
 */
export async function connect(
  db: DocketDB,
  serverUrl: string,
  code: string,
  name: string,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
): Promise<Connection> {
  const url = new URL(serverUrl).origin;
  type Accepted = {
    user: { id: string; name: string };
    token: string;
    space?: { id: string; name: string; role: Role };
  };
  const typed = code.trim();
  if (!CODE_PATTERN.test(typed)) throw new SyncError('bad-request', NOT_A_CODE);
  let answer: Accepted;
  try {
    try {
      answer = await post<Accepted>(url, `/invites/${encodeURIComponent(typed)}/accept`, { name }, null, fetchImpl);
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'not-found') throw e;
      // Not an invite: perhaps the setup code. If not that either, the user mistyped an invite (or has an old one):
      // the setup route's own "setup code is wrong" would blame the wrong code.
      answer = await post<Accepted>(url, '/setup', { code: typed, name }, null, fetchImpl).catch((err: unknown) => {
        if (err instanceof SyncError && (err.code === 'unauthorized' || err.code === 'bad-request'))
          throw new SyncError('not-found', unknownCode(url), err.status);
        throw err;
      });
    }
  } catch (e) {
    throw e instanceof SyncError ? new SyncError(e.code, connectMessage(e, url), e.status) : e;
  }
  // Signing in again on the same server: a space this browser already held keeps its local client, and the spaces
  // this account lost access to stay marked (their local copies stay read-only, and say why).
  const before = await getConnection(db);
  const kept = before?.serverUrl === url ? before.spaces : [];
  const joined = answer.space
    ? [{ ...answer.space, clientId: kept.find((s) => s.id === answer.space!.id)?.clientId ?? null }]
    : [];
  const connection: Connection = {
    serverUrl: url,
    token: answer.token,
    user: answer.user,
    spaces: [...joined, ...kept.filter((s) => s.ended && !joined.some((j) => j.id === s.id))],
  };
  await saveConnection(db, connection);
  return connection;
}

/** Shares a local client's log with the team: a new space on the server, owned by this user. */
export async function shareClient(
  db: DocketDB,
  clientId: string,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
): Promise<SharedSpace> {
  const connection = await getConnection(db);
  const client = await db.clients.get(clientId);
  if (!connection || !client) throw new SyncError('unauthorized', 'Connect to a sync server first.');
  const made = await post<{ id: string; name: string; role: Role }>(
    connection.serverUrl,
    '/spaces',
    { name: client.name },
    connection.token,
    fetchImpl,
  );
  const space: SharedSpace = { ...made, clientId };
  await saveConnection(db, { ...connection, spaces: [...connection.spaces, space] });
  return space;
}

/** A single-use code that lets a teammate (or the client's IT coordinator, as a viewer) join a space. */
export async function invite(
  db: DocketDB,
  spaceId: string,
  role: Role,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
): Promise<string> {
  const connection = await getConnection(db);
  if (!connection) throw new SyncError('unauthorized', 'Connect to a sync server first.');
  const made = await post<{ code: string }>(
    connection.serverUrl,
    `/spaces/${encodeURIComponent(spaceId)}/invites`,
    { role, expiresInHours: 72 },
    connection.token,
    fetchImpl,
  );
  return made.code;
}
