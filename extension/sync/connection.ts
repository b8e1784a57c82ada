import type { Role } from '../../shared/sync/protocol';
import { type Connection, getConnection, type SharedSpace, saveConnection } from './connection-store';
import type { DocketDB } from '../store/db';
import { type CodeKind, CODE_PATTERN, connectMessage, NOT_A_CODE, unknownCode } from './messages';
import { Me } from './run';
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

type Accepted = {
  user: { id: string; name: string };
  token: string;
  space?: { id: string; name: string; role: Role };
};

/**
 * Signs this browser in with a code: an invite code (joins its space, as a new person), a device code (made on
 * another of the person's devices, or by the server's admin: signs in to that existing account), or the server's
 * one-time setup code (the owner's first sign-in). They look alike, so each is tried in that order while the server
 * says "no such code"; a refusal of any other kind (used, expired) is told in the words of the code it was. The token
 * is kept in this profile's storage, never shown again.
 *
 * Signing in again on the same server keeps what this browser knows: as the same user (a device code), every space
 * it held, with its local client, its replica and its outbox, the account's other spaces added; as someone new (an
 * invite), the joined space's local client and the spaces the old account lost access to. A space the account is a
 * member of again is no longer marked ended, and the sign-in-needed mark goes.
 */
export async function connect(
  db: DocketDB,
  serverUrl: string,
  code: string,
  name: string,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
): Promise<Connection> {
  const url = new URL(serverUrl).origin;
  const typed = code.trim();
  if (!CODE_PATTERN.test(typed)) throw new SyncError('bad-request', NOT_A_CODE);
  const said = (e: unknown, kind: CodeKind) =>
    e instanceof SyncError ? new SyncError(e.code, connectMessage(e, url, kind), e.status, e.details) : e;
  const noSuchCode = (e: unknown) => e instanceof SyncError && e.code === 'not-found';
  const path = (route: string) => `/${route}/${encodeURIComponent(typed)}/accept`;

  let answer: Accepted | null = null;
  try {
    answer = await post<Accepted>(url, path('invites'), { name }, null, fetchImpl);
  } catch (e) {
    if (!noSuchCode(e)) throw said(e, 'invite');
  }
  if (!answer) {
    try {
      answer = await post<Accepted>(url, path('device-codes'), {}, null, fetchImpl);
    } catch (e) {
      if (!noSuchCode(e)) throw said(e, 'device');
    }
  }
  if (!answer) {
    // Not an invite nor a device code: perhaps the setup code. If not that either, the user mistyped a code (or has
    // an old one): the setup route's own "setup code is wrong" would blame the wrong code.
    answer = await post<Accepted>(url, '/setup', { code: typed, name }, null, fetchImpl).catch((err: unknown) => {
      if (err instanceof SyncError && (err.code === 'unauthorized' || err.code === 'bad-request'))
        throw new SyncError('not-found', unknownCode(url), err.status);
      throw said(err, 'setup');
    });
  }

  // Where the account stands now (its spaces, whether it may share a client); the next round asks again if this fails.
  const me = await requestJson(fetchImpl, `${url}/v1/me`, { headers: { authorization: `Bearer ${answer.token}` } })
    .then(({ body }) => Me.parse(body))
    .catch(() => null);
  const before = await getConnection(db);
  const kept = before?.serverUrl === url ? before.spaces : [];
  const sameUser = before?.serverUrl === url && before.user.id === answer.user.id;
  const listed = me?.spaces ?? (answer.space ? [answer.space] : []);
  const current = (had: SharedSpace, now: { name: string; role: Role }): SharedSpace => {
    const { ended: _ended, ...space } = had;
    return { ...space, name: now.name, role: now.role };
  };
  const added = listed
    .filter((s) => !kept.some((k) => k.id === s.id))
    .map((s): SharedSpace => ({ id: s.id, name: s.name, role: s.role, clientId: null }));
  const spaces = sameUser
    ? [
        ...kept.map((k) => {
          const now = listed.find((s) => s.id === k.id);
          return now ? current(k, now) : k;
        }),
        ...added,
      ]
    : [
        ...listed.map((s) => {
          const had = kept.find((k) => k.id === s.id);
          return had ? current(had, s) : { id: s.id, name: s.name, role: s.role, clientId: null };
        }),
        ...kept.filter((k) => k.ended && !listed.some((s) => s.id === k.id)),
      ];
  const connection: Connection = {
    serverUrl: url,
    token: answer.token,
    user: me?.user ?? answer.user,
    spaces,
    ...(me?.canCreateSpaces !== undefined ? { canCreateSpaces: me.canCreateSpaces } : {}),
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
