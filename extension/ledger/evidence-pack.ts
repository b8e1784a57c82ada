import { strToU8, zipSync } from 'fflate';
import type { Client, Meeting } from '../../shared/domain';
import { minutesMarkdown } from '../../shared/export';
import { localDateOf } from '../../shared/export/format';
import { verifyPack, type PackReport } from '../../shared/ledger/verify';
import type { DocketDB } from '../store/db';
import { myName } from '../store/me';
import { currentLogOf } from './current-log';
import { ledgerForPack } from './settle-sync';
import { ledgerPackFiles } from './pack';
import { verifierFiles } from './verifier-files';

const README = (client: Client, day: string) =>
  [
    `Evidence pack of ${client.name}'s governance meeting of ${day}, exported by Docket.`,
    '',
    'minutes.md            the minutes, with the seal line and any amendment made after sealing',
    'ledger/               the seal, the records, the keys and (for a shared client) the server log and checkpoints',
    'evidence-images/      the images kept with the evidence, named by their SHA-256',
    'verify.mjs            run `node verify.mjs .` here (Node 20 or later, nothing to install)',
    'verify.html           or open it in a browser and choose this folder or the .zip',
    '',
    'The verifier recomputes every hash, root and signature and says, for the meeting, "unchanged since sealed",',
    'what was amended (who, when), or exactly what does not verify. Compare the root it prints with the one on',
    'the minutes you received.',
    '',
  ].join('\n');

/**
 * A sealed meeting's evidence pack, as files: its minutes, the ledger (shared/ledger/pack.ts), the images and the
 * offline verifier. A shared client's server log comes along when the server answers; offline, the pack says so.
 */
export async function evidencePackFiles(
  db: DocketDB,
  client: Client,
  meeting: Meeting,
  withVerifier = true,
): Promise<{ files: Map<string, Uint8Array>; note: string | null }> {
  const { ledger, note } = await ledgerForPack(db, client.id);
  const files = await ledgerPackFiles(db, client, { kind: 'meeting', meetingId: meeting.id }, await myName(db), ledger);
  const day = localDateOf(meeting.startsAt, client.timeZone);
  files.set('minutes.md', strToU8(minutesMarkdown({ client, meeting, log: await currentLogOf(db, meeting) })));
  files.set('README.txt', strToU8(README(client, day)));
  if (withVerifier) for (const [name, bytes] of await verifierFiles()) files.set(name, bytes);
  return { files, note };
}

export async function evidencePackZip(db: DocketDB, client: Client, meeting: Meeting) {
  const { files, note } = await evidencePackFiles(db, client, meeting);
  return { zip: zipSync(Object.fromEntries(files)), note };
}

/** The verdict the extension shows on a sealed meeting: the same check `verify.mjs` runs, on the same pack. */
export async function verifyMeeting(
  db: DocketDB,
  client: Client,
  meeting: Meeting,
): Promise<{ report: PackReport; note: string | null }> {
  const { files, note } = await evidencePackFiles(db, client, meeting, false);
  return { report: await verifyPack(files), note };
}
