import { useState } from 'preact/hooks';

/** A capture as the contract screens show it: enough to pick it and to open its item. */
export interface CaptureRef {
  id: string;
  itemId: string;
  title: string;
  at: string;
}

/** Where a document link goes: the log, opened at the item the capture is filed under. */
export const itemHref = (c: CaptureRef) => `log.html#item=${encodeURIComponent(c.itemId)}`;

/** The client's captures as a checkbox list, newest first, with a filter once there are many. */
export function DocumentPicker(props: { captures: CaptureRef[]; value: string[]; onChange: (ids: string[]) => void }) {
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const shown = props.captures.filter((c) => !q || props.value.includes(c.id) || c.title.toLowerCase().includes(q));
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((v) => v !== id));

  return (
    <fieldset class="documents">
      <legend>Documents ({props.value.length} linked)</legend>
      {props.captures.length === 0 && (
        <p class="muted">No capture in this client’s log yet: clip the signed contract or quote first.</p>
      )}
      {props.captures.length > 6 && (
        <label>
          Filter documents
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
      )}
      <ul>
        {shown.map((c) => (
          <li key={c.id}>
            <label class="check">
              <input
                type="checkbox"
                name="captureIds"
                value={c.id}
                checked={props.value.includes(c.id)}
                onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              />
              {c.title || 'Untitled capture'} <span class="muted">· {c.at.slice(0, 10)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
