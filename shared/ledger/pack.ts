import { z } from 'zod';
import { Id, Instant } from '../domain/common';
import { Device } from '../domain/device';
import type { LoggedChange } from '../sync/protocol';
import { Hex64 } from './checkpoint';
import { leafTextOf } from './log-leaf';

/**
 * The ledger pack: what the handoff pack (and a meeting's evidence pack) carries so anyone can check it offline
 * with `verify.mjs` or `verify.html`. A pack is a folder or a .zip; paths are relative to its top (a .zip or a
 * chosen folder may wrap everything in one more folder: the verifier finds the top by `ledger/pack.json`). The
 * verifier reads only these files:
 *
 * - `ledger/pack.json` — `{ format: 'docket-ledger', version: 1, createdAt: Instant, createdBy: string,
 *   client: { id, name }, space: string | null, scope: { kind: 'client' } | { kind: 'meeting', meetingId } }`.
 *   `space` is the server space id; null for a client that is not shared (then there is no log, and records are
 *   checked only against their seals).
 * - `ledger/keys.json` — `{ server: { algorithm: 'Ed25519', keyId: hex64, publicKey: hex64 } | null,
 *   devices: Device[] }`: the key the server signs checkpoints with, and the devices registered in the log.
 * - `ledger/records.json` — `{ meetings: object[], items: object[], captures: object[] }`: the current records as the
 *   exporting browser holds them, without `_stamps`. Scope client: all of them; scope meeting: that meeting, the
 *   items its seal lists and their captures.
 * - `ledger/leaves.jsonl` (shared clients only) — the space's whole log, one leaf text per line, exactly
 *   `leafTextOf(change)`, in seq order (line i holds seq i), every line ending in "\n" (`leavesJsonl` writes it).
 *   It must reach at least the newest checkpoint in checkpoints.json.
 * - `ledger/checkpoints.json` (shared clients only) — `SignedCheckpoint[]` the exporting device holds, with the
 *   server's signature and the devices' co-signatures.
 * - `evidence-images/<sha256>.<ext>` — kept image bytes, named by their SHA-256 (ext png, jpg, gif, webp or avif).
 *
 * Anything else (the Markdown minutes, client-log.json, a README, verify.mjs itself) is ignored by the verifier.
 * JSON files may be indented: only their values count. leaves.jsonl is hashed byte for byte.
 */
export const PACK_FILES = {
  manifest: 'ledger/pack.json',
  keys: 'ledger/keys.json',
  records: 'ledger/records.json',
  leaves: 'ledger/leaves.jsonl',
  checkpoints: 'ledger/checkpoints.json',
} as const;
export const EVIDENCE_DIR = 'evidence-images/';

export const PackScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client') }),
  z.object({ kind: z.literal('meeting'), meetingId: Id }),
]);
export type PackScope = z.infer<typeof PackScope>;

export const PackManifest = z.object({
  format: z.literal('docket-ledger'),
  version: z.literal(1),
  createdAt: Instant,
  createdBy: z.string(),
  client: z.object({ id: Id, name: z.string() }),
  /** The server space id; null: the client is not shared. */
  space: z.string().min(1).max(100).nullable(),
  scope: PackScope,
});
export type PackManifest = z.infer<typeof PackManifest>;

export const PackServerKey = z.object({ algorithm: z.literal('Ed25519'), keyId: Hex64, publicKey: Hex64 });
export type PackServerKey = z.infer<typeof PackServerKey>;

export const PackKeys = z.object({ server: PackServerKey.nullable(), devices: z.array(Device) });
export type PackKeys = z.infer<typeof PackKeys>;

/** A record as exported: any object with an id (each table's schema is checked record by record). */
export const PackRecord = z.looseObject({ id: Id });
export type PackRecord = z.infer<typeof PackRecord>;

export const PackRecords = z.object({
  meetings: z.array(PackRecord),
  items: z.array(PackRecord),
  captures: z.array(PackRecord),
});
export type PackRecords = z.infer<typeof PackRecords>;

/** The tables records.json holds, in the order the verifier reads them. */
export const PACK_TABLES = ['meetings', 'items', 'captures'] as const;
export type PackTable = (typeof PACK_TABLES)[number];

/** ledger/leaves.jsonl for a space's log (the changes in seq order, from seq 1). */
export function leavesJsonl(changes: readonly LoggedChange[]): string {
  let out = '';
  for (const change of changes) out += leafTextOf(change) + '\n';
  return out;
}

const IMAGE_EXTENSION: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};
export const IMAGE_EXTENSIONS = Object.values(IMAGE_EXTENSION);

/** Where an evidence image's bytes go in a pack (the same path the handoff pack uses). */
export function evidenceImagePath(sha256: string, type: string): string {
  return `${EVIDENCE_DIR}${sha256}.${IMAGE_EXTENSION[type] ?? 'bin'}`;
}
