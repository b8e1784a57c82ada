import 'fake-indexeddb/auto';
import type { CaptureDraft } from '../../shared/domain';
import { newId } from '../../shared/ids';
import { createClient } from '../../extension/store/clients';
import { DocketDB } from '../../extension/store/db';
import type { Actor } from '../../extension/store/history';

export function freshDb(): DocketDB {
  return new DocketDB(`test-${newId()}`);
}

export const alice: Actor = { by: 'Alice Martin', at: '2026-11-26T15:00:00.000Z' };

export function makeClient(db: DocketDB, name = 'Northwind Dental') {
  return createClient(db, alice, {
    name,
    cadence: 'monthly',
    weekday: 2,
    time: '09:00',
    timeZone: 'America/Toronto',
    weekOfMonth: 2,
    anchorDate: '2026-01-13',
    domains: ['northwind-dental.ca'],
  });
}

export function pageDraft(over: Partial<CaptureDraft> = {}): CaptureDraft {
  return {
    kind: 'page',
    source: {
      url: 'https://portal.acme-msp.com/quotes/Q-1042?utm_source=mail',
      title: 'Quote Q-1042',
      site: 'portal.acme-msp.com',
    },
    markdown: '# Quote Q-1042\n\nManaged services: **$4,500/month**.',
    excerpt: 'Managed services: $4,500/month.',
    email: null,
    pdf: null,
    file: null,
    warnings: [],
    ...over,
  };
}
