import { Capture, Client, Contract, Item, Meeting, Vendor } from '../../../shared/domain';

/** One valid record per synced table, parsed so every default is filled in (as a replica stores it). */
const at = '2026-11-26T15:00:00.000Z';

export const sampleRecords = {
  clients: Client.parse({
    id: 'client-1',
    name: 'Northwind Dental',
    cadence: 'monthly',
    weekday: 2,
    time: '09:00',
    timeZone: 'America/Toronto',
    anchorDate: '2026-01-13',
    domains: ['northwind-dental.ca'],
    createdAt: at,
    updatedAt: at,
  }),
  meetings: Meeting.parse({
    id: 'meeting-1',
    clientId: 'client-1',
    startsAt: '2026-12-08T14:00:00.000Z',
    status: 'planned',
    fromCadence: true,
    createdAt: at,
    updatedAt: at,
  }),
  vendors: Vendor.parse({ id: 'vendor-1', clientId: 'client-1', name: 'Acme MSP', createdAt: at, updatedAt: at }),
  contracts: Contract.parse({
    id: 'contract-1',
    clientId: 'client-1',
    vendorId: 'vendor-1',
    title: 'Managed services',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: true,
    noticeDays: 60,
    value: { value: 4500, currency: 'USD', recurrence: 'monthly' },
    createdAt: at,
    updatedAt: at,
  }),
  items: Item.parse({
    id: 'item-1',
    clientId: 'client-1',
    meetingId: 'meeting-1',
    section: 'vendor-follow-up',
    kind: 'quote',
    status: 'inbox',
    title: 'Quote Q-1042',
    vendorId: 'vendor-1',
    amount: { value: 4500, currency: 'USD', recurrence: 'monthly' },
    decideBy: null,
    urgent: false,
    tags: ['msp'],
    createdAt: at,
    createdBy: 'Alice Martin',
    updatedAt: at,
  }),
  captures: Capture.parse({
    id: 'capture-1',
    itemId: 'item-1',
    clientId: 'client-1',
    kind: 'page',
    source: { url: 'https://portal.acme-msp.com/q/1042', title: 'Quote Q-1042', site: 'portal.acme-msp.com' },
    markdown: '# Quote',
    excerpt: 'Quote',
    contentHash: 'a'.repeat(64),
    urlKey: 'portal.acme-msp.com/q/1042',
    capturedAt: at,
    capturedBy: 'Alice Martin',
  }),
};

/** A record's fields without its id, as a replica's field map holds them. */
export function fieldsOf(record: object): Record<string, unknown> {
  const { id: _id, ...fields } = record as Record<string, unknown>;
  return fields;
}
