import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Client } from '../../../shared/domain';
import { zonedDate } from '../../../shared/rules';
import type { DocketDB } from '../../store/db';
import { useLive } from '../use-live';
import { Locked } from '../ViewOnly';
import { ContractForm } from './vendors/ContractForm';
import { ContractList } from './vendors/ContractList';
import type { CaptureRef } from './vendors/DocumentPicker';
import { nextNotice } from './vendors/notice';
import { VendorEditor } from './vendors/VendorEditor';
import { VendorList } from './vendors/VendorList';
import './vendors/vendors.css';

/** A client's vendor registry and contracts: what to prepare before each renewal, and what to hand over. */
export function VendorsView({
  db,
  client,
  now,
  readOnly = false,
}: {
  db: DocketDB;
  client: Client;
  now: Date;
  /** A view-only client's registry: read, nothing added, edited or deleted. */
  readOnly?: boolean;
}) {
  const today = zonedDate(now, client.timeZone); // the client's calendar day, not the browser's
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setSelected(null), [client.id]);
  const detail = useRef<HTMLDivElement>(null);
  const select = (id: string) => {
    setSelected(id);
    // In the one-column side panel the detail is below the list: bring it into sight.
    requestAnimationFrame(() => {
      const el = detail.current;
      if (el && el.getBoundingClientRect().top > window.innerHeight - 60) el.scrollIntoView({ block: 'start' });
    });
  };
  const vendors = useLive(() => db.vendors.where('clientId').equals(client.id).toArray(), [client.id]);
  const contracts = useLive(() => db.contracts.where('clientId').equals(client.id).toArray(), [client.id]) ?? [];
  // Only what the picker shows: captures carry whole pages of text.
  const captures =
    useLive(
      async () =>
        (await db.captures.where('clientId').equals(client.id).toArray())
          .map((c): CaptureRef => ({ id: c.id, itemId: c.itemId, title: c.source.title, at: c.capturedAt }))
          .sort((a, b) => b.at.localeCompare(a.at)),
      [client.id],
    ) ?? [];
  const notices = useMemo(() => new Map(contracts.map((c) => [c.id, nextNotice(c, today)])), [contracts, today]);
  const sorted = useMemo(
    () => [...(vendors ?? [])].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
    [vendors],
  );
  if (!vendors) return <p class="empty">Opening the vendor registry…</p>;
  const vendor = sorted.find((v) => v.id === selected);
  const theirs = vendor ? contracts.filter((c) => c.vendorId === vendor.id) : [];

  return (
    <section class="vendors-view" aria-label="Vendors and contracts">
      <div class="vendors-layout">
        <VendorList
          db={db}
          client={client}
          vendors={sorted}
          contracts={contracts}
          notices={notices}
          selected={selected}
          onSelect={select}
          readOnly={readOnly}
        />
        <div class="vendor-detail" ref={detail}>
          {vendor ? (
            <>
              <Locked locked={readOnly}>
                <VendorEditor key={vendor.id} db={db} vendor={vendor} readOnly={readOnly} />
              </Locked>
              <h3>Contracts ({theirs.length})</h3>
              <ContractList db={db} contracts={theirs} notices={notices} captures={captures} readOnly={readOnly} />
              {!readOnly && (
                <ContractForm key={vendor.id} db={db} clientId={client.id} vendorId={vendor.id} captures={captures} />
              )}
            </>
          ) : (
            <p class="empty">
              {sorted.length ? 'Choose a vendor to see its contacts and contracts.' : 'No vendor registered yet.'}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
