import { blobPath, blobsMissingPath, MAX_MISSING_QUERY } from '../../shared/sync/blobs';
import { sha256HexOfBytes } from '../../shared/hash';
import { sniffImageType } from '../capture/images/keep';
import type { DocketDB } from '../store/db';
import { storedImage } from '../store/images';
import { type Fetch, REQUEST_TIMEOUT_MS, requestJson, SyncError } from './transport';

/** The space's blobs over HTTP: the images kept with captures travel beside the records, by their SHA-256. */
export interface ImageTransport {
  missing(space: string, shas: string[]): Promise<string[]>;
  upload(space: string, sha: string, type: string, bytes: Uint8Array): Promise<void>;
  download(space: string, sha: string): Promise<Uint8Array | null>;
}

export function httpImages(baseUrl: string, token: string, fetchImpl: Fetch = (u, i) => fetch(u, i)): ImageTransport {
  const base = baseUrl.replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${token}` };
  return {
    async missing(space, shas) {
      const { body } = await requestJson(fetchImpl, base + blobsMissingPath(encodeURIComponent(space)), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ sha256: shas }),
      });
      const missing = (body as { missing?: unknown } | null)?.missing;
      if (!Array.isArray(missing))
        throw new SyncError('bad-response', 'The sync server sent an answer Docket does not understand.');
      return missing.filter((s): s is string => typeof s === 'string');
    },
    async upload(space, sha, type, bytes) {
      await requestJson(fetchImpl, base + blobPath(encodeURIComponent(space), sha), {
        method: 'PUT',
        headers: { ...auth, 'content-type': type },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    },
    async download(space, sha) {
      const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      let res: Response;
      try {
        res = await fetchImpl(base + blobPath(encodeURIComponent(space), sha), { headers: auth, signal });
      } catch (e) {
        throw new SyncError('offline', `The sync server cannot be reached (${e instanceof Error ? e.message : e}).`);
      }
      if (res.status === 404) return null;
      if (!res.ok)
        throw new SyncError('bad-response', `The sync server answered ${res.status} for an image.`, res.status);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** The images these captures name, each once. */
function imageShas(captures: Array<{ images?: Array<{ sha256: string }> } | undefined>): string[] {
  return [...new Set(captures.flatMap((c) => c?.images?.map((i) => i.sha256) ?? []))];
}

/**
 * Before a client's captures are pushed: the images they name that the server lacks go up first, so a teammate
 * who receives the capture can fetch them. An image the server refuses (too large for its limit, a full space) is
 * left out, not retried for ever: the capture still syncs, and teammates see it without that picture.
 */
export async function uploadImages(db: DocketDB, images: ImageTransport, clientId: string, space: string) {
  const ids = new Set(
    (await db.outbox.where('clientId').equals(clientId).toArray())
      .filter((e) => e.table === 'captures')
      .map((e) => e.id),
  );
  if (!ids.size) return { uploaded: 0, refused: 0 };
  const shas = imageShas(await db.captures.bulkGet([...ids]));
  let uploaded = 0;
  let refused = 0;
  for (let at = 0; at < shas.length; at += MAX_MISSING_QUERY) {
    const lacking = await images.missing(space, shas.slice(at, at + MAX_MISSING_QUERY));
    for (const sha of lacking) {
      const row = await db.images.get(sha);
      if (!row) continue; // a capture imported without its images
      try {
        await images.upload(space, sha, row.type, row.bytes);
        uploaded++;
      } catch (e) {
        if (!(e instanceof SyncError) || !['blob-too-large', 'quota-exceeded', 'blob-type'].includes(e.code)) throw e;
        refused++;
      }
    }
  }
  return { uploaded, refused };
}

const wantedKey = (space: string) => `sync.imagesWanted.${space}`;

/**
 * After a pull: the images the pulled captures name that this browser lacks are downloaded, checked against their
 * hash and kind (the server is trusted with bytes, not with their name), and stored. Those that fail wait for the
 * next round.
 */
export async function downloadImages(db: DocketDB, images: ImageTransport, space: string, named: string[]) {
  const before = ((await db.settings.get(wantedKey(space)))?.value as string[] | undefined) ?? [];
  const wanted = [...new Set([...before, ...named])];
  const held = new Set((await db.images.bulkGet(wanted)).flatMap((r) => (r ? [r.sha256] : [])));
  const still: string[] = [];
  let downloaded = 0;
  for (const sha of wanted) {
    if (held.has(sha)) continue;
    let bytes: Uint8Array | null;
    try {
      bytes = await images.download(space, sha);
    } catch (e) {
      if (e instanceof SyncError && e.code === 'offline') throw e;
      still.push(sha);
      continue;
    }
    if (!bytes) continue; // the server never got it (its uploader's server refused it): nothing to wait for
    const type = sniffImageType(bytes);
    if (!type || (await sha256HexOfBytes(bytes)) !== sha) {
      still.push(sha);
      continue;
    }
    await db.images.put(storedImage({ sha256: sha, type }, bytes));
    downloaded++;
  }
  if (before.length || still.length) await db.settings.put({ key: wantedKey(space), value: still });
  return { downloaded, waiting: still.length };
}
