import { strToU8, zipSync } from 'fflate';
import type { Client } from '../../../../shared/domain';
import { evidenceImagePaths, exportClientLog, handoffFiles } from '../../../../shared/export';
import { contractDates } from '../../../../shared/rules';
import { ledgerPackFiles } from '../../../ledger/pack';
import { ledgerForPack } from '../../../ledger/settle-sync';
import { verifierFiles } from '../../../ledger/verifier-files';
import { readClientLog } from '../../../store/client-log';
import { myName } from '../../../store/me';
import type { DocketDB } from '../../../store/db';
import { localImages } from '../../../store/images';
import { download, fileName } from '../../download';
import { ImportLog } from './ImportLog';

/** The client's whole log out (lossless JSON, or the end-of-mandate handoff pack) and back in. */
export function LogTransfer({ db, client, say }: { db: DocketDB; client: Client; say: (text: string) => void }) {
  const today = new Date().toISOString().slice(0, 10);
  async function exportJson() {
    download(
      fileName(client.name, 'log', today) + '.json',
      exportClientLog(await readClientLog(db, client.id), new Date()),
      'application/json',
    );
  }
  async function exportHandoff() {
    const log = await readClientLog(db, client.id);
    const imagePaths = evidenceImagePaths(log.captures);
    const held = await localImages(db, [...imagePaths.keys()]);
    const files = handoffFiles({
      log,
      today,
      contractDates: (c) => contractDates(c, today),
      imagesHeld: new Set(held.keys()),
    });
    const entries: Array<[string, Uint8Array]> = Object.entries(files).map(([path, text]) => [path, strToU8(text)]);
    for (const [sha, path] of imagePaths) {
      const image = held.get(sha);
      if (image) entries.push([path, image.bytes]);
    }
    // The ledger and the verifier: anyone can check the sealed meetings offline (shared/ledger/pack.ts).
    const { ledger, note } = await ledgerForPack(db, client.id);
    entries.push(...(await ledgerPackFiles(db, client, { kind: 'client' }, await myName(db), ledger)));
    entries.push(...(await verifierFiles()));
    const zip = zipSync(Object.fromEntries(entries));
    download(fileName(client.name, 'handoff', today) + '.zip', zip, 'application/zip');
    if (note) say(note);
  }
  return (
    <section class="transfer" aria-label="Export and import">
      <h3>Export and hand over</h3>
      <p class="muted small">
        The JSON log is complete and can be imported again. The handoff pack is Markdown for the next team: vendors and
        contracts, open follow-ups, decision history, meetings, the images kept with the evidence, and the sealed record
        with <code>verify.mjs</code> and <code>verify.html</code> to check it offline.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void exportJson().catch((e) => say(String(e)))}>
          Client log (.json)
        </button>
        <button type="button" onClick={() => void exportHandoff().catch((e) => say(String(e)))}>
          Handoff pack (.zip)
        </button>
      </div>
      <ImportLog db={db} say={say} />
    </section>
  );
}
