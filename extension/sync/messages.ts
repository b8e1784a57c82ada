import type { SharedSpace, SignInNeeded } from './connection-store';
import { SyncError } from './transport';

/** What a code entered to connect looks like (the server's own rule): anything else is a typo, said before asking. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export const NOT_A_CODE =
  'That is not a Docket code: a code is one long run of letters, digits, "-" and "_". Check that it was copied whole.';

/** Neither an invite, a device code nor the setup code: the server cannot tell which the user meant, so the words cover all. */
export function unknownCode(origin: string): string {
  return (
    `No invite on ${origin} matches that code. Check that the whole code was copied, or ask the space's owner for ` +
    'a new invite. (A device code, from Team sync › Add a device… on another of your devices, lasts 15 minutes; ' +
    'the setup code printed by the server works once, for its first user.)'
  );
}

/** Which kind of code the server refused: its words differ (an invite's owner, a device code's other device). */
export type CodeKind = 'invite' | 'device' | 'setup';

/** Where a new device code comes from, for the messages that ask for one. */
const NEW_DEVICE_CODE =
  'Make a new one on another of your devices (Team sync › Add a device…), or ask your Docket admin for one.';

/** Why connecting failed, in the user's words: each server code gets its own message and next step. */
export function connectMessage(err: unknown, origin: string, kind: CodeKind = 'invite'): string {
  if (!(err instanceof SyncError)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'invite-used':
      if (kind === 'device') return `This device code has already been used. ${NEW_DEVICE_CODE}`;
      return "This invite code has already been used. Ask the space's owner for a new one.";
    case 'invite-expired':
      if (kind === 'device') {
        return (
          'This device code has expired (device codes last 15 minutes), or the device that made it has been signed ' +
          `out since. ${NEW_DEVICE_CODE}`
        );
      }
      return "This invite code has expired (invites last 72 hours). Ask the space's owner for a new one.";
    case 'not-found':
      return unknownCode(origin);
    case 'name-taken':
      return 'Someone in this team already goes by this name, and names tell teammates apart in the history. Set “Your name (shown in history)” in the sidebar to your own name, then connect again.';
    default:
      return syncMessage(err, origin);
  }
}

/** Why a sync round (or a sign-in) failed, for the badge's tooltip and the Team sync section. */
export function syncMessage(err: SyncError, origin: string): string {
  switch (err.code) {
    case 'offline':
      return `${err.message} Check the address and that the server is running.`;
    case 'bad-response':
      return `${origin} does not answer like a Docket sync server (${err.message}) Check the address.`;
    case 'token-expired':
    case 'token-revoked':
    case 'unauthorized':
      return signInMessage(signInNeededFrom(err, new Date())!);
    case 'removed':
      return `${err.message} Your local copy is kept.`;
    case 'not-found':
      return `A shared space is no longer on the server (deleted, or you were removed from it): ${err.message}`;
    case 'forbidden':
      return `The server refused: ${err.message}`;
    case 'rate-limited':
      return 'Too many attempts in a short time: wait a minute, then try again.';
    case 'upgrade-required':
      return 'This version of Docket is older than the sync server accepts: update the extension.';
    case 'too-large':
      return 'A change is larger than the server accepts. Make the capture smaller, or ask the administrator.';
    case 'quota-exceeded': {
      // The server's first sentence names the limit and the space's use; what follows is said here for this browser.
      const limit = err.message.split(' Nothing of this push was applied')[0];
      return (
        `A shared space is full. ${limit} Your changes are not lost: they wait in the outbox on this browser and are ` +
        "sent once there is room. Deleting records makes no room; the sync server's admin can raise the limit."
      );
    }
    case 'server-error':
      return `The sync server had a problem: ${err.message} Docket will try again.`;
    case 'store-unavailable':
      return 'The sync server cannot reach its database just now. Your changes wait on this browser; Docket will try again.';
    default:
      return err.message;
  }
}

/** "4 Dec 2026", in the user's time zone (tests pin one). */
export function formatDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(
    new Date(iso),
  );
}

/** The state a refused token puts the connection in (dated by the server where it says); null for other errors. */
export function signInNeededFrom(err: SyncError, now: Date): SignInNeeded | null {
  switch (err.code) {
    case 'token-revoked':
      return { reason: 'revoked', at: err.details.revokedAt ?? now.toISOString() };
    case 'token-expired':
      return {
        reason: 'expired',
        at: now.toISOString(),
        ...(err.details.idleDays ? { idleDays: err.details.idleDays } : {}),
      };
    case 'unauthorized':
      return { reason: 'unknown', at: now.toISOString() };
    default:
      return null;
  }
}

const KEPT = ' Sign in again to sync: your local log, and any changes not sent yet, are kept.';

/** Why this browser must sign in again, and that nothing local is lost. */
export function signInMessage(needed: SignInNeeded, timeZone?: string): string {
  const on = formatDay(needed.at, timeZone);
  switch (needed.reason) {
    case 'signed-out':
      return `You signed this device out on ${on}.${KEPT}`;
    case 'revoked':
      return `This device was signed out on ${on} (from another device, or by the server's administrator).${KEPT}`;
    case 'expired':
      return `Your sign-in expired after ${needed.idleDays ?? 90} days unused.${KEPT}`;
    case 'unknown':
      return `The sync server no longer knows this device (found on ${on}; it may have been reset).${KEPT}`;
  }
}

/** How to get back in after a sign-out or an expired sign-in: to the same account, never by a new invite. */
export function signInAgainHow(name: string): string {
  return (
    'Sign in with a device code from another of your devices (Team sync › Add a device…), or ask your Docket admin ' +
    `(\`npm run admin -- tokens code "${name}"\`).`
  );
}

/** What a space this account lost access to says, in place of the team's actions. */
export function endedMessage(space: Pick<SharedSpace, 'name' | 'ended'>, timeZone?: string): string {
  const ended = space.ended;
  if (!ended) return '';
  const on = formatDay(ended.at, timeZone);
  switch (ended.reason) {
    case 'removed':
      return `Removed from ${space.name}${ended.by ? ` by ${ended.by}` : ''} on ${on}; your local copy is kept.`;
    case 'left':
      return `You left ${space.name} on ${on}; your local copy is kept.`;
    case 'gone':
      return `${space.name} is no longer on the sync server (found on ${on}); your local copy is kept.`;
  }
}

/** A Team panel action, for the words of its refusals (`other`: inviting, the audit trail). */
export type TeamAction = 'role' | 'remove' | 'leave' | 'device' | 'other';

/** Why a Team panel action was refused, in the user's words; `space` is the space's name. */
export function teamMessage(err: unknown, action: TeamAction, space: string, origin: string): string {
  if (!(err instanceof SyncError)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'last-owner':
      return action === 'leave'
        ? `${space} needs another owner before you can leave: make someone else owner first.`
        : `${space} needs another owner first: make someone else owner, then try again.`;
    case 'forbidden':
      return `Only an owner of ${space} can do that.`;
    case 'not-found':
      if (action === 'device') return 'That device is already signed out.';
      if (action === 'role' || action === 'remove')
        return `That person is no longer a member of ${space}; the list is now up to date.`;
      return syncMessage(err, origin);
    default:
      return syncMessage(err, origin);
  }
}

/** "seen 3 h ago", for a member's last request in the space (or a device's last use); `never` when there is none. */
export function seenAgo(iso: string | null, now: Date, timeZone?: string, verb = 'seen'): string {
  if (!iso) return `never ${verb}`;
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return `${verb} just now`;
  if (minutes < 60) return `${verb} ${minutes} min ago`;
  if (minutes < 24 * 60) return `${verb} ${Math.floor(minutes / 60)} h ago`;
  const days = Math.floor(minutes / (24 * 60));
  if (days < 30) return `${verb} ${days} day${days === 1 ? '' : 's'} ago`;
  return `${verb} on ${formatDay(iso, timeZone)}`;
}
