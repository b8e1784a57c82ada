import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../extension/store/duplicates';
import { itemHistory } from '../../../extension/store/history';
import { type NewItemFields, saveCapture } from '../../../extension/store/save-capture';
import { StoreError } from '../../../extension/store/errors';
import { alice, freshDb, makeClient, pageDraft } from '../../support/store';

function fields(clientId: string, over: Partial<NewItemFields> = {}): NewItemFields {
  return {
    clientId,
    meeting: { id: `${clientId}@2026-12-08`, startsAt: '2026-12-08T14:00:00.000Z', fromCadence: true },
    section: 'decision-to-prepare',
    kind: 'quote',
    status: 'inbox',
    title: 'Acme MSP quote Q-1042',
    vendor: { name: 'Acme MSP', domain: 'acme-msp.com' },
    amount: { value: 4500, currency: 'USD', recurrence: 'monthly' },
    decideBy: '2026-12-15',
    urgent: false,
    tags: ['msp'],
    ...over,
  };
}

describe('saveCapture', () => {
  it('files a new item with its capture, meeting, vendor and history in one go', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const { item, capture } = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(client.id) });

    expect(item.meetingId).toBe(`${client.id}@2026-12-08`);
    expect((await db.meetings.get(item.meetingId!))?.status).toBe('planned');
    const vendor = await db.vendors.get(item.vendorId!);
    expect(vendor).toMatchObject({ name: 'Acme MSP', domains: ['acme-msp.com'], clientId: client.id });
    expect(capture.itemId).toBe(item.id);
    expect(capture.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(capture.urlKey).toBe('https://portal.acme-msp.com/quotes/Q-1042');
    expect(capture.capturedBy).toBe('Alice Martin');

    const history = await itemHistory(db, item.id);
    expect(history.map((h) => [h.entity, h.action, h.by])).toEqual([
      ['item', 'create', 'Alice Martin'],
      ['capture', 'create', 'Alice Martin'],
    ]);
    expect(history[0]!.changes).toContainEqual({ field: 'title', from: null, to: 'Acme MSP quote Q-1042' });
  });

  it('saves nothing at all when a field is invalid', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const bad = fields(client.id, { title: '   ', amount: { value: 10, currency: 'dollars', recurrence: 'monthly' } });
    await expect(saveCapture(db, alice, pageDraft(), { to: 'new-item', item: bad })).rejects.toThrow(
      /title: an item needs a title.*currency/,
    );
    expect(await db.items.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
    expect(await db.vendors.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
  });

  it('rolls back the meeting and vendor when the client is missing', async () => {
    const db = freshDb();
    const err = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields('no-such-client') }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toBe('Choose a client for this capture.');
    expect(await db.meetings.count()).toBe(0);
    expect(await db.vendors.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });

  it('refuses a vendor registered for another client', async () => {
    const db = freshDb();
    const a = await makeClient(db, 'A');
    const b = await makeClient(db, 'B');
    const first = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(a.id) });
    const attempt = saveCapture(db, alice, pageDraft(), {
      to: 'new-item',
      item: fields(b.id, { vendor: { id: first.item.vendorId! }, meeting: null }),
    });
    await expect(attempt).rejects.toThrow('That vendor is not registered for this client.');
    expect(await db.items.where('clientId').equals(b.id).count()).toBe(0);
  });

  it('finds the same page again by normalised URL and attaches a new capture to the existing item', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const { item } = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(client.id) });
    const again = pageDraft({
      source: { url: 'https://PORTAL.acme-msp.com/quotes/Q-1042#terms', title: 'x', site: 'x' },
    });
    const dups = await findDuplicates(db, again);
    expect(dups.map((d) => [d.item.id, d.by])).toEqual([[item.id, 'url']]);

    const first = (await db.captures.toArray())[0]!;
    const { capture: second } = await saveCapture(db, alice, again, { to: 'existing-item', itemId: item.id });
    expect(await db.captures.where('itemId').equals(item.id).count()).toBe(2);
    expect(await db.items.count()).toBe(1);
    // Evidence is never rewritten: the re-capture is a new version naming the one it replaces, which stays as it was.
    expect(second.replaces).toBe(first.id);
    expect(await db.captures.get(first.id)).toEqual(first);
    // A different page on the same item replaces nothing.
    const other = pageDraft({ source: { url: 'https://portal.acme-msp.com/terms', title: 'Terms', site: 'x' } });
    const { capture: third } = await saveCapture(db, alice, other, { to: 'existing-item', itemId: item.id });
    expect(third.replaces).toBeUndefined();
  });

  it('finds the same e-mail by message id, whatever the URL', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const email = {
      subject: 'Renewal',
      from: { name: 'Acme', address: 'billing@acme-msp.com' },
      to: [],
      cc: [],
      bcc: [],
      date: '2026-11-24T15:08:00.000Z',
      messageId: '18c2f0a1b2c3d4e5',
      threadId: null,
      attachments: [],
      provider: 'gmail' as const,
    };
    const draft = pageDraft({
      kind: 'email',
      email,
      source: { url: 'https://mail.google.com/mail/u/0/#inbox/A', title: 'Renewal', site: 'mail.google.com' },
    });
    const { item } = await saveCapture(db, alice, draft, { to: 'new-item', item: fields(client.id) });
    const other = pageDraft({
      kind: 'email',
      email,
      source: { url: 'https://mail.google.com/mail/u/1/#all/B', title: 'Renewal', site: 'mail.google.com' },
    });
    expect((await findDuplicates(db, other)).map((d) => [d.item.id, d.by])).toEqual([[item.id, 'message-id']]);
    const unrelated = pageDraft({ kind: 'email', email: { ...email, messageId: 'other' }, source: other.source });
    expect(await findDuplicates(db, unrelated)).toEqual([]);
  });
});

describe('saveCapture with kept images', () => {
  const png = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n, n, n]);
  const kept = (n: number) => ({
    meta: {
      sha256: String(n).repeat(64),
      type: 'image/png' as const,
      size: 11,
      width: 300,
      height: 200,
      alt: `chart ${n}`,
      src: `https://portal.acme-msp.com/img/${n}.png`,
      screenshot: false,
    },
    bytes: png(n),
  });

  it('stores the bytes once, by hash, with the capture that names them', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const { capture } = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(client.id) }, [
      kept(1),
      kept(2),
    ]);
    expect(capture.images?.map((i) => i.alt)).toEqual(['chart 1', 'chart 2']);
    expect((await db.captures.get(capture.id))?.images).toHaveLength(2);
    expect(Array.from((await db.images.get('1'.repeat(64)))!.bytes)).toEqual(Array.from(png(1)));
    // The same image clipped again into another item: one row still.
    await saveCapture(db, alice, pageDraft(), { to: 'existing-item', itemId: capture.itemId }, [kept(1)]);
    expect(await db.images.count()).toBe(2);
  });

  it('keeps no image bytes when the capture is refused', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    await expect(
      saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(client.id, { clientId: 'nobody' }) }, [
        kept(3),
      ]),
    ).rejects.toThrow();
    expect(await db.images.count()).toBe(0);
  });
});
