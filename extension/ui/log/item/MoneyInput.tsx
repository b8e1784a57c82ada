import { useEffect, useState } from 'preact/hooks';
import { type Money, Recurrence } from '../../../../shared/domain';
import { parseMoney } from '../../money';

/** Amount, currency and (unless one-time) period, committed on blur. */
export function MoneyInput(props: {
  label: string;
  value: Money | null;
  onCommit: (m: Money | null) => void;
  onError: (message: string) => void;
  oneTime?: boolean;
}) {
  const [amount, setAmount] = useState(props.value ? String(props.value.value) : '');
  const [currency, setCurrency] = useState(props.value?.currency ?? '');
  const [recurrence, setRecurrence] = useState<Recurrence>(
    props.value?.recurrence ?? (props.oneTime ? 'one-time' : 'monthly'),
  );
  useEffect(() => {
    setAmount(props.value ? String(props.value.value) : '');
    setCurrency(props.value?.currency ?? '');
  }, [props.value?.value, props.value?.currency]);
  const commit = (rec = recurrence) => {
    try {
      props.onCommit(parseMoney(amount, currency, rec));
    } catch (e) {
      props.onError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span class="money">
      <input
        aria-label={`${props.label} amount`}
        placeholder={props.label}
        size={8}
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
        onBlur={() => commit()}
      />
      <input
        aria-label={`${props.label} currency`}
        placeholder="USD"
        size={4}
        value={currency}
        onInput={(e) => setCurrency(e.currentTarget.value)}
        onBlur={() => amount && commit()}
      />
      {!props.oneTime && (
        <select
          aria-label={`${props.label} period`}
          value={recurrence}
          onChange={(e) => {
            const rec = e.currentTarget.value as Recurrence;
            setRecurrence(rec);
            commit(rec);
          }}
        >
          {Recurrence.options
            .filter((r) => r !== 'one-time')
            .map((r) => (
              <option value={r}>{r}</option>
            ))}
        </select>
      )}
    </span>
  );
}
