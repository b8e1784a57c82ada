import { describe, expect, it } from 'vitest';
import { updateItem } from '../../../extension/store/items';
import { syncClient } from '../../../extension/sync/sync-client';
import { recordFromFields, validateField } from '../../../shared/sync/fields';
import { alice, fileItem, makeClient } from '../../support/store';
import { change, harness, hlc, pushBody } from '../server/helpers';
import { team } from '../../support/team';

const fee = { value: 12500, currency: 'CAD', recurrence: 'one-time' } as const;

describe('the one-time fee in sync', () => {
  it('is a field of items: a fee or none is accepted, a recurring one refused with its reason', () => {
    expect(validateField('items', 'oneTimeAmount', fee)).toEqual({ ok: true, value: fee });
    expect(validateField('items', 'oneTimeAmount', null)).toEqual({ ok: true, value: null });
    expect(validateField('items', 'oneTimeAmount', { ...fee, recurrence: 'monthly' })).toEqual({
      ok: false,
      code: 'wrong-type',
      message:
        'items.oneTimeAmount.recurrence: a one-time fee is paid once (its recurrence must be one-time); ' +
        'a recurring sum goes in the amount',
    });
  });

  it('an item made by a Docket that does not know the fee assembles with none', () => {
    const fields = {
      clientId: 'c1',
      meetingId: null,
      section: 'urgent',
      kind: 'quote',
      status: 'inbox',
      title: 'Old quote',
      vendorId: null,
      amount: null,
      decideBy: null,
      urgent: false,
      tags: [],
      createdAt: '2026-11-02T14:00:00.000Z',
      createdBy: 'me',
      updatedAt: '2026-11-02T14:00:00.000Z',
    };
    const assembled = recordFromFields('items', 'i1', fields);
    expect(assembled.ok && assembled.record?.oneTimeAmount).toBeNull();
  });

  it('a held agenda frozen by a Docket that does not know the fee is still in stored form', () => {
    const line = {
      itemId: 'i1',
      title: 'Old quote',
      section: 'urgent',
      status: 'on-agenda',
      vendor: null,
      amount: { value: 10, currency: 'CAD', recurrence: 'monthly' },
      discussed: true,
      decision: null,
      actions: [],
    };
    expect(validateField('meetings', 'heldAgenda', [line])).toEqual({ ok: true, value: [line] });
    const withFee = { ...line, oneTimeAmount: fee };
    expect(validateField('meetings', 'heldAgenda', [withFee])).toEqual({ ok: true, value: [withFee] });
  });

  it('travels between replicas like the amount, and concurrent edits of the amount and the fee both survive', async () => {
    const { space, a, b } = await team();
    const client = await makeClient(a.db);
    const item = await fileItem(a.db, client.id, 'Bluepeak managed services', {
      amount: { value: 7850, currency: 'CAD', recurrence: 'monthly' },
      oneTimeAmount: fee,
    });
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    expect((await b.db.items.get(item.id))!.oneTimeAmount).toEqual(fee);

    await updateItem(a.db, { ...alice, at: '2026-11-27T10:00:00.000Z' }, item.id, {
      amount: { value: 7500, currency: 'CAD', recurrence: 'monthly' },
    });
    await updateItem(b.db, { by: 'Bob Tremblay', at: '2026-11-27T10:01:00.000Z' }, item.id, {
      oneTimeAmount: { ...fee, value: 9000 },
    });
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    await syncClient(a.db, a.transport, client.id, space);
    for (const db of [a.db, b.db])
      expect(await db.items.get(item.id)).toMatchObject({
        amount: { value: 7500, currency: 'CAD', recurrence: 'monthly' },
        oneTimeAmount: { ...fee, value: 9000 },
      });
    const history = await a.db.history.where('itemId').equals(item.id).toArray();
    expect(history.filter((h) => h.conflict)).toEqual([]);
    expect(
      history.some(
        (h) =>
          h.by === 'Bob Tremblay' &&
          h.changes.some((c) => c.field === 'oneTimeAmount' && (c.to as { value: number }).value === 9000),
      ),
    ).toBe(true);
  });

  it('the same fee edited in both: one wins everywhere, the other is kept in history', async () => {
    const { space, a, b } = await team();
    const client = await makeClient(a.db);
    const item = await fileItem(a.db, client.id, 'Bluepeak setup');
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);

    await updateItem(a.db, alice, item.id, { oneTimeAmount: fee });
    await updateItem(b.db, { by: 'Bob Tremblay', at: alice.at }, item.id, { oneTimeAmount: { ...fee, value: 1 } });
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    await syncClient(a.db, a.transport, client.id, space);

    const [onA, onB] = [await a.db.items.get(item.id), await b.db.items.get(item.id)];
    expect(onA!.oneTimeAmount).toEqual(onB!.oneTimeAmount);
    const conflicts = (await a.db.history.where('itemId').equals(item.id).toArray()).filter((h) => h.conflict);
    expect(conflicts.flatMap((h) => h.changes.map((c) => c.field))).toContain('oneTimeAmount');
  });

  it('the server takes a fee and refuses a recurring one, with its reason, keeping nothing of that push', async () => {
    const h = harness();
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const push = (changes: unknown[], seq: number) =>
      h.call('POST', `/v1/spaces/${space}/push`, { token: owner, body: pushBody(changes, seq) });
    expect((await push([change(), change({ field: 'oneTimeAmount', value: fee, hlc: hlc(1) })], 1)).status).toBe(200);
    const before = await h.store.counts();
    const res = await push(
      [change({ field: 'oneTimeAmount', value: { ...fee, recurrence: 'yearly' }, hlc: hlc(2) })],
      2,
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: 'wrong-type',
      message: expect.stringMatching(/^change 0: items\.oneTimeAmount\.recurrence: a one-time fee is paid once/),
    });
    expect(await h.store.counts()).toEqual(before);
  });
});
