import { describe, expect, it } from 'vitest';
import { sealMeeting } from '../../../extension/ledger/seal-meeting';
import { currentLogOf } from '../../../extension/ledger/current-log';
import { updateItem } from '../../../extension/store/items';
import { setMinutesNotes } from '../../../extension/store/meeting-edits';
import { minutesMarkdown } from '../../../shared/export';
import { fromHex } from '../../../shared/ledger/bytes';
import { amendmentsOf } from '../../../shared/ledger/amendments';
import { verify } from '../../../shared/ledger/ed25519';
import { recordHash, sealMessage, sealRoot } from '../../../shared/ledger/seal';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

const DEC = { id: '', startsAt: '2026-12-08T14:00:00.000Z', fromCadence: true };

async function setUp() {
  const db = freshDb();
  const client = await makeClient(db);
  const ref = { ...DEC, id: `${client.id}@2026-12-08` };
  const file = (title: string, status: 'on-agenda' | 'decided' = 'on-agenda') =>
    fileItem(db, client.id, title, { meeting: ref, kind: 'quote', status });
  const decided = await file('Renew firewall support', 'decided');
  const open = await file('Not reached');
  return { db, client, ref, decided, open };
}

describe('sealing a meeting', () => {
  it('holds it, then signs the hashes of its agenda, records and evidence with this browser’s key', async () => {
    const { db, client, ref, decided } = await setUp();
    const at = { ...alice, at: '2026-12-08T16:00:00.000Z' };
    const { meeting, carried, statement } = await sealMeeting(db, at, client.id, ref);
    expect(carried).toBe(1);
    expect(meeting.status).toBe('held');
    expect(meeting.seal?.statement).toEqual(statement);
    // The undiscussed item went on; the decided one stays, sealed with its evidence.
    expect(statement.records.map((r) => r.id)).toEqual([meeting.id, decided.id]);
    expect(statement.evidence).toHaveLength(1);
    expect(statement.root).toBe(sealRoot(statement));
    const { device, ...unsigned } = statement;
    expect(await verify(fromHex(device.publicKey), sealMessage(unsigned), fromHex(device.signature))).toBe(true);
    // Each version hashes to its reference; the stored meeting's sealed form is the sealed meeting version.
    for (const v of meeting.seal!.versions)
      expect(recordHash(v.record)).toBe(statement.records.find((r) => r.id === v.id)!.hash);
    // The device is registered in the client's log.
    expect(await db.devices.where('clientId').equals(client.id).count()).toBe(1);
  });

  it('refuses a second seal and tells later edits as amendments, against the sealed versions', async () => {
    const { db, client, ref, decided } = await setUp();
    const { meeting } = await sealMeeting(db, { ...alice, at: '2026-12-08T16:00:00.000Z' }, client.id, ref);
    await expect(sealMeeting(db, alice, client.id, { ...ref, id: meeting.id })).rejects.toThrow(/sealed already/);
    const now = async () => ({
      meetings: await db.meetings.toArray(),
      items: await db.items.toArray(),
      captures: await db.captures.toArray(),
    });
    expect(amendmentsOf(meeting.seal!, await now())).toEqual([]);
    await updateItem(db, alice, decided.id, { title: 'Renew firewall support (3 years)' });
    expect(amendmentsOf(meeting.seal!, await now())).toEqual([
      expect.objectContaining({
        kind: 'field',
        id: decided.id,
        field: 'title',
        from: 'Renew firewall support',
        to: 'Renew firewall support (3 years)',
      }),
    ]);
  });
});

describe('the minutes of a sealed meeting', () => {
  it('carry the seal line and full root, the sealed notes, and each amendment with who and when', async () => {
    const { db, client, ref, decided } = await setUp();
    await setMinutesNotes(db, alice, client.id, ref, 'Renewal approved.');
    const { meeting } = await sealMeeting(db, { ...alice, at: '2026-12-08T16:00:00.000Z' }, client.id, ref);
    const bob = { by: 'Bob Lee', at: '2026-12-09T15:02:00.000Z' };
    await updateItem(db, bob, decided.id, { title: 'Renew firewall support (3 years)' });
    const now = (await db.meetings.get(meeting.id))!;
    const minutes = minutesMarkdown({ client, meeting: now, log: await currentLogOf(db, now) });
    const { root } = meeting.seal!.statement;
    // Toronto: 16:00Z is 11:00 on the client's wall clock.
    expect(minutes).toContain(`**Sealed 8 Dec 2026 11:00 by Alice Martin · root ${root.slice(0, 16)}…**`);
    expect(minutes).toContain(`Root: \`${root}\``);
    expect(minutes).toMatch(/## Notes\n\nRenewal approved\.\n/);
    expect(minutes).toContain(
      '- Item “Renew firewall support” — Title: “Renew firewall support” → “Renew firewall support (3 years)” (Bob Lee, 9 Dec 2026 10:02)',
    );
    const amended = minutes.split('## Amended after sealing')[1]!.split('## Seal')[0]!;
    expect(amended.match(/^- /gm)).toHaveLength(1);
  });
});
