import { describe, expect, it } from 'vitest';
import { connectMessage, syncMessage } from '../../../extension/sync/messages';
import { SyncError } from '../../../extension/sync/transport';

describe('what a sign-in or sync failure tells the user', () => {
  it('a name already used in the team says which setting to change', () => {
    const text = connectMessage(new SyncError('name-taken', 'That name is taken in this space.', 409), 'http://x');
    expect(text).toMatch(/already goes by this name/);
    expect(text).toMatch(/Your name \(shown in history\)/);
  });
  it('an expired sign-in says it expired and how to come back', () => {
    const text = syncMessage(new SyncError('token-expired', 'expired', 401), 'http://x');
    expect(text).toMatch(/expired after a long time unused/);
    expect(text).toMatch(/connect again with a new invite code/);
  });
});
