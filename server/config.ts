import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SPACE_CREATION } from './auth/space-creation';
import { DEFAULTS } from './deps';
import { LOG_LEVELS } from './log';

/** Server settings: flags win over environment variables, which win over defaults. */
export const ServerConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Loopback by default: exposing the server is a deliberate choice (put TLS in front of it). */
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  /** A PostgreSQL database (postgres://…): when set, the store is there instead of SQLite in `dataDir`. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  /** How long a starting process waits for PostgreSQL to take connections before it gives up (a compose start). */
  databaseWaitSeconds: z.coerce.number().min(0).default(30),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  maxDriftMs: z.coerce.number().int().min(0).default(DEFAULTS.maxDriftMs),
  rateBurst: z.coerce.number().int().min(0).default(DEFAULTS.rateLimit.burst),
  ratePerSecond: z.coerce.number().min(0).default(DEFAULTS.rateLimit.perSecond),
  bodyLimitBytes: z.coerce.number().int().min(1024).default(DEFAULTS.bodyLimitBytes),
  corsOrigins: z.array(z.string().url()).default([]),
  /** A token unused for this many days expires (`401 token-expired`). */
  tokenIdleDays: z.coerce.number().positive().default(DEFAULTS.tokenIdleDays),
  /** Who may create spaces: `allowed` (the server owner and users an admin allows) or `anyone`. */
  spaceCreation: z.enum(SPACE_CREATION).default(DEFAULTS.spaceCreation),
  /** Per-space quotas (`413 quota-exceeded`); 0 turns one off. */
  maxRecordsPerSpace: z.coerce.number().int().min(0).default(DEFAULTS.maxRecordsPerSpace),
  maxBytesPerSpace: z.coerce.number().int().min(0).default(DEFAULTS.maxBytesPerSpace),
  /** Attachments: the largest blob one upload may carry (`413 blob-too-large`), and a space's blobs together. */
  maxBlobBytes: z.coerce.number().int().min(1).default(DEFAULTS.maxBlobBytes),
  maxBlobBytesPerSpace: z.coerce.number().int().min(0).default(DEFAULTS.maxBlobBytesPerSpace),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

const OPTIONS = {
  port: { env: 'DOCKET_PORT', flag: 'port' },
  host: { env: 'DOCKET_HOST', flag: 'host' },
  dataDir: { env: 'DOCKET_DATA_DIR', flag: 'data-dir' },
  databaseUrl: { env: 'DATABASE_URL', flag: 'database-url' },
  databaseWaitSeconds: { env: 'DOCKET_DATABASE_WAIT_SECONDS', flag: 'database-wait-seconds' },
  logLevel: { env: 'DOCKET_LOG_LEVEL', flag: 'log-level' },
  maxDriftMs: { env: 'DOCKET_MAX_DRIFT_MS', flag: 'max-drift-ms' },
  rateBurst: { env: 'DOCKET_RATE_BURST', flag: 'rate-burst' },
  ratePerSecond: { env: 'DOCKET_RATE_PER_SECOND', flag: 'rate-per-second' },
  bodyLimitBytes: { env: 'DOCKET_BODY_LIMIT_BYTES', flag: 'body-limit-bytes' },
  corsOrigins: { env: 'DOCKET_CORS_ORIGINS', flag: 'cors-origin' },
  tokenIdleDays: { env: 'DOCKET_TOKEN_IDLE_DAYS', flag: 'token-idle-days' },
  spaceCreation: { env: 'DOCKET_SPACE_CREATION', flag: 'space-creation' },
  maxRecordsPerSpace: { env: 'DOCKET_MAX_RECORDS_PER_SPACE', flag: 'max-records-per-space' },
  maxBytesPerSpace: { env: 'DOCKET_MAX_BYTES_PER_SPACE', flag: 'max-bytes-per-space' },
  maxBlobBytes: { env: 'DOCKET_MAX_BLOB_BYTES', flag: 'max-blob-bytes' },
  maxBlobBytesPerSpace: { env: 'DOCKET_MAX_BLOB_BYTES_PER_SPACE', flag: 'max-blob-bytes-per-space' },
} as const;

export const USAGE = `Usage: tsx server/main.ts [options]   (each also as an environment variable)
${Object.values(OPTIONS)
  .map((o) => `  --${o.flag.padEnd(25)} ${o.env}`)
  .join('\n')}
  (--cors-origin may repeat; DOCKET_CORS_ORIGINS is comma-separated. A rate or a per-space maximum of 0 turns that
  limit off. With --database-url (a postgres:// URL) the store is that PostgreSQL database, shared by every
  process started with it, and --data-dir is not used; a process waits up to --database-wait-seconds for it at start. --space-creation is "allowed" (the server owner and users an admin allows) or "anyone".)`;

export function loadConfig(argv: string[], env: Record<string, string | undefined>): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      Object.values(OPTIONS).map((o) => [o.flag, { type: 'string' as const, multiple: o.flag === 'cors-origin' }]),
    ),
    strict: true,
  });
  const raw: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(OPTIONS)) {
    const fromFlag = values[o.flag];
    const fromEnv = env[o.env];
    if (key === 'corsOrigins') {
      const list = (fromFlag as string[] | undefined) ?? fromEnv?.split(',');
      if (list) raw[key] = list.map((s) => s.trim()).filter(Boolean);
    } else if (fromFlag !== undefined || fromEnv) raw[key] = fromFlag ?? fromEnv;
  }
  const parsed = ServerConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const o = OPTIONS[issue.path[0] as keyof typeof OPTIONS];
    throw new Error(`Bad setting --${o?.flag ?? issue.path.join('.')} (${o?.env ?? ''}): ${issue.message}`);
  }
  return parsed.data;
}
