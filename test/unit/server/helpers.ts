import { createApp } from '../../../server/app';
import { prepareSetup } from '../../../server/auth/setup';
import type { AppDeps } from '../../../server/deps';
import { Pokes } from '../../../server/pokes';
import { openSqliteStore } from '../../../server/store/sqlite';
import type { SyncStore } from '../../../server/store/types';
import { PROTOCOL_VERSION, type Change, type Role } from '../../../shared/sync/protocol';

export const T0 = Date.parse('2026-11-26T14:00:00.000Z');

/** A stamp `offsetMs` after T0 from `node`. */
export function hlc(offsetMs: number, node = 'replica-a', counter = 0): string {
  return `${String(T0 + offsetMs).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${node}`;
}

export function change(overrides: Partial<Change> = {}): Change {
  return {
    table: 'items',
    id: 'item-1',
    field: 'title',
    value: 'Renew the firewall contract',
    hlc: hlc(0),
    base: null,
    ...overrides,
  };
}

/** A push's answer without the signed checkpoint it carries (its key and time differ from server to server). */
export function ackOf(json: unknown): unknown {
  const { checkpoint: _, ...ack } = json as Record<string, unknown>;
  return ack;
}

export function pushBody(changes: unknown[], seq = 1, replicaId = 'replica-a', protocol: unknown = PROTOCOL_VERSION) {
  return { protocol, replicaId, seq, changes };
}

export type Harness = ReturnType<typeof harness>;

/** An app on a fresh in-memory store with a settable clock; rate limiting off unless asked for. */
export function harness(overrides: Partial<AppDeps> = {}, store: SyncStore = openSqliteStore(':memory:')) {
  const clock = { now: T0 };
  const pokes = new Pokes();
  const app = createApp({ store, pokes, now: () => clock.now, rateLimit: false, ...overrides });

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: any = undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  /** Completes first-start setup; returns the owner's token. */
  async function setUp(name = 'Dana (vCIO)') {
    const code = (await prepareSetup(store, new Date(clock.now)))!;
    const res = await call('POST', '/v1/setup', { body: { code, name } });
    if (res.status !== 201) throw new Error(`setup failed: ${res.text}`);
    return res.json.token as string;
  }

  async function createSpace(token: string, name = 'Acme Manufacturing') {
    const res = await call('POST', '/v1/spaces', { token, body: { name } });
    if (res.status !== 201) throw new Error(`space failed: ${res.text}`);
    return res.json.id as string;
  }

  async function invite(ownerToken: string, space: string, role: Role, expiresInHours = 72) {
    const res = await call('POST', `/v1/spaces/${space}/invites`, {
      token: ownerToken,
      body: { role, expiresInHours },
    });
    if (res.status !== 201) throw new Error(`invite failed: ${res.text}`);
    return res.json.code as string;
  }

  /** A new person who joins `space` with `role`; returns their token. */
  async function join(ownerToken: string, space: string, role: Role, name = `Pat the ${role}`) {
    const code = await invite(ownerToken, space, role);
    const res = await call('POST', `/v1/invites/${code}/accept`, { body: { name } });
    if (res.status !== 200) throw new Error(`accept failed: ${res.text}`);
    return res.json.token as string;
  }

  async function push(token: string, space: string, body: unknown) {
    return call('POST', `/v1/spaces/${space}/push`, { token, body });
  }

  return { app, store, clock, pokes, call, setUp, createSpace, invite, join, push };
}
