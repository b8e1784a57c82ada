import type { FrontierState } from '../../shared/ledger/merkle';
import type { BlobType } from '../../shared/sync/blobs';
import type { LoggedChange, PushResponse, RecordState, Role, SyncTable } from '../../shared/sync/protocol';
import type { SpaceDump } from './dump';
import type { SyncTx } from './tx';

/**
 * Everything the sync server keeps, behind one contract so that a PostgreSQL store can follow the SQLite one and
 * pass the same tests (test/unit/server/store-contract.ts). Every method answers with a promise (a networked
 * database cannot answer at once; the embedded SQLite store answers with settled ones). Secrets (tokens, setup and
 * invite codes) arrive here already hashed: a store never sees a raw secret. Times are UTC ISO-8601 strings chosen
 * by the caller (the server process's clock, never the database's).
 */

export type User = {
  id: string;
  name: string;
  createdAt: string;
  /** the person who set the server up */ serverOwner: boolean;
  /** an admin allowed them to create spaces (the server owner may anyway; see server/auth/space-creation.ts) */
  mayCreateSpaces: boolean;
};
export type Token = {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** when it last authenticated a request, to the minute (tokens idle too long expire) */ lastUsedAt: string;
};
export type Space = { id: string; name: string; createdAt: string };
export type Membership = Space & { role: Role };
export type Invite = {
  spaceId: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
};

/**
 * A device sign-in code: single use and short-lived, it signs a new device in to one person's own account (a new
 * token for `userId`). Made by one of their signed-in devices (`createdBy`, that device's token id) or by the admin
 * command line (`createdBy` null). `label` is the label the new token gets unless the device names itself.
 */
export type DeviceCode = {
  userId: string;
  label: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  tokenId: string | null;
};
/**
 * Using a device code: the person it signs in and their new token, or why not (`creator-signed-out`: the device that
 * made it has been signed out since, so the code no longer holds).
 */
export type DeviceCodeResult =
  | { ok: true; user: User; token: Token }
  | { ok: false; reason: 'not-found' | 'expired' | 'used' | 'creator-signed-out' };

/** Who sent a batch: the user's id, and their name as it was then (the log is append-only). */
export type Author = { id: string; name: string };

/** One line of a space's audit trail: a logged change plus the author's user id. */
export type AuditEntry = LoggedChange & { authorId: string };

/** A field written concurrently by two replicas: the winner stays in the record, the loser is kept here. */
export type ConflictEntry = {
  seq: number;
  table: SyncTable;
  id: string;
  field: string;
  winner: { value: unknown; hlc: string };
  lost: { value: unknown; hlc: string };
  detectedAt: string;
};

/** What a space holds: its records (deleted ones too: a tombstone stays) and their stored size in bytes. */
export type SpaceUsage = { records: number; bytes: number };

/** Where a snapshot page starts: after this record, in (table, id) order. */
export type RecordPosition = { table: string; id: string };

/** A member of a space as the members list shows them. */
export type Member = { id: string; name: string; role: Role; joinedAt: string; lastSeenAt: string | null };

/** One line of a space's membership trail: who (`actorId`) did what to whom (`subjectId`), roles before and after. */
export type MembershipEvent = {
  at: string;
  action: 'invite-accepted' | 'role-changed' | 'removed' | 'left';
  actorId: string;
  actorName: string;
  subjectId: string;
  subjectName: string;
  roleBefore: Role | null;
  roleAfter: Role | null;
};

/** A member's removal or leaving, as a former member is told it. */
export type Departure = {
  action: 'removed' | 'left';
  at: string;
  actorId: string;
  actorName: string;
  spaceName: string;
};

/** A role change or removal: refused when the member is not there or the space would be left without an owner. */
export type MemberChange =
  { ok: true; before: Role; after: Role | null } | { ok: false; reason: 'not-found' | 'last-owner' };

/** A space as the admin command line lists it: its members, records (deleted ones too) and logged changes. */
export type SpaceSummary = Space & { members: number; records: number; changes: number };

/**
 * Loading a space's dump (./dump.ts): done, or refused with nothing written because the target already has the space,
 * or has a person, token, replica or invite code under the dump's id (or hash) that is not the same (`id` names it).
 */
export type ImportResult =
  | { ok: true }
  | {
      ok: false;
      reason: 'space-exists' | 'user-differs' | 'token-differs' | 'replica-differs' | 'invite-exists';
      id: string;
    };

/** A blob of a space as stored: named by the SHA-256 of its bytes, with its type and who uploaded it when. */
export type BlobInfo = { sha256: string; type: BlobType; size: number; createdAt: string; createdBy: string };
export type StoredBlob = BlobInfo & { bytes: Uint8Array<ArrayBuffer> };
/** A space's blobs: how many, and their bytes (the per-space limit counts these). */
export type BlobUsage = { blobs: number; bytes: number };
/**
 * Storing a blob: stored now (`created`), or already there (the first upload's row is kept, whatever type this one
 * says), or refused with nothing written because the space's blobs would pass `maxSpaceBytes` (`used`: their bytes).
 */
export type PutBlobResult =
  { ok: true; created: boolean; blob: BlobInfo } | { ok: false; reason: 'space-full'; used: number };

/**
 * The server's Ed25519 signing key, made at its first start: the private key as PKCS#8 (the secret to back up and
 * protect, see server/README.md), the raw public key as hex, and its id (the SHA-256 of the raw public key, hex).
 */
export type ServerKey = { keyId: string; publicKey: string; privateKey: Uint8Array; createdAt: string };
/** A server key's public part, kept for every key that signed a checkpoint here (this server's, or an imported one's). */
export type SigningKey = { keyId: string; publicKey: string; createdAt: string };
/** A device's signature of a checkpoint: its key, the signature (hex), the account that sent it and when. */
export type Cosignature = { keyId: string; signature: string; accountId: string; at: string };
/**
 * A signed checkpoint of a space's log: its size, Merkle root (hex) and time, the server key's signature, and the
 * co-signatures devices sent for it (oldest first).
 */
export type StoredCheckpoint = {
  space: string;
  size: number;
  root: string;
  time: string;
  keyId: string;
  signature: string;
  cosignatures: Cosignature[];
};
/** A space's Merkle log now: the frontier of its tree (size 0, no nodes, before any change) and the checkpoint at that size, if one was made. */
export type LedgerHead = { frontier: FrontierState; checkpoint: StoredCheckpoint | null };

export type AcceptInvite = { userId: string } | { name: string; tokenHash: string; tokenLabel: string };
export type AcceptResult =
  | { ok: true; user: User; token: Token | null; space: Space; role: Role }
  | { ok: false; reason: 'not-found' | 'expired' | 'used' | 'name-taken' | 'inviter-gone' };

export interface SyncStore {
  /** Which store this is, as `GET /v1/health` names it. */
  readonly kind: 'sqlite' | 'postgres';
  // People and their personal access tokens.
  createUser(name: string, now: string, serverOwner?: boolean): Promise<User>;
  getUser(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  /** Lets a user create spaces, or stops them (spaces they made stay theirs). False when there is no such user. */
  allowSpaceCreation(userId: string, allowed: boolean): Promise<boolean>;
  addToken(userId: string, tokenHash: string, label: string, now: string): Promise<Token>;
  /** The token with this hash and its user, revoked or not (the caller says which error applies). */
  findToken(tokenHash: string): Promise<{ token: Token; user: User } | null>;
  listTokens(userId: string): Promise<Token[]>;
  /** False when no such token or already revoked. */
  revokeToken(tokenId: string, now: string): Promise<boolean>;
  /** Records a use of the token (callers throttle it to about once a minute). */
  touchToken(tokenId: string, now: string): Promise<void>;
  /** Renames a person; refused when another member of one of their spaces has that name (without case or spaces). */
  renameUser(userId: string, name: string): Promise<{ ok: true; user: User } | { ok: false; reason: 'name-taken' }>;
  /**
   * Changes whenever a token may have been revoked or a membership changed, by this store or another process on
   * the same data (the admin command line): open event streams re-check their access when it moves.
   */
  authMark(): Promise<string>;

  // First start: the server owner account and its one-time setup code.
  /** True until someone has completed setup with the code. */
  setupPending(): Promise<boolean>;
  /** Creates the server owner on first call and (re)places the setup code; previous codes stop working. */
  startSetup(codeHash: string, now: string): Promise<User>;
  /** Uses the code once: names the owner and gives them a token. Null when the code is wrong or used. */
  completeSetup(
    codeHash: string,
    name: string,
    tokenHash: string,
    now: string,
  ): Promise<{ user: User; token: Token } | null>;

  // Spaces (one client's shared log) and their members.
  createSpace(name: string, ownerId: string, now: string): Promise<Space>;
  /** The user's role in the space, or null when they are not a member (or the space does not exist). */
  membership(spaceId: string, userId: string): Promise<Membership | null>;
  listMemberships(userId: string): Promise<Membership[]>;
  listMembers(spaceId: string): Promise<Member[]>;
  /** Records that the member was seen (callers throttle it to about once a minute). */
  touchMember(spaceId: string, userId: string, now: string): Promise<void>;
  /** Owner decisions and leaving, each in the membership trail; a space always keeps an owner. */
  setMemberRole(spaceId: string, userId: string, role: Role, actorId: string, now: string): Promise<MemberChange>;
  removeMember(spaceId: string, userId: string, actorId: string, now: string): Promise<MemberChange>;
  /** The space's membership trail, oldest first. */
  membershipEvents(spaceId: string): Promise<MembershipEvent[]>;
  /** How the user's membership of the space last ended (removed or left), with the space's name; null if it never did. */
  lastRemoval(spaceId: string, userId: string): Promise<Departure | null>;

  // Invites: single-use, expiring codes adding a person to one space with a role.
  createInvite(codeHash: string, invite: Omit<Invite, 'usedAt' | 'usedBy'>): Promise<Invite>;
  /** Atomically checks and uses the code; either adds an existing user or creates one with a token. */
  acceptInvite(codeHash: string, who: AcceptInvite, now: string): Promise<AcceptResult>;

  // Device sign-in codes: single-use, expiring codes giving a new token for one person's own account.
  createDeviceCode(codeHash: string, code: Omit<DeviceCode, 'usedAt' | 'tokenId'>): Promise<DeviceCode>;
  /** Atomically checks and uses the code: a new token for its person, labelled `label` or else the code's label. */
  acceptDeviceCode(codeHash: string, tokenHash: string, label: string | null, now: string): Promise<DeviceCodeResult>;

  // The per-space change log and the merged current state.
  /**
   * Runs `work` in one transaction: all of its writes are committed when it resolves, none of them when it throws
   * (its error reaches the caller). A push (server/sync/apply-batch.ts) is one. `work` uses only `tx`: a call to the
   * store itself from inside may wait for the transaction to end (the SQLite store's does), and would see none of
   * its writes.
   */
  transaction<T>(work: (tx: SyncTx) => Promise<T>): Promise<T>;
  /**
   * The space's records and their stored size: each record's merged state (every field's value and stamp) as the
   * UTF-8 bytes of its JSON, kept as a running total by every push. Zero for a space without records.
   */
  spaceUsage(spaceId: string): Promise<SpaceUsage>;
  /** The server seq of the last change logged in the space (0 when none). */
  lastSeq(spaceId: string): Promise<number>;
  /** Logged changes with seq > afterSeq, in order, at most `limit`. */
  readLog(spaceId: string, afterSeq: number, limit: number): Promise<AuditEntry[]>;
  /** Merged records after `after` in (table, id) order, at most `limit`. */
  readRecords(spaceId: string, after: RecordPosition | null, limit: number): Promise<RecordState[]>;
  listConflicts(spaceId: string): Promise<ConflictEntry[]>;
  /** The last ack given to a replica of this author in a space, or null. */
  lastAck(spaceId: string, replicaId: string, authorId: string): Promise<PushResponse | null>;
  /**
   * Binds a replica id to the user on its first push, server-wide. True when the replica is (now) this user's,
   * false when another user pushed it first.
   */
  claimReplica(replicaId: string, userId: string, now: string): Promise<boolean>;

  /** One merged record (deleted ones too), as a snapshot shows it; null when the space has no such record. */
  readRecord(spaceId: string, table: SyncTable, id: string): Promise<RecordState | null>;

  // The verifiable log (server/ledger/): each space's change log as an RFC 6962 Merkle tree whose leaf n is the hash
  // of the change of seq n + 1 (shared/ledger/log-leaf.ts), stored with the change by the push that logs it, and the
  // tree's frontier kept in the same transaction (SyncTx.readFrontier / writeFrontier).
  /** The space's frontier and the checkpoint stored at its size (with its co-signatures), if any. */
  ledgerHead(spaceId: string): Promise<LedgerHead>;
  /** The leaf hashes of leaves [from, to) (the changes of seq from + 1 … to), in order; throws if any is missing. */
  readLeafHashes(spaceId: string, from: number, to: number): Promise<Uint8Array[]>;
  /** The roots of blocks [from, to) of 256 leaves each (server/ledger/hash-log.ts), in order; throws if any is missing. */
  readBlockRoots(spaceId: string, from: number, to: number): Promise<Uint8Array[]>;
  /**
   * The server's signing key: `candidate` is stored if there is none yet, atomically (of processes starting at once,
   * exactly one key is stored and every one gets it back). Its public part is kept among the signing keys.
   */
  ensureServerKey(candidate: ServerKey): Promise<ServerKey>;
  /** The public parts of these server keys, those known here (in key id order). */
  signingKeys(keyIds: string[]): Promise<SigningKey[]>;
  /**
   * Stores a checkpoint unless the space has one at that size already (the first one stays: several processes may
   * sign the same size at once); answers the stored one, with its co-signatures.
   */
  putCheckpoint(checkpoint: Omit<StoredCheckpoint, 'cosignatures'>): Promise<StoredCheckpoint>;
  getCheckpoint(spaceId: string, size: number): Promise<StoredCheckpoint | null>;
  /** Checkpoints of sizes above `afterSize`, smallest first, at most `limit`, each with its co-signatures. */
  listCheckpoints(spaceId: string, afterSize: number, limit: number): Promise<StoredCheckpoint[]>;
  /** Adds a device's co-signature to a stored checkpoint; false (nothing written) when that key has one there. */
  addCosignature(spaceId: string, size: number, cosignature: Cosignature): Promise<boolean>;

  // Attachments: content-addressed blobs, per space (shared/sync/blobs.ts).
  /**
   * Stores a blob in the space unless it is there already, atomically with the check that the space's blobs stay
   * within `maxSpaceBytes` (0: no limit; a blob already there is never refused). The caller has checked the hash.
   */
  putBlob(
    spaceId: string,
    blob: { sha256: string; type: BlobType; bytes: Uint8Array },
    by: string,
    at: string,
    maxSpaceBytes: number,
  ): Promise<PutBlobResult>;
  /** The blob with this hash in this space (never another space's), or null. */
  getBlob(spaceId: string, sha256: string): Promise<StoredBlob | null>;
  /** Which of these hashes the space has no blob for, in the order asked (each once). */
  missingBlobs(spaceId: string, sha256s: string[]): Promise<string[]>;
  blobUsage(spaceId: string): Promise<BlobUsage>;

  // Moving a space between servers (server/admin/spaces.ts; on either store, from either store).
  listSpaces(): Promise<SpaceSummary[]>;
  /** Everything the space owns, read in one consistent snapshot; null when there is no such space. */
  exportSpace(spaceId: string, now: string): Promise<SpaceDump | null>;
  /**
   * Loads a space in one transaction: its rows with their original seqs, stamps and times, its counters (the next
   * push gets the next seq), and the people, tokens and replicas it names that are not here yet (ones that are here
   * and the same are kept; a token's later use or revocation is taken). Refused, writing nothing, as ImportResult says.
   */
  importSpace(dump: SpaceDump): Promise<ImportResult>;

  /** Row counts per table, to prove in tests (and show admins) that something did or did not change. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}
