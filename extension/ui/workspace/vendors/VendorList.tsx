import { useState } from 'preact/hooks';
import type { Client, Contract, Vendor } from '../../../../shared/domain';
import { actorNow } from '../../../store/me';
import { createVendor } from '../../../store/vendors';
import type { DocketDB } from '../../../store/db';
import { NoticeBadge } from './NoticeBadge';
import { type NextNotice, nearestNotice } from './notice';
import { ROLE_LABEL } from './roles';

interface Props {
  db: DocketDB;
  client: Client;
  vendors: Vendor[];
  contracts: Contract[];
  notices: Map<string, NextNotice>;
  selected: string | null;
  onSelect: (id: string) => void;
  readOnly?: boolean;
}

/** The registry: every vendor with its role, domains, contracts and the next notice deadline to watch. */
export function VendorList({ db, client, vendors, contracts, notices, selected, onSelect, readOnly = false }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');

  async function add(e: Event) {
    e.preventDefault();
    try {
      setError('');
      const vendor = await createVendor(db, await actorNow(db), { clientId: client.id, name });
      setName('');
      onSelect(vendor.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div class="vendor-list">
      <h2>Vendors ({vendors.length})</h2>
      {!readOnly && (
        <form class="vendor-add" aria-label="Add vendor" onSubmit={add}>
          <label>
            New vendor name
            <input name="vendorName" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">
            Add vendor
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ul class="vendor-rows">
        {vendors.map((v) => {
          const own = contracts.filter((c) => c.vendorId === v.id);
          const nearest = nearestNotice(own.flatMap((c) => notices.get(c.id) ?? []));
          return (
            <li key={v.id}>
              <button
                type="button"
                data-testid="vendor-row"
                aria-current={v.id === selected}
                onClick={() => onSelect(v.id)}
              >
                <span class="vendor-name">{v.name}</span>
                <span class="badge">{ROLE_LABEL[v.role]}</span>
                <span class="vendor-meta">
                  {v.domains.length ? v.domains.join(', ') : 'no domain'} · {own.length}{' '}
                  {own.length === 1 ? 'contract' : 'contracts'}
                </span>
                {nearest && <NoticeBadge notice={nearest} />}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
