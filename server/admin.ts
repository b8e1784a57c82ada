import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DisplayName } from '../shared/sync/names';
import { runSpaces, SPACES_USAGE } from './admin/spaces';
import { DEVICE_CODE_LABEL, issueDeviceCode } from './auth/device-codes';
import { hashSecret, newSecret } from './auth/secrets';
import { openPostgresStore } from './store/postgres/store';
import { DEFAULT_DB_FILE, openSqliteStore } from './store/sqlite';
import type { SyncStore } from './store/types';

const USAGE = `Usage: tsx server/admin.ts [--data-dir ./data | --database-url postgres://…] <command>
  (DOCKET_DATA_DIR / DATABASE_URL as for the server: with a database URL the PostgreSQL store is used)
  users list              every user, with id
  users add <name>        creates a user and prints their token (shown once)
  users allow <user>      lets a user (id or exact name) create spaces (under --space-creation allowed)
  users disallow <user>   stops that; the spaces they made stay theirs
  tokens list <user>      a user's tokens (user id or exact name), with their last use
  tokens revoke <id>      revokes a token at once (its event streams end within a second)
  tokens code <user>      a device sign-in code for a user (id or exact name) who lost every device: single use,
                          15 minutes; Docket's "Connect" takes it and signs in to their own account
${SPACES_USAGE}`;

/** Runs one admin command against the store; returns the exit code. Output goes to `print`. */
export async function runAdmin(
  store: SyncStore,
  args: string[],
  print: (line: string) => void,
  now = new Date(),
): Promise<number> {
  const [group, action, arg] = args;
  if (group === 'spaces') return (await runSpaces(store, args.slice(1), print, now)) ?? fail(print, USAGE);
  const findUser = async (ref: string) =>
    (await store.getUser(ref)) ?? (await store.listUsers()).find((u) => u.name === ref) ?? null;
  if (group === 'users' && action === 'list') {
    for (const u of await store.listUsers()) {
      const mark = u.serverOwner ? '  (server owner)' : u.mayCreateSpaces ? '  (may create spaces)' : '';
      print(`${u.id}  ${u.name}${mark}  ${u.createdAt}`);
    }
    return 0;
  }
  if (group === 'users' && (action === 'allow' || action === 'disallow') && arg) {
    const user = await findUser(arg);
    if (!user) return fail(print, `No user ${arg}.`);
    if (user.serverOwner) return fail(print, `${user.name} is the server owner, who may always create spaces.`);
    await store.allowSpaceCreation(user.id, action === 'allow');
    print(`${user.name} ${action === 'allow' ? 'may' : 'may no longer'} create spaces.`);
    return 0;
  }
  if (group === 'users' && action === 'add' && arg?.trim()) {
    const name = DisplayName.safeParse(arg);
    if (!name.success) return fail(print, `Not a display name: ${name.error.issues[0]?.message ?? 'invalid'}.`);
    const user = await store.createUser(name.data, now.toISOString());
    const token = newSecret();
    const info = await store.addToken(user.id, hashSecret(token), 'admin', now.toISOString());
    print(`user ${user.id}  ${user.name}\ntoken ${info.id}\n\n  ${token}\n\nShown once: give it to ${user.name}.`);
    return 0;
  }
  if (group === 'tokens' && action === 'list' && arg) {
    const user = await findUser(arg);
    if (!user) return fail(print, `No user ${arg}.`);
    for (const t of await store.listTokens(user.id)) {
      const end = t.revokedAt ? `  revoked ${t.revokedAt}` : '';
      print(`${t.id}  ${t.label}  created ${t.createdAt}  last used ${t.lastUsedAt}${end}`);
    }
    return 0;
  }
  if (group === 'tokens' && action === 'code' && arg) {
    // Names are unique within a space, not on the server: a code for the wrong person of that name would sign in
    // as them, so a name two people share is refused.
    const named = (await store.getUser(arg)) ? [] : (await store.listUsers()).filter((u) => u.name === arg);
    if (named.length > 1) {
      return fail(print, `${named.length} users are named ${arg}: give the user id instead (see users list).`);
    }
    const user = await findUser(arg);
    if (!user) return fail(print, `No user ${arg}.`);
    const { code, expiresAt } = await issueDeviceCode(store, user.id, {
      label: DEVICE_CODE_LABEL.admin,
      createdBy: null,
      now: now.getTime(),
    });
    print(
      `Device sign-in code for ${user.name} (single use, until ${expiresAt}):\n\n  ${code}\n\n` +
        `Shown once: give it to ${user.name}, who enters it in Docket (Team sync › Connect, with the server's ` +
        'address) to sign in to their own account.',
    );
    return 0;
  }
  if (group === 'tokens' && action === 'revoke' && arg) {
    if (!(await store.revokeToken(arg, now.toISOString()))) return fail(print, `No active token ${arg}.`);
    print(`Token ${arg} revoked.`);
    return 0;
  }
  return fail(print, USAGE);
}

function fail(print: (line: string) => void, message: string): number {
  print(message);
  return 1;
}

// Run as a script (not when imported by tests).
if (process.argv[1] && /admin\.[cm]?[jt]s$/.test(process.argv[1])) {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
    allowPositionals: true,
  });
  const dataDir = values['data-dir'] ?? process.env.DOCKET_DATA_DIR ?? './data';
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  const store = databaseUrl
    ? await openPostgresStore(databaseUrl, { max: 2 })
    : openSqliteStore(join(dataDir, DEFAULT_DB_FILE));
  try {
    process.exitCode = await runAdmin(store, positionals, (line) => console.log(line));
  } finally {
    await store.close();
  }
}
