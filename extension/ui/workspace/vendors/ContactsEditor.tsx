import { useEffect, useState } from 'preact/hooks';
import type { Contact, Vendor } from '../../../../shared/domain';

const FIELDS = [
  ['name', 'Name', 'text'],
  ['email', 'E-mail', 'email'],
  ['phone', 'Phone', 'tel'],
  ['role', 'Role', 'text'],
] as const;
const blank = (): Contact => ({ name: '', email: '', phone: '', role: '' });
const isEmpty = (c: Contact) => !c.name.trim() && !c.email.trim() && !c.phone.trim() && !c.role.trim();

/**
 * The people to call at a vendor. Rows are edited locally and saved when a field is left; a row left entirely
 * blank is dropped rather than refused, so "Add contact" then changing one's mind costs nothing.
 */
export function ContactsEditor({
  vendor,
  onSave,
  readOnly = false,
}: {
  vendor: Vendor;
  onSave: (contacts: Contact[]) => Promise<void>;
  /** Shown, not changed: no add or remove buttons (the caller disables the fields). */
  readOnly?: boolean;
}) {
  const [rows, setRows] = useState<Contact[]>(vendor.contacts);
  useEffect(() => setRows(vendor.contacts), [vendor.id, vendor.updatedAt]);

  const save = (next: Contact[]) =>
    void onSave(next.filter((c) => !isEmpty(c)).map((c) => ({ ...c, name: c.name.trim(), email: c.email.trim() })));
  const set = (i: number, field: keyof Contact, value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));

  return (
    <fieldset class="contacts">
      <legend>Contacts ({vendor.contacts.length})</legend>
      {rows.length === 0 && <p class="muted">No contact yet.</p>}
      {rows.map((row, i) => (
        <fieldset class="contact-row" data-testid="contact-row">
          <legend class="visually-hidden">Contact {i + 1}</legend>
          {FIELDS.map(([field, label, type]) => (
            <label>
              {label}
              <input
                type={type}
                name={`contact-${field}`}
                value={row[field]}
                onInput={(e) => set(i, field, e.currentTarget.value)}
                onBlur={() => save(rows)}
              />
            </label>
          ))}
          {!readOnly && (
            <button
              type="button"
              aria-label={`Remove contact ${row.name || i + 1}`}
              onClick={() => {
                const next = rows.filter((_, j) => j !== i);
                setRows(next);
                save(next);
              }}
            >
              Remove
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => setRows([...rows, blank()])}>
          Add contact
        </button>
      )}
    </fieldset>
  );
}
