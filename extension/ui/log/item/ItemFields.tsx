import { useSynced } from '../../use-synced';
import {
  type Client,
  type Contract,
  type Item,
  ItemKind,
  KIND_LABEL,
  ItemStatus,
  type Meeting,
  Recurrence,
  RECURRENCE_LABEL,
  SECTION_LABEL,
  SECTIONS,
  STATUS_LABEL,
  type Vendor,
} from '../../../../shared/domain';
import type { ItemPatch } from '../../../store/items';
import { formatMeeting } from '../../format';
import { parseMoney } from '../../money';

interface Props {
  item: Item;
  client: Client;
  meetings: Meeting[];
  vendors: Vendor[];
  contracts: Contract[];
  edit: (patch: ItemPatch) => Promise<void>;
  fail: (message: string) => void;
}

/** The item's own fields, each saved as soon as it changes (text fields when they lose focus). */
export function ItemFields({ item, client, meetings, vendors, contracts, edit, fail }: Props) {
  // Each text field follows its stored value, and only its own: saving one field must not reset another being typed.
  const [title, setTitle] = useSynced(item.title);
  const [amount, setAmount] = useSynced(item.amount ? String(item.amount.value) : '');
  const [currency, setCurrency] = useSynced(item.amount?.currency ?? '');
  const [fee, setFee] = useSynced(item.oneTimeAmount ? String(item.oneTimeAmount.value) : '');
  const [feeCurrency, setFeeCurrency] = useSynced(item.oneTimeAmount?.currency ?? '');
  const [tags, setTags] = useSynced(item.tags.join(', '));
  const [notes, setNotes] = useSynced(item.notes);
  const editAmount = (recurrence: Recurrence = item.amount?.recurrence ?? 'one-time') => {
    try {
      void edit({ amount: parseMoney(amount, currency, recurrence) });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };
  // The one-time fee (setup, onboarding) that comes with a recurring amount; empty means none. Its currency box
  // may stay empty: the amount's currency is used, as a bare figure in the amount takes the currency box's.
  const editFee = () => {
    try {
      void edit({ oneTimeAmount: parseMoney(fee, feeCurrency || currency, 'one-time') });
    } catch (e) {
      fail(`One-time fee: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // Only beside a recurring amount (a one-time amount needs no second one-time field), or when one is already set.
  const showFee = !!item.oneTimeAmount || (!!item.amount && item.amount.recurrence !== 'one-time');
  const select = <K extends 'status' | 'section' | 'kind'>(
    key: K,
    label: string,
    options: readonly string[],
    labels?: Record<string, string>,
  ) => (
    <label>
      {label}
      <select name={key} value={item[key]} onChange={(e) => void edit({ [key]: e.currentTarget.value } as ItemPatch)}>
        {options.map((o) => (
          <option value={o}>{labels?.[o] ?? o}</option>
        ))}
      </select>
    </label>
  );

  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Item" class="grid">
      <label class="wide">
        Title
        <input
          name="title"
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
          onBlur={() => title !== item.title && void edit({ title })}
        />
      </label>
      {select('status', 'Status', ItemStatus.options, STATUS_LABEL)}
      <label>
        Meeting
        <select
          name="meeting"
          value={item.meetingId ?? ''}
          onChange={(e) => void edit({ meetingId: e.currentTarget.value || null })}
        >
          {meetings.map((m) => (
            <option value={m.id}>
              {formatMeeting(m.startsAt, client.timeZone)} ({m.status})
            </option>
          ))}
          <option value="">No meeting</option>
        </select>
      </label>
      {select('section', 'Section', SECTIONS, SECTION_LABEL)}
      {select('kind', 'Kind', ItemKind.options, KIND_LABEL)}
      <label>
        Vendor
        <select
          name="vendor"
          value={item.vendorId ?? ''}
          onChange={(e) => void edit({ vendorId: e.currentTarget.value || null })}
        >
          <option value="">None</option>
          {vendors.map((v) => (
            <option value={v.id}>{v.name}</option>
          ))}
        </select>
      </label>
      <label>
        Contract
        <select
          name="contract"
          value={item.contractId ?? ''}
          onChange={(e) => void edit({ contractId: e.currentTarget.value || null })}
        >
          <option value="">None</option>
          {contracts.map((c) => (
            <option value={c.id}>{c.title}</option>
          ))}
        </select>
      </label>
      <label>
        Decide by
        <input
          name="decideBy"
          type="date"
          value={item.decideBy ?? ''}
          onChange={(e) => void edit({ decideBy: e.currentTarget.value || null })}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="urgent"
          checked={item.urgent}
          onChange={(e) => void edit({ urgent: e.currentTarget.checked })}
        />
        Urgent: before the meeting
      </label>
      <div class="row wide">
        <label>
          Amount
          <input
            name="amount"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
            onBlur={() => editAmount()}
          />
        </label>
        <label>
          Currency
          <input
            name="currency"
            value={currency}
            onInput={(e) => setCurrency(e.currentTarget.value)}
            onBlur={() => amount && editAmount()}
          />
        </label>
        <label>
          Per
          <select
            name="recurrence"
            value={item.amount?.recurrence ?? 'one-time'}
            onChange={(e) => editAmount(e.currentTarget.value as Recurrence)}
          >
            {Recurrence.options.map((r) => (
              <option value={r}>{RECURRENCE_LABEL[r]}</option>
            ))}
          </select>
        </label>
      </div>
      {showFee && (
        <div class="row wide">
          <label>
            One-time fee
            <input
              name="oneTimeAmount"
              value={fee}
              placeholder="none"
              onInput={(e) => setFee(e.currentTarget.value)}
              onBlur={() => editFee()}
            />
          </label>
          <label>
            Fee currency
            <input
              name="oneTimeCurrency"
              value={feeCurrency}
              placeholder={currency}
              onInput={(e) => setFeeCurrency(e.currentTarget.value)}
              onBlur={() => fee && editFee()}
            />
          </label>
        </div>
      )}
      <label class="wide">
        Tags
        <input
          name="tags"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
          onBlur={() =>
            void edit({
              tags: [
                ...new Set(
                  tags
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean),
                ),
              ],
            })
          }
        />
      </label>
      <label class="wide">
        Notes
        <textarea
          name="notes"
          rows={3}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => notes !== item.notes && void edit({ notes })}
        />
      </label>
    </form>
  );
}
