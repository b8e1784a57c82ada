import { useEffect, useState } from 'preact/hooks';
import { requestHost } from '../../permissions/host';
import type { DocketDB } from '../../store/db';
import { myName, setMyName } from '../../store/me';
import { connect } from '../../sync/connection';
import { nudgeSync } from './nudge';

/**
 * Sign in to the team's sync server with the setup code (first user), an invite code (joins a space as a new
 * person), or a device code (signs in to one's existing account: from "Add a device…" on another of one's devices,
 * or from the admin); `serverUrl` fills in the server when signing in again.
 */
export function ConnectForm({ db, say, serverUrl }: { db: DocketDB; say: (text: string) => void; serverUrl?: string }) {
  const [server, setServer] = useState(serverUrl ?? 'http://127.0.0.1:8787');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  // Teammates tell each other apart by name, and a space refuses a name already in it: "me" is nobody's name there.
  useEffect(() => {
    void myName(db).then((n) => setName((typed) => typed || (n === 'me' ? '' : n)));
  }, [db]);

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    const who = name.trim();
    if (!who || who.toLowerCase() === 'me')
      return setError('Give your name as your teammates know it: it is how they see your changes in the history.');
    let origin: string;
    try {
      origin = new URL(server).origin;
    } catch {
      return setError('The server address must be a URL, such as https://sync.example.com.');
    }
    // Only the team's server, and only now that the user asked: the narrowest permission.
    if (!(await requestHost(origin))) return setError(`Docket needs your permission to talk to ${origin}.`);
    try {
      await setMyName(db, who);
      const connection = await connect(db, origin, code, who);
      // A device code signs in to an existing account: its name is the one teammates see.
      if (connection.user.name !== who) await setMyName(db, connection.user.name);
      nudgeSync(true);
      say('Connected to the sync server.');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form onSubmit={submit} class="grid" aria-label="Connect to a sync server">
      <label class="wide">
        Sync server
        <input name="server-url" type="url" value={server} onInput={(e) => setServer(e.currentTarget.value)} />
      </label>
      <label class="wide">
        Your name <small>(as your teammates will see it)</small>
        <input name="connect-name" value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="name" />
      </label>
      <label class="wide">
        Setup, invite or device code
        <input name="code" value={code} onInput={(e) => setCode(e.currentTarget.value)} autoComplete="off" />
      </label>
      <button type="submit" class="primary">
        Connect
      </button>
      {error && (
        <p class="error wide" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
