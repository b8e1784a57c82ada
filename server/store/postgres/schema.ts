import type postgres from 'postgres';
import type { Db } from './db';
import { backfillLedgers } from './ledger';

/**
 * One step of the schema: its number (1, 2, …, in order, never reused) and the DDL it runs, once, then any work
 * done in code (`backfill`), in the same transaction.
 */
export type Migration = { version: number; name: string; sql: string; backfill?: (tx: Db) => Promise<void> };

/**
 * The key of the advisory lock every migration run takes first, inside its transaction: two processes starting
 * at once on one database queue on it, and the second finds the schema already applied.
 */
export const MIGRATION_LOCK = 0x646f636b; // 'dock'

/**
 * The PostgreSQL schema, mirroring the SQLite one (./sqlite/schema.ts) as it stands after its migration 8, plus what
 * several processes need: a counter row per space (`space_seq`) that a push locks to take contiguous seqs, the
 * space's use in its own row (`space_usage`, so pushes do not lock `spaces`), and `auth_mark`, moved by every
 * revocation and membership change so that event streams on every process re-check their access.
 *
 * Ids and instants are text: instants are the ISO strings the server process chose (never PostgreSQL's clock), kept
 * as given so both stores answer the same. Text that is ordered or compared is COLLATE "C" (byte order, as SQLite
 * compares), whatever the database's own collation. Seqs and sizes are bigint.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'people, spaces, members, invites, device codes, replicas and the change log',
    sql: `
    CREATE TABLE users (
      id text COLLATE "C" PRIMARY KEY, name text COLLATE "C" NOT NULL, created_at text COLLATE "C" NOT NULL,
      server_owner boolean NOT NULL DEFAULT false, may_create_spaces boolean NOT NULL DEFAULT false
    );
    CREATE TABLE tokens (
      id text COLLATE "C" PRIMARY KEY, user_id text NOT NULL REFERENCES users (id), hash text NOT NULL UNIQUE,
      label text NOT NULL, created_at text COLLATE "C" NOT NULL, revoked_at text, last_used_at text NOT NULL
    );
    CREATE INDEX tokens_by_user ON tokens (user_id);
    CREATE TABLE setup (
      id integer PRIMARY KEY CHECK (id = 1), owner_id text NOT NULL REFERENCES users (id),
      code_hash text, created_at text NOT NULL, completed_at text
    );
    CREATE TABLE spaces (id text COLLATE "C" PRIMARY KEY, name text COLLATE "C" NOT NULL, created_at text NOT NULL);
    CREATE TABLE members (
      space_id text NOT NULL REFERENCES spaces (id), user_id text NOT NULL REFERENCES users (id),
      role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')), added_at text COLLATE "C" NOT NULL,
      last_seen_at text, PRIMARY KEY (space_id, user_id)
    );
    CREATE INDEX members_by_user ON members (user_id);
    CREATE TABLE invites (
      code_hash text PRIMARY KEY, space_id text NOT NULL REFERENCES spaces (id), role text NOT NULL,
      created_by text NOT NULL REFERENCES users (id), created_at text NOT NULL, expires_at text NOT NULL,
      used_at text, used_by text REFERENCES users (id)
    );
    CREATE TABLE membership_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, space_id text NOT NULL REFERENCES spaces (id),
      at text NOT NULL, action text NOT NULL, actor_id text NOT NULL REFERENCES users (id),
      subject_id text NOT NULL REFERENCES users (id), role_before text, role_after text
    );
    CREATE INDEX membership_events_by_space ON membership_events (space_id, id);
    CREATE TABLE device_codes (
      code_hash text PRIMARY KEY, user_id text NOT NULL REFERENCES users (id), label text NOT NULL,
      created_by text REFERENCES tokens (id), created_at text NOT NULL, expires_at text NOT NULL,
      used_at text, token_id text REFERENCES tokens (id)
    );
    CREATE INDEX device_codes_by_user ON device_codes (user_id);
    CREATE TABLE replicas (
      replica_id text COLLATE "C" PRIMARY KEY, user_id text NOT NULL REFERENCES users (id), bound_at text NOT NULL
    );
    -- Moved (in the same transaction) by every token revocation and membership change: see authMark.
    CREATE TABLE auth_mark (id integer PRIMARY KEY CHECK (id = 1), mark bigint NOT NULL);
    INSERT INTO auth_mark (id, mark) VALUES (1, 0);

    -- The change log. A push locks its space's space_seq row (FOR UPDATE) and takes next_seq … next_seq + n - 1:
    -- a batch's seqs are contiguous, and no two processes take the same one.
    CREATE TABLE space_seq (space_id text PRIMARY KEY REFERENCES spaces (id), next_seq bigint NOT NULL DEFAULT 1);
    CREATE TABLE space_usage (
      space_id text PRIMARY KEY REFERENCES spaces (id), records bigint NOT NULL DEFAULT 0,
      bytes bigint NOT NULL DEFAULT 0
    );
    CREATE TABLE changes (
      space_id text NOT NULL REFERENCES spaces (id), seq bigint NOT NULL,
      tbl text COLLATE "C" NOT NULL, record_id text COLLATE "C" NOT NULL, field text NOT NULL, value text NOT NULL,
      hlc text NOT NULL, base text, replica_id text NOT NULL, batch_seq bigint NOT NULL,
      author_id text NOT NULL, author_name text NOT NULL, received_at text NOT NULL,
      PRIMARY KEY (space_id, seq)
    );
    CREATE TABLE records (
      space_id text NOT NULL, tbl text COLLATE "C" NOT NULL, record_id text COLLATE "C" NOT NULL, fields text NOT NULL,
      PRIMARY KEY (space_id, tbl, record_id)
    );
    -- Keyed by author too: a member who reuses someone else's replica id cannot make their batches look like retries.
    CREATE TABLE acks (
      space_id text NOT NULL, replica_id text NOT NULL, author_id text NOT NULL, seq bigint NOT NULL,
      server_seq bigint NOT NULL, conflicts integer NOT NULL, received_at text NOT NULL,
      PRIMARY KEY (space_id, replica_id, author_id, seq)
    );
    CREATE TABLE conflicts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      space_id text NOT NULL, seq bigint NOT NULL, tbl text NOT NULL, record_id text NOT NULL, field text NOT NULL,
      winner_value text NOT NULL, winner_hlc text NOT NULL, lost_value text NOT NULL, lost_hlc text NOT NULL,
      detected_at text NOT NULL
    );
    CREATE INDEX conflicts_by_space ON conflicts (space_id, seq, id);
    `,
  },
  {
    version: 2,
    name: "blobs: captures' attachments, content-addressed per space",
    // As SQLite's migration 7: the same bytes in two spaces are two rows. `size` is in the index, so a space's total
    // is summed by an index-only scan.
    sql: `
    CREATE TABLE blobs (
      space_id text NOT NULL REFERENCES spaces (id), sha256 text COLLATE "C" NOT NULL, type text NOT NULL,
      size bigint NOT NULL, data bytea NOT NULL, created_at text NOT NULL, created_by text NOT NULL REFERENCES users (id),
      PRIMARY KEY (space_id, sha256)
    );
    CREATE INDEX blobs_size_by_space ON blobs (space_id, size);
    `,
  },
  {
    version: 3,
    name: 'the verifiable log: leaf hashes, Merkle frontiers and blocks, the signing key, checkpoints, co-signatures',
    // As SQLite's migration 8 (see there); the old log is hashed by backfillLedgers, in the same transaction.
    sql: `
    ALTER TABLE changes ADD COLUMN leaf_hash bytea;
    CREATE TABLE ledgers (
      space_id text PRIMARY KEY REFERENCES spaces (id), size bigint NOT NULL, nodes text NOT NULL
    );
    CREATE TABLE ledger_blocks (
      space_id text NOT NULL REFERENCES spaces (id), block bigint NOT NULL, root bytea NOT NULL,
      PRIMARY KEY (space_id, block)
    );
    CREATE TABLE signing_keys (
      key_id text COLLATE "C" PRIMARY KEY, public_key text NOT NULL, created_at text NOT NULL
    );
    CREATE TABLE server_key (
      id integer PRIMARY KEY CHECK (id = 1), key_id text NOT NULL REFERENCES signing_keys (key_id),
      private_key bytea NOT NULL
    );
    CREATE TABLE checkpoints (
      space_id text NOT NULL REFERENCES spaces (id), size bigint NOT NULL, root text NOT NULL, time text NOT NULL,
      key_id text NOT NULL REFERENCES signing_keys (key_id), signature text NOT NULL,
      PRIMARY KEY (space_id, size)
    );
    CREATE TABLE cosignatures (
      space_id text NOT NULL, size bigint NOT NULL, key_id text COLLATE "C" NOT NULL, signature text NOT NULL,
      account_id text NOT NULL REFERENCES users (id), at text COLLATE "C" NOT NULL,
      PRIMARY KEY (space_id, size, key_id),
      FOREIGN KEY (space_id, size) REFERENCES checkpoints (space_id, size)
    );
    `,
    backfill: backfillLedgers,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database up to date: one transaction that first takes the migration lock, then runs every migration
 * not yet recorded in `schema_migrations`, in order, each recorded with the time (the server process's clock) it
 * ran. A database written by a newer server is refused. Safe when several processes start at once.
 */
export async function migrate(sql: postgres.Sql, migrations = MIGRATIONS, now = () => new Date().toISOString()) {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL
    )`;
    const [row] = await tx<{ version: number | null }[]>`SELECT max(version) AS version FROM schema_migrations`;
    const current = row?.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new Error(`The database was written by a newer Docket server (schema ${current}); update the server.`);
    }
    for (const step of migrations.filter((m) => m.version > current)) {
      await tx.unsafe(step.sql).simple(); // fixed DDL, no values: several statements in one
      await step.backfill?.(tx);
      await tx`
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (${step.version}, ${step.name}, ${now()})`;
    }
  });
}
