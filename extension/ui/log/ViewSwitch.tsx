import { type Client, isTimeZone } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { type Access, isViewOnly } from '../../sync/access';
import { useAccess } from '../use-access';
import { ViewOnlyMark } from '../ViewOnly';
import { ConnectForm } from '../sync/ConnectForm';
import { AgendaView } from '../workspace/AgendaView';
import { BudgetView } from '../workspace/BudgetView';
import { ClientSettings, NewClient } from '../workspace/ClientSettings';
import { DecisionsView } from '../workspace/DecisionsView';
import { InboxView } from '../workspace/InboxView';
import { SearchView } from '../workspace/SearchView';
import { VendorsView } from '../workspace/VendorsView';
import { LogView } from './LogView';
import { CLIENT_VIEWS, type Route, VIEW_LABEL } from './route';
import { ViewBoundary } from './ViewBoundary';

export interface ViewProps {
  db: DocketDB;
  client: Client;
  route: Route;
  go: (patch: Partial<Route>) => void;
  say: (text: string) => void;
  /** The client's log may be read but not changed here (a viewer, or access lost): no edit controls. */
  readOnly?: boolean;
}

type SwitchProps = Omit<ViewProps, 'client'> & {
  client: Client | null;
  clients: Client[];
  onFiles: (files: File[]) => void;
  /** What this account may do with the client's log, as the page has read it; without it, read here. */
  access?: Access;
};

/** The main pane: the route's view, each behind a boundary so bad stored data costs that view, not the page. */
export function ViewSwitch(props: SwitchProps) {
  const { client, route } = props;
  // The log page reads it before drawing anything (no edit control shown, then taken back); drawn on its own, the
  // view reads it and, until then, shows the log as it would a local one.
  const read = useAccess(props.db, client?.id);
  const access = props.access ?? read ?? 'local';
  const what = route.view === 'log' ? 'all items' : VIEW_LABEL[route.view].toLowerCase();
  // Keyed on what is shown: a fixed client (new updatedAt) or another view draws afresh.
  const key = `${route.view}|${client?.id}|${client?.updatedAt}`;
  // One of the client's own views (not its settings, not search or the new-client form, which read no client).
  const ofClient = client && props.clients.length > 0 && CLIENT_VIEWS.includes(route.view) && route.view !== 'settings';
  const openSettings = ofClient ? () => props.go({ view: 'settings', item: null }) : undefined;
  // Every date of a client's views is read in its zone: a zone stored before zones were checked (an old import, a
  // teammate's older version) is named as the problem up front, with the way to fix it, rather than thrown mid-view.
  const problem =
    client && openSettings && !isTimeZone(client.timeZone)
      ? `${client.name}’s time zone, "${client.timeZone}", is not one Docket knows: choose one such as America/Halifax in the client settings.`
      : undefined;
  return (
    <ViewBoundary key={key} what={`the ${what}`} openSettings={openSettings} problem={problem}>
      {client && props.clients.length > 0 && CLIENT_VIEWS.includes(route.view) && (
        <ViewOnlyMark db={props.db} access={access} client={client} />
      )}
      <View {...props} readOnly={isViewOnly(access)} />
    </ViewBoundary>
  );
}

function View(props: SwitchProps & { readOnly: boolean }) {
  const { client, route } = props;
  if (route.view === 'search') return <SearchView db={props.db} clients={props.clients} route={route} go={props.go} />;
  if (route.view === 'new-client' || !props.clients.length)
    return (
      <>
        <NewClient db={props.db} first={!props.clients.length} go={props.go} say={props.say} />
        {!props.clients.length && (
          <section class="team-sync" aria-label="Join a team">
            <h3>Joining a team?</h3>
            <p class="muted small">Connect with the invite code you were sent: the shared clients appear here.</p>
            <ConnectForm db={props.db} say={props.say} />
          </section>
        )}
      </>
    );
  // Clients exist but none is chosen yet: the log page picks one in a moment.
  if (!client) return null;
  const p: ViewProps = { db: props.db, client, route, go: props.go, say: props.say, readOnly: props.readOnly };
  switch (route.view) {
    case 'inbox':
      return <InboxView {...p} />;
    case 'log':
      return <LogView {...p} onFiles={props.onFiles} />;
    case 'decisions':
      return <DecisionsView {...p} />;
    case 'vendors':
      return <VendorsView db={props.db} client={client} now={new Date()} readOnly={props.readOnly} />;
    case 'budget':
      return <BudgetView {...p} />;
    case 'settings':
      return <ClientSettings {...p} />;
    default:
      return <AgendaView {...p} />;
  }
}
