import { describe, expect, it } from 'vitest';
import { ackOf, change, harness, hlc, pushBody } from './helpers';

async function editorSpace() {
  const h = harness();
  const owner = await h.setUp();
  const space = await h.createSpace(owner);
  return { h, owner, space };
}

describe('push', () => {
  it('applies a batch: logged under server seqs, merged into the current state', async () => {
    const { h, owner, space } = await editorSpace();
    const res = await h.push(
      owner,
      space,
      pushBody([
        change(),
        change({ field: 'urgent', value: true, hlc: hlc(1) }),
        change({ id: 'item-2', value: 'Switch telecom', hlc: hlc(2) }),
      ]),
    );
    expect(res.status).toBe(200);
    expect(ackOf(res.json)).toEqual({ ackedSeq: 1, serverSeq: 3, conflicts: 0 });
    expect(res.json.checkpoint).toMatchObject({ space, size: 3 });
    const snapshot = await h.call('GET', `/v1/spaces/${space}/snapshot`, { token: owner });
    const by = (await h.call('GET', '/v1/me', { token: owner })).json.user.id as string;
    expect(snapshot.json.records).toEqual([
      {
        table: 'items',
        id: 'item-1',
        fields: {
          title: { value: 'Renew the firewall contract', hlc: hlc(0), authorId: by },
          urgent: { value: true, hlc: hlc(1), authorId: by },
        },
      },
      { table: 'items', id: 'item-2', fields: { title: { value: 'Switch telecom', hlc: hlc(2), authorId: by } } },
    ]);
  });

  it('acks a retried batch the same way and changes nothing', async () => {
    const { h, owner, space } = await editorSpace();
    const body = pushBody([change()], 1);
    const first = await h.push(owner, space, body);
    const before = await h.store.counts();
    h.clock.now += 1000;
    const retry = await h.push(owner, space, body);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await h.store.counts()).toEqual(before);
  });

  it('applies nothing of a batch with one bad change, and names the change', async () => {
    const { h, owner, space } = await editorSpace();
    const before = await h.store.counts();
    const res = await h.push(
      owner,
      space,
      pushBody([change(), change({ id: 'item-2' }), change({ field: 'urgent', value: 'very' })]),
    );
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('wrong-type');
    expect(res.json.message).toMatch(/^change 2: items\.urgent/);
    expect(await h.store.counts()).toEqual(before);
  });

  it('rejects a stamp too far ahead of the server clock, so a fast clock cannot win every conflict', async () => {
    const { h, owner, space } = await editorSpace();
    const before = await h.store.counts();
    const res = await h.push(owner, space, pushBody([change(), change({ id: 'item-2', hlc: hlc(5 * 60_000 + 1) })]));
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('clock-skew');
    expect(res.json.message).toMatch(/^change 1: .*clock/);
    expect(await h.store.counts()).toEqual(before);
    // Within the allowed drift is fine.
    expect((await h.push(owner, space, pushBody([change({ hlc: hlc(5 * 60_000) })]))).status).toBe(200);
  });

  it('follows the configured drift allowance', async () => {
    const h = harness({ maxDriftMs: 1000 });
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    expect((await h.push(owner, space, pushBody([change({ hlc: hlc(1001) })]))).json.error).toBe('clock-skew');
  });

  it('tells an old client to update, with 426, and changes nothing', async () => {
    const { h, owner, space } = await editorSpace();
    const before = await h.store.counts();
    const { protocol: _none, ...withoutProtocol } = pushBody([change()]);
    for (const body of [
      pushBody([change()], 1, 'replica-a', 0),
      pushBody([change()], 1, 'replica-a', '1'),
      withoutProtocol,
    ]) {
      const res = await h.push(owner, space, body);
      expect(res.status).toBe(426);
      expect(res.json.error).toBe('upgrade-required');
      expect(res.json.message).toMatch(/update the Docket extension/);
    }
    expect(await h.store.counts()).toEqual(before);
  });

  it('keeps both values when two replicas edit the same field concurrently', async () => {
    const { h, owner, space } = await editorSpace();
    const sam = await h.join(owner, space, 'editor', 'Sam');
    await h.push(owner, space, pushBody([change({ value: 'Base title', hlc: hlc(0, 'replica-a') })], 1, 'replica-a'));
    // Both saw "Base title" and then changed it, neither seeing the other's edit.
    const mine = await h.push(
      owner,
      space,
      pushBody([change({ value: 'Dana title', hlc: hlc(20, 'replica-a'), base: hlc(0, 'replica-a') })], 2, 'replica-a'),
    );
    const theirs = await h.push(
      sam,
      space,
      pushBody([change({ value: 'Sam title', hlc: hlc(10, 'replica-b'), base: hlc(0, 'replica-a') })], 1, 'replica-b'),
    );
    expect(mine.json.conflicts).toBe(0);
    expect(theirs.json.conflicts).toBe(1);
    expect(await h.store.listConflicts(space)).toMatchObject([
      {
        field: 'title',
        winner: { value: 'Dana title', hlc: hlc(20, 'replica-a') },
        lost: { value: 'Sam title', hlc: hlc(10, 'replica-b') },
      },
    ]);
    const pulled = await h.call('GET', `/v1/spaces/${space}/pull`, { token: sam });
    expect(pulled.json.changes.map((c: { value: string; author: string }) => `${c.author}: ${c.value}`)).toEqual([
      'Dana (vCIO): Base title',
      'Dana (vCIO): Dana title',
      'Sam: Sam title',
    ]);
  });

  it('records a delete as a tombstone', async () => {
    const { h, owner, space } = await editorSpace();
    await h.push(owner, space, pushBody([change(), change({ field: '_deleted', value: true, hlc: hlc(1) })]));
    const snapshot = await h.call('GET', `/v1/spaces/${space}/snapshot`, { token: owner });
    expect(snapshot.json.records[0].fields._deleted).toMatchObject({ value: true, hlc: hlc(1) });
  });
});
