import type { Meeting } from '../../../shared/domain';
import type { CadenceClient } from '../../../shared/rules';

/** A client meeting on Tuesdays at 09:00 in Toronto, weekly, unless overridden. */
export function client(overrides: Partial<CadenceClient> = {}): CadenceClient {
  return {
    id: 'acme',
    cadence: 'weekly',
    weekday: 2,
    time: '09:00',
    timeZone: 'America/Toronto',
    weekOfMonth: 1,
    anchorDate: '2026-01-06',
    ...overrides,
  };
}

export function meeting(overrides: Partial<Meeting> & Pick<Meeting, 'id' | 'startsAt'>): Meeting {
  return {
    clientId: 'acme',
    status: 'planned',
    fromCadence: false,
    title: '',
    minutes: '',
    heldAgenda: null,
    heldAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const at = (iso: string) => new Date(iso);
