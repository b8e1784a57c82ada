import type { Client } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { AgendaView } from '../workspace/AgendaView';
import { BudgetView } from '../workspace/BudgetView';
import { ClientSettings } from '../workspace/ClientSettings';
import { DecisionsView } from '../workspace/DecisionsView';
import { InboxView } from '../workspace/InboxView';
import { SearchView } from '../workspace/SearchView';
import { VendorsView } from '../workspace/VendorsView';
import { LogView } from './LogView';
import type { Route } from './route';
import { ConnectForm } from '../sync/ConnectForm';

export interface ViewProps {
  db: DocketDB;
  client: Client;
  route: Route;
  go: (patch: Partial<Route>) => void;
  say: (text: string) => void;
}

export function ViewSwitch(
  props: Omit<ViewProps, 'client'> & { client: Client | null; clients: Client[]; onFiles: (files: File[]) => void },
) {
  const { client, route } = props;
  if (route.view === 'search') return <SearchView db={props.db} clients={props.clients} route={route} go={props.go} />;
  if (!client)
    return (
      <>
        <p class="empty">
          Add your first client on the left, then clip a vendor page or e-mail with the Docket button (Alt+Shift+D).
        </p>
        <section class="team-sync" aria-label="Join a team">
          <h3>Joining a team?</h3>
          <p class="muted small">Connect with the invite code you were sent: the shared clients appear here.</p>
          <ConnectForm db={props.db} say={props.say} />
        </section>
      </>
    );
  const p: ViewProps = { db: props.db, client, route, go: props.go, say: props.say };
  switch (route.view) {
    case 'inbox':
      return <InboxView {...p} />;
    case 'log':
      return <LogView {...p} onFiles={props.onFiles} />;
    case 'decisions':
      return <DecisionsView {...p} />;
    case 'vendors':
      return <VendorsView db={props.db} client={client} now={new Date()} />;
    case 'budget':
      return <BudgetView {...p} />;
    case 'settings':
      return <ClientSettings {...p} />;
    default:
      return <AgendaView {...p} />;
  }
}
