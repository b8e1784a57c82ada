import 'fake-indexeddb/auto';
import { ORIGIN_AUTHOR, stamped, stampsOf, withoutStamps } from '../../extension/store/stamps';
import type { CaptureDraft } from '../../shared/domain';
import { newId } from '../../shared/ids';
import { createClient } from '../../extension/store/clients';
import { DocketDB } from '../../extension/store/db';
import type { Actor } from '../../extension/store/history';
import { type NewItemFields, saveCapture } from '../../extension/store/save-capture';

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

/** Files a one-capture item (captured from https://x.test/<title>) with the given fields; inbox by default. */
export async function fileItem(
  db: DocketDB,
  clientId: string,
  title: string,
  over: Partial<NewItemFields> = {},
  markdown?: string,
) {
  const draft = pageDraft({
    source: { url: `https://x.test/${encodeURIComponent(title)}`, title, site: 'x.test' },
    ...(markdown ? { markdown } : {}),
  });
  const fields: NewItemFields = {
    clientId,
    meeting: null,
    section: 'vendor-follow-up',
    kind: 'other',
    status: 'inbox',
    title,
    vendor: null,
    amount: null,
    decideBy: null,
    urgent: false,
    tags: [],
    ...over,
  };
  return (await saveCapture(db, alice, draft, { to: 'new-item', item: fields })).item;
}

/** A stored record as the domain sees it: without the sync stamps its row carries (extension/store/stamps.ts). */
export function plain<T extends object>(row: T | undefined): T | undefined {
  return row && withoutStamps(row);
}

/**
 * A stored row as replicas must agree on it: the record and its field stamps, without the origin author a replica
 * keeps only for a record it got in a first sync (extension/store/stamps.ts).
 */
export function converged<T extends object>(row: T | undefined): T | undefined {
  if (!row) return row;
  const { [ORIGIN_AUTHOR]: _, ...stamps } = stampsOf(row);
  return stamped(row, stamps);
}

/** A one-year master services agreement of a client with a vendor, as the contract form saves it. */
export function msa(clientId: string, vendorId: string) {
  return {
    clientId,
    vendorId,
    title: 'MSA',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: true,
    noticeDays: 60,
    value: null,
  };
}
