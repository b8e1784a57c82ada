/**
 * Ledger packs built with the real functions, for the verifier's tests and its benchmark: a space's log made of
 * LoggedChanges (diffToChanges, HLC stamps), checkpoints signed by a server key and co-signed by device keys, meetings
 * sealed with buildSeal/signSeal and the seal logged as a `meetings.seal` change, and the pack's files laid out as
 * shared/ledger/pack.ts says.
 */
import {
  Capture,
  Client,
  Device,
  deviceRecordId,
  Item,
  Meeting,
  type HeldAgendaLine,
  type MeetingSeal,
} from '../../shared/domain';
import { toHex, utf8 } from '../../shared/ledger/bytes';
import { checkpointMessage, type Checkpoint, type SignedCheckpoint } from '../../shared/ledger/checkpoint';
import { generateSigningKey, keyIdOf, sign, type PrivateSigningKey } from '../../shared/ledger/ed25519';
import { leafHashOfChange, leafTextOf } from '../../shared/ledger/log-leaf';
import { MerkleFrontier, leafHash, treeRoot } from '../../shared/ledger/merkle';
import {
  PACK_FILES,
  evidenceImagePath,
  leavesJsonl,
  type PackManifest,
  type PackScope,
} from '../../shared/ledger/pack';
import { buildSeal, signSeal } from '../../shared/ledger/seal';
import { sha256Hex } from '../../shared/ledger/sha256';
import { diffToChanges } from '../../shared/sync/changes';
import { formatHlc, tick, type Clock } from '../../shared/sync/hlc';
import { recordKey } from '../../shared/sync/merge';
import { TOMBSTONE, type LoggedChange, type SyncTable } from '../../shared/sync/protocol';

export type Person = { name: string; accountId: string; replicaId: string };
export type Key = { publicKey: Uint8Array; privateKey: PrivateSigningKey; keyId: string };
type Rec = Record<string, unknown> & { id: string };

export const JULIE: Person = { name: 'Julie Côté', accountId: 'acct-julie-0001', replicaId: 'replica-julie' };
export const BOB: Person = { name: 'Bob Lee', accountId: 'acct-bob-0002', replicaId: 'replica-bob' };

export async function newKey(): Promise<Key> {
  const { publicKey, privateKey } = await generateSigningKey();
  return { publicKey, privateKey, keyId: keyIdOf(publicKey) };
}

async function signedBy(cp: Checkpoint, key: Key) {
  return { keyId: key.keyId, signature: toHex(await sign(key.privateKey, checkpointMessage(cp))) };
}

/** A space's log as the server keeps it: changes in seq order, current records, and signed checkpoints. */
export class LedgerBuilder {
  readonly changes: LoggedChange[] = [];
  readonly checkpoints: SignedCheckpoint[] = [];
  readonly #records = new Map<string, Rec>();
  readonly #stamps = new Map<string, Record<string, string>>();
  readonly #frontier = new MerkleFrontier();
  #clock: Clock | null = null;

  constructor(
    readonly space: string | null,
    readonly server: Key | null,
  ) {}

  /** Writes a record's new state as a replica would: one change per field that differs, logged in order. */
  write(table: SyncTable, after: Rec, by: Person, at: string): LoggedChange[] {
    const key = recordKey(table, after.id);
    const stamps = this.#stamps.get(key) ?? {};
    const made = diffToChanges(
      table,
      after.id,
      this.#records.get(key) ?? null,
      after,
      () => {
        this.#clock = tick(this.#clock, Date.parse(at), by.replicaId);
        return formatHlc(this.#clock);
      },
      (field) => stamps[field] ?? null,
    );
    const logged = made.map((c) => ({
      ...c,
      seq: this.changes.length + 1 + made.indexOf(c),
      replicaId: by.replicaId,
      authorId: by.accountId,
      author: by.name,
      receivedAt: at,
    }));
    for (const c of logged) {
      stamps[c.field] = c.hlc;
      this.changes.push(c);
      this.#frontier.append(leafHashOfChange(c));
    }
    this.#stamps.set(key, stamps);
    this.#records.set(key, structuredClone(after));
    return logged;
  }

  remove(table: SyncTable, id: string, by: Person, at: string): void {
    const key = recordKey(table, id);
    this.#clock = tick(this.#clock, Date.parse(at), by.replicaId);
    const c: LoggedChange = {
      table,
      id,
      field: TOMBSTONE,
      value: true,
      hlc: formatHlc(this.#clock),
      base: null,
      seq: this.changes.length + 1,
      replicaId: by.replicaId,
      authorId: by.accountId,
      author: by.name,
      receivedAt: at,
    };
    this.changes.push(c);
    this.#frontier.append(leafHashOfChange(c));
    this.#records.delete(key);
  }

  get<T>(table: SyncTable, id: string): T {
    return structuredClone(this.#records.get(recordKey(table, id))) as T;
  }

  all(table: SyncTable): Rec[] {
    const prefix = recordKey(table, '');
    return [...this.#records.entries()].filter(([k]) => k.startsWith(prefix)).map(([, r]) => structuredClone(r));
  }

  /** The checkpoint at the log's current size, signed by the server and co-signed by the given devices. */
  async checkpoint(time: string, cosigners: Key[] = []): Promise<SignedCheckpoint> {
    const cp: Checkpoint = { space: this.space!, size: this.#frontier.size, root: toHex(this.#frontier.root()), time };
    const signed: SignedCheckpoint = {
      ...cp,
      server: this.server ? await signedBy(cp, this.server) : null,
      cosignatures: await Promise.all(cosigners.map((k) => signedBy(cp, k))),
    };
    this.checkpoints.push(signed);
    return signed;
  }

  /** A checkpoint of another history (the first `size` changes with one altered): what a forked server shows. */
  async forkedCheckpoint(size: number, time: string, cosigners: Key[]): Promise<SignedCheckpoint> {
    const leaves = this.changes.slice(0, size).map((c) => utf8(leafTextOf(c)));
    leaves[size - 1] = utf8(leafTextOf({ ...this.changes[size - 1]!, author: 'Mallory' }));
    const cp: Checkpoint = { space: this.space!, size, root: toHex(treeRoot(leaves.map((l) => leafHash(l)))), time };
    return {
      ...cp,
      server: await signedBy(cp, this.server!),
      cosignatures: await Promise.all(cosigners.map((k) => signedBy(cp, k))),
    };
  }
}

/** A 1×1 PNG: real image bytes, as a capture keeps them. */
export const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
export const PNG_SHA = sha256Hex(PNG);

export const CLIENT_ID = '0192a000-0000-7000-8000-000000000001';
export const client = Client.parse({
  id: CLIENT_ID,
  name: 'Acme Dental',
  cadence: 'monthly',
  weekday: 2,
  time: '10:00',
  timeZone: 'America/Toronto',
  weekOfMonth: 2,
  anchorDate: '2026-10-13',
  meetingMinutes: 90,
  createdAt: '2026-10-01T13:00:00.000Z',
  updatedAt: '2026-10-01T13:00:00.000Z',
});

export function deviceRecord(key: Key, label: string, at: string): Device {
  return Device.parse({
    id: deviceRecordId(key.keyId, CLIENT_ID),
    clientId: CLIENT_ID,
    keyId: key.keyId,
    publicKey: toHex(key.publicKey),
    label,
    createdAt: at,
  });
}

export function meeting(id: string, startsAt: string, title: string): Meeting {
  return Meeting.parse({
    id,
    clientId: CLIENT_ID,
    startsAt,
    status: 'planned',
    fromCadence: true,
    title,
    createdAt: '2026-10-01T13:10:00.000Z',
    updatedAt: '2026-10-01T13:10:00.000Z',
  });
}

export function item(id: string, meetingId: string, title: string, at: string, extra: Partial<Item> = {}): Item {
  return Item.parse({
    id,
    clientId: CLIENT_ID,
    meetingId,
    section: 'decision-to-prepare',
    kind: 'quote',
    status: 'on-agenda',
    title,
    vendorId: null,
    amount: { value: 4900, currency: 'CAD', recurrence: 'yearly' },
    decideBy: '2026-11-30',
    urgent: false,
    tags: ['security'],
    notes: `Notes on ${title}.`,
    createdAt: at,
    createdBy: 'julie@cote-vcio.ca',
    updatedAt: at,
    ...extra,
  });
}

export function capture(id: string, itemId: string, title: string, at: string, withImage = false): Capture {
  const markdown = `# ${title}\n\nThe vendor's text for ${title}, as clipped.`;
  return Capture.parse({
    id,
    itemId,
    clientId: CLIENT_ID,
    kind: 'page',
    source: { url: `https://portal.vendor.example/${id}`, title, site: 'portal.vendor.example' },
    markdown,
    excerpt: markdown.slice(0, 100),
    contentHash: sha256Hex(markdown),
    urlKey: `portal.vendor.example/${id}`,
    capturedAt: at,
    capturedBy: 'julie@cote-vcio.ca',
    ...(withImage && {
      images: [
        {
          sha256: PNG_SHA,
          type: 'image/png',
          size: PNG.length,
          width: 1,
          height: 1,
          alt: 'Vendor logo',
          src: 'https://portal.vendor.example/logo.png',
        },
      ],
    }),
  });
}

/** The meeting as held: agenda frozen from its items. */
export function held(m: Meeting, items: Item[], at: string): Meeting {
  const heldAgenda: HeldAgendaLine[] = items.map((i) => ({
    itemId: i.id,
    title: i.title,
    section: i.section,
    status: i.status,
    vendor: null,
    amount: i.amount,
    discussed: true,
    decision: i.decision
      ? { status: i.decision.status, decision: i.decision.decision, decidedBy: i.decision.decidedBy?.name ?? null }
      : null,
    actions: i.actions,
  }));
  return { ...m, status: 'held', heldAgenda, heldAt: at, updatedAt: at };
}

export async function sealed(
  m: Meeting,
  items: Item[],
  captures: Capture[],
  at: string,
  by: Person | null,
  key: Key,
): Promise<MeetingSeal> {
  const { unsigned, versions } = buildSeal({
    meeting: m,
    items,
    captures,
    sealedAt: at,
    sealedBy: { name: by?.name ?? JULIE.name, accountId: by?.accountId ?? null },
  });
  return { statement: await signSeal(unsigned, key.privateKey, key.publicKey), versions };
}

/** A decision as the editor stores it. */
export function decision(text: string, status: 'proposed' | 'accepted' = 'accepted') {
  return {
    context: 'The FortiGate 60F reaches end of support in March.',
    options: [],
    recommendation: 'Renew with Harbor IT.',
    decision: text,
    rationale: 'Cheapest option that keeps support.',
    decidedBy: { name: 'Dr. Amelia Chen', role: 'Managing partner' },
    decidedOn: '2026-11-10',
    status,
    supersedes: null,
    supersededBy: null,
    nist: ['protect'],
    cobit: ['BAI'],
  } satisfies Item['decision'];
}

/** Where each record sits in records.json (one per line), so a test can tell which record a byte belongs to. */
export type Span = { table: string; id: string; from: number; to: number };

export function recordsJson(records: { meetings: Rec[]; items: Rec[]; captures: Rec[] }): {
  bytes: Uint8Array;
  spans: Span[];
} {
  const parts: string[] = [];
  const spans: Span[] = [];
  let at = 0;
  const put = (text: string) => {
    parts.push(text);
    at += utf8(text).length;
  };
  put('{\n');
  (['meetings', 'items', 'captures'] as const).forEach((table, t) => {
    put(`"${table}": [\n`);
    records[table].forEach((r, i) => {
      const line = JSON.stringify(r);
      spans.push({ table, id: r.id, from: at, to: at + utf8(line).length });
      put(line + (i < records[table].length - 1 ? ',\n' : '\n'));
    });
    put(t < 2 ? '],\n' : ']\n');
  });
  put('}\n');
  return { bytes: utf8(parts.join('')), spans };
}

const pretty = (value: unknown) => utf8(JSON.stringify(value, null, 2) + '\n');

export type BuiltPack = { files: Map<string, Uint8Array>; spans: Span[]; imagePath: string };

/** The pack's files for a log (or, with a null space, for an unshared client's records alone). */
export function packOf(
  ledger: LedgerBuilder,
  devices: Device[],
  records: { meetings: Rec[]; items: Rec[]; captures: Rec[] },
  scope: PackScope = { kind: 'client' },
): BuiltPack {
  const manifest: PackManifest = {
    format: 'docket-ledger',
    version: 1,
    createdAt: '2026-12-06T09:00:00.000Z',
    createdBy: JULIE.name,
    client: { id: CLIENT_ID, name: client.name },
    space: ledger.space,
    scope,
  };
  const server = ledger.server
    ? { algorithm: 'Ed25519' as const, keyId: ledger.server.keyId, publicKey: toHex(ledger.server.publicKey) }
    : null;
  const { bytes, spans } = recordsJson(records);
  const files = new Map<string, Uint8Array>([
    [PACK_FILES.manifest, pretty(manifest)],
    [PACK_FILES.keys, pretty({ server, devices })],
    [PACK_FILES.records, bytes],
    ['meetings/2026-11-10-held.md', utf8('# Minutes\n\nIgnored by the verifier.\n')],
  ]);
  if (ledger.space) {
    files.set(PACK_FILES.leaves, utf8(leavesJsonl(ledger.changes)));
    files.set(PACK_FILES.checkpoints, pretty(ledger.checkpoints));
  }
  const imagePath = evidenceImagePath(PNG_SHA, 'image/png');
  files.set(imagePath, PNG);
  return { files, spans, imagePath };
}
