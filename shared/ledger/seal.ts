import type { Capture, HeldAgendaLine, Item, Meeting, SealStatement, SealedVersion } from '../domain';
import { fromHex, toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import { keyIdOf, sign, type PrivateSigningKey } from './ed25519';
import { leafHash, treeRoot } from './merkle';
import { sha256Hex } from './sha256';

/**
 * What sealing hashes, and how: one definition for the sealing extension, the verdict it shows and `verify.mjs`.
 * A record's sealed form is the record without bookkeeping (its stamps, `updatedAt`, and a meeting's own seal); an
 * evidence's form is the capture's content (everything but where it is filed: ids, item, client, URL key).
 */
const BOOKKEEPING = new Set(['_stamps', 'updatedAt', 'seal']);
const NOT_CONTENT = new Set(['_stamps', 'id', 'itemId', 'clientId', 'urlKey']);

/**
 * The record's own members but those dropped and those undefined, as Object.fromEntries(Object.entries(…)) makes
 * them (a "__proto__" member stays a member), in one loop: the verifier makes a sealed form of every sealed record.
 */
function without(record: object, drop: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    if (value === undefined || drop.has(key)) continue;
    if (key === '__proto__')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

export type SealedTable = SealedVersion['table'];

export function sealedFormOf(record: object): Record<string, unknown> {
  return without(record, BOOKKEEPING);
}
export function recordHash(record: object): string {
  return sha256Hex(canonicalJson(sealedFormOf(record)));
}
export function evidenceFormOf(capture: object): Record<string, unknown> {
  return without(capture, NOT_CONTENT);
}
export function evidenceHash(capture: object): string {
  return sha256Hex(canonicalJson(evidenceFormOf(capture)));
}
export function agendaHash(agenda: readonly HeldAgendaLine[] | null | undefined): string {
  return sha256Hex(canonicalJson(agenda ?? []));
}

export type UnsignedSeal = Omit<SealStatement, 'device'>;

/** The seal's Merkle leaves, in order: the agenda, each record, each evidence. */
export function sealLeaves(seal: Pick<UnsignedSeal, 'meetingId' | 'agenda' | 'records' | 'evidence'>): string[] {
  return [
    canonicalJson({ kind: 'agenda', meetingId: seal.meetingId, hash: seal.agenda }),
    ...seal.records.map((r) => canonicalJson({ kind: 'record', ...r })),
    ...seal.evidence.map((e) => canonicalJson({ kind: 'evidence', ...e })),
  ];
}
export function sealRoot(seal: Pick<UnsignedSeal, 'meetingId' | 'agenda' | 'records' | 'evidence'>): string {
  return toHex(treeRoot(sealLeaves(seal).map((leaf) => leafHash(leaf))));
}

/** The bytes a device signs. The prefix keeps a seal signature from counting as any other kind of message. */
export function sealMessage(seal: UnsignedSeal): Uint8Array {
  const { version, clientId, meetingId, sealedAt, sealedBy, agenda, records, evidence, root } = seal;
  return utf8(
    'docket-seal/v1\n' +
      canonicalJson({ version, clientId, meetingId, sealedAt, sealedBy, agenda, records, evidence, root }),
  );
}

export type SealInput = {
  /** The meeting as held (agenda frozen), and the items still on it with their evidence. */
  meeting: Meeting;
  items: readonly Item[];
  captures: readonly Capture[];
  sealedAt: string;
  sealedBy: { name: string; accountId: string | null };
};

/** The statement (unsigned) and the versions it hashes. Records and evidence in a stable order: by id. */
export function buildSeal(input: SealInput): { unsigned: UnsignedSeal; versions: SealedVersion[] } {
  const { meeting, sealedAt, sealedBy } = input;
  const items = [...input.items].sort((a, b) => (a.id < b.id ? -1 : 1));
  const onItems = new Set(items.map((i) => i.id));
  const captures = input.captures.filter((c) => onItems.has(c.itemId)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const versions: SealedVersion[] = [
    { table: 'meetings', id: meeting.id, record: sealedFormOf(meeting) },
    ...items.map((item) => ({ table: 'items' as const, id: item.id, record: sealedFormOf(item) })),
  ];
  const body = {
    meetingId: meeting.id,
    agenda: agendaHash(meeting.heldAgenda),
    records: versions.map((v) => ({ table: v.table, id: v.id, hash: recordHash(v.record) })),
    evidence: captures.map((c) => ({
      captureId: c.id,
      itemId: c.itemId,
      hash: evidenceHash(c),
      images: (c.images ?? []).map((i) => i.sha256),
    })),
  };
  const unsigned: UnsignedSeal = {
    version: 1,
    clientId: meeting.clientId,
    sealedAt,
    sealedBy,
    ...body,
    root: sealRoot(body),
  };
  return { unsigned, versions };
}

/** Signs a seal with the device's key. */
export async function signSeal(
  unsigned: UnsignedSeal,
  key: PrivateSigningKey,
  publicKey: Uint8Array,
): Promise<SealStatement> {
  const signature = await sign(key, sealMessage(unsigned));
  return {
    ...unsigned,
    device: { keyId: keyIdOf(publicKey), publicKey: toHex(publicKey), signature: toHex(signature) },
  };
}

/** The first 6 bytes of a root, as the minutes print it ("root 7f3a9c…"). */
export const shortRoot = (root: string) => `${root.slice(0, 12)}…`;

/** Parses a hex public key (for verifying a statement's device signature). */
export const publicKeyBytes = (hex: string) => fromHex(hex);
