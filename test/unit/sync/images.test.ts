import { describe, expect, it } from 'vitest';
import type { KeptImage } from '../../../extension/capture/images/keep';
import { sha256HexOfBytes } from '../../../shared/hash';
import { saveCapture } from '../../../extension/store/save-capture';
import { downloadImages, httpImages, type ImageTransport, uploadImages } from '../../../extension/sync/images';
import { syncClient } from '../../../extension/sync/sync-client';
import { pullSpace } from '../../../extension/sync/pull';
import { SyncError } from '../../../extension/sync/transport';
import { alice, makeClient, pageDraft } from '../../support/store';
import { team } from '../../support/team';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function kept(n: number, size = 200): Promise<KeptImage> {
  const bytes = Uint8Array.from([...PNG, ...Array.from({ length: size }, (_, i) => (i * n) & 255)]);
  const sha256 = await sha256HexOfBytes(bytes);
  return {
    meta: {
      sha256,
      type: 'image/png',
      size: bytes.length,
      width: 640,
      height: 400,
      alt: `chart ${n}`,
      src: `https://portal.acme-msp.com/${n}.png`,
      screenshot: false,
    },
    bytes,
  };
}

async function sharedCapture(images: KeptImage[]) {
  const t = await team();
  const client = await makeClient(t.a.db);
  const { capture } = await saveCapture(
    t.a.db,
    alice,
    pageDraft(),
    {
      to: 'new-item',
      item: {
        clientId: client.id,
        meeting: null,
        section: 'decision-to-prepare',
        kind: 'quote',
        status: 'inbox',
        title: 'Backup renewal',
        vendor: null,
        amount: null,
        decideBy: null,
        urgent: false,
        tags: [],
      },
    },
    images,
  );
  return { t, client, capture };
}

describe('images sync with their captures', () => {
  it('go up before the capture and come down to a teammate, byte for byte', async () => {
    const images = [await kept(1), await kept(2)];
    const { t, client, capture } = await sharedCapture(images);
    const aImages = httpImages('http://docket.test', t.owner, t.fetchApp);
    const bImages = httpImages('http://docket.test', t.editor, t.fetchApp);

    expect(await uploadImages(t.a.db, aImages, client.id, t.space)).toEqual({ uploaded: 2, refused: 0 });
    await syncClient(t.a.db, t.a.transport, client.id, t.space);
    // Nothing left to send: the second round asks the server and uploads nothing.
    expect(await uploadImages(t.a.db, aImages, client.id, t.space)).toEqual({ uploaded: 0, refused: 0 });

    const pulled = await pullSpace(t.b.db, t.b.transport, t.space);
    expect(pulled.images.sort()).toEqual(images.map((i) => i.meta.sha256).sort());
    expect(await downloadImages(t.b.db, bImages, t.space, pulled.images)).toEqual({ downloaded: 2, waiting: 0 });
    expect((await t.b.db.captures.get(capture.id))?.images?.map((i) => i.alt)).toEqual(['chart 1', 'chart 2']);
    for (const image of images)
      expect(Array.from((await t.b.db.images.get(image.meta.sha256))!.bytes)).toEqual(Array.from(image.bytes));
    await t.close();
  });

  it('a teammate stores nothing the server sends under the wrong name, and asks again next round', async () => {
    const image = await kept(3);
    const lying: ImageTransport = {
      missing: async () => [],
      upload: async () => undefined,
      download: async () => (await kept(4)).bytes, // other bytes than the hash names
    };
    const { t } = await sharedCapture([]);
    expect(await downloadImages(t.b.db, lying, t.space, [image.meta.sha256])).toEqual({ downloaded: 0, waiting: 1 });
    expect(await t.b.db.images.count()).toBe(0);
    const honest: ImageTransport = { ...lying, download: async () => image.bytes };
    expect(await downloadImages(t.b.db, honest, t.space, [])).toEqual({ downloaded: 1, waiting: 0 });
    await t.close();
  });

  it('an image the server refuses (over its limit) does not hold the capture back', async () => {
    const { t, client } = await sharedCapture([await kept(5), await kept(6)]);
    let calls = 0;
    const strict: ImageTransport = {
      ...httpImages('http://docket.test', t.owner, t.fetchApp),
      upload: async () => {
        calls++;
        if (calls === 1) throw new SyncError('blob-too-large', 'over the limit', 413);
      },
    };
    expect(await uploadImages(t.a.db, strict, client.id, t.space)).toEqual({ uploaded: 1, refused: 1 });
    const round = await syncClient(t.a.db, t.a.transport, client.id, t.space);
    expect(round.pending).toBe(0);
    await t.close();
  });
});
