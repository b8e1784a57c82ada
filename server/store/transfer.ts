import { type DumpReplica, type DumpToken, type DumpUser, SpaceDump } from './dump';
import type { ImportResult } from './types';

/**
 * What a space's dump copies, and how it meets the store it is loaded into, the same on both stores
 * (./sqlite/transfer.ts, ./postgres/transfer.ts): each reads what it already holds under the dump's ids and hashes,
 * `planImport` decides, and the store writes the plan in the transaction it read in.
 */

/**
 * The dump's lists of rows keyed by the space: the table each comes from, read back ordered by these columns and
 * then, where `inserted`, in the order they were written (SQLite's rowid, PostgreSQL's identity `id`).
 */
export const SPACE_ROWS = {
  members: { order: ['added_at', 'user_id'] },
  membership_events: { order: [], inserted: true },
  invites: { order: ['created_at', 'code_hash'] },
  changes: { order: ['seq'] },
  records: { order: ['tbl', 'record_id'] },
  acks: { order: ['replica_id', 'author_id', 'seq'] },
  conflicts: { order: ['seq'], inserted: true },
  checkpoints: { order: ['size'] },
  cosignatures: { order: ['size', 'at', 'key_id'] },
} as const satisfies Record<string, { order: string[]; inserted?: true }>;
export type SpaceRows = keyof typeof SPACE_ROWS;

/**
 * A space's attachments (`blobs`) travel apart from the lists above: their bytes are base64 in the dump, binary in
 * either store (SQLite BLOB, PostgreSQL bytea), so each store converts them as it reads and writes.
 */
export const BLOB_COLUMNS = ['sha256', 'type', 'size', 'data', 'created_at', 'created_by'] as const;
export type BlobRow = Omit<SpaceDump['blobs'][number], 'data'>;

/** The columns the dump keeps of a table (the same names in both schemas; `space_id` is the dump's space). */
export const columnsOf = (list: SpaceRows | 'users' | 'tokens' | 'replicas' | 'signing_keys'): string[] =>
  Object.keys(SpaceDump.shape[list].element.shape);

/**
 * Tables of either schema that no dump copies, and why. Everything else is copied: the space's own rows (above),
 * `spaces`, the people its rows name (`users`, `tokens`) and the replicas that pushed to it (`replicas`), and its
 * counters (SQLite: `spaces.record_count`, `stored_bytes`, the next seq being the last one plus one; PostgreSQL:
 * `space_seq`, `space_usage`), as `next_seq` and `usage`, and the public keys that signed its checkpoints
 * (`signing_keys`). The changes' `leaf_hash` is recomputed by the import, never copied.
 * test/unit/server/space-transfer.test.ts checks both schemas against this.
 */
export const LEFT_BEHIND: Record<string, string> = {
  setup: "the server's own first start (its owner and one-time code): the target keeps its own",
  schema_version: "the SQLite store's schema number: the target has its own schema",
  schema_migrations: "the PostgreSQL store's applied migrations: the target has its own schema",
  auth_mark: 'a counter open event streams watch, on this server only; an import moves it when it revokes a token',
  server_key:
    "this server's own signing key: its private key never leaves the server; a moved space's checkpoints come with " +
    'the public keys that signed them (signing_keys), and the target signs its next ones with its own key',
  ledgers: "each space's Merkle frontier: the import recomputes it, with every leaf hash, from the changes",
  ledger_blocks: "the roots of each space's blocks of 256 leaves: the import recomputes them from the changes",
  device_codes:
    "keyed by person, not space: single-use sign-in codes that expire within 15 minutes, issued for this server's " +
    'address and shown nowhere in the API; the tokens they gave are copied, so the devices they signed in stay so',
};

/** What the target already holds under the dump's ids: the space, people, tokens (by id or hash), replicas, invites. */
export type Present = {
  space: boolean;
  users: DumpUser[];
  tokens: DumpToken[];
  replicas: DumpReplica[];
  inviteHashes: string[];
};

/**
 * What an import writes besides the space's own rows: the people, tokens and replicas the target lacks, and the
 * tokens both servers know whose last use or revocation the dump moves on (a token revoked on either stays revoked).
 */
export type ImportPlan = {
  users: DumpUser[];
  tokens: DumpToken[];
  updatedTokens: DumpToken[];
  replicas: DumpReplica[];
};

type Refusal = Extract<ImportResult, { ok: false }>;

const sameUser = (a: DumpUser, b: DumpUser) =>
  a.name === b.name &&
  a.created_at === b.created_at &&
  a.server_owner === b.server_owner &&
  a.may_create_spaces === b.may_create_spaces;

const sameToken = (a: DumpToken, b: DumpToken) =>
  a.id === b.id && a.user_id === b.user_id && a.hash === b.hash && a.label === b.label && a.created_at === b.created_at;

export function planImport(dump: SpaceDump, present: Present): { ok: true; plan: ImportPlan } | Refusal {
  const refuse = (reason: Refusal['reason'], id: string): Refusal => ({ ok: false, reason, id });
  if (present.space) return refuse('space-exists', dump.space.id);
  const clash = dump.invites.find((i) => present.inviteHashes.includes(i.code_hash));
  if (clash) return refuse('invite-exists', clash.code_hash);

  const plan: ImportPlan = { users: [], tokens: [], updatedTokens: [], replicas: [] };
  const users = new Map(present.users.map((u) => [u.id, u]));
  for (const user of dump.users) {
    const here = users.get(user.id);
    if (!here) plan.users.push(user);
    else if (!sameUser(here, user)) return refuse('user-differs', user.id);
  }
  for (const token of dump.tokens) {
    const here = present.tokens.filter((t) => t.id === token.id || t.hash === token.hash);
    if (here.length === 0) plan.tokens.push(token);
    else if (here.length > 1 || !sameToken(here[0]!, token)) return refuse('token-differs', token.id);
    else {
      const merged = {
        ...here[0]!,
        revoked_at: here[0]!.revoked_at ?? token.revoked_at,
        last_used_at: here[0]!.last_used_at > token.last_used_at ? here[0]!.last_used_at : token.last_used_at,
      };
      if (merged.revoked_at !== here[0]!.revoked_at || merged.last_used_at !== here[0]!.last_used_at) {
        plan.updatedTokens.push(merged);
      }
    }
  }
  const replicas = new Map(present.replicas.map((r) => [r.replica_id, r]));
  for (const replica of dump.replicas) {
    const here = replicas.get(replica.replica_id);
    if (!here) plan.replicas.push(replica);
    else if (here.user_id !== replica.user_id) return refuse('replica-differs', replica.replica_id);
  }
  return { ok: true, plan };
}

/** The server keys a space's checkpoints name, in id order. */
export const signingKeysOf = (dump: Pick<SpaceDump, 'checkpoints'>): string[] =>
  [...new Set(dump.checkpoints.map((c) => c.key_id))].sort();

/** The replicas a space's log names, in id order: those that pushed to it (the others are no part of the space). */
export function replicasOf(dump: Pick<SpaceDump, 'changes' | 'acks'>): string[] {
  return [...new Set([...dump.changes.map((c) => c.replica_id), ...dump.acks.map((a) => a.replica_id)])].sort();
}
