/** The fixture's items: a decided one with options and actions, an urgent one, one carried with a slip, and more. */
import type { Decision, Item } from '../../../shared/domain';
import { client, harbor, heldBase, SAM, uuid7 } from './fixture-parties';

const clientId = client.id;
const base = {
  clientId,
  tags: [],
  notes: '',
  agendaOrder: 0,
  discussed: false,
  slips: [],
  actions: [],
  contractId: null,
  oneTimeAmount: null,
  createdBy: SAM,
};
const decision = (d: Partial<Decision>): Decision => ({
  context: '',
  options: [],
  recommendation: '',
  decision: '',
  rationale: '',
  decidedBy: null,
  decidedOn: null,
  status: 'proposed',
  supersedes: null,
  supersededBy: null,
  nist: [],
  cobit: [],
  ...d,
});
const cad = (value: number, recurrence: 'one-time' | 'monthly' | 'yearly') => ({ value, currency: 'CAD', recurrence });
const AMELIA = { name: 'Dr. Amelia Chen', role: 'Managing partner' };

export const oldFirewall: Item = {
  ...base,
  id: uuid7('2025-10-15T14:00:00.000Z', 1),
  meetingId: null,
  section: 'decision-to-prepare',
  kind: 'renewal',
  status: 'decided',
  title: 'Keep the front-desk firewall on extended support for 2026',
  vendorId: harbor.id,
  amount: cad(85, 'monthly'),
  decideBy: '2025-11-11',
  urgent: false,
  decision: decision({
    decision: 'Renew extended support on the FortiGate 50E for one more year.',
    rationale: 'A replacement was not in the FY2025 budget.',
    decidedBy: AMELIA,
    decidedOn: '2025-11-11',
    status: 'superseded',
    supersededBy: uuid7('2026-10-20T15:12:00.000Z', 1),
    cobit: ['BAI'],
  }),
  createdAt: '2025-10-15T14:00:00.000Z',
  updatedAt: '2026-11-10T15:40:00.000Z',
};

export const firewall: Item = {
  ...base,
  id: uuid7('2026-10-20T15:12:00.000Z', 1),
  meetingId: heldBase.id,
  section: 'decision-to-prepare',
  kind: 'quote',
  status: 'decided',
  title: 'Replace the front-desk firewall (FortiGate 60F)',
  vendorId: harbor.id,
  amount: cad(6800, 'one-time'),
  decideBy: '2026-11-10',
  urgent: false,
  tags: ['security', 'network'],
  discussed: true,
  decision: decision({
    context:
      'The FortiGate 50E at the front desk reaches end of support on 31 December 2026: no firmware or threat-signature ' +
      'updates after that date.\n\nIt protects the practice-management server and the imaging workstations.',
    options: [
      {
        id: 'opt-60f',
        title: 'Replace with a FortiGate 60F, installed by Harbor IT',
        oneTime: cad(6800, 'one-time'),
        recurring: cad(1140, 'yearly'),
        risk: 'low',
        notes: 'Includes three years of threat protection and the installation after hours.',
      },
      {
        id: 'opt-keep',
        title: 'Keep the 50E on extended support',
        oneTime: null,
        recurring: cad(85, 'monthly'),
        risk: 'high',
        notes: 'No new threat signatures; Harbor IT will not warrant it after 2026.',
      },
      {
        id: 'opt-meraki',
        title: 'Cloud-managed firewall (Meraki MX67) from another reseller',
        oneTime: cad(3900, 'one-time'),
        recurring: cad(210, 'monthly'),
        risk: 'medium',
        notes: '',
      },
    ],
    recommendation:
      'Replace with the FortiGate 60F from Harbor IT: the lowest risk, and Harbor IT already runs the network.',
    decision: 'Buy the FortiGate 60F from Harbor IT (quote Q-2026-118) and install it before 31 December.',
    rationale:
      'The 50E stops getting updates at year end. Keeping it saves CA$120.00 a year and leaves the practice exposed; ' +
      'the Meraki option is cheaper to buy but dearer to run, and adds a second network vendor.',
    decidedBy: AMELIA,
    decidedOn: '2026-11-10',
    status: 'accepted',
    supersedes: uuid7('2025-10-15T14:00:00.000Z', 1),
    nist: ['protect', 'detect'],
    cobit: ['BAI', 'DSS'],
  }),
  actions: [
    { id: 'act-sign', title: 'Sign Harbor IT quote Q-2026-118', owner: AMELIA.name, due: '2026-11-17', done: true },
    {
      id: 'act-install',
      title: 'Install the FortiGate 60F after hours',
      owner: 'Priya Raman (Harbor IT)',
      due: '2026-12-04',
      done: false,
    },
  ],
  createdAt: '2026-10-20T15:12:00.000Z',
  updatedAt: '2026-11-16T20:00:00.000Z',
};

export const phishing: Item = {
  ...base,
  id: uuid7('2026-11-03T17:30:00.000Z', 1),
  meetingId: heldBase.id,
  section: 'urgent',
  kind: 'incident',
  status: 'decided',
  title: 'Phishing e-mail reached the front desk',
  vendorId: null,
  amount: null,
  decideBy: null,
  urgent: true,
  discussed: true,
  decision: decision({
    decision:
      'Run a phishing awareness session for the front desk and turn on external-sender warnings in Microsoft 365.',
    rationale: 'Cheap, quick, and the front desk is the most exposed.',
    decidedBy: AMELIA,
    decidedOn: '2026-11-10',
    status: 'accepted',
    nist: ['respond', 'protect'],
    cobit: ['DSS'],
  }),
  actions: [
    {
      id: 'act-warnings',
      title: 'Turn on external-sender warnings in Microsoft 365',
      owner: 'Harbor IT service desk',
      due: '2026-11-13',
      done: true,
    },
    {
      id: 'act-training',
      title: 'Run a phishing awareness session for front-desk staff',
      owner: 'Priya Raman (Harbor IT)',
      due: '2026-11-30',
      done: false,
    },
  ],
  createdAt: '2026-11-03T17:30:00.000Z',
  updatedAt: '2026-11-13T19:00:00.000Z',
};

export const wifi: Item = {
  ...base,
  id: uuid7('2026-09-15T13:00:00.000Z', 1),
  meetingId: heldBase.id,
  section: 'project-review',
  kind: 'project',
  status: 'deferred',
  title: 'Wi-Fi refresh in the treatment rooms (phase 1)',
  vendorId: harbor.id,
  amount: cad(3200, 'one-time'),
  decideBy: null,
  urgent: false,
  discussed: true,
  notes: 'Start after the firewall is replaced.',
  decision: null,
  createdAt: '2026-09-15T13:00:00.000Z',
  updatedAt: '2026-11-10T15:50:00.000Z',
};
