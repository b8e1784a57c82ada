import { useEffect, useState } from 'preact/hooks';
import type { Action } from '../../../../shared/domain';
import { newId } from '../../../../shared/ids';

/** Follow-ups with an owner and a due date; ticking one done keeps it in the record. */
export function ActionsEditor({
  actions,
  save,
  readOnly = false,
}: {
  actions: Action[];
  save: (actions: Action[]) => Promise<void>;
  /** Shown, not changed: no remove or add buttons (the caller disables the fields). */
  readOnly?: boolean;
}) {
  const [list, setList] = useState(actions);
  const [error, setError] = useState('');
  // Follows the stored list only when its content changes, so a save of another field does not reset one being typed.
  const stored = JSON.stringify(actions);
  useEffect(() => setList(actions), [stored]);
  const commit = async (next: Action[]) => {
    setList(next);
    try {
      setError('');
      await save(next);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const edit = (id: string, patch: Partial<Action>) => setList(list.map((a) => (a.id === id ? { ...a, ...patch } : a)));

  return (
    <div class="actions-editor" aria-label="Follow-up actions" role="group">
      {list.map((a) => (
        <div class={`action${a.done ? ' done' : ''}`} data-testid="action">
          <input
            type="checkbox"
            aria-label={`Done: ${a.title}`}
            checked={a.done}
            onChange={(e) =>
              void commit(list.map((x) => (x.id === a.id ? { ...x, done: e.currentTarget.checked } : x)))
            }
          />
          <input
            aria-label="Action"
            value={a.title}
            onInput={(e) => edit(a.id, { title: e.currentTarget.value })}
            onBlur={() => void commit(list)}
          />
          <input
            aria-label="Owner"
            placeholder="owner"
            value={a.owner}
            onInput={(e) => edit(a.id, { owner: e.currentTarget.value })}
            onBlur={() => void commit(list)}
          />
          <input
            aria-label="Due"
            type="date"
            value={a.due ?? ''}
            onChange={(e) =>
              void commit(list.map((x) => (x.id === a.id ? { ...x, due: e.currentTarget.value || null } : x)))
            }
          />
          {!readOnly && (
            <button
              type="button"
              aria-label={`Remove action ${a.title}`}
              onClick={() => void commit(list.filter((x) => x.id !== a.id))}
            >
              ✕
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          onClick={() => setList([...list, { id: newId(), title: 'New action', owner: '', due: null, done: false }])}
        >
          + Add action
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
