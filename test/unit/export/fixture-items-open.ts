/** The fixture's items on December's (planned) meeting. */
import type { Item } from '../../../shared/domain';
import { client, harbor, harborContract, heldBase, maple, mapleContract, planned, SAM, uuid7 } from './fixture-parties';

const base = {
  clientId: client.id,
  meetingId: planned.id,
  tags: [],
  notes: '',
  agendaOrder: 0,
  discussed: false,
  slips: [],
  actions: [],
  decision: null,
  contractId: null,
  oneTimeAmount: null,
  createdBy: SAM,
};

export const harborNotice: Item = {
  ...base,
  id: uuid7('2026-11-18T15:00:00.000Z', 1),
  section: 'urgent',
  kind: 'renewal',
  status: 'to-prepare',
  title: 'Harbor IT agreement: give notice or let it renew',
  vendorId: harbor.id,
  contractId: harborContract.id,
  amount: { value: 4500, currency: 'CAD', recurrence: 'monthly' },
  decideBy: '2026-12-01',
  urgent: true,
  tags: ['contract'],
  notes: "Harbor IT's renewal letter proposes CA$4,770.00/month from February (+6%).",
  createdAt: '2026-11-18T15:00:00.000Z',
  updatedAt: '2026-11-18T15:02:00.000Z',
};

export const mapleRenewal: Item = {
  ...base,
  id: uuid7('2026-10-28T14:00:00.000Z', 1),
  section: 'vendor-follow-up',
  kind: 'contract',
  status: 'on-agenda',
  title: 'Maple Voice phone contract ends 5 January: renew or replace',
  vendorId: maple.id,
  contractId: mapleContract.id,
  amount: { value: 1180, currency: 'CAD', recurrence: 'monthly' },
  // The renewal offer comes with new handsets, billed once.
  oneTimeAmount: { value: 2400, currency: 'CAD', recurrence: 'one-time' },
  decideBy: '2026-12-15',
  urgent: false,
  slips: [
    {
      fromMeetingId: heldBase.id,
      toMeetingId: planned.id,
      at: '2026-11-10T16:05:00.000Z',
      note: 'Not discussed on 2026-11-10; carried forward.',
    },
  ],
  createdAt: '2026-10-28T14:00:00.000Z',
  updatedAt: '2026-11-10T16:05:00.000Z',
};

export const backup: Item = {
  ...base,
  id: uuid7('2026-11-20T16:00:00.000Z', 1),
  section: 'decision-to-prepare',
  kind: 'proposal',
  status: 'to-prepare',
  title: 'Off-site backup for the imaging server',
  vendorId: harbor.id,
  amount: { value: 289, currency: 'USD', recurrence: 'monthly' },
  // Storage in US dollars from the provider; the setup in Canadian dollars from Harbor IT.
  oneTimeAmount: { value: 600, currency: 'CAD', recurrence: 'one-time' },
  decideBy: '2026-12-22',
  urgent: false,
  decision: {
    context:
      'X-ray images are backed up to a NAS in the same room as the server. A fire or ransomware would take both copies.',
    options: [
      {
        id: 'opt-b2',
        title: 'Cloud backup with 30-day immutable copies, managed by Harbor IT',
        oneTime: { value: 600, currency: 'CAD', recurrence: 'one-time' },
        recurring: { value: 289, currency: 'USD', recurrence: 'monthly' },
        risk: 'low',
        notes: 'Storage is billed in US dollars by the provider; setup in Canadian dollars by Harbor IT.',
      },
      {
        id: 'opt-nas',
        title: "Second NAS at the managing partner's home",
        oneTime: { value: 1450, currency: 'CAD', recurrence: 'one-time' },
        recurring: null,
        risk: 'medium',
        notes: 'Depends on a home internet line; no immutable copies.',
      },
      { id: 'opt-none', title: 'Do nothing', oneTime: null, recurring: null, risk: 'high', notes: '' },
    ],
    recommendation:
      'Take the cloud backup offered by Harbor IT.\n\nIt is the only option that survives ransomware on the office network.',
    decision: '',
    rationale: '',
    decidedBy: null,
    decidedOn: null,
    status: 'proposed',
    supersedes: null,
    supersededBy: null,
    nist: ['protect', 'recover'],
    cobit: ['DSS'],
  },
  createdAt: '2026-11-20T16:00:00.000Z',
  updatedAt: '2026-11-25T14:00:00.000Z',
};

export const pmUpgrade: Item = {
  ...base,
  id: uuid7('2026-11-05T14:00:00.000Z', 1),
  section: 'project-review',
  kind: 'project',
  status: 'on-agenda',
  title: 'Practice-management software upgrade to version 12',
  vendorId: null,
  amount: null,
  decideBy: null,
  urgent: false,
  createdAt: '2026-11-05T14:00:00.000Z',
  updatedAt: '2026-11-05T14:00:00.000Z',
};

export const sipPricing: Item = {
  ...base,
  id: uuid7('2026-11-24T15:30:00.000Z', 1),
  section: 'vendor-follow-up',
  kind: 'change',
  status: 'inbox',
  title: 'Maple Voice: new SIP trunk pricing from January',
  vendorId: maple.id,
  amount: { value: 42, currency: 'CAD', recurrence: 'monthly' },
  decideBy: null,
  urgent: false,
  agendaOrder: 1,
  createdAt: '2026-11-24T15:30:00.000Z',
  updatedAt: '2026-11-24T15:30:00.000Z',
};
