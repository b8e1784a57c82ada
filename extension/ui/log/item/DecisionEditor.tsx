import { useEffect, useRef, useState } from 'preact/hooks';
import { CobitDomain, Decision, DecisionStatus, type Item, NistFunction, Risk } from '../../../../shared/domain';
import { newId } from '../../../../shared/ids';
import { MoneyInput } from './MoneyInput';

const EMPTY: Decision = Decision.parse({});
const NIST_LABEL: Record<NistFunction, string> = {
  govern: 'Govern',
  identify: 'Identify',
  protect: 'Protect',
  detect: 'Detect',
  respond: 'Respond',
  recover: 'Recover',
};
const RISK_LABEL: Record<Risk, string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' };
const DECISION_STATUS_LABEL: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deferred: 'Deferred',
  superseded: 'Superseded',
};

interface Props {
  item: Item;
  others: Item[];
  save: (decision: Decision) => Promise<void>;
  /** Shown, not changed: no add or remove buttons (the caller disables the fields). */
  readOnly?: boolean;
}

/** The board-paper fields of a decision: context, options with cost and risk, recommendation, decision, rationale, who and when. */
export function DecisionEditor({ item, others, save, readOnly = false }: Props) {
  const [d, setD] = useState<Decision>(item.decision ?? EMPTY);
  const [error, setError] = useState('');
  // The editor's copy is the truth while it is open: every commit writes all of it, so a save finishing mid-typing
  // must not reset the fields. It reloads when another item is opened, and only then: an effect that also ran on
  // mount reset what was typed in the first moments after opening the item (seen in a browser test: the context was
  // lost, the recommendation typed after it kept).
  const shown = useRef(item.id);
  useEffect(() => {
    if (shown.current === item.id) return;
    shown.current = item.id;
    setD(item.decision ?? EMPTY);
  }, [item.id]);
  const commit = async (next: Decision) => {
    setD(next);
    try {
      setError('');
      await save(next);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const text = (key: 'context' | 'recommendation' | 'decision' | 'rationale', label: string, rows = 3) => (
    <label class="wide">
      {label}
      <textarea
        name={`decision-${key}`}
        rows={rows}
        value={d[key]}
        onInput={(e) => setD({ ...d, [key]: e.currentTarget.value })}
        onBlur={() => d[key] !== (item.decision ?? EMPTY)[key] && void commit(d)}
      />
    </label>
  );
  const toggle = <T extends string>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  return (
    <form class="decision" aria-label="Decision record" onSubmit={(e) => e.preventDefault()}>
      {text('context', 'Context')}
      <fieldset class="wide options">
        <legend>Options considered</legend>
        {d.options.map((o, i) => (
          <div class="option" data-testid="decision-option">
            <input
              aria-label={`Option ${i + 1}`}
              value={o.title}
              onInput={(e) =>
                setD({
                  ...d,
                  options: d.options.map((x) => (x.id === o.id ? { ...x, title: e.currentTarget.value } : x)),
                })
              }
              onBlur={() => void commit(d)}
            />
            <MoneyInput
              label="One-time"
              value={o.oneTime}
              onCommit={(m) =>
                void commit({ ...d, options: d.options.map((x) => (x.id === o.id ? { ...x, oneTime: m } : x)) })
              }
              oneTime
            />
            <MoneyInput
              label="Recurring"
              value={o.recurring}
              onCommit={(m) =>
                void commit({ ...d, options: d.options.map((x) => (x.id === o.id ? { ...x, recurring: m } : x)) })
              }
            />
            <select
              aria-label="Risk"
              value={o.risk}
              onChange={(e) =>
                void commit({
                  ...d,
                  options: d.options.map((x) => (x.id === o.id ? { ...x, risk: e.currentTarget.value as Risk } : x)),
                })
              }
            >
              {Risk.options.map((r) => (
                <option value={r}>{RISK_LABEL[r]}</option>
              ))}
            </select>
            {!readOnly && (
              <button
                type="button"
                aria-label={`Remove option ${i + 1}`}
                onClick={() => void commit({ ...d, options: d.options.filter((x) => x.id !== o.id) })}
              >
                ✕
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            onClick={() =>
              setD({
                ...d,
                options: [
                  ...d.options,
                  {
                    id: newId(),
                    title: `Option ${d.options.length + 1}`,
                    oneTime: null,
                    recurring: null,
                    risk: 'medium',
                    notes: '',
                  },
                ],
              })
            }
          >
            + Add option
          </button>
        )}
      </fieldset>
      {text('recommendation', 'Recommendation')}
      {text('decision', 'Decision', 2)}
      {text('rationale', 'Rationale')}
      <label>
        Decided by (name)
        <input
          name="decided-by-name"
          value={d.decidedBy?.name ?? ''}
          onInput={(e) => setD({ ...d, decidedBy: { name: e.currentTarget.value, role: d.decidedBy?.role ?? '' } })}
          onBlur={() => void commit(d)}
        />
      </label>
      <label>
        Role
        <input
          name="decided-by-role"
          value={d.decidedBy?.role ?? ''}
          onInput={(e) => setD({ ...d, decidedBy: { name: d.decidedBy?.name ?? '', role: e.currentTarget.value } })}
          onBlur={() => void commit(d)}
        />
      </label>
      <label>
        Decided on
        <input
          name="decided-on"
          type="date"
          value={d.decidedOn ?? ''}
          onChange={(e) => void commit({ ...d, decidedOn: e.currentTarget.value || null })}
        />
      </label>
      <label>
        Decision status
        <select
          name="decision-status"
          value={d.status}
          onChange={(e) => void commit({ ...d, status: e.currentTarget.value as DecisionStatus })}
        >
          {DecisionStatus.options.map((s) => (
            <option value={s}>{DECISION_STATUS_LABEL[s]}</option>
          ))}
        </select>
      </label>
      <label class="wide">
        Supersedes
        <select
          name="supersedes"
          value={d.supersedes ?? ''}
          onChange={(e) => void commit({ ...d, supersedes: e.currentTarget.value || null })}
        >
          <option value="">Nothing</option>
          {others
            .filter((o) => o.decision)
            .map((o) => (
              <option value={o.id}>{o.title}</option>
            ))}
        </select>
        {d.supersededBy && (
          <small class="hint">
            Superseded by {others.find((o) => o.id === d.supersededBy)?.title ?? 'a later decision'}
          </small>
        )}
      </label>
      <fieldset class="wide frameworks">
        <legend>NIST CSF 2.0 function · COBIT 2019 domain</legend>
        {NistFunction.options.map((f) => (
          <label class="check">
            <input
              type="checkbox"
              checked={d.nist.includes(f)}
              onChange={() => void commit({ ...d, nist: toggle(d.nist, f) })}
            />
            {NIST_LABEL[f]}
          </label>
        ))}
        <span class="sep" />
        {CobitDomain.options.map((c) => (
          <label class="check">
            <input
              type="checkbox"
              checked={d.cobit.includes(c)}
              onChange={() => void commit({ ...d, cobit: toggle(d.cobit, c) })}
            />
            {c}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error wide" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
