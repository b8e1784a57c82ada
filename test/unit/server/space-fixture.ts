import { createHash } from 'node:crypto';
import { hashSecret, newSecret } from '../../../server/auth/secrets';
import type { SyncStore } from '../../../server/store/types';
import { blobPath } from '../../../shared/sync/blobs';
import { change, type Harness, hlc, pushBody } from './helpers';

/**
 * A space with a past, for moving between stores (server/admin/spaces.ts): an owner, an editor, a viewer made editor,
 * an editor who pushed and was then removed, a conflict, a deletion, several batches from four replicas, an invite
 * not used yet, a revoked token, two attachments (one from the removed editor), and beside it a second space of the
 * owner's, with an attachment of its own, that must not come along.
 */
export type SpaceFixture = Awaited<ReturnType<typeof buildSpace>>;

export async function buildSpace(h: Harness) {
  const ok = async (res: Promise<{ status: number; text: string; json: unknown }>, status = 200) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
    return r.json as Record<string, unknown>;
  };
  const idOf = async (token: string) => ((await ok(h.call('GET', '/v1/me', { token }))).user as { id: string }).id;
  const step = () => void (h.clock.now += 61_000);

  const dana = await h.setUp('Dana (vCIO)');
  const space = await h.createSpace(dana, 'Acme Manufacturing');
  const other = await h.createSpace(dana, 'Beta Logistics');
  const sam = await h.join(dana, space, 'editor', 'Sam');
  const vic = await h.join(dana, space, 'viewer', 'Vic');
  const lee = await h.join(dana, space, 'editor', 'Lee');
  step();
  const item = { table: 'items' as const, id: 'item-1' };
  await ok(
    h.push(
      dana,
      space,
      pushBody([
        change({ ...item, value: 'Renew the firewall contract', hlc: hlc(1_000) }),
        change({ ...item, field: 'status', value: 'inbox', hlc: hlc(1_001) }),
        change({ table: 'clients', id: 'client-1', field: 'name', value: 'Acme', hlc: hlc(1_002) }),
      ]),
    ),
  );
  step();
  // Sam edits the title without having seen Dana's: a conflict, both values kept.
  const samBatch = pushBody(
    [change({ ...item, value: 'Renew the firewall (3 years)', hlc: hlc(62_000, 'replica-s') })],
    1,
    'replica-s',
  );
  const samAck = await ok(h.push(sam, space, samBatch));
  await ok(
    h.push(
      lee,
      space,
      pushBody([change({ id: 'item-2', value: 'Lee’s note ✓', hlc: hlc(62_500, 'replica-l') })], 1, 'replica-l'),
    ),
  );
  // Attachments: Lee's (uploaded before he was removed) and Dana's come along; Beta's stays behind.
  const upload = async (token: string, into: string, bytes: Uint8Array, type = 'image/png') => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const res = await h.app.request(blobPath(into, sha256), {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: bytes as BodyInit,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    return sha256;
  };
  const blobs = [
    await upload(
      lee,
      space,
      Uint8Array.from({ length: 3000 }, (_, i) => i % 256),
      'image/jpeg',
    ),
    await upload(
      dana,
      space,
      Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256),
    ),
  ];
  const betaBlob = await upload(dana, other, Uint8Array.from([1, 2, 3]), 'image/gif');
  step();
  await ok(
    h.call('PATCH', `/v1/spaces/${space}/members/${await idOf(vic)}`, { token: dana, body: { role: 'editor' } }),
  );
  await ok(
    h.push(
      vic,
      space,
      pushBody(
        [
          change({
            id: 'item-2',
            field: 'amount',
            value: { value: 1250.5, currency: 'EUR', recurrence: 'monthly' },
            hlc: hlc(123_000, 'replica-v'),
          }),
        ],
        1,
        'replica-v',
      ),
    ),
  );
  await ok(h.call('DELETE', `/v1/spaces/${space}/members/${await idOf(lee)}`, { token: dana }), 204);
  step();
  await ok(
    h.push(dana, space, pushBody([change({ id: 'item-2', field: '_deleted', value: true, hlc: hlc(184_000) })], 2)),
  );
  await ok(h.push(dana, other, pushBody([change({ id: 'beta-1', value: 'Not part of Acme', hlc: hlc(184_100) })], 1)));
  const invite = await h.invite(dana, space, 'viewer');
  // Sam signed in a laptop, then signed it out.
  const laptop = newSecret();
  await h.store.addToken(await idOf(sam), hashSecret(laptop), 'laptop', new Date(h.clock.now).toISOString());
  await ok(h.call('DELETE', '/v1/tokens/current', { token: laptop }), 204);
  step();
  return { space, other, tokens: { dana, sam, vic, lee, laptop }, invite, samBatch, samAck, blobs, betaBlob };
}

/** Everything a client sees of the space, asked through the HTTP API by each of its people, and by the store. */
export async function viewSpace(h: Harness, f: SpaceFixture) {
  const get = async (path: string, token: string) => {
    const r = await h.call('GET', path, { token });
    return { status: r.status, body: r.json ?? r.text };
  };
  const pages = async (first: string, next: (body: Record<string, unknown>) => string | null, token: string) => {
    const all = [];
    for (let path: string | null = first; path !== null;) {
      const page = await get(path, token);
      all.push(page);
      path = page.status === 200 ? next(page.body as Record<string, unknown>) : null;
    }
    return all;
  };
  const base = `/v1/spaces/${f.space}`;
  const people: Record<string, unknown> = {};
  for (const [who, token] of Object.entries(f.tokens)) {
    const me = await get('/v1/me', token);
    const body = me.body as { spaces?: { id: string }[] };
    // Only this space: the other one stays behind.
    people[who] = {
      me: { ...me, body: { ...body, spaces: body.spaces?.filter((s) => s.id === f.space) } },
      tokens: await get('/v1/tokens', token),
      space: await get(base, token),
      members: await get(`${base}/members`, token),
    };
  }
  const dana = f.tokens.dana;
  const userIds = (await h.store.listMembers(f.space)).map((m) => m.id);
  return {
    people,
    pull: await pages(`${base}/pull?limit=2`, (b) => (b.more ? `${base}/pull?limit=2&cursor=${b.cursor}` : null), dana),
    snapshot: await pages(
      `${base}/snapshot?limit=2`,
      (b) => (b.next ? `${base}/snapshot?limit=2&page=${b.next}` : null),
      dana,
    ),
    audit: await get(`${base}/audit?format=json`, dana),
    blobs: await Promise.all(
      [...f.blobs, f.betaBlob].map(async (sha256) => {
        const res = await h.app.request(blobPath(f.space, sha256), { headers: { authorization: `Bearer ${dana}` } });
        const bytes = Buffer.from(await res.arrayBuffer());
        return { status: res.status, type: res.headers.get('content-type'), bytes: bytes.toString('base64') };
      }),
    ),
    missing: (
      await h.call('POST', `${base}/blobs/missing`, { token: dana, body: { sha256: [...f.blobs, f.betaBlob] } })
    ).json as unknown,
    store: await storeView(h.store, f.space, userIds),
  };
}

/** What the store keeps that the API shows only in part: conflicts, trail, use, last seq, everyone's tokens. */
export async function storeView(store: SyncStore, space: string, userIds: string[]) {
  return {
    conflicts: await store.listConflicts(space),
    trail: await store.membershipEvents(space),
    usage: await store.spaceUsage(space),
    lastSeq: await store.lastSeq(space),
    blobs: await store.blobUsage(space),
    log: await store.readLog(space, 0, 1000),
    tokens: await Promise.all(userIds.map((id) => store.listTokens(id))),
  };
}
