import { useState } from 'preact/hooks';
import type { Client, Contract, Item, Meeting, Vendor } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { itemHistory } from '../../store/history';
import { type ItemPatch, updateItem } from '../../store/items';
import { actorNow } from '../../store/me';
import { type Access, isViewOnly } from '../../sync/access';
import { byMember, memberNames } from '../../sync/members-directory';
import { formatMeeting } from '../format';
import { useLive } from '../use-live';
import { Locked, ViewOnlyMark } from '../ViewOnly';
import { CaptureView } from './CaptureView';
import { HistoryMinutes } from './item/HistoryMinutes';
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
  /** What this account may do with the client's log; a view-only one shows the item without edit controls. */
  access?: Access;
}

/** One item: its fields, its decision record and follow-ups, its evidence readable, its history visible. */
export function ItemDetail({ db, item, client, meetings, vendors, contracts, access = 'local' }: Props) {
  const readOnly = isViewOnly(access);
  const [error, setError] = useState('');
  const captures = useLive(() => db.captures.where('itemId').equals(item.id).sortBy('capturedAt'), [item.id]) ?? [];
  // Members by their current name (found by account), so a rename does not rewrite history.
  const history = useLive(async () => byMember(await itemHistory(db, item.id), await memberNames(db)), [item.id]) ?? [];
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

  // The sealed meeting that holds a sealed version of this item (the first, if a later meeting sealed it again).
  const sealedIn = meetings.find((m) => m.seal?.versions.some((v) => v.table === 'items' && v.id === item.id));

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
      <ViewOnlyMark db={db} access={access} client={client} />
      <div class="toolbar">
        <h2>{item.title}</h2>
        <button type="button" onClick={() => window.open(`/print.html#brief=${encodeURIComponent(item.id)}`)}>
          Decision brief
        </button>
      </div>
      {item.slips.length > 0 && <p class="notice">{item.slips.map((s) => s.note).join(' · ')}</p>}
      {sealedIn && (
        <p class="notice" data-testid="sealed-notice">
          Sealed with the meeting of {formatMeeting(sealedIn.startsAt, client.timeZone)}. Changes made now are
          amendments: the meeting keeps the sealed version and lists each change, with who made it and when.
        </p>
      )}
      <Locked locked={readOnly}>
        <ItemFields
          item={item}
          client={client}
          meetings={meetings}
          vendors={vendors}
          contracts={contracts}
          edit={edit}
          fail={setError}
        />
      </Locked>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h3>Decision</h3>
      {readOnly && !item.decision ? (
        <p class="muted">No decision recorded.</p>
      ) : (
        <Locked locked={readOnly}>
          <DecisionEditor item={item} others={others} save={(decision) => save({ decision })} readOnly={readOnly} />
        </Locked>
      )}
      <h3>Follow-up actions</h3>
      {readOnly && !item.actions.length ? (
        <p class="muted">No follow-up action.</p>
      ) : (
        <Locked locked={readOnly}>
          <ActionsEditor actions={item.actions} save={(actions) => save({ actions })} readOnly={readOnly} />
        </Locked>
      )}
      <h3>Evidence ({captures.length})</h3>
      {captures.map((c) => (
        <CaptureView db={db} capture={c} siblings={captures} />
      ))}
      <h3>History</h3>
      <HistoryMinutes
        entries={history}
        names={{
          meeting: (id) => {
            const m = meetings.find((x) => x.id === id);
            return m ? formatMeeting(m.startsAt, client.timeZone) : null;
          },
          vendor: (id) => vendors.find((v) => v.id === id)?.name ?? null,
        }}
      />
    </div>
  );
}
