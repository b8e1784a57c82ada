import type { ImportResult, SyncStore } from '../store/types';
import { readSpaceFile, writeSpaceFile } from './space-file';

export const SPACES_USAGE = `  spaces list             every space: id, name, created, members, records, changes
  spaces export <space> <file>
                          writes everything the space owns to a new file (its log with the original seqs, records,
                          conflicts, members and trail, invites, its people and their tokens, hashed as stored)
  spaces import <file>    loads such a file into this store in one transaction (refused, nothing written, when the
                          space is here already, the file is damaged, or a person here has the same id but not the
                          same name, creation time or rights); devices keep signing in with their tokens`;

const REFUSED: Record<Extract<ImportResult, { ok: false }>['reason'], (id: string) => string> = {
  'space-exists': (id) => `Space ${id} is already on this server.`,
  'user-differs': (id) =>
    `User ${id} is already on this server with another name, creation time or rights (see users list).`,
  'token-differs': (id) => `Token ${id}, or its hash, is already on this server as another token.`,
  'replica-differs': (id) => `Replica ${id} already belongs to another user on this server.`,
  'invite-exists': () => `An invite code of the space is already on this server.`,
};

/** `spaces list | export | import`: moving a space between servers (SQLite to PostgreSQL, or back). */
export async function runSpaces(
  store: SyncStore,
  [action, ...args]: string[],
  print: (line: string) => void,
  now: Date,
): Promise<number | null> {
  if (action === 'list' && args.length === 0) {
    for (const s of await store.listSpaces()) {
      print(
        `${s.id}  ${s.name}  created ${s.createdAt}  ` +
          `${count(s.members, 'member')}  ${count(s.records, 'record')}  ${count(s.changes, 'change')}`,
      );
    }
    return 0;
  }
  if (action === 'export' && args.length === 2) {
    const [spaceId, file] = args as [string, string];
    const dump = await store.exportSpace(spaceId, now.toISOString());
    if (!dump) return fail(print, `No space ${spaceId} (see spaces list).`);
    try {
      await writeSpaceFile(file, dump);
    } catch (error) {
      return fail(print, `Could not write ${file}: ${(error as Error).message}`);
    }
    print(`Space ${dump.space.id} (${dump.space.name}) written to ${file}: ${summary(dump)}.`);
    return 0;
  }
  if (action === 'import' && args.length === 1) {
    const [file] = args as [string];
    const read = await readSpaceFile(file).catch((error: Error) => ({ ok: false as const, message: error.message }));
    if (!read.ok) return fail(print, `${file}: ${read.message}. Nothing imported.`);
    const { dump } = read;
    const result = await store.importSpace(dump).catch((error: Error) => ({ ok: false as const, error }));
    if (!result.ok) {
      const why =
        'error' in result ? `The import failed (${result.error.message}).` : REFUSED[result.reason](result.id);
      return fail(print, `${why} Nothing imported.`);
    }
    print(
      `Space ${dump.space.id} (${dump.space.name}) imported: ${summary(dump)}; the next change is seq ${dump.next_seq}.`,
    );
    return 0;
  }
  return null;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const summary = (d: {
  changes: unknown[];
  records: unknown[];
  members: unknown[];
  users: unknown[];
  tokens: unknown[];
  blobs: unknown[];
}) =>
  `${d.changes.length} changes, ${d.records.length} records, ${d.members.length} members, ` +
  `${d.users.length} people and their ${d.tokens.length} tokens` +
  (d.blobs.length > 0 ? `, ${count(d.blobs.length, 'attachment')}` : '');

function fail(print: (line: string) => void, message: string): number {
  print(message);
  return 1;
}
