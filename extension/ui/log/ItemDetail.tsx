import { useEffect, useState } from 'preact/hooks';
import {
  type Client,
  type Item,
  ItemKind,
  ItemStatus,
  type Meeting,
  Recurrence,
  SECTION_LABEL,
  SECTIONS,
  STATUS_LABEL,
  type Vendor,
} from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { itemHistory } from '../../store/history';
import { type ItemPatch, updateItem } from '../../store/items';
import { actorNow } from '../../store/me';
import { formatInstant, formatMeeting, formatValue } from '../format';
import { useLive } from '../use-live';
import { CaptureView } from './CaptureView';

interface Props {
  db: DocketDB;
  item: Item;
  client: Client;
  meetings: Meeting[];
  vendors: Vendor[];
}

/** One item: every field editable, its evidence readable, its history visible. */
export function ItemDetail({ db, item, client, meetings, vendors }: Props) {
  const [error, setError] = useState('');
  const [title, setTitle] = useState(item.title);
  const [amount, setAmount] = useState(item.amount ? String(item.amount.value) : '');
  const [currency, setCurrency] = useState(item.amount?.currency ?? '');
  const [tags, setTags] = useState(item.tags.join(', '));
  useEffect(() => {
    setTitle(item.title);
    setAmount(item.amount ? String(item.amount.value) : '');
    setCurrency(item.amount?.currency ?? '');
    setTags(item.tags.join(', '));
    setError('');
  }, [item.id, item.updatedAt]);
  const captures = useLive(() => db.captures.where('itemId').equals(item.id).sortBy('capturedAt'), [item.id]) ?? [];
  const history = useLive(() => itemHistory(db, item.id), [item.id]) ?? [];

  async function edit(patch: ItemPatch) {
    try {
      setError('');
      await updateItem(db, await actorNow(db), item.id, patch);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  function editAmount(recurrence = item.amount?.recurrence ?? 'one-time') {
    if (!amount.trim()) return void edit({ amount: null });
    const value = Number(amount.replace(/[\s,]/g, ''));
    if (!Number.isFinite(value)) return setError('The amount must be a number, such as 4500.');
    if (!/^[A-Za-z]{3}$/.test(currency.trim()))
      return setError('An amount needs a currency code, such as USD, CAD or EUR.');
    void edit({ amount: { value, currency: currency.trim().toUpperCase(), recurrence } });
  }

  return (
    <div data-testid="item-detail">
      <h2>{item.title}</h2>
      <form onSubmit={(e) => e.preventDefault()} aria-label="Item">
        <label class="wide">
          Title
          <input
            name="title"
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
            onBlur={() => title !== item.title && void edit({ title })}
          />
        </label>
        <label>
          Status
          <select
            name="status"
            value={item.status}
            onChange={(e) => void edit({ status: e.currentTarget.value as Item['status'] })}
          >
            {ItemStatus.options.map((s) => (
              <option value={s}>{STATUS_LABEL[s]}</option>
            ))}
          </select>
        </label>
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
        <label>
          Section
          <select
            name="section"
            value={item.section}
            onChange={(e) => void edit({ section: e.currentTarget.value as Item['section'] })}
          >
            {SECTIONS.map((s) => (
              <option value={s}>{SECTION_LABEL[s]}</option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select
            name="kind"
            value={item.kind}
            onChange={(e) => void edit({ kind: e.currentTarget.value as Item['kind'] })}
          >
            {ItemKind.options.map((k) => (
              <option value={k}>{k}</option>
            ))}
          </select>
        </label>
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
          Decide by
          <input
            name="decideBy"
            type="date"
            value={item.decideBy ?? ''}
            onChange={(e) => void edit({ decideBy: e.currentTarget.value || null })}
          />
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
                <option value={r}>{r}</option>
              ))}
            </select>
          </label>
        </div>
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
        <label class="check wide">
          <input
            type="checkbox"
            name="urgent"
            checked={item.urgent}
            onChange={(e) => void edit({ urgent: e.currentTarget.checked })}
          />
          Urgent: handle before the meeting
        </label>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h3>Evidence ({captures.length})</h3>
      {captures.map((c) => (
        <CaptureView capture={c} />
      ))}
      <h3>History</h3>
      <ol class="history" data-testid="history">
        {history.map((h) => (
          <li>
            <span class="who">{h.by}</span>{' '}
            {h.action === 'create' ? `created this ${h.entity}` : `changed ${h.changes.map((c) => c.field).join(', ')}`}{' '}
            · {formatInstant(h.at)}
            {h.action === 'update' &&
              h.changes.map((c) => (
                <div class="muted">
                  {c.field}: {formatValue(c.from)} → {formatValue(c.to)}
                </div>
              ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
