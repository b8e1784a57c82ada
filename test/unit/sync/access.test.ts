import { describe, expect, it } from 'vitest';
import { accessOf, isViewOnly, viewOnlyMark, viewOnlyMessage } from '../../../extension/sync/access';
import type { Connection, SharedSpace } from '../../../extension/sync/connection-store';

const connection = (...spaces: SharedSpace[]): Connection => ({
  serverUrl: 'http://docket.test',
  token: 't',
  user: { id: 'u1', name: 'Coordinator' },
  spaces,
});
const space = (over: Partial<SharedSpace>): SharedSpace => ({
  id: 's1',
  name: 'Acme',
  role: 'editor',
  clientId: 'acme',
  ...over,
});
const ended = { reason: 'removed' as const, by: 'Alice', at: '2026-11-26T15:00:00.000Z' };

describe('accessOf: whether a client’s log may be changed here', () => {
  it('a client in no space, or with no connection, is local', () => {
    expect(accessOf(null, 'acme')).toBe('local');
    expect(accessOf(connection(), 'acme')).toBe('local');
    expect(accessOf(connection(space({ clientId: 'other' })), 'acme')).toBe('local');
    // a space whose client the first pull has not found yet holds no client
    expect(accessOf(connection(space({ clientId: null })), 'acme')).toBe('local');
  });

  it('a shared client has the role this account holds in its space', () => {
    for (const role of ['owner', 'editor', 'viewer'] as const)
      expect(accessOf(connection(space({ role })), 'acme')).toBe(role);
  });

  it('a space this account lost access to is ended, whatever the role it had', () => {
    for (const role of ['owner', 'editor', 'viewer'] as const)
      expect(accessOf(connection(space({ role, ended })), 'acme')).toBe('ended');
    for (const reason of ['removed', 'left', 'gone'] as const)
      expect(accessOf(connection(space({ ended: { ...ended, reason } })), 'acme')).toBe('ended');
  });

  it('a live space of the client counts before an ended one', () => {
    const old = space({ id: 's0', role: 'editor', ended });
    expect(accessOf(connection(old, space({ id: 's1', role: 'viewer' })), 'acme')).toBe('viewer');
    expect(accessOf(connection(space({ id: 's1', role: 'editor' }), old), 'acme')).toBe('editor');
  });

  it('view-only is a viewer or an ended space; local, owner and editor may change the log', () => {
    expect(['local', 'owner', 'editor', 'viewer', 'ended'].filter((a) => isViewOnly(a as never))).toEqual([
      'viewer',
      'ended',
    ]);
  });

  it('says so in words naming the client', () => {
    expect(viewOnlyMessage('Acme')).toBe('You can view Acme’s shared log but not change it.');
    expect(viewOnlyMark('viewer', 'Acme')).toBe('View only — you are a viewer of Acme’s shared log.');
    expect(viewOnlyMark('ended', 'Acme')).toBe('No longer shared — read-only local copy of Acme’s log.');
    for (const access of ['local', 'owner', 'editor'] as const) expect(viewOnlyMark(access, 'Acme')).toBeNull();
  });
});
