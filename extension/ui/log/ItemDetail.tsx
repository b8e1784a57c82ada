import { useState } from 'preact/hooks';
import type { Client, Contract, Item, Meeting, Vendor } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { itemHistory } from '../../store/history';
import { type ItemPatch, updateItem } from '../../store/items';
import { actorNow } from '../../store/me';
import { formatInstant, formatValue } from '../format';
import { useLive } from '../use-live';
import { CaptureView } from './CaptureView';
import { ActionsEditor } from './item/ActionsEditor';
import { DecisionEditor } from './item/DecisionEditor';
import { ItemFields } from './item/ItemFields';

interface Props {
  db: DocketDB;
  item: Item;
  client: Client;
  meetings: Meeting[];
  vendors: Vendor[];
  contracts: Contract[];
}

/** One item: its fields, its decision record and follow-ups, its evidence readable, its history visible. */
export function ItemDetail({ db, item, client, meetings, vendors, contracts }: Props) {
  const [error, setError] = useState('');
  const captures = useLive(() => db.captures.where('itemId').equals(item.id).sortBy('capturedAt'), [item.id]) ?? [];
  const history = useLive(() => itemHistory(db, item.id), [item.id]) ?? [];
  const others =
    useLive(
      () =>
        db.items
          .where('clientId')
          .equals(item.clientId)
          .filter((i) => i.id !== item.id)
          .toArray(),
      [item.id],
    ) ?? [];

  async function edit(patch: ItemPatch) {
    try {
      setError('');
      await updateItem(db, await actorNow(db), item.id, patch);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  // Decision and actions editors show their own errors: throw, don't swallow.
  const save = async (patch: ItemPatch) => void (await updateItem(db, await actorNow(db), item.id, patch));

  return (
    <div data-testid="item-detail">
      <div class="toolbar">
        <h2>{item.title}</h2>
        <button type="button" onClick={() => window.open(`/print.html#brief=${encodeURIComponent(item.id)}`)}>
          Decision brief
        </button>
      </div>
      {item.slips.length > 0 && <p class="notice">{item.slips.map((s) => s.note).join(' · ')}</p>}
      <ItemFields
        item={item}
        client={client}
        meetings={meetings}
        vendors={vendors}
        contracts={contracts}
        edit={edit}
        fail={setError}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h3>Decision</h3>
      <DecisionEditor item={item} others={others} save={(decision) => save({ decision })} />
      <h3>Follow-up actions</h3>
      <ActionsEditor actions={item.actions} save={(actions) => save({ actions })} />
      <h3>Evidence ({captures.length})</h3>
      {captures.map((c) => (
        <CaptureView capture={c} />
      ))}
      <h3>History</h3>
      <ol class="history" data-testid="history">
        {history.map((h) =>
          h.conflict ? (
            <li class="conflict" data-testid="conflict">
              <span class="badge urgent">Conflict</span> {h.changes.map((c) => c.field).join(', ')} was edited in two
              places at once · {formatInstant(h.at)}
              {h.changes.map((c) => (
                <div>
                  kept <strong>{formatValue(c.to)}</strong> ({h.by}); the other value,{' '}
                  <strong>{formatValue(c.from)}</strong>, is kept here
                </div>
              ))}
            </li>
          ) : (
            <li>
              <span class="who">{h.by}</span>{' '}
              {h.action === 'create'
                ? `created this ${h.entity}`
                : h.action === 'delete'
                  ? `removed a ${h.entity}`
                  : `changed ${h.changes.map((c) => c.field).join(', ')}`}{' '}
              · {formatInstant(h.at)}
              {h.action !== 'create' &&
                h.changes.map((c) => (
                  <div class="muted">
                    {c.field}: {formatValue(c.from)} → {formatValue(c.to)}
                  </div>
                ))}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
