import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DocketDB } from '../../store/db';
import { lastClientId, myName } from '../../store/me';
import { useLive } from '../use-live';
import { ClientNav } from './ClientNav';
import { DroppedFile, useFileDrop } from './DroppedFiles';
import { ItemDetail } from './ItemDetail';
import { ItemList } from './ItemList';

const itemFromHash = () => new URLSearchParams(location.hash.slice(1)).get('item');

/** The decision log: clients on the left, a client's meetings and items in the middle, one item on the right. */
export function LogApp({ db }: { db: DocketDB }) {
  const [clientId, setClientId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(itemFromHash());
  const [toast, setToast] = useState('');
  const clients = useLive(() => db.clients.orderBy('name').toArray(), []);
  const me = useLive(() => myName(db), []);
  const meetings =
    useLive(
      () => (clientId ? db.meetings.where('clientId').equals(clientId).toArray() : Promise.resolve([])),
      [clientId],
    ) ?? [];
  const items =
    useLive(
      () => (clientId ? db.items.where('clientId').equals(clientId).toArray() : Promise.resolve([])),
      [clientId],
    ) ?? [];
  const vendors =
    useLive(
      () => (clientId ? db.vendors.where('clientId').equals(clientId).sortBy('name') : Promise.resolve([])),
      [clientId],
    ) ?? [];
  const item = useLive(() => (itemId ? db.items.get(itemId) : Promise.resolve(undefined)), [itemId]);
  const say = useCallback((text: string) => {
    setToast(text);
    if (text) setTimeout(() => setToast(''), 4000);
  }, []);
  const drop = useFileDrop(say);

  useEffect(() => {
    if (clientId || !clients?.length) return;
    (async () => {
      const fromItem = itemId ? (await db.items.get(itemId))?.clientId : null;
      const last = await lastClientId(db);
      setClientId(fromItem ?? clients.find((c) => c.id === last)?.id ?? clients[0]!.id);
    })();
  }, [clients, clientId, itemId, db]);
  useEffect(() => {
    const onHash = () => setItemId(itemFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const pick = (id: string) => {
    location.hash = `item=${id}`;
    setItemId(id);
  };

  const client = clients?.find((c) => c.id === clientId);
  if (!clients || me === undefined) return <p class="empty">Opening the log…</p>;
  return (
    <div class="log">
      <ClientNav
        db={db}
        clients={clients}
        current={clientId}
        me={me}
        onPick={(id) => {
          setClientId(id);
          setItemId(null);
        }}
      />
      <main class="list" aria-label="Decision log">
        <div class="toolbar">
          <h2>{client?.name ?? 'No client yet'}</h2>
          <label class="button">
            <input
              type="file"
              multiple
              accept=".eml,.html,.htm,.pdf"
              hidden
              onChange={(e) => drop.add([...(e.currentTarget.files ?? [])])}
            />
            <span class="link">Add .eml / .html / .pdf…</span>
          </label>
        </div>
        {client ? (
          <ItemList
            client={client}
            meetings={meetings}
            items={items}
            vendors={vendors}
            selected={itemId}
            onPick={pick}
            now={new Date()}
          />
        ) : (
          <p class="empty">
            Add your first client on the left, then clip a vendor page or e-mail with the Docket button.
          </p>
        )}
      </main>
      <aside class="detail" aria-label="Item">
        {item && client && item.clientId === client.id ? (
          <ItemDetail db={db} item={item} client={client} meetings={meetings} vendors={vendors} />
        ) : (
          <p class="empty">
            Choose an item to see its fields, evidence and history. Drop .eml, .html or .pdf files anywhere to clip
            them.
          </p>
        )}
      </aside>
      {drop.dragging && <div class="dropzone">Drop to clip into Docket</div>}
      {drop.queue[0] && (
        <DroppedFile
          key={`${drop.queue[0].name}-${drop.queue.length}`}
          db={db}
          file={drop.queue[0]}
          onDone={(message) => {
            drop.next();
            if (message) say(message);
          }}
        />
      )}
      {toast && (
        <div class="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
