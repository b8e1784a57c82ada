import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../extension/sync/connection-store';
import type { SyncStatus } from '../../../extension/sync/status';
import { type BadgeContext, describeSync } from '../../../extension/ui/sync/badge-text';

const connection: Connection = {
  serverUrl: 'https://sync.example.com',
  token: 't',
  user: { id: 'u', name: 'Alice' },
  spaces: [{ id: 's', name: 'Northwind Dental', role: 'owner', clientId: 'c' }],
};
const synced: SyncStatus = {
  state: 'synced',
  at: '2026-12-04T16:42:05.000Z',
  pending: 0,
  message: '',
  failures: 0,
  lastSyncedAt: '2026-12-04T16:42:05.000Z',
};
const unreachable: SyncStatus = {
  ...synced,
  state: 'offline',
  at: '2026-12-04T16:50:00.000Z',
  message: 'The sync server at https://sync.example.com cannot be reached (Failed to fetch).',
  failures: 2,
};
const context: BadgeContext = { now: new Date('2026-12-04T17:00:00Z'), online: true, timeZone: 'UTC' };

describe('the sync badge', () => {
  it('says when it last synced: the time today, the day before that, the full time in the tooltip', () => {
    expect(describeSync({ connection, status: synced, pending: 0 }, context)).toEqual({
      text: 'Synced · 16:42',
      tone: 'ok',
      title: expect.stringMatching(/^Last synced Fri,? 4 Dec 2026,? 16:42:05\.$/), // ICU versions differ on commas
    });
    const tomorrow = { ...context, now: new Date('2026-12-05T09:00:00Z') };
    expect(describeSync({ connection, status: synced, pending: 0 }, tomorrow).text).toBe('Synced · 4 Dec, 16:42');
    const montreal = { ...context, timeZone: 'America/Toronto' };
    expect(describeSync({ connection, status: synced, pending: 0 }, montreal).text).toBe('Synced · 11:42');
  });

  it('says "Syncing…", not "231 pending", for changes about to go: right after connecting or sharing', () => {
    const beforeConnecting: SyncStatus = { ...synced, state: 'not-connected', lastSyncedAt: null };
    expect(describeSync({ connection, status: beforeConnecting, pending: 231 }, context)).toMatchObject({
      text: 'Syncing…',
      title: 'Sending 231 changes. Not synced yet.',
    });
    expect(describeSync({ connection, status: synced, pending: 231 }, context).text).toBe('Syncing…');
    expect(describeSync({ connection, status: null, pending: 0 }, context).text).toBe('Syncing…');
  });

  it('with nothing shared, says so in the tooltip', () => {
    const alone = { ...connection, spaces: [] };
    expect(describeSync({ connection: alone, status: synced, pending: 0 }, context).title).toMatch(
      /No client is shared yet/,
    );
  });

  it('tells "Offline" (no network) from "Server unreachable", with what waits and when it last synced', () => {
    expect(describeSync({ connection, status: unreachable, pending: 3 }, context)).toEqual({
      text: 'Server unreachable · 3 pending',
      tone: 'warn',
      title: expect.stringMatching(
        /^The sync server at https:\/\/sync\.example\.com cannot be reached \(Failed to fetch\)\. 3 changes will be sent when the server answers\. Last synced Fri,? 4 Dec 2026,? 16:42:05\.$/,
      ),
    });
    expect(describeSync({ connection, status: synced, pending: 0 }, { ...context, online: false }).text).toBe(
      'Offline',
    );
    expect(describeSync({ connection, status: unreachable, pending: 1 }, { ...context, online: false }).text).toBe(
      'Offline · 1 pending',
    );
  });

  it('statuses saved before "last synced" existed still show a time', () => {
    const old = { ...synced, lastSyncedAt: undefined };
    expect(describeSync({ connection, status: old, pending: 0 }, context).text).toBe('Synced · 16:42');
    expect(describeSync({ connection: null, status: null, pending: 9 }, context).text).toBe('Not shared');
  });
});
