import { useState } from 'preact/hooks';
import type { Client } from '../../../../shared/domain';
import type { Role } from '../../../../shared/sync/protocol';
import type { DocketDB } from '../../../store/db';
import { invite, saveConnection, shareClient } from '../../../sync/connection';
import { syncMessage } from '../../../sync/messages';
import { SyncError } from '../../../sync/transport';
import { ConnectForm } from '../../sync/ConnectForm';
import { download, fileName } from '../../download';
import { nudgeSync } from '../../sync/nudge';
import { SyncBadge } from '../../sync/SyncBadge';
import { useSyncStatus } from '../../sync/use-sync';

/** Connect to the team's sync server, share this client's log, invite teammates. */
export function TeamSync({ db, client, say }: { db: DocketDB; client: Client; say: (text: string) => void }) {
  const live = useSyncStatus(db);
  const [role, setRole] = useState<Role>('editor');
  const [issued, setIssued] = useState('');
  const [error, setError] = useState('');
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      setError('');
      await work();
      nudgeSync(true);
      say(done);
    } catch (e) {
      // The server's refusals in the user's words; Docket's own errors already are.
      const fromServer = e instanceof SyncError && (e.status > 0 || e.code === 'offline');
      setError(
        fromServer ? syncMessage(e, live?.connection?.serverUrl ?? '') : e instanceof Error ? e.message : String(e),
      );
    }
  };
  const connection = live?.connection;
  const space = connection?.spaces.find((s) => s.clientId === client.id);

  return (
    <section class="team-sync" aria-label="Team sync">
      <h3>
        Team sync <SyncBadge db={db} />
      </h3>
      {!connection ? (
        <ConnectForm db={db} say={say} />
      ) : (
        <>
          <p class="muted small">
            Signed in to {connection.serverUrl} as {connection.user.name}.{' '}
            <button
              type="button"
              class="link"
              onClick={() => void act(() => saveConnection(db, null), 'Disconnected. The local log stays as it is.')}
            >
              Disconnect
            </button>
          </p>
          {space ? (
            <div class="actions">
              <span class="muted small">
                {client.name} is shared ({space.role}).
              </span>
              <button type="button" onClick={() => nudgeSync(true)}>
                Sync now
              </button>
              <button
                type="button"
                onClick={() =>
                  void act(async () => {
                    // The server's append-only log: every change with its author and when it arrived.
                    const res = await fetch(
                      `${connection.serverUrl}/v1/spaces/${encodeURIComponent(space.id)}/audit?format=ndjson`,
                      {
                        headers: { authorization: `Bearer ${connection.token}` },
                      },
                    );
                    if (!res.ok) throw new Error(`The server refused the audit trail (${res.status}).`);
                    download(
                      fileName(client.name, 'audit trail') + '.ndjson',
                      await res.text(),
                      'application/x-ndjson',
                    );
                  }, 'Audit trail downloaded.')
                }
              >
                Audit trail (.ndjson)
              </button>
              {space.role === 'owner' && (
                <>
                  <select
                    aria-label="Role for the invite"
                    value={role}
                    onChange={(e) => setRole(e.currentTarget.value as Role)}
                  >
                    <option value="editor">editor (associate)</option>
                    <option value="viewer">viewer (client IT coordinator)</option>
                  </select>
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        async () => setIssued(await invite(db, space.id, role)),
                        'Invite created: send the code to your teammate.',
                      )
                    }
                  >
                    Invite…
                  </button>
                </>
              )}
            </div>
          ) : (
            <div class="actions">
              <button
                type="button"
                class="primary"
                onClick={() => void act(() => shareClient(db, client.id), `${client.name} is now shared.`)}
              >
                Share {client.name} with the team
              </button>
              <span class="muted small">Until then, {client.name} stays on this browser only.</span>
            </div>
          )}
          {issued && (
            <p>
              Invite code (single use, 72 h):{' '}
              <span class="code" data-testid="invite-code">
                {issued}
              </span>
            </p>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
