/**
 * One realistic client log, fixed to the minute, that every export test reads: Northwind Dental, a dental practice
 * in Toronto governed monthly (second Tuesday, 09:00, 90 minutes). November's meeting is held, with its agenda
 * frozen; December's is planned. The vCIO is Sam Okafor. Exports are made on Tuesday 1 December 2026.
 *
 * The frozen agenda deliberately differs from the live items (a title renamed, actions ticked off since), so a test
 * can tell minutes made from the record from minutes made from live data.
 */
import type { HeldAgendaLine, HistoryEntry, Meeting } from '../../../shared/domain';
import type { Deadline, LogData } from '../../../shared/export';
import { deadlinePhrase, deadlineTiming, type MeetingWindow } from '../../../shared/rules';
import { firewall, oldFirewall, phishing, wifi } from './fixture-items';
import { backup, harborNotice, mapleRenewal, pmUpgrade, sipPricing } from './fixture-items-open';
import { captures } from './fixture-captures';
import { client, harbor, harborContract, heldBase, maple, mapleContract, planned, SAM, uuid7 } from './fixture-parties';

export { client, harbor, maple, harborContract, mapleContract, planned, SAM, uuid7 };
export { firewall, oldFirewall, phishing, wifi, backup, harborNotice, mapleRenewal, pmUpgrade, sipPricing };
export { captures };

/** The instant exports are made, and that day in the client's zone. */
export const NOW = new Date('2026-12-01T15:00:00.000Z');
export const TODAY = '2026-12-01';

const heldAgenda: HeldAgendaLine[] = [
  {
    itemId: wifi.id,
    title: 'Wi-Fi refresh in the treatment rooms',
    section: 'project-review',
    status: 'on-agenda',
    vendor: 'Harbor IT Services',
    amount: { value: 3200, currency: 'CAD', recurrence: 'one-time' },
    discussed: true,
    decision: null,
    actions: [],
  },
  {
    itemId: mapleRenewal.id,
    title: mapleRenewal.title,
    section: 'vendor-follow-up',
    status: 'on-agenda',
    vendor: 'Maple Voice',
    amount: mapleRenewal.amount,
    oneTimeAmount: mapleRenewal.oneTimeAmount,
    discussed: false,
    decision: null,
    actions: [],
  },
  {
    itemId: firewall.id,
    title: firewall.title,
    section: 'decision-to-prepare',
    status: 'decided',
    vendor: 'Harbor IT Services',
    amount: firewall.amount,
    discussed: true,
    decision: {
      status: 'accepted',
      decision: firewall.decision!.decision,
      decidedBy: 'Dr. Amelia Chen, Managing partner',
    },
    // As they stood when the meeting was held: nothing done yet.
    actions: firewall.actions.map((a) => ({ ...a, done: false })),
  },
  {
    itemId: phishing.id,
    title: phishing.title,
    section: 'urgent',
    status: 'decided',
    vendor: null,
    amount: null,
    discussed: true,
    decision: {
      status: 'accepted',
      decision: phishing.decision!.decision,
      decidedBy: 'Dr. Amelia Chen, Managing partner',
    },
    actions: phishing.actions.map((a) => ({ ...a, done: false })),
  },
];

export const held: Meeting = { ...heldBase, heldAgenda };

export const history: HistoryEntry[] = [
  {
    id: uuid7('2026-10-20T15:12:00.000Z', 2),
    entity: 'item',
    entityId: firewall.id,
    itemId: firewall.id,
    action: 'create',
    at: '2026-10-20T15:12:00.000Z',
    by: SAM,
    changes: [{ field: 'title', from: null, to: firewall.title }],
  },
  {
    id: uuid7('2026-11-10T15:40:00.000Z', 1),
    entity: 'item',
    entityId: firewall.id,
    itemId: firewall.id,
    action: 'update',
    at: '2026-11-10T15:40:00.000Z',
    by: SAM,
    changes: [
      { field: 'status', from: 'on-agenda', to: 'decided' },
      { field: 'decision', from: { status: 'proposed' }, to: { status: 'accepted', decidedOn: '2026-11-10' } },
    ],
  },
  {
    id: uuid7('2026-11-10T16:05:00.000Z', 1),
    entity: 'meeting',
    entityId: held.id,
    itemId: null,
    action: 'update',
    at: '2026-11-10T16:05:00.000Z',
    by: SAM,
    changes: [{ field: 'status', from: 'planned', to: 'held' }],
  },
  {
    id: uuid7('2026-11-16T20:00:00.000Z', 1),
    entity: 'item',
    entityId: firewall.id,
    itemId: firewall.id,
    action: 'update',
    at: '2026-11-16T20:00:00.000Z',
    by: 'rosa.martins@northwinddental.ca',
    changes: [{ field: 'actions', from: [], to: [] }],
  },
];

/** December's meeting as of 26 Nov, with January's (2027-01-12) after it. */
const window: MeetingWindow = { today: '2026-11-26', meetingDate: '2026-12-08', nextDate: '2027-01-12' };
const placed = (d: Omit<Deadline, 'timing' | 'when'>): Deadline => ({
  ...d,
  timing: deadlineTiming(d.date, window),
  when: deadlinePhrase(d.date, window),
});

/** What the deadline rule surfaces for December's meeting (until January's, 2027-01-12). */
export const deadlines: Deadline[] = (
  [
    {
      date: '2027-01-05',
      kind: 'expiry',
      title: 'Maple Voice — Hosted phone system (12 lines)',
      itemId: null,
      contractId: mapleContract.id,
      vendorId: maple.id,
      why: 'The contract ends and does not renew automatically.',
    },
    {
      date: '2026-12-02',
      kind: 'notice',
      title: 'Harbor IT Services — Managed services agreement',
      itemId: null,
      contractId: harborContract.id,
      vendorId: harbor.id,
      why: "Last day to give 60 days' notice before the term ends on 2027-01-31; otherwise it renews for 12 months.",
    },
    {
      date: '2026-12-01',
      kind: 'decide-by',
      title: harborNotice.title,
      itemId: harborNotice.id,
      contractId: harborContract.id,
      vendorId: harbor.id,
      why: '',
    },
    {
      date: '2026-12-15',
      kind: 'decide-by',
      title: mapleRenewal.title,
      itemId: mapleRenewal.id,
      contractId: mapleContract.id,
      vendorId: maple.id,
      why: '',
    },
    {
      date: '2026-12-22',
      kind: 'decide-by',
      title: backup.title,
      itemId: backup.id,
      contractId: null,
      vendorId: harbor.id,
      why: '',
    },
  ] satisfies Omit<Deadline, 'timing' | 'when'>[]
).map(placed);

export const items = [oldFirewall, wifi, firewall, phishing, mapleRenewal, pmUpgrade, harborNotice, backup, sipPricing];

/** The whole log, records deliberately not in id order (the export sorts them). */
export const log: LogData = {
  client,
  meetings: [planned, held],
  vendors: [maple, harbor],
  contracts: [mapleContract, harborContract],
  items,
  captures,
  history,
};
