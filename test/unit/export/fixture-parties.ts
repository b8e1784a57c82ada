/** The fixture's client, vendors, contracts and meetings (see fixture.ts). */
import { createHash } from 'node:crypto';
import type { Client, Contract, Meeting, Vendor } from '../../../shared/domain';
import { cadenceMeetingId } from '../../../shared/rules';

/** A UUIDv7-shaped id for an instant, so ids sort by creation time as real ones do. */
export function uuid7(iso: string, seq: number): string {
  const h = Date.parse(iso).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7000-8000-${String(seq).padStart(12, '0')}`;
}

export const SAM = 'sam@okafor-vcio.ca';
export const hash = (text: string) => createHash('sha256').update(text).digest('hex');

export const client: Client = {
  id: uuid7('2025-10-01T13:00:00.000Z', 1),
  name: 'Northwind Dental',
  cadence: 'monthly',
  weekday: 2,
  time: '09:00',
  timeZone: 'America/Toronto',
  weekOfMonth: 2,
  anchorDate: '2025-10-14',
  meetingMinutes: 90,
  fiscalYearStart: 4,
  domains: ['northwinddental.ca'],
  createdAt: '2025-10-01T13:00:00.000Z',
  updatedAt: '2026-09-02T14:30:00.000Z',
};
const clientId = client.id;

export const harbor: Vendor = {
  id: uuid7('2025-10-02T14:00:00.000Z', 1),
  clientId,
  name: 'Harbor IT Services',
  domains: ['harborit.ca'],
  role: 'msp',
  contacts: [
    { name: 'Priya Raman', email: 'priya.raman@harborit.ca', phone: '+1 416 555 0142', role: 'Account manager' },
    { name: 'Service desk', email: 'support@harborit.ca', phone: '+1 416 555 0100', role: '24/7 support' },
  ],
  createdAt: '2025-10-02T14:00:00.000Z',
  updatedAt: '2025-10-02T14:00:00.000Z',
};

export const maple: Vendor = {
  id: uuid7('2025-10-02T14:05:00.000Z', 2),
  clientId,
  name: 'Maple Voice',
  domains: ['maplevoice.com'],
  role: 'telecom',
  contacts: [{ name: 'Luc Tremblay', email: 'luc.tremblay@maplevoice.com', phone: '', role: 'Business sales' }],
  createdAt: '2025-10-02T14:05:00.000Z',
  updatedAt: '2025-10-02T14:05:00.000Z',
};

/** November's meeting before its agenda is frozen; fixture.ts adds `heldAgenda`. */
export const heldBase: Meeting = {
  id: cadenceMeetingId(clientId, '2026-11-10'),
  clientId,
  startsAt: '2026-11-10T14:00:00.000Z',
  status: 'held',
  fromCadence: true,
  title: '',
  minutes: [
    'Present: Dr. Amelia Chen (managing partner), Rosa Martins (office manager), Sam Okafor (vCIO).',
    '',
    'The phishing e-mail of 3 November was reported by the front desk within minutes; nobody entered a password.',
    'Harbor IT confirmed that the FortiGate 50E gets no updates after 31 December.',
    '',
    'We ran out of time before the Maple Voice contract; it moves to December.',
  ].join('\n'),
  heldAgenda: null,
  heldAt: '2026-11-10T16:05:00.000Z',
  createdAt: '2026-10-14T16:00:00.000Z',
  updatedAt: '2026-11-10T16:05:00.000Z',
};

export const planned: Meeting = {
  id: cadenceMeetingId(clientId, '2026-12-08'),
  clientId,
  startsAt: '2026-12-08T14:00:00.000Z',
  status: 'planned',
  fromCadence: true,
  title: '',
  minutes: '',
  heldAgenda: null,
  heldAt: null,
  createdAt: '2026-11-10T16:05:00.000Z',
  updatedAt: '2026-11-10T16:05:00.000Z',
};

export const harborContract: Contract = {
  id: uuid7('2025-10-02T14:10:00.000Z', 1),
  clientId,
  vendorId: harbor.id,
  title: 'Managed services agreement',
  termStart: '2024-02-01',
  termEnd: '2027-01-31',
  autoRenew: true,
  renewalMonths: 12,
  noticeDays: 60,
  value: { value: 4500, currency: 'CAD', recurrence: 'monthly' },
  captureIds: [uuid7('2026-11-18T15:02:00.000Z', 1)],
  notes: 'Covers 14 workstations, 2 servers and the network. After-hours work is billed at CA$165.00/hour.',
  createdAt: '2025-10-02T14:10:00.000Z',
  updatedAt: '2026-11-18T15:02:00.000Z',
};

export const mapleContract: Contract = {
  id: uuid7('2025-10-02T14:12:00.000Z', 2),
  clientId,
  vendorId: maple.id,
  title: 'Hosted phone system (12 lines)',
  termStart: '2024-01-06',
  termEnd: '2027-01-05',
  autoRenew: false,
  renewalMonths: 12,
  noticeDays: 30,
  value: { value: 1180, currency: 'CAD', recurrence: 'monthly' },
  captureIds: [],
  notes: '',
  createdAt: '2025-10-02T14:12:00.000Z',
  updatedAt: '2025-10-02T14:12:00.000Z',
};
