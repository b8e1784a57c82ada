import { useEffect, useState } from 'preact/hooks';
import { type Vendor, VendorRole } from '../../../../shared/domain';
import type { DocketDB } from '../../../store/db';
import { actorNow } from '../../../store/me';
import { updateVendor, type VendorPatch } from '../../../store/vendors';
import { ContactsEditor } from './ContactsEditor';
import { splitDomains } from './form-values';
import { ROLE_LABEL } from './roles';

/** A vendor's own fields, edited in place and saved when a field is left (the caller disables them when read-only). */
export function VendorEditor({ db, vendor, readOnly = false }: { db: DocketDB; vendor: Vendor; readOnly?: boolean }) {
  const [error, setError] = useState('');
  const [name, setName] = useState(vendor.name);
  const [domains, setDomains] = useState(vendor.domains.join(', '));
  useEffect(() => {
    setName(vendor.name);
    setDomains(vendor.domains.join(', '));
  }, [vendor.id, vendor.updatedAt]);
  useEffect(() => setError(''), [vendor.id]);

  async function edit(patch: VendorPatch) {
    try {
      setError('');
      await updateVendor(db, await actorNow(db), vendor.id, patch);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div class="vendor-editor" data-testid="vendor-detail">
      <h2>{vendor.name}</h2>
      <form class="vendor-form" aria-label="Vendor" onSubmit={(e) => e.preventDefault()}>
        <label>
          Name
          <input
            name="name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            onBlur={() => name !== vendor.name && void edit({ name })}
          />
        </label>
        <label>
          Role
          <select
            name="role"
            value={vendor.role}
            onChange={(e) => void edit({ role: e.currentTarget.value as VendorRole })}
          >
            {VendorRole.options.map((r) => (
              <option value={r}>{ROLE_LABEL[r]}</option>
            ))}
          </select>
        </label>
        <label class="wide">
          Domains <span class="hint">comma-separated, e.g. acme-msp.com, portal.acme-msp.com</span>
          <input
            name="domains"
            value={domains}
            onInput={(e) => setDomains(e.currentTarget.value)}
            onBlur={() => void edit({ domains: splitDomains(domains) })}
          />
        </label>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {readOnly && !vendor.contacts.length ? (
        <p class="muted">No contact recorded.</p>
      ) : (
        <ContactsEditor vendor={vendor} onSave={(contacts) => edit({ contacts })} readOnly={readOnly} />
      )}
    </div>
  );
}
