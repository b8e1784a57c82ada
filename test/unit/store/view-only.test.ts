import { describe, expect, it } from 'vitest';
import { Decision } from '../../../shared/domain';
import { planImport } from '../../../shared/export';
import { applyImport, readClientLog } from '../../../extension/store/client-log';
import { createVendor, updateClient } from '../../../extension/store/clients';
import { createContract, deleteContract, updateContract } from '../../../extension/store/contracts';
import type { DocketDB } from '../../../extension/store/db';
import { StoreError } from '../../../extension/store/errors';
import { holdMeeting } from '../../../extension/store/hold-meeting';
import { updateItem } from '../../../extension/store/items';
import { addMeeting, setMinutesNotes } from '../../../extension/store/meeting-edits';
import { saveCapture } from '../../../extension/store/save-capture';
import { fileInto, putOnAgenda } from '../../../extension/store/triage';
import { updateVendor } from '../../../extension/store/vendors';
import { upcomingMeetings } from '../../../shared/rules';
import { holdAs } from '../../support/access';
import { alice, fileItem, freshDb, makeClient, pageDraft, msa } from '../../support/store';

const REFUSED = 'You can view Acme Dental’s shared log but not change it.';

/** Everything the log holds, every table a write touches included: a refused write must change none of it. */
async function snapshot(db: DocketDB) {
  const tables = [db.clients, db.meetings, db.vendors, db.contracts, db.items, db.captures, db.history, db.outbox];
  return Promise.all([...tables.map((t) => t.toArray()), db.staged.toArray(), db.settings.toArray()]);
}

/** A client with an inbox item, a filed item, a vendor and a contract, written while it was still editable. */
async function acme() {
  const db = freshDb();
  const client = await makeClient(db, 'Acme Dental');
  const vendor = await createVendor(db, alice, { clientId: client.id, name: 'Acme MSP' });
  const inbox = await fileItem(db, client.id, 'Untriaged quote');
  const [next] = upcomingMeetings(client, [], new Date(alice.at), 1);
  const meeting = { id: next!.id, startsAt: next!.startsAt, fromCadence: true };
  const filed = await fileItem(db, client.id, 'Renewal', { meeting, status: 'to-prepare' });
  const contract = await createContract(db, alice, msa(client.id, vendor.id));
  return { db, client, vendor, inbox, filed, meeting, contract };
}
type Acme = Awaited<ReturnType<typeof acme>>;

const WRITES: Record<string, (a: Acme) => Promise<unknown>> = {
  'an item edit': ({ db, filed }) => updateItem(db, alice, filed.id, { title: 'Changed' }),
  'a decision': ({ db, filed }) =>
    updateItem(db, alice, filed.id, { decision: Decision.parse({ decision: 'Renew', status: 'accepted' }) }),
  'a capture as a new item': ({ db, client }) =>
    saveCapture(db, alice, pageDraft(), {
      to: 'new-item',
      item: {
        clientId: client.id,
        meeting: null,
        section: 'vendor-follow-up',
        kind: 'quote',
        status: 'inbox',
        title: 'Quote Q-1042',
        vendor: { name: 'New vendor', domain: null },
        amount: null,
        decideBy: null,
        urgent: false,
        tags: [],
      },
    }),
  'a capture attached to an item': ({ db, filed }) =>
    saveCapture(db, alice, pageDraft(), { to: 'existing-item', itemId: filed.id }),
  'putting on the agenda': ({ db, inbox, meeting }) => putOnAgenda(db, alice, inbox.id, meeting),
  'filing into an item': ({ db, inbox, filed }) => fileInto(db, alice, inbox.id, filed.id),
  'an ad-hoc meeting': ({ db, client }) => addMeeting(db, alice, client.id, '2026-12-20T15:00:00.000Z'),
  'the minutes': ({ db, client, meeting }) => setMinutesNotes(db, alice, client.id, meeting, 'Notes'),
  'marking a meeting held': ({ db, client, meeting }) => holdMeeting(db, alice, client.id, meeting),
  'a new vendor': ({ db, client }) => createVendor(db, alice, { clientId: client.id, name: 'Other MSP' }),
  'a vendor edit': ({ db, vendor }) => updateVendor(db, alice, vendor.id, { name: 'Renamed' }),
  'a contract edit': ({ db, contract }) => updateContract(db, alice, contract.id, { noticeDays: 90 }),
  'a contract delete': ({ db, contract }) => deleteContract(db, alice, contract.id),
  'the client settings': ({ db, client }) => updateClient(db, alice, client.id, { meetingMinutes: 90 }),
};

describe('a view-only client’s log refuses local writes, whole', () => {
  for (const [what, write] of Object.entries(WRITES))
    it(`refuses ${what} in a viewer’s log: nothing written, nothing queued`, async () => {
      const a = await acme();
      await holdAs(a.db, a.client.id, 'viewer');
      const before = await snapshot(a.db);
      const refused = write(a);
      await expect(refused).rejects.toThrow(REFUSED);
      await expect(refused).rejects.toBeInstanceOf(StoreError);
      expect(await snapshot(a.db)).toEqual(before);
    });

  it('refuses writes to a space this account lost access to, however it lost it', async () => {
    for (const reason of ['removed', 'left', 'gone'] as const) {
      const a = await acme();
      await holdAs(a.db, a.client.id, 'editor', reason);
      const before = await snapshot(a.db);
      await expect(updateItem(a.db, alice, a.filed.id, { title: 'Changed' })).rejects.toThrow(REFUSED);
      await expect(createVendor(a.db, alice, { clientId: a.client.id, name: 'X' })).rejects.toThrow(REFUSED);
      expect(await snapshot(a.db)).toEqual(before);
    }
  });

  it('refuses an import into a viewer’s client, adding nothing', async () => {
    const a = await acme();
    const log = await readClientLog(a.db, a.client.id);
    // The viewer's copy holds the client so far; the file would add its items, captures, vendor, contract…
    const into = freshDb();
    await into.clients.add(log.client);
    await holdAs(into, log.client.id, 'viewer');
    const file = { format: 'docket-client-log' as const, version: 1 as const, exportedAt: alice.at, ...log };
    const plan = planImport(file, await readClientLog(into, log.client.id));
    expect(plan.add.filter((r) => r.table === 'items')).toHaveLength(2);
    const before = await snapshot(into);
    await expect(applyImport(into, plan.add)).rejects.toThrow(REFUSED);
    expect(await snapshot(into)).toEqual(before);
  });

  it('leaves local clients, an editor’s and an owner’s log, and other clients of a viewer, as they were', async () => {
    for (const role of [null, 'editor', 'owner'] as const) {
      const a = await acme();
      if (role) await holdAs(a.db, a.client.id, role);
      const queued = await a.db.outbox.count();
      for (const write of Object.values(WRITES)) await write(a).catch(rethrowUnlessDomain);
      expect(await a.db.outbox.count()).toBeGreaterThan(queued);
      expect((await a.db.items.get(a.filed.id))!.title).toBe('Changed');
    }
    // A viewer of Acme still writes to its own clients.
    const a = await acme();
    const mine = await makeClient(a.db, 'Northwind');
    await holdAs(a.db, a.client.id, 'viewer');
    const item = await fileItem(a.db, mine.id, 'My own quote');
    expect(await a.db.outbox.where('clientId').equals(mine.id).count()).toBeGreaterThan(0);
    expect((await updateItem(a.db, alice, item.id, { title: 'Mine, renamed' })).title).toBe('Mine, renamed');
  });
});

/** In the unaffected logs a write may still be refused for its own reasons (its inbox item already filed). */
function rethrowUnlessDomain(e: unknown) {
  if (!(e instanceof StoreError) || e.code === 'view-only') throw e;
}
