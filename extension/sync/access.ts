import type { Connection, SharedSpace } from './connection-store';

/**
 * What this account may do with a client's log on this browser: `local` (not shared), the role it holds in the
 * client's space, or `ended` (it lost access to the space: the local copy is kept, read-only).
 */
export type Access = 'local' | 'owner' | 'editor' | 'viewer' | 'ended';

/** The space that holds a client's log: a live one before one this account lost access to. */
export function spaceOf(connection: Connection | null, clientId: string): SharedSpace | null {
  const spaces = (connection?.spaces ?? []).filter((s) => s.clientId === clientId);
  return spaces.find((s) => !s.ended) ?? spaces[0] ?? null;
}

/** The one answer to "may this client's log be changed here?", read from the stored connection. */
export function accessOf(connection: Connection | null, clientId: string): Access {
  const space = spaceOf(connection, clientId);
  if (!space) return 'local';
  return space.ended ? 'ended' : space.role;
}

/** A viewer's log, or a space this account lost access to: readable, never changed. */
export function isViewOnly(access: Access): boolean {
  return access === 'viewer' || access === 'ended';
}

/** Why a write to a view-only client's log was refused (the store says it; the forms say it before trying). */
export function viewOnlyMessage(clientName: string): string {
  return `You can view ${clientName}’s shared log but not change it.`;
}

/** The mark a view-only client's workspace shows at the top; null when the log may be changed. */
export function viewOnlyMark(access: Access, clientName: string): string | null {
  if (access === 'viewer') return `View only — you are a viewer of ${clientName}’s shared log.`;
  if (access === 'ended') return `No longer shared — read-only local copy of ${clientName}’s log.`;
  return null;
}
