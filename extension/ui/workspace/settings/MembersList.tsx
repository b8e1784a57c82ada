import { useEffect, useState } from 'preact/hooks';
import { Role } from '../../../../shared/sync/protocol';
import type { DocketDB } from '../../../store/db';
import type { SharedSpace } from '../../../sync/connection-store';
import { seenAgo } from '../../../sync/messages';
import { changeRole, listMembers, type Member, removeMember } from '../../../sync/team';
import { Confirm } from './Confirm';
import { useTeamCall } from './use-team-call';

/**
 * The members of a space with their role and when they were last seen. The owner changes a member's role (a
 * select per row, named "Role of <name>") and removes a member ("Remove <name>", then "Yes, remove <name>"); one's
 * own row has neither (leaving is below). Read from the server when shown and after each change.
 */
export function MembersList(props: {
  db: DocketDB;
  space: SharedSpace;
  me: string;
  serverUrl: string;
  say: (text: string) => void;
}) {
  const { db, space, me, serverUrl, say } = props;
  const [members, setMembers] = useState<Member[] | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const { error, busy, run, fail } = useTeamCall(space.name, serverUrl);
  // Read again after every change, so a refused one shows the list as it is; a refusal stays shown.
  const load = () => listMembers(db, space.id).then(setMembers, (e: unknown) => fail('role', e));
  useEffect(() => {
    void load();
  }, [db, space.id, space.role]);

  const owner = space.role === 'owner';
  const now = new Date();
  const setRole = async (member: Member, role: Role) => {
    if (await run('role', () => changeRole(db, space.id, member.id, role))) say(`${member.name} is now ${role}.`);
    await load();
  };
  const remove = async (member: Member) => {
    setRemoving(null);
    if (await run('remove', () => removeMember(db, space.id, member.id))) {
      say(`${member.name} was removed from ${space.name}; their event streams were ended.`);
    }
    await load();
  };

  return (
    <div class="members">
      <h4>Members</h4>
      {members && (
        <table aria-label={`Members of ${space.name}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Last seen</th>
              {owner && <th scope="col">Remove</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  {m.id === me && <span class="muted"> (you)</span>}
                </th>
                <td>
                  {owner && m.id !== me ? (
                    <select
                      name={`role-${m.id}`}
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      disabled={busy}
                      onChange={(e) => void setRole(m, Role.parse(e.currentTarget.value))}
                    >
                      <option value="owner">owner</option>
                      <option value="editor">editor</option>
                      <option value="viewer">viewer</option>
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td title={m.lastSeenAt ?? undefined}>{seenAgo(m.lastSeenAt, now)}</td>
                {owner && (
                  <td>
                    {m.id !== me && (
                      <button type="button" disabled={busy} onClick={() => setRemoving(m)}>
                        Remove {m.name}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && (
        <Confirm
          question={`Remove ${removing.name} from ${space.name}? They stop receiving its changes at once, and keep the copy they have.`}
          yes={`Yes, remove ${removing.name}`}
          onYes={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
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
