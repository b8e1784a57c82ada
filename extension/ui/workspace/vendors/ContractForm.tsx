import { useState } from 'preact/hooks';
import { type Contract, Recurrence } from '../../../../shared/domain';
import { createContract, updateContract } from '../../../store/contracts';
import type { DocketDB } from '../../../store/db';
import { actorNow } from '../../../store/me';
import { type CaptureRef, DocumentPicker } from './DocumentPicker';
import { type ContractFields, contractFields, emptyContractFields, parseContractFields } from './form-values';

interface Props {
  db: DocketDB;
  clientId: string;
  vendorId: string;
  captures: CaptureRef[];
  /** The contract to edit; without one the form adds a new contract. */
  contract?: Contract;
  onDone?: () => void;
}

/** Adds or edits a contract in one save; on a refusal the message shows beside the form and nothing is saved. */
export function ContractForm({ db, clientId, vendorId, captures, contract, onDone }: Props) {
  const [f, setF] = useState<ContractFields>(() => (contract ? contractFields(contract) : emptyContractFields()));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ContractFields>(key: K, value: ContractFields[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));
  const text = (key: 'title' | 'termStart' | 'termEnd' | 'renewalMonths' | 'noticeDays' | 'amount' | 'currency') => ({
    name: key,
    value: f[key],
    onInput: (e: { currentTarget: HTMLInputElement }) => set(key, e.currentTarget.value),
  });
  const label = contract ? 'Edit contract' : 'Add contract';

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = parseContractFields(f);
    if (!parsed.ok) return setError(parsed.error);
    setBusy(true);
    try {
      const actor = await actorNow(db);
      if (contract) await updateContract(db, actor, contract.id, parsed.value);
      else await createContract(db, actor, { ...parsed.value, clientId, vendorId });
      setError('');
      if (!contract) setF(emptyContractFields());
      onDone?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="contract-form" aria-label={label} onSubmit={submit} noValidate>
      {!contract && <h3>Add contract</h3>}
      <label class="wide">
        Title
        <input {...text('title')} placeholder="Managed services agreement" />
      </label>
      <label>
        Term start
        <input type="date" {...text('termStart')} />
      </label>
      <label>
        Term end
        <input type="date" {...text('termEnd')} />
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="autoRenew"
          checked={f.autoRenew}
          onChange={(e) => set('autoRenew', e.currentTarget.checked)}
        />
        Renews automatically
      </label>
      <label>
        Renewal length (months)
        <input type="number" min={1} max={120} step={1} disabled={!f.autoRenew} {...text('renewalMonths')} />
      </label>
      <label>
        Notice period (days)
        <input type="number" min={0} max={730} step={1} {...text('noticeDays')} />
      </label>
      <div class="row wide money">
        <label>
          Amount
          <input inputMode="decimal" {...text('amount')} placeholder="4500" />
        </label>
        <label>
          Currency
          <input {...text('currency')} maxLength={3} placeholder="USD" autoComplete="off" />
        </label>
        <label>
          Per
          <select
            name="recurrence"
            value={f.recurrence}
            onChange={(e) => set('recurrence', e.currentTarget.value as Recurrence)}
          >
            {Recurrence.options.map((r) => (
              <option value={r}>{r}</option>
            ))}
          </select>
        </label>
      </div>
      <label class="wide">
        Notes
        <textarea name="notes" rows={2} value={f.notes} onInput={(e) => set('notes', e.currentTarget.value)} />
      </label>
      <div class="wide">
        <DocumentPicker captures={captures} value={f.captureIds} onChange={(ids) => set('captureIds', ids)} />
      </div>
      {error && (
        <p class="error wide" role="alert">
          {error}
        </p>
      )}
      <div class="wide form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {contract ? 'Save contract' : 'Add contract'}
        </button>
        {onDone && contract && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
