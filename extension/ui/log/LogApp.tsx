import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DocketDB } from '../../store/db';
import { lastClientId, myName } from '../../store/me';
import { useLogKeys } from '../keys';
import { logSearch } from '../../search/client';
import { accessOf } from '../../sync/access';
import { useSyncTriggers } from '../sync/use-sync';
import { useConnection } from '../use-access';
import { useLive } from '../use-live';
import { DroppedFile, useFileDrop } from './DroppedFiles';
import { ItemPanel } from './ItemPanel';
import { ViewBoundary } from './ViewBoundary';
import { Nav } from './Nav';
import { formatRoute, parseRoute, type Route } from './route';
import { ViewSwitch } from './ViewSwitch';

/** The governance workspace: clients and views on the left, a view in the middle, one item on the right. */
export function LogApp({ db }: { db: DocketDB }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [toast, setToast] = useState('');
  const search = useRef<HTMLInputElement | null>(null);
  const clients = useLive(() => db.clients.orderBy('name').toArray(), []);
  const me = useLive(() => myName(db), []);
  // Whether each client's log may be changed here: read before anything is drawn.
  const connection = useConnection(db);
  const inboxCount =
    useLive(
      // The [clientId+status] index: a count of index entries, no item read.
      () => (route.client ? db.items.where({ clientId: route.client, status: 'inbox' }).count() : Promise.resolve(0)),
      [route.client],
    ) ?? 0;
  const say = useCallback((text: string) => {
    setToast(text);
    if (text) setTimeout(() => setToast(''), 4000);
  }, []);
  const drop = useFileDrop(say);
  useLogKeys(useCallback(() => search.current, []));
  useSyncTriggers(db);

  const go = useCallback((patch: Partial<Route>) => {
    setRoute((r) => {
      const next = { ...r, ...patch };
      history.replaceState(null, '', formatRoute(next));
      return next;
    });
  }, []);
  // Once the log is on screen and the page idle, the search worker loads the saved index (or starts building it), so
  // the first search finds it ready; it runs off the page's main thread.
  const shown = !!clients;
  useEffect(() => {
    if (!shown) return;
    const later = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    later(() => logSearch(db).warm(), { timeout: 1_000 });
  }, [db, shown]);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Land on a client: the item's (from a link), else the last one used, else the first.
  useEffect(() => {
    if (route.client || !clients?.length) return;
    void (async () => {
      const fromItem = route.item ? (await db.items.get(route.item))?.clientId : null;
      const last = await lastClientId(db);
      go({
        client: fromItem ?? clients.find((c) => c.id === last)?.id ?? clients[0]!.id,
        view: route.item ? 'log' : route.view,
      });
    })();
  }, [clients, route.client, route.item, route.view, db, go]);

  if (!clients || me === undefined || connection === undefined) return <p class="empty">Opening the log…</p>;
  const client = clients.find((c) => c.id === route.client) ?? null;
  return (
    <div class={`log${route.item ? ' has-item' : ''}`}>
      <Nav
        db={db}
        clients={clients}
        route={route}
        me={me}
        connection={connection}
        inboxCount={inboxCount}
        go={go}
        searchRef={(el) => (search.current = el)}
      />
      <main aria-label="Workspace" class="list">
        <ViewSwitch
          db={db}
          client={client}
          clients={clients}
          route={route}
          go={go}
          say={say}
          onFiles={drop.add}
          access={client ? accessOf(connection, client.id) : 'local'}
        />
      </main>
      <aside class="detail" aria-label="Item">
        {route.item ? (
          <ViewBoundary key={route.item} what="this item">
            <ItemPanel db={db} itemId={route.item} close={() => go({ item: null })} />
          </ViewBoundary>
        ) : (
          <p class="empty">
            Choose an item to see its fields, decision, evidence and history. Drop .eml, .html or .pdf files anywhere to
            clip them.
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
