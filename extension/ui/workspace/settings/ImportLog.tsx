import { useState } from 'preact/hooks';
import { parseClientLog, planImport } from '../../../../shared/export';
import { applyImport, readClientLog } from '../../../store/client-log';
import type { DocketDB } from '../../../store/db';
import { accessOf, isViewOnly, viewOnlyMessage } from '../../../sync/access';
import { getConnection } from '../../../sync/connection-store';

type Plan = ReturnType<typeof planImport>;
type State = { errors: string[] } | { name: string; plan: Plan } | null;

/** Reads a client log, checks all of it, and reports conflicts instead of overwriting anything. */
export function ImportLog({ db, say }: { db: DocketDB; say: (text: string) => void }) {
  const [state, setState] = useState<State>(null);

  async function read(file: File) {
    const parsed = parseClientLog(await file.text());
    if (!parsed.ok) return setState({ errors: parsed.errors });
    const exists = await db.clients.get(parsed.log.client.id);
    // A client whose shared log this account may only view takes no import (the store would refuse it too).
    if (isViewOnly(accessOf(await getConnection(db), parsed.log.client.id)))
      return setState({ errors: [viewOnlyMessage(exists?.name ?? parsed.log.client.name)] });
    const existing = exists ? await readClientLog(db, exists.id) : null;
    setState({ name: parsed.log.client.name, plan: planImport(parsed.log, existing) });
  }
  async function apply(plan: Plan) {
    try {
      const added = await applyImport(db, plan.add);
      setState(null);
      say(
        `Imported ${added} record(s).${plan.conflicts.length ? ` ${plan.conflicts.length} conflict(s) left as they were.` : ''}`,
      );
    } catch (e) {
      say(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const count = (plan: Plan) => plan.add.length;

  return (
    <div class="import" data-testid="import">
      <label>
        Import a client log (.json)
        <input
          type="file"
          name="import"
          accept=".json,application/json"
          onChange={(e) => e.currentTarget.files?.[0] && void read(e.currentTarget.files[0])}
        />
      </label>
      {state && 'errors' in state && (
        <div class="error" role="alert">
          <p>This file cannot be imported; nothing was changed.</p>
          <ul>
            {state.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {state && 'plan' in state && (
        <div class="notice" role="status">
          <p>
            {state.name}: {count(state.plan)} new record(s), {state.plan.identical} already here.
          </p>
          {state.plan.conflicts.length > 0 && (
            <>
              <p>{state.plan.conflicts.length} record(s) differ from yours and will NOT be overwritten:</p>
              <ul>
                {state.plan.conflicts.map((c) => (
                  <li>
                    {c.table} “{c.title}”: {c.fields.join(', ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            class="primary"
            disabled={count(state.plan) === 0}
            onClick={() => void apply(state.plan)}
          >
            Import {count(state.plan)} new record(s)
          </button>{' '}
          <button type="button" onClick={() => setState(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
