import { useEffect, useState } from 'preact/hooks';
import { type Money, Recurrence, RECURRENCE_LABEL } from '../../../../shared/domain';
import { parseMoney } from '../../money';

/**
 * Amount, currency and (unless one-time) period, committed when focus leaves them. A refused amount stays in the box, marked, with
 * its reason under it until it is fixed or emptied: the message must not vanish when another field of the form saves,
 * or the figure looks accepted and later shows as "—".
 */
export function MoneyInput(props: {
  label: string;
  value: Money | null;
  onCommit: (m: Money | null) => void;
  oneTime?: boolean;
}) {
  const [amount, setAmount] = useState(props.value ? String(props.value.value) : '');
  const [currency, setCurrency] = useState(props.value?.currency ?? '');
  const [recurrence, setRecurrence] = useState<Recurrence>(
    props.value?.recurrence ?? (props.oneTime ? 'one-time' : 'monthly'),
  );
  const [error, setError] = useState('');
  useEffect(() => {
    setAmount(props.value ? String(props.value.value) : '');
    setCurrency(props.value?.currency ?? '');
    if (props.value) setRecurrence(props.value.recurrence);
  }, [props.value?.value, props.value?.currency, props.value?.recurrence]);
  const commit = (rec = recurrence) => {
    let money: Money | null;
    try {
      money = parseMoney(amount, currency, rec);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    setError('');
    // Unchanged: no write, no history entry.
    const was = props.value;
    if (money?.value === was?.value && money?.currency === was?.currency && money?.recurrence === was?.recurrence)
      return;
    props.onCommit(money);
  };
  return (
    <span
      class={`money${error ? ' invalid' : ''}`}
      // Amount, currency and period are one value: it is read when focus leaves the group, so typing the amount and
      // then its currency writes once, with both.
      onFocusOut={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
      }}
    >
      <input
        aria-label={`${props.label} amount`}
        aria-invalid={error ? true : undefined}
        placeholder={props.label}
        size={10}
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
      />
      <input
        aria-label={`${props.label} currency`}
        placeholder="USD"
        size={4}
        value={currency}
        onInput={(e) => setCurrency(e.currentTarget.value)}
      />
      {!props.oneTime && (
        <select
          aria-label={`${props.label} period`}
          value={recurrence}
          onChange={(e) => {
            const rec = e.currentTarget.value as Recurrence;
            setRecurrence(rec);
          }}
        >
          {Recurrence.options
            .filter((r) => r !== 'one-time')
            .map((r) => (
              <option value={r}>{RECURRENCE_LABEL[r]}</option>
            ))}
        </select>
      )}
      {error && (
        <small class="error" role="alert">
          {props.label} cost: {error}
        </small>
      )}
    </span>
  );
}
