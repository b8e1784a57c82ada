import { useEffect, useState } from 'preact/hooks';
import type { DocketDB } from '../../../store/db';
import { maxImageBytes, setMaxImageBytes } from '../../../store/images';

const MB = 1024 * 1024;

/** How large an image a capture keeps: one setting for every client of this browser. */
export function ImageLimit({ db, say }: { db: DocketDB; say: (text: string) => void }) {
  const [mb, setMb] = useState('');
  useEffect(() => void maxImageBytes(db).then((bytes) => setMb(String(Math.round((bytes / MB) * 10) / 10))), [db]);
  async function save(e: Event) {
    e.preventDefault();
    try {
      await setMaxImageBytes(db, Number(mb) * MB);
      say(`Images up to ${mb} MB are kept with new captures.`);
    } catch (err) {
      say(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <section class="transfer" aria-label="Images">
      <h3>Images</h3>
      <p class="muted small">
        Captures keep the page’s images in this browser (and on the team’s server when the client is shared). Larger
        images stay links to the page. For every client.
      </p>
      <form onSubmit={save} class="actions" aria-label="Image limit">
        <label>
          Keep images up to (MB){' '}
          <input
            name="image-limit"
            type="number"
            min="0.1"
            max="5"
            step="0.1"
            value={mb}
            onInput={(e) => setMb(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Save</button>
      </form>
    </section>
  );
}
