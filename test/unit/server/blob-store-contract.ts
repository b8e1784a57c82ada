import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SyncStore } from '../../../server/store/types';
import type { BlobType } from '../../../shared/sync/blobs';

const NOW = '2026-11-26T14:00:00.000Z';
const LATER = '2026-11-27T14:00:00.000Z';

const blob = (bytes: Uint8Array, type: BlobType = 'image/png') => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  type,
  bytes,
});
/** `n` bytes counting up from `from`, every byte value included once n reaches 256 (bytea must keep them all). */
const bytesOf = (n: number, from = 0) => Uint8Array.from({ length: n }, (_, i) => (from + i) % 256);

/** Blobs, the part of the store contract (./store-contract.ts) for attachments; registered inside its describe. */
export function blobContract(fresh: () => SyncStore) {
  async function spaces(store: SyncStore) {
    const owner = await store.createUser('Dana', NOW);
    const a = await store.createSpace('Acme', owner.id, NOW);
    const b = await store.createSpace('Beta', owner.id, NOW);
    return { owner, a: a.id, b: b.id };
  }

  it('keeps a blob per space, byte for byte, and says which hashes a space lacks', async () => {
    const store = fresh();
    const { owner, a, b } = await spaces(store);
    const one = blob(bytesOf(2 * 1024 * 1024 + 3, 7), 'image/jpeg');
    const put = await store.putBlob(a, one, owner.id, NOW, 0);
    const info = {
      sha256: one.sha256,
      type: 'image/jpeg',
      size: one.bytes.byteLength,
      createdAt: NOW,
      createdBy: owner.id,
    };
    expect(put).toEqual({ ok: true, created: true, blob: info });
    const got = await store.getBlob(a, one.sha256);
    expect(got && { ...got, bytes: undefined }).toEqual({ ...info, bytes: undefined });
    expect(Buffer.from(got!.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    expect(await store.getBlob(b, one.sha256)).toBeNull();
    const other = blob(bytesOf(10, 1)).sha256;
    expect(await store.missingBlobs(a, [other, one.sha256, other])).toEqual([other]);
    expect(await store.missingBlobs(b, [one.sha256])).toEqual([one.sha256]);
    expect(await store.missingBlobs(a, [])).toEqual([]);
    expect(await store.blobUsage(a)).toEqual({ blobs: 1, bytes: one.bytes.byteLength });
    expect(await store.blobUsage(b)).toEqual({ blobs: 0, bytes: 0 });
    expect((await store.counts()).blobs).toBe(1);
  });

  it('stores a blob once: a second upload keeps the first row, whatever type it says', async () => {
    const store = fresh();
    const { owner, a } = await spaces(store);
    const one = blob(bytesOf(300));
    await store.putBlob(a, one, owner.id, NOW, 0);
    const again = await store.putBlob(a, { ...one, type: 'image/gif' }, owner.id, LATER, 0);
    expect(again).toMatchObject({ ok: true, created: false, blob: { type: 'image/png', createdAt: NOW } });
    expect(await store.blobUsage(a)).toEqual({ blobs: 1, bytes: 300 });
  });

  it("refuses a blob that would take the space's blobs over the limit, writing nothing; one already there passes", async () => {
    const store = fresh();
    const { owner, a, b } = await spaces(store);
    const [x, y] = [blob(bytesOf(600, 1)), blob(bytesOf(401, 2))];
    expect((await store.putBlob(a, x, owner.id, NOW, 1000)).ok).toBe(true);
    const counts = await store.counts();
    expect(await store.putBlob(a, y, owner.id, NOW, 1000)).toEqual({ ok: false, reason: 'space-full', used: 600 });
    expect(await store.counts()).toEqual(counts);
    expect((await store.putBlob(a, x, owner.id, NOW, 100)).ok).toBe(true);
    expect((await store.putBlob(b, y, owner.id, NOW, 1000)).ok).toBe(true);
    expect((await store.putBlob(a, y, owner.id, NOW, 0)).ok).toBe(true);
  });

  it('lets no two uploads at once pass the limit together', async () => {
    const store = fresh();
    const { owner, a } = await spaces(store);
    const five = Array.from({ length: 5 }, (_, i) => blob(bytesOf(400, i * 3)));
    const results = await Promise.all(five.map((one) => store.putBlob(a, one, owner.id, NOW, 1000)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await store.blobUsage(a)).toEqual({ blobs: 2, bytes: 800 });
  });
}
