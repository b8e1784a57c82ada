import type { Client, Vendor } from '../../../shared/domain';

const at = '2026-01-05T09:00:00.000Z';

export function client(id: string, name: string, domains: string[]): Client {
  return {
    id,
    name,
    cadence: 'monthly',
    weekday: 2,
    time: '10:00',
    timeZone: 'America/Toronto',
    weekOfMonth: 1,
    anchorDate: '2026-01-06',
    meetingMinutes: 60,
    fiscalYearStart: 1,
    domains,
    createdAt: at,
    updatedAt: at,
  };
}

export function vendor(id: string, clientId: string, name: string, domains: string[]): Vendor {
  return { id, clientId, name, domains, role: 'saas', contacts: [], createdAt: at, updatedAt: at };
}
