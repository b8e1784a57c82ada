import { strToU8 } from 'fflate';
import type { Capture, Device, Item, Meeting } from '../../shared/domain';
import type { SignedCheckpoint } from '../../shared/ledger/checkpoint';
import {
  evidenceImagePath,
  PACK_FILES,
  type PackManifest,
  type PackScope,
  type PackServerKey,
} from '../../shared/ledger/pack';
import type { DocketDB } from '../store/db';
import { localImages } from '../store/images';
import { withoutStamps } from '../store/stamps';

/** A shared client's log as the server serves it, checked by this browser (extension/sync/log-export.ts). */
export type FetchedLedger = {
  space: string;
  serverKey: PackServerKey;
  leaves: string[];
  checkpoints: SignedCheckpoint[];
};

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 1) + '\n');

/** The records a pack holds: the client's whole log, or one sealed meeting with its sealed items and their evidence. */
async function recordsOf(db: DocketDB, clientId: string, scope: PackScope) {
  return db.transaction('r', [db.meetings, db.items, db.captures, db.devices], async () => {
    const devices = await db.devices.where('clientId').equals(clientId).toArray();
    if (scope.kind === 'client') {
      const [meetings, items, captures] = await Promise.all([
        db.meetings.where('clientId').equals(clientId).toArray(),
        db.items.where('clientId').equals(clientId).toArray(),
        db.captures.where('clientId').equals(clientId).toArray(),
      ]);
      return { meetings, items, captures, devices };
    }
    const meeting = await db.meetings.get(scope.meetingId);
    if (!meeting?.seal) throw new Error('Only a sealed meeting has an evidence pack: seal it first.');
    const itemIds = meeting.seal.versions.filter((v) => v.table === 'items').map((v) => v.id);
    const items = (await db.items.bulkGet(itemIds)).filter((i): i is Item => i !== undefined);
    const captures = new Map<string, Capture>();
    for (const c of await db.captures.where('itemId').anyOf(itemIds).toArray()) captures.set(c.id, c);
    for (const c of await db.captures.bulkGet(meeting.seal.statement.evidence.map((e) => e.captureId)))
      if (c) captures.set(c.id, c);
    return { meetings: [meeting], items, captures: [...captures.values()], devices };
  });
}

/**
 * The ledger part of a pack (shared/ledger/pack.ts says the layout): manifest, keys, records, the server's log and
 * checkpoints when the client is shared, and the evidence images. Path → bytes, ready to zip beside the Markdown.
 */
export async function ledgerPackFiles(
  db: DocketDB,
  client: { id: string; name: string },
  scope: PackScope,
  createdBy: string,
  ledger: FetchedLedger | null,
  now = new Date(),
): Promise<Map<string, Uint8Array>> {
  const { meetings, items, captures, devices } = await recordsOf(db, client.id, scope);
  const manifest: PackManifest = {
    format: 'docket-ledger',
    version: 1,
    createdAt: now.toISOString(),
    createdBy,
    client: { id: client.id, name: client.name },
    space: ledger?.space ?? null,
    scope,
  };
  const plain = <T extends object>(rows: T[]) => rows.map((r) => withoutStamps(r));
  const files = new Map<string, Uint8Array>([
    [PACK_FILES.manifest, json(manifest)],
    [PACK_FILES.keys, json({ server: ledger?.serverKey ?? null, devices: plain<Device>(devices) })],
    [
      PACK_FILES.records,
      json({ meetings: plain<Meeting>(meetings), items: plain<Item>(items), captures: plain<Capture>(captures) }),
    ],
  ]);
  if (ledger) {
    files.set(PACK_FILES.leaves, strToU8(ledger.leaves.map((l) => l + '\n').join('')));
    files.set(PACK_FILES.checkpoints, json(ledger.checkpoints));
  }
  const wanted = new Map<string, string>();
  for (const c of captures) for (const i of c.images ?? []) wanted.set(i.sha256, evidenceImagePath(i.sha256, i.type));
  const held = await localImages(db, [...wanted.keys()]);
  for (const [sha, path] of wanted) {
    const image = held.get(sha);
    if (image) files.set(path, image.bytes);
  }
  return files;
}
