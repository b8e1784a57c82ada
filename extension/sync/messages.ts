import { SyncError } from './transport';

/** What a code entered to connect looks like (the server's own rule): anything else is a typo, said before asking. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export const NOT_A_CODE =
  'That is not a Docket code: a code is one long run of letters, digits, "-" and "_". Check that it was copied whole.';

/** Neither an invite nor the setup code: the server cannot tell which one the user meant, so the words cover both. */
export function unknownCode(origin: string): string {
  return (
    `No invite on ${origin} matches that code. Check that the whole code was copied, or ask the space's owner for ` +
    'a new invite. (The setup code printed by the server works once, for its first user.)'
  );
}

/** Why connecting failed, in the user's words: each server code gets its own message and next step. */
export function connectMessage(err: unknown, origin: string): string {
  if (!(err instanceof SyncError)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'invite-used':
      return "This invite code has already been used. Ask the space's owner for a new one.";
    case 'invite-expired':
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
      return 'Your sign-in on this server expired after a long time unused. Disconnect, then connect again with a new invite code.';
    case 'token-revoked':
      return 'Your sign-in on this server was revoked. Disconnect, then connect again with a new invite code.';
    case 'unauthorized':
      return 'The server no longer knows this browser. Disconnect, then connect again with a new invite code.';
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
    case 'server-error':
      return `The sync server had a problem: ${err.message} Docket will try again.`;
    default:
      return err.message;
  }
}
