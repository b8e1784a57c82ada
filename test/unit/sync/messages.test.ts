import { describe, expect, it } from 'vitest';
import type { SpaceEnded } from '../../../extension/sync/connection-store';
import {
  connectMessage,
  endedMessage,
  signInAgainHow,
  signInMessage,
  seenAgo,
  signInNeededFrom,
  syncMessage,
  teamMessage,
} from '../../../extension/sync/messages';
import { SyncError } from '../../../extension/sync/transport';

describe('what a sign-in or sync failure tells the user', () => {
  it('a name already used in the team says which setting to change', () => {
    const text = connectMessage(new SyncError('name-taken', 'That name is taken in this space.', 409), 'http://x');
    expect(text).toMatch(/already goes by this name/);
    expect(text).toMatch(/Your name \(shown in history\)/);
  });
  it('a server whose database is away says the changes wait, not that something broke', () => {
    const text = syncMessage(new SyncError('store-unavailable', 'cannot reach its database', 503), 'http://x');
    expect(text).toMatch(/cannot reach its database just now\. Your changes wait on this browser/);
  });
  it('an expired sign-in says after how long, and how to come back', () => {
    const text = syncMessage(new SyncError('token-expired', 'expired', 401, { idleDays: 30 }), 'http://x');
    expect(text).toBe(
      'Your sign-in expired after 30 days unused. Sign in again to sync: your local log, and any changes not sent ' +
        'yet, are kept.',
    );
  });
  it('a device signed out says when, from where, and that nothing local is lost', () => {
    const at = '2026-12-04T10:00:00.000Z';
    expect(signInMessage({ reason: 'signed-out', at }, 'UTC')).toMatch(/^You signed this device out on 4 Dec 2026\. /);
    expect(signInMessage({ reason: 'revoked', at }, 'America/Toronto')).toMatch(
      /^This device was signed out on 4 Dec 2026 \(from another device, or by the server's administrator\)\. /,
    );
    const revoked = new SyncError('token-revoked', 'revoked', 401, { revokedAt: at });
    expect(signInNeededFrom(revoked, new Date())).toEqual({ reason: 'revoked', at });
    expect(signInNeededFrom(new SyncError('forbidden', 'no', 403), new Date())).toBeNull();
  });
  it('a sign-in needed says how to get back in to the same account: a device code, or the admin', () => {
    expect(signInAgainHow('Carol Editor')).toBe(
      'Sign in with a device code from another of your devices (Team sync › Add a device…), or ask your Docket ' +
        'admin (`npm run admin -- tokens code "Carol Editor"`).',
    );
  });
  it('a full space names the limit, and says the changes wait in the outbox and the admin can raise it', () => {
    const fromServer =
      'This space holds 200,000 records, its limit (--max-records-per-space 200000); this push would add 12 more. ' +
      'Nothing of this push was applied; it can be sent again once there is room. Deleting records does not make ' +
      "room (a deleted record is kept, so that it stays deleted everywhere): ask the sync server's operator to raise " +
      'the limit.';
    expect(syncMessage(new SyncError('quota-exceeded', fromServer, 413), 'http://x')).toBe(
      'A shared space is full. This space holds 200,000 records, its limit (--max-records-per-space 200000); this ' +
        'push would add 12 more. Your changes are not lost: they wait in the outbox on this browser and are sent ' +
        "once there is room. Deleting records makes no room; the sync server's admin can raise the limit.",
    );
  });
  it('a space this account lost access to says who, when, and that the local copy is kept', () => {
    const at = '2026-12-04T10:00:00.000Z';
    const space = (ended: SpaceEnded) => ({ name: 'Acme', ended });
    expect(endedMessage(space({ reason: 'removed', by: 'Dana Owner', at }), 'UTC')).toBe(
      'Removed from Acme by Dana Owner on 4 Dec 2026; your local copy is kept.',
    );
    expect(endedMessage(space({ reason: 'removed', by: null, at }), 'UTC')).toBe(
      'Removed from Acme on 4 Dec 2026; your local copy is kept.',
    );
    expect(endedMessage(space({ reason: 'left', by: null, at }), 'Pacific/Auckland')).toBe(
      'You left Acme on 4 Dec 2026; your local copy is kept.',
    );
    expect(endedMessage({ name: 'Acme' })).toBe('');
    const removed = new SyncError('removed', 'Dana Owner removed you from Acme on 2026-12-04.', 403);
    expect(syncMessage(removed, 'http://x')).toBe(
      'Dana Owner removed you from Acme on 2026-12-04. Your local copy is kept.',
    );
  });
  it('a Team panel refusal is said in the user’s words', () => {
    const lastOwner = new SyncError('last-owner', 'A space always keeps an owner.', 409);
    expect(teamMessage(lastOwner, 'leave', 'Acme', 'http://x')).toBe(
      'Acme needs another owner before you can leave: make someone else owner first.',
    );
    expect(teamMessage(lastOwner, 'role', 'Acme', 'http://x')).toBe(
      'Acme needs another owner first: make someone else owner, then try again.',
    );
    expect(teamMessage(new Error('disk full'), 'leave', 'Acme', 'http://x')).toBe('disk full');
  });
  it('says when a member was last seen in words', () => {
    const now = new Date('2026-12-04T16:00:00Z');
    const ago = (iso: string | null) => seenAgo(iso, now, 'UTC');
    expect(ago(null)).toBe('never seen');
    expect(ago('2026-12-04T15:59:30Z')).toBe('seen just now');
    expect(ago('2026-12-04T15:18:00Z')).toBe('seen 42 min ago');
    expect(ago('2026-12-04T12:30:00Z')).toBe('seen 3 h ago');
    expect(ago('2026-12-03T15:00:00Z')).toBe('seen 1 day ago');
    expect(ago('2026-11-20T15:00:00Z')).toBe('seen 14 days ago');
    expect(ago('2026-10-01T15:00:00Z')).toBe('seen on 1 Oct 2026');
    expect(seenAgo('2026-12-04T12:30:00Z', now, 'UTC', 'used')).toBe('used 3 h ago');
  });
});
