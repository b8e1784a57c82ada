import { runAdmin } from '../../server/admin';
import { prepareSetup } from '../../server/auth/setup';
import { createApp } from '../../server/app';
import { httpTransport } from '../../extension/sync/transport';
import { freshDb } from './store';
import { type StoreSource, sqliteSource } from './stores';

/**
 * A real server on a real store (SQLite in memory unless given: a file, or a PostgreSQL database from
 * ./stores.ts, which `restart()` closes and reopens), and two signed-in replicas (an owner and an invited editor)
 * on fake-indexeddb.
 */
export async function team(source: StoreSource | string = sqliteSource()) {
  const data = typeof source === 'string' ? sqliteSource(source) : source;
  let store = await data.open();
  const code = (await prepareSetup(store, new Date()))!;
  let app = createApp({ store, rateLimit: false });
  /** The server process restarting: the store closed and reopened from its file, a new app, in-memory state gone. */
  const restart = async () => {
    await store.close();
    store = await data.open();
    app = createApp({ store, rateLimit: false });
  };
  const call = async (path: string, body: unknown, token?: string) => {
    const res = await app.request(`http://docket.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const owner = (await call('/v1/setup', { code, name: 'Alice Martin' })).token as string;
  const space = (await call('/v1/spaces', { name: 'Northwind Dental' }, owner)).id as string;
  const invite = (await call(`/v1/spaces/${space}/invites`, { role: 'editor', expiresInHours: 24 }, owner))
    .code as string;
  const editor = (await call(`/v1/invites/${invite}/accept`, { name: 'Bob Tremblay' })).token as string;
  const fetchApp = (url: string, init?: RequestInit) => Promise.resolve(app.request(url, init));
  /** What an admin runs so that someone who joined by invite may create spaces (share a client). */
  const allowSpaces = async (name: string) => {
    if ((await runAdmin(store, ['users', 'allow', name], () => {})) !== 0) throw new Error(`no user ${name}`);
  };
  /** Closes the store (the server stops) and drops a PostgreSQL database. */
  const close = async () => {
    await store.close();
    await data.drop();
  };
  return {
    restart,
    close,
    allowSpaces,
    call,
    owner,
    editor,
    fetchApp,
    space,
    a: { db: freshDb(), transport: httpTransport('http://docket.test', owner, fetchApp) },
    b: { db: freshDb(), transport: httpTransport('http://docket.test', editor, fetchApp) },
  };
}
