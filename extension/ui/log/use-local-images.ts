import { useEffect, useState } from 'preact/hooks';
import type { CaptureImage } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { localImages } from '../../store/images';
import { useLive } from '../use-live';

export interface ShownImages {
  /** Image address in the Markdown → object URL of the local copy. */
  bySrc: ReadonlyMap<string, string>;
  /** Screenshots of the tab, in the order taken. */
  screenshots: Array<{ url: string; meta: CaptureImage }>;
  /** Images the capture names that are not in this browser yet (a teammate's, still downloading). */
  missing: number;
}

const NONE: ShownImages = { bySrc: new Map(), screenshots: [], missing: 0 };

/**
 * Object URLs for a capture's local images, made when shown and revoked when the view goes: the bytes stay in
 * IndexedDB, never on a remote address. Live: a teammate's image that arrives by sync appears.
 */
export function useLocalImages(db: DocketDB, images: CaptureImage[] | undefined): ShownImages {
  const key = (images ?? []).map((i) => i.sha256).join(',');
  const rows = useLive(async () => (key ? localImages(db, key.split(',')) : new Map()), [db, key]);
  const [shown, setShown] = useState<ShownImages>(NONE);
  useEffect(() => {
    if (!images?.length || !rows) return setShown(NONE);
    const made: string[] = [];
    const bySrc = new Map<string, string>();
    const screenshots: ShownImages['screenshots'] = [];
    let missing = 0;
    for (const meta of images) {
      const row = rows.get(meta.sha256);
      if (!row) {
        missing++;
        continue;
      }
      const url = URL.createObjectURL(new Blob([row.bytes as Uint8Array<ArrayBuffer>], { type: row.type }));
      made.push(url);
      if (meta.screenshot) screenshots.push({ url, meta });
      else if (meta.src) bySrc.set(meta.src, url);
    }
    setShown({ bySrc, screenshots, missing });
    return () => made.forEach((url) => URL.revokeObjectURL(url));
  }, [rows]);
  return shown;
}
