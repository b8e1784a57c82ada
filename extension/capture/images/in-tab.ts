/** One image as the tab read it: its bytes (base64: executeScript answers cross as JSON) or why it could not. */
export type TabImage =
  | { src: string; ok: true; base64: string; width: number; height: number }
  | { src: string; ok: false; reason: 'blocked' | 'too-large' | 'not-an-image' | 'failed' };

/**
 * Runs inside the page (scripting.executeScript `func`: it must not close over anything). Fetches each image as
 * the page itself would (same origin, or a CDN that allows it), a few at a time, each within `timeoutMs`; measures
 * it by decoding it, which also refuses anything that is not an image.
 */
export async function readImagesInTab(srcs: string[], maxBytes: number, timeoutMs: number): Promise<TabImage[]> {
  const readOne = async (src: string): Promise<TabImage> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      let res: Response;
      try {
        res = await fetch(src, { signal: abort.signal, credentials: 'same-origin' });
      } catch {
        return { src, ok: false, reason: 'blocked' };
      }
      if (!res.ok) return { src, ok: false, reason: 'failed' };
      if (Number(res.headers.get('content-length')) > maxBytes) return { src, ok: false, reason: 'too-large' };
      const blob = await res.blob();
      if (blob.size > maxBytes) return { src, ok: false, reason: 'too-large' };
      let width = 0;
      let height = 0;
      try {
        const bitmap = await createImageBitmap(blob);
        ({ width, height } = bitmap);
        bitmap.close();
      } catch {
        return { src, ok: false, reason: 'not-an-image' };
      }
      const base64 = await new Promise<string>((ok, fail) => {
        const reader = new FileReader();
        reader.onload = () => ok(String(reader.result).replace(/^data:[^,]*,/, ''));
        reader.onerror = () => fail(reader.error);
        reader.readAsDataURL(blob);
      });
      return { src, ok: true, base64, width, height };
    } catch {
      return { src, ok: false, reason: 'failed' };
    } finally {
      clearTimeout(timer);
    }
  };
  const out: TabImage[] = new Array(srcs.length);
  let next = 0;
  const worker = async () => {
    while (next < srcs.length) {
      const at = next++;
      out[at] = await readOne(srcs[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, srcs.length) }, worker));
  return out;
}
