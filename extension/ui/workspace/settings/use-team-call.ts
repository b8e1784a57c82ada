import { useState } from 'preact/hooks';
import { type TeamAction, teamMessage } from '../../../sync/messages';

/**
 * Runs a Team panel call: its refusal, in the user's words, is kept to show (`error`), and `busy` is set meanwhile
 * so a button is not pressed twice. Resolves to whether the call went through.
 */
export function useTeamCall(space: string, serverUrl: string) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const fail = (action: TeamAction, e: unknown) => setError(teamMessage(e, action, space, serverUrl));
  const run = async (action: TeamAction, work: () => Promise<unknown>): Promise<boolean> => {
    setError('');
    setBusy(true);
    try {
      await work();
      return true;
    } catch (e) {
      fail(action, e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, fail };
}
