import { describe, expect, it } from 'vitest';
import { Client, isTimeZone } from '../../../shared/domain';
import { KIND_LABEL, ITEM_KINDS } from '../../../shared/domain/labels';

const client = (timeZone: string) => ({
  id: 'c1',
  name: 'Northwind Dental',
  cadence: 'monthly',
  weekday: 2,
  time: '09:00',
  timeZone,
  anchorDate: '2026-01-06',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('a client’s time zone', () => {
  it('takes IANA names, including UTC', () => {
    for (const zone of ['America/Halifax', 'America/Toronto', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC'])
      expect(isTimeZone(zone), zone).toBe(true);
    expect(Client.parse(client('America/Halifax')).timeZone).toBe('America/Halifax');
  });

  it('refuses words and offsets with a message that shows the way out', () => {
    for (const zone of ['Atlantic Time', 'Eastern', '+04:00', 'America/Nowhere', ''])
      expect(isTimeZone(zone), zone).toBe(false);
    const result = Client.safeParse(client('Atlantic Time'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '"Atlantic Time" is not a time zone: choose one such as America/Halifax',
    ]);
  });
});

it('labels every kind of item with a capital, for lists and filters', () => {
  expect(ITEM_KINDS.map((k) => KIND_LABEL[k])).toEqual([
    'Proposal',
    'Quote',
    'Contract',
    'Renewal',
    'Incident',
    'Change',
    'Project',
    'Other',
  ]);
});
