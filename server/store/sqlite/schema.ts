import type Database from 'better-sqlite3';
import { backfillLedgers } from './ledger';

/**
 * The schema, as an ordered list of migrations. `schema_version` records how many have run; opening a database
 * runs the rest in one transaction, so an older data dir is brought up to date on start and a newer one is refused.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, server_owner INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT
  );
  CREATE INDEX tokens_by_user ON tokens(user_id);
  CREATE TABLE setup (
    id INTEGER PRIMARY KEY CHECK (id = 1), owner_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT, created_at TEXT NOT NULL, completed_at TEXT
  );
  CREATE TABLE spaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE members (
    space_id TEXT NOT NULL REFERENCES spaces(id), user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')), added_at TEXT NOT NULL,
    PRIMARY KEY (space_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX members_by_user ON members(user_id);
  CREATE TABLE invites (
    code_hash TEXT PRIMARY KEY, space_id TEXT NOT NULL REFERENCES spaces(id), role TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id), created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    used_at TEXT, used_by TEXT REFERENCES users(id)
  );
  CREATE TABLE changes (
    space_id TEXT NOT NULL REFERENCES spaces(id), seq INTEGER NOT NULL,
    tbl TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    hlc TEXT NOT NULL, base TEXT, replica_id TEXT NOT NULL, batch_seq INTEGER NOT NULL,
    author_id TEXT NOT NULL, author_name TEXT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (space_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE records (
    space_id TEXT NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, fields TEXT NOT NULL,
    PRIMARY KEY (space_id, tbl, record_id)
  ) WITHOUT ROWID;
  -- Keyed by author too: a member who reuses someone else's replica id cannot make their batches look like retries.
  CREATE TABLE acks (
    space_id TEXT NOT NULL, replica_id TEXT NOT NULL, author_id TEXT NOT NULL, seq INTEGER NOT NULL,
    server_seq INTEGER NOT NULL, conflicts INTEGER NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (space_id, replica_id, author_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE conflicts (
    space_id TEXT NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
    winner_value TEXT NOT NULL, winner_hlc TEXT NOT NULL, lost_value TEXT NOT NULL, lost_hlc TEXT NOT NULL, detected_at TEXT NOT NULL
  );
  CREATE INDEX conflicts_by_space ON conflicts(space_id, seq);
  `,
  // Replicas belong to the user who first pushed them; existing ones go to whoever pushed them first.
  `
  CREATE TABLE replicas (
    replica_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), bound_at TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO replicas (replica_id, user_id, bound_at)
    SELECT replica_id, author_id, received_at FROM acks ORDER BY received_at, space_id, seq;
  `,
  // 3: token use and expiry, members' last seen time, and the membership audit trail. Existing tokens count as used
  // now, so an upgrade signs no one out.
  `
  ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
  UPDATE tokens SET last_used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
  ALTER TABLE members ADD COLUMN last_seen_at TEXT;
  CREATE TABLE membership_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, space_id TEXT NOT NULL REFERENCES spaces(id), at TEXT NOT NULL,
    action TEXT NOT NULL, actor_id TEXT NOT NULL REFERENCES users(id), subject_id TEXT NOT NULL REFERENCES users(id),
    role_before TEXT, role_after TEXT
  );
  CREATE INDEX membership_events_by_space ON membership_events(space_id, id);
  `,
  // 4: who may create spaces besides the server owner (an admin allows them with server/admin.ts). Nobody is
  // allowed by the upgrade itself: an admin decides.
  `
  ALTER TABLE users ADD COLUMN may_create_spaces INTEGER NOT NULL DEFAULT 0;
  `,
  // 5: each space's use, for its quotas: its records and their stored size (UTF-8 bytes of their JSON), kept as a
  // running total by every push; counted here once for the spaces that exist.
  `
  ALTER TABLE spaces ADD COLUMN record_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE spaces ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
  UPDATE spaces SET
    record_count = (SELECT COUNT(*) FROM records r WHERE r.space_id = spaces.id),
    stored_bytes = (SELECT COALESCE(SUM(LENGTH(CAST(r.fields AS BLOB))), 0) FROM records r WHERE r.space_id = spaces.id);
  `,
  // 6: device sign-in codes: single use, short-lived, each signs a new device in to one person's own account (made
  // by one of their signed-in devices, `created_by` its token, or by the admin command line, `created_by` null).
  // Only the code's SHA-256 is kept; `token_id` is the token it gave.
  `
  CREATE TABLE device_codes (
    code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), label TEXT NOT NULL,
    created_by TEXT REFERENCES tokens(id), created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    used_at TEXT, token_id TEXT REFERENCES tokens(id)
  ) WITHOUT ROWID;
  CREATE INDEX device_codes_by_user ON device_codes(user_id);
  `,
  // 7: captures' attachments, content-addressed per space: the same bytes in two spaces are two rows, each readable
  // only through its own space. A rowid table (not WITHOUT ROWID): rows are large. `size` sits in the index, so a
  // space's total (its limit) is summed from the index without reading the bytes.
  `
  CREATE TABLE blobs (
    space_id TEXT NOT NULL REFERENCES spaces(id), sha256 TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL,
    data BLOB NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES users(id),
    UNIQUE (space_id, sha256)
  );
  CREATE INDEX blobs_size_by_space ON blobs(space_id, size);
  `,
  // 8: the verifiable log (server/ledger/). Each logged change's Merkle leaf hash (32 bytes, shared/ledger/log-leaf.ts),
  // written with the change; each space's tree frontier (`ledgers`: its size and the roots of its perfect subtrees,
  // JSON hex), moved by the same push, and the root of each complete block of 256 leaves (`ledger_blocks`, so a
  // proof reads a few hundred hashes, not the whole log); the server's Ed25519 signing key (`server_key`, one row: the private key as
  // PKCS#8, the secret to back up); the public part of every server key that signed a checkpoint here
  // (`signing_keys`: this server's, and those of spaces imported from another); each space's signed checkpoints,
  // one per size, and devices' co-signatures of them. The old log is hashed by BACKFILLS[8], in the same transaction.
  `
  ALTER TABLE changes ADD COLUMN leaf_hash BLOB;
  CREATE TABLE ledgers (
    space_id TEXT PRIMARY KEY REFERENCES spaces(id), size INTEGER NOT NULL, nodes TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE ledger_blocks (
    space_id TEXT NOT NULL REFERENCES spaces(id), block INTEGER NOT NULL, root BLOB NOT NULL,
    PRIMARY KEY (space_id, block)
  ) WITHOUT ROWID;
  CREATE TABLE signing_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE server_key (
    id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL REFERENCES signing_keys(key_id),
    private_key BLOB NOT NULL
  );
  CREATE TABLE checkpoints (
    space_id TEXT NOT NULL REFERENCES spaces(id), size INTEGER NOT NULL, root TEXT NOT NULL, time TEXT NOT NULL,
    key_id TEXT NOT NULL REFERENCES signing_keys(key_id), signature TEXT NOT NULL,
    PRIMARY KEY (space_id, size)
  ) WITHOUT ROWID;
  CREATE TABLE cosignatures (
    space_id TEXT NOT NULL, size INTEGER NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES users(id), at TEXT NOT NULL,
    PRIMARY KEY (space_id, size, key_id),
    FOREIGN KEY (space_id, size) REFERENCES checkpoints(space_id, size)
  ) WITHOUT ROWID;
  `,
];

/** Work a migration does in code after its SQL, in the same transaction (by migration number, from 1). */
const BACKFILLS: Record<number, (db: Database.Database) => void> = { 8: backfillLedgers };

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`The data dir was written by a newer Docket server (schema ${current}); update the server.`);
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (const [i, sql] of MIGRATIONS.entries()) {
      if (i < current) continue;
      db.exec(sql);
      BACKFILLS[i + 1]?.(db);
    }
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
  })();
}

/** WAL lets readers (pulls) run beside the writer; busy_timeout waits out another process (the admin CLI). */
export function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // FULL: an acked push survives power loss, not only a killed process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}
