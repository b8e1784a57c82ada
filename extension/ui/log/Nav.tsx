import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { setMyName } from '../../store/me';
import { accessOf, isViewOnly, viewOnlyMark } from '../../sync/access';
import type { Connection } from '../../sync/connection-store';
import { SyncBadge } from '../sync/SyncBadge';
import { CLIENT_VIEWS, type Route, VIEW_LABEL } from './route';

interface Props {
  db: DocketDB;
  clients: Client[];
  route: Route;
  me: string;
  /** The sync connection: which clients' logs are view-only here. */
  connection: Connection | null;
  inboxCount: number;
  go: (patch: Partial<Route>) => void;
  searchRef: (el: HTMLInputElement | null) => void;
}

/**
 * Clients and, for the chosen one, its views; the search box on top (`/` focuses it). A new client is added in the
 * main pane, where its form has room; the button hides while that form is open.
 */
export function Nav({ db, clients, route, me, connection, inboxCount, go, searchRef }: Props) {
  const [name, setName] = useState(me);
  useEffect(() => setName(me), [me]); // set elsewhere too (signing in): never write a stale name back on blur
  return (
    <nav aria-label="Clients">
      <h1>
        Docket <SyncBadge db={db} />
      </h1>
      <input
        ref={searchRef}
        type="search"
        name="search"
        placeholder="Search  ( / )"
        aria-label="Search the log"
        value={route.q}
        onInput={(e) => go({ view: 'search', q: e.currentTarget.value, item: null })}
      />
      <ul class="clients">
        {clients.map((c) => (
          <li>
            <button
              type="button"
              aria-current={c.id === route.client}
              onClick={() =>
                go({
                  client: c.id,
                  view: CLIENT_VIEWS.includes(route.view) ? route.view : 'agenda',
                  meeting: null,
                  item: null,
                })
              }
            >
              {c.name}
              {isViewOnly(accessOf(connection, c.id)) && (
                // Out of the button's name (it stays the client's name); the view's own mark says it in words.
                <span class="badge" aria-hidden="true" title={viewOnlyMark(accessOf(connection, c.id), c.name)!}>
                  view only
                </span>
              )}
            </button>
            {c.id === route.client && (
              <ul class="views">
                {CLIENT_VIEWS.map((v) => (
                  <li>
                    <button type="button" aria-current={route.view === v} onClick={() => go({ view: v, item: null })}>
                      {VIEW_LABEL[v]}
                      {v === 'inbox' && inboxCount > 0 && <span class="count">{inboxCount}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {route.view !== 'new-client' && (
        <button type="button" class="new-client" onClick={() => go({ view: 'new-client', item: null, meeting: null })}>
          + New client
        </button>
      )}
      {connection ? (
        // Signed in, history names people by their account: the name is the one the team sees on the server.
        <p class="me muted small" data-testid="signed-in-as">
          Shown in history as <strong>{connection.user.name}</strong>
        </p>
      ) : (
        <label class="me">
          Your name (shown in history)
          <input
            name="my-name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            onBlur={() => void setMyName(db, name)}
          />
        </label>
      )}
    </nav>
  );
}
