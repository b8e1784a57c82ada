import { useState } from 'preact/hooks';
import type { Client } from '../../../../shared/domain';
import type { DocketDB } from '../../../store/db';
import { saveConnection, shareClient } from '../../../sync/connection';
import type { Connection } from '../../../sync/connection-store';
import { signInAgainHow, signInMessage, syncMessage } from '../../../sync/messages';
import { SyncError } from '../../../sync/transport';
import { ConnectForm } from '../../sync/ConnectForm';
import { nudgeSync } from '../../sync/nudge';
import { SyncBadge } from '../../sync/SyncBadge';
import { useSyncStatus } from '../../sync/use-sync';
import { Devices } from './Devices';
import { TeamPanel } from './TeamPanel';

/**
 * Team sync in a client's settings: connect to the team's sync server, share this client's log, and its Team panel
 * (members, invites, leaving) and one's devices. Kept live: a removal, a role change or a sign-out found by a sync
 * round shows at once.
 */
export function TeamSync({ db, client, say }: { db: DocketDB; client: Client; say: (text: string) => void }) {
  const connection = useSyncStatus(db)?.connection;
  // The space holding this client's log: a live one before one this account lost access to.
  const spaces = connection?.spaces.filter((s) => s.clientId === client.id) ?? [];
  const space = spaces.find((s) => !s.ended) ?? spaces[0];

  return (
    <section class="team-sync" aria-label="Team sync">
      <h3>
        Team sync <SyncBadge db={db} />
      </h3>
      {!connection ? (
        <ConnectForm db={db} say={say} />
      ) : (
        <>
          <SignedIn db={db} connection={connection} say={say} />
          {connection.signInNeeded ? (
            space && (
              <p class="muted small">
                {client.name} is shared; it syncs again once you sign in. Nothing on this browser is lost.
              </p>
            )
          ) : space ? (
            <TeamPanel db={db} connection={connection} space={space} client={client} say={say} />
          ) : (
            <Share
              db={db}
              client={client}
              serverUrl={connection.serverUrl}
              allowed={connection.canCreateSpaces !== false}
              say={say}
            />
          )}
          {!connection.signInNeeded && <Devices db={db} serverUrl={connection.serverUrl} say={say} />}
        </>
      )}
    </section>
  );
}

/** Who is signed in where, and disconnecting; or, when the server wants a new sign-in, why, and the form for it. */
function SignedIn({ db, connection, say }: { db: DocketDB; connection: Connection; say: (text: string) => void }) {
  const disconnect = async () => {
    await saveConnection(db, null);
    say('Disconnected. The local log stays as it is.');
  };
  return (
    <>
      <p class="muted small">
        {connection.signInNeeded ? 'Was signed in' : 'Signed in'} to {connection.serverUrl} as {connection.user.name}.{' '}
        <button type="button" class="link" onClick={() => void disconnect()}>
          Disconnect
        </button>
      </p>
      {connection.signInNeeded && (
        <>
          <p class="notice" role="status" data-testid="sign-in-needed">
            {signInMessage(connection.signInNeeded)} {signInAgainHow(connection.user.name)}
          </p>
          <ConnectForm db={db} say={say} serverUrl={connection.serverUrl} />
        </>
      )}
    </>
  );
}

/** Why "Share" is off, when the server says before anyone tries that this user may not create spaces. */
export const SHARE_NOT_ALLOWED =
  'Only the server owner, or users the admin allows, can share a new client on this server.';

/**
 * Shares this client's log with the team: a new space on the server, owned by this user. When the server does not
 * let this user create spaces (`allowed` false, from `GET /v1/me`), the button is off and says why.
 */
function Share(props: {
  db: DocketDB;
  client: Client;
  serverUrl: string;
  allowed: boolean;
  say: (text: string) => void;
}) {
  const { db, client, serverUrl, allowed, say } = props;
  const [error, setError] = useState('');
  const share = async () => {
    setError('');
    try {
      await shareClient(db, client.id);
      nudgeSync(true);
      say(`${client.name} is now shared.`);
    } catch (e) {
      // The server's refusals in the user's words; Docket's own errors already are.
      const fromServer = e instanceof SyncError && (e.status > 0 || e.code === 'offline');
      setError(fromServer ? syncMessage(e, serverUrl) : e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!allowed}
          aria-describedby={allowed ? undefined : 'share-not-allowed'}
          onClick={() => void share()}
        >
          Share {client.name} with the team
        </button>
        {allowed ? (
          <span class="muted small">Until then, {client.name} stays on this browser only.</span>
        ) : (
          <span class="muted small" id="share-not-allowed" data-testid="share-not-allowed">
            {SHARE_NOT_ALLOWED} {client.name} stays on this browser only.
          </span>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
