import 'fake-indexeddb/auto';
import { upcomingMeetings } from '../../../shared/rules';
import { updateItem } from '../../../extension/store/items';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

// One fixed clock: the fixture's meetings are the client's next ones as of this instant, whatever today is.
export const NOW = new Date(alice.at);
const bob = { by: 'Bob Tremblay', at: alice.at };

/** A client whose next meeting holds items in every state, plus the Inbox and the meeting after. */
export async function fixture() {
  const db = freshDb();
  const client = await makeClient(db);
  const [m1, m2] = upcomingMeetings(client, [], NOW, 2).map((m) => ({
    id: m.id,
    startsAt: m.startsAt,
    fromCadence: true,
  }));
  const on = (title: string, status: 'inbox' | 'to-prepare' | 'decided' | 'withdrawn', kind = 'quote' as const) =>
    fileItem(db, client.id, title, { meeting: m1!, status, kind, section: 'decision-to-prepare' });
  await on('Filed from the form as Inbox', 'inbox'); // the form's default status: filing makes it "to prepare"
  await on('Quote to prepare', 'to-prepare');
  const decided = await on('Decided already', 'to-prepare');
  await updateItem(db, bob, decided.id, { status: 'decided' });
  const gone = await on('Withdrawn proposal', 'to-prepare');
  await updateItem(db, bob, gone.id, { status: 'withdrawn' });
  await fileItem(db, client.id, 'Untriaged capture'); // no meeting: the Inbox
  await fileItem(db, client.id, 'On the meeting after', { meeting: m2!, status: 'to-prepare' });
  // A record written before filing took items out of the Inbox: in the Inbox still, so on no agenda.
  const legacy = await fileItem(db, client.id, 'Old inbox entry with a meeting');
  await db.items.update(legacy.id, { meetingId: m1!.id });
  return { db, client, m1: m1!, m2: m2! };
}
