/** Where the log page is: kept in the URL hash so a link (or the capture form's "Open in log") lands there. */
export const VIEWS = [
  'agenda',
  'inbox',
  'log',
  'decisions',
  'vendors',
  'budget',
  'settings',
  'search',
  'new-client',
] as const;
export type View = (typeof VIEWS)[number];
/** The views of one client, listed under its name. Search and the new-client form are not a client's. */
export const CLIENT_VIEWS: readonly View[] = VIEWS.filter((v) => v !== 'search' && v !== 'new-client');
export const VIEW_LABEL: Record<View, string> = {
  agenda: 'Agenda',
  inbox: 'Inbox',
  log: 'All items',
  decisions: 'Decisions',
  vendors: 'Vendors & contracts',
  budget: 'Budget',
  settings: 'Client settings',
  search: 'Search',
  'new-client': 'New client',
};

export interface Route {
  client: string | null;
  view: View;
  meeting: string | null;
  item: string | null;
  q: string;
}

export function parseRoute(hash: string): Route {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view = p.get('view');
  return {
    client: p.get('client'),
    view: VIEWS.includes(view as View) ? (view as View) : 'agenda',
    meeting: p.get('meeting'),
    item: p.get('item'),
    q: p.get('q') ?? '',
  };
}

export function formatRoute(route: Route): string {
  const p = new URLSearchParams();
  if (route.client) p.set('client', route.client);
  p.set('view', route.view);
  if (route.meeting) p.set('meeting', route.meeting);
  if (route.item) p.set('item', route.item);
  if (route.q) p.set('q', route.q);
  return `#${p}`;
}
