import { useState } from 'preact/hooks';
import type { Client } from '../../../../shared/domain';
import type { Role } from '../../../../shared/sync/protocol';
import type { DocketDB } from '../../../store/db';
import { invite } from '../../../sync/connection';
import type { Connection, SharedSpace } from '../../../sync/connection-store';
import { endedMessage } from '../../../sync/messages';
import { leaveSpace } from '../../../sync/team';
import { download, fileName } from '../../download';
import { useLive } from '../../use-live';
import { syncNow } from '../../sync/nudge';
import { Confirm } from './Confirm';
import { MembersList } from './MembersList';
import { useTeamCall } from './use-team-call';

/**
 * A shared client's team: sync now, the audit trail, invites (owner), the members with their roles, and leaving.
 * When this account lost access to the space, it says what happened instead ("Removed from Acme by Dana Owner on
 * 4 Dec 2026; your local copy is kept."), and how many changes made here were never sent.
 */
export function TeamPanel(props: {
  db: DocketDB;
  connection: Connection;
  space: SharedSpace;
  client: Client;
  say: (text: string) => void;
}) {
  const { db, connection, space, client, say } = props;
  const unsent = useLive(() => db.outbox.where('clientId').equals(client.id).count(), [db, client.id]) ?? 0;
  const [role, setRole] = useState<Role>('editor');
  const [issued, setIssued] = useState('');
  const [leaving, setLeaving] = useState(false);
  const { error, busy, run } = useTeamCall(space.name, connection.serverUrl);

  if (space.ended)
    return (
      <div class="team-panel">
        <p class="notice" role="status" data-testid="space-ended">
          {endedMessage(space)}
          {unsent > 0 &&
            ` ${unsent} change${unsent === 1 ? '' : 's'} made on this browser ${unsent === 1 ? 'was' : 'were'} not sent; they stay in your copy.`}
        </p>
      </div>
    );

  const audit = () =>
    run('other', async () => {
      // The server's append-only log: every change with its author and when it arrived, and the membership trail.
      const res = await fetch(`${connection.serverUrl}/v1/spaces/${encodeURIComponent(space.id)}/audit?format=ndjson`, {
        headers: { authorization: `Bearer ${connection.token}` },
      });
      if (!res.ok) throw new Error(`The server refused the audit trail (${res.status}).`);
      download(fileName(client.name, 'audit trail') + '.ndjson', await res.text(), 'application/x-ndjson');
      say('Audit trail downloaded.');
    });
  const leave = async () => {
    setLeaving(false);
    if (await run('leave', () => leaveSpace(db, space.id))) {
      say(`You left ${space.name}. Your local copy is kept, read-only.`);
    }
  };

  return (
    <div class="team-panel">
      <div class="actions">
        <span class="muted small">
          {client.name} is shared ({space.role}).
        </span>
        <button type="button" onClick={() => syncNow()}>
          Sync now
        </button>
        <button type="button" onClick={() => void audit()}>
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
                void run('other', async () => {
                  setIssued(await invite(db, space.id, role));
                  say('Invite created: send the code to your teammate.');
                })
              }
            >
              Invite…
            </button>
          </>
        )}
      </div>
      {issued && (
        <p>
          Invite code (single use, 72 h):{' '}
          <span class="code" data-testid="invite-code">
            {issued}
          </span>
        </p>
      )}
      <MembersList db={db} space={space} me={connection.user.id} serverUrl={connection.serverUrl} say={say} />
      <p>
        <button type="button" name="leave-space" disabled={busy} onClick={() => setLeaving(true)}>
          Leave {space.name}
        </button>
      </p>
      {leaving && (
        <Confirm
          question={`Leave ${space.name}? You stop receiving its changes; your local copy is kept, read-only, with any changes not sent yet.`}
          yes={`Yes, leave ${space.name}`}
          onYes={() => void leave()}
          onCancel={() => setLeaving(false)}
        />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
