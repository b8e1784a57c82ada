import { useLive } from '../use-live';
import { ItemList } from './ItemList';
import type { ViewProps } from './ViewSwitch';

/** Every item of the client, by meeting: the overview the capture form links to. */
export function LogView({
  db,
  client,
  route,
  go,
  onFiles,
  readOnly = false,
}: ViewProps & { onFiles: (files: File[]) => void }) {
  const data = useLive(
    async () => ({
      meetings: await db.meetings.where('clientId').equals(client.id).toArray(),
      items: await db.items.where('clientId').equals(client.id).toArray(),
      vendors: await db.vendors.where('clientId').equals(client.id).toArray(),
    }),
    [client.id],
  );
  return (
    <>
      <div class="toolbar">
        <h2>{client.name}: all items</h2>
        {!readOnly && (
          <label class="button">
            <input
              type="file"
              multiple
              accept=".eml,.html,.htm,.pdf"
              hidden
              onChange={(e) => onFiles([...(e.currentTarget.files ?? [])])}
            />
            <span class="link">Add .eml / .html / .pdf…</span>
          </label>
        )}
      </div>
      {data && (
        <ItemList client={client} {...data} selected={route.item} onPick={(id) => go({ item: id })} now={new Date()} />
      )}
    </>
  );
}
