import { z } from 'zod';
import { Instant } from '../../shared/domain/common';
import { createHash } from 'node:crypto';
import { Hex128, Hex64 } from '../../shared/ledger/checkpoint';
import { BlobType, Sha256Hex } from '../../shared/sync/blobs';
import { Hlc, Role, SyncTable } from '../../shared/sync/protocol';

/**
 * Everything one space owns, as `spaces export` writes it and `spaces import` loads it (server/admin/spaces.ts),
 * on either store. Rows keep the columns of both schemas (./sqlite/schema.ts, ./postgres/schema.ts) under their
 * column names, values as stored: change values and record fields stay the JSON text the store keeps, so a space's
 * use in bytes is the same after the move. Lists are in the order the stores read them back (the membership trail
 * and conflicts have no other order than that). Secrets are only ever their SHA-256, as stored. Attachments (blobs)
 * carry their bytes as base64, checked against their hash and size when a file is read. The verifiable log's
 * checkpoints, their co-signatures and the public keys of the server keys that signed them come along (version 3);
 * its leaf hashes and frontier do not: the target recomputes them from the changes, and a file whose checkpoints do
 * not match its changes, or are not signed by their keys, is refused (./dump-ledger.ts).
 */
export const DUMP_FORMAT = 'docket-space';
export const DUMP_VERSION = 3;
/**
 * Lists a file of an older version lacks (it is read as having none): version 1 had no attachments, version 2 no
 * checkpoints.
 */
export const LISTS_SINCE: Record<string, number> = { blobs: 2, signing_keys: 3, checkpoints: 3, cosignatures: 3 };

const Text = z.string().min(1);
const Count = z.number().int().nonnegative();
const JsonText = z.string().refine((text) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}, 'not JSON text');

const row = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

export const DumpUser = row({
  id: Text,
  name: Text,
  created_at: Instant,
  server_owner: z.boolean(),
  may_create_spaces: z.boolean(),
});
export const DumpToken = row({
  id: Text,
  user_id: Text,
  hash: Text,
  label: z.string(),
  created_at: Instant,
  revoked_at: Instant.nullable(),
  last_used_at: Instant,
});
export const DumpReplica = row({ replica_id: Text, user_id: Text, bound_at: Instant });
/** A server key's public part: its id is the SHA-256 of the raw key (checked when a file is read). */
export const DumpSigningKey = row({ key_id: Hex64, public_key: Hex64, created_at: Instant });

export const SpaceDump = z
  .strictObject({
    format: z.literal(DUMP_FORMAT),
    version: z.literal(DUMP_VERSION),
    exported_at: Instant,
    source: z.enum(['sqlite', 'postgres']),
    space: row({ id: Text, name: Text, created_at: Instant }),
    /** The space's counters: the seq its next change gets, and its use (records, and their stored bytes). */
    next_seq: z.number().int().positive(),
    usage: row({ records: Count, bytes: Count }),
    /** Every person the space's rows name (members, former members, authors, inviters), and their tokens. */
    users: z.array(DumpUser),
    tokens: z.array(DumpToken),
    members: z.array(row({ user_id: Text, role: Role, added_at: Instant, last_seen_at: Instant.nullable() })),
    membership_events: z.array(
      row({
        at: Instant,
        action: z.enum(['invite-accepted', 'role-changed', 'removed', 'left']),
        actor_id: Text,
        subject_id: Text,
        role_before: Role.nullable(),
        role_after: Role.nullable(),
      }),
    ),
    invites: z.array(
      row({
        code_hash: Text,
        role: Role,
        created_by: Text,
        created_at: Instant,
        expires_at: Instant,
        used_at: Instant.nullable(),
        used_by: Text.nullable(),
      }),
    ),
    /** The replicas that pushed to the space, bound to their users (a snapshot names each field's author by it). */
    replicas: z.array(DumpReplica),
    changes: z.array(
      row({
        seq: z.number().int().positive(),
        tbl: SyncTable,
        record_id: Text,
        field: Text,
        value: JsonText,
        hlc: Hlc,
        base: Hlc.nullable(),
        replica_id: Text,
        batch_seq: Count,
        author_id: Text,
        author_name: z.string(),
        received_at: Instant,
      }),
    ),
    records: z.array(row({ tbl: SyncTable, record_id: Text, fields: JsonText })),
    acks: z.array(
      row({
        replica_id: Text,
        author_id: Text,
        seq: Count,
        server_seq: Count,
        conflicts: Count,
        received_at: Instant,
      }),
    ),
    conflicts: z.array(
      row({
        seq: z.number().int().positive(),
        tbl: SyncTable,
        record_id: Text,
        field: Text,
        winner_value: JsonText,
        winner_hlc: Hlc,
        lost_value: JsonText,
        lost_hlc: Hlc,
        detected_at: Instant,
      }),
    ),
    /** The server keys that signed the space's checkpoints (their public parts), in key id order. */
    signing_keys: z.array(DumpSigningKey),
    /** The space's signed checkpoints, in size order: its Merkle log's root at each size, signed by a key above. */
    checkpoints: z.array(
      row({ size: z.number().int().positive(), root: Hex64, time: Instant, key_id: Hex64, signature: Hex128 }),
    ),
    /** Devices' co-signatures of those checkpoints, with the account that sent each. */
    cosignatures: z.array(
      row({ size: z.number().int().positive(), key_id: Hex64, signature: Hex128, account_id: Text, at: Instant }),
    ),
    /** The space's attachments, in hash order, their bytes as base64. */
    blobs: z.array(
      row({
        sha256: Sha256Hex,
        type: BlobType,
        size: z.number().int().positive(),
        data: z.base64(),
        created_at: Instant,
        created_by: Text,
      }),
    ),
  })
  .superRefine((dump, ctx) => {
    for (const problem of inconsistencies(dump)) ctx.addIssue({ code: 'custom', message: problem });
  });
export type SpaceDump = z.infer<typeof SpaceDump>;
export type DumpUser = z.infer<typeof DumpUser>;
export type DumpToken = z.infer<typeof DumpToken>;
export type DumpReplica = z.infer<typeof DumpReplica>;
export type DumpSigningKey = z.infer<typeof DumpSigningKey>;

/** What a well-formed dump cannot hold: rows naming people it lacks, duplicates, counters its rows contradict. */
function inconsistencies(d: SpaceDump): string[] {
  const problems: string[] = [];
  const users = new Set(d.users.map((u) => u.id));
  const missing = [...namedUsers(d), ...d.tokens.map((t) => t.user_id)].filter((id) => !users.has(id));
  if (missing.length > 0) problems.push(`rows name users the file does not hold: ${[...new Set(missing)].join(', ')}`);
  const keys: [string, string[]][] = [
    ['users', d.users.map((u) => u.id)],
    ['tokens', d.tokens.map((t) => t.id)],
    ['token hashes', d.tokens.map((t) => t.hash)],
    ['members', d.members.map((m) => m.user_id)],
    ['invites', d.invites.map((i) => i.code_hash)],
    ['replicas', d.replicas.map((r) => r.replica_id)],
    ['records', d.records.map((r) => `${r.tbl}/${r.record_id}`)],
    ['acks', d.acks.map((a) => `${a.replica_id}/${a.author_id}/${a.seq}`)],
    ['blobs', d.blobs.map((b) => b.sha256)],
    ['signing keys', d.signing_keys.map((k) => k.key_id)],
    ['checkpoints', d.checkpoints.map((c) => String(c.size))],
    ['co-signatures', d.cosignatures.map((c) => `${c.size}/${c.key_id}`)],
  ];
  for (const [what, list] of keys) if (new Set(list).size !== list.length) problems.push(`${what} appear twice`);
  if (!d.members.some((m) => m.role === 'owner')) problems.push('the space has no owner');
  const seqs = d.changes.map((c) => c.seq);
  if (seqs.some((seq, i) => i > 0 && seq <= seqs[i - 1]!)) problems.push('changes are not in seq order');
  else if (seqs.some((seq, i) => seq !== i + 1)) problems.push('changes are not numbered 1, 2, 3… with no gap');
  if (d.next_seq <= (seqs.at(-1) ?? 0)) problems.push(`next_seq ${d.next_seq} is not after the last change`);
  const bytes = d.records.reduce((sum, r) => sum + Buffer.byteLength(r.fields), 0);
  if (d.usage.records !== d.records.length || d.usage.bytes !== bytes) {
    problems.push(`usage ${JSON.stringify(d.usage)} does not match the records (${d.records.length}, ${bytes} bytes)`);
  }
  for (const blob of d.blobs) {
    const bytes = Buffer.from(blob.data, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (bytes.byteLength !== blob.size || sha256 !== blob.sha256) {
      problems.push(`blob ${blob.sha256}: its data is not the ${blob.size} bytes its hash names`);
    }
  }
  const keyIds = new Set(d.signing_keys.map((k) => k.key_id));
  for (const k of d.signing_keys) {
    if (createHash('sha256').update(Buffer.from(k.public_key, 'hex')).digest('hex') !== k.key_id) {
      problems.push(`signing key ${k.key_id}: its id is not the SHA-256 of its public key`);
    }
  }
  const sizes = new Set(d.checkpoints.map((c) => c.size));
  for (const c of d.checkpoints) {
    if (c.size > seqs.length) problems.push(`checkpoint ${c.size}: the log has only ${seqs.length} changes`);
    if (!keyIds.has(c.key_id)) problems.push(`checkpoint ${c.size}: signed by key ${c.key_id}, which the file lacks`);
  }
  if (d.checkpoints.some((c, i) => i > 0 && c.size <= d.checkpoints[i - 1]!.size)) {
    problems.push('checkpoints are not in size order');
  }
  for (const c of d.cosignatures) {
    if (!sizes.has(c.size)) problems.push(`a co-signature names checkpoint ${c.size}, which the file lacks`);
  }
  return problems;
}

/** The people a space's rows name: its members, those in its trail and invites, its replicas' owners, its authors and uploaders. */
export function namedUsers(
  d: Pick<
    SpaceDump,
    'members' | 'membership_events' | 'invites' | 'replicas' | 'changes' | 'acks' | 'blobs' | 'cosignatures'
  >,
): Set<string> {
  const ids = new Set<string>();
  for (const m of d.members) ids.add(m.user_id);
  for (const e of d.membership_events) ids.add(e.actor_id).add(e.subject_id);
  for (const i of d.invites) ids.add(i.created_by).add(i.used_by ?? i.created_by);
  for (const r of d.replicas) ids.add(r.user_id);
  for (const c of d.changes) ids.add(c.author_id);
  for (const a of d.acks) ids.add(a.author_id);
  for (const b of d.blobs) ids.add(b.created_by);
  for (const c of d.cosignatures) ids.add(c.account_id);
  return ids;
}
