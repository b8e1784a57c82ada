/**
 * Deterministic decision logs of any size for the benchmarks: clients with a monthly cadence, vendors, past
 * (held) meetings and each client's next meeting, items with one capture each. Same options → same records, so
 * runs compare like with like; nothing large is checked in. Every record satisfies the domain schemas.
 */
import type { Capture, Client, Item, Meeting, Vendor } from '../../shared/domain';
import { nextMeeting } from '../../shared/rules/next-meeting';
import { prng, seededId } from './prng';

export interface LogOptions {
  items: number;
  seed?: number;
  /** Default 25. */
  clients?: number;
  /** Mean Markdown length of a capture (default 3 000 characters, ±50 %). */
  captureChars?: number;
  /** Items on the first client's next meeting (default: its share). */
  agendaItems?: number;
  /** The "now" the next meetings are computed from. */
  now?: Date;
}

export interface Log {
  clients: Client[];
  vendors: Vendor[];
  meetings: Meeting[];
  items: Item[];
  captures: Capture[];
}

export const BENCH_NOW = new Date('2026-11-26T12:00:00.000Z');

const WORDS = (
  'renewal notice term seat licence subscription vendor provider managed service agreement contract price increase ' +
  'quote proposal discount commitment backup endpoint firewall telecom fibre circuit bandwidth escalation support ' +
  'governance meeting decision client budget forecast invoice overage true-up tier annual monthly termination clause ' +
  'liability uptime credit migration tenant mailbox security compliance audit inventory device warranty hardware ' +
  'réseau sauvegarde facturation échéance résiliation'
).split(' ');
const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware'];
const TRADES = ['Dental', 'Legal', 'Logistics', 'Clinic', 'Foods', 'Realty', 'Builders', 'Accounting'];
const VENDORS = ['Acme Cloud', 'PrintFleet', 'Télécom Boréal', 'Northstar MSP', 'Keystone SaaS', 'Bluewave Networks'];
const KINDS = ['proposal', 'quote', 'contract', 'renewal', 'incident', 'change', 'project', 'other'] as const;
const SECTIONS = ['project-review', 'vendor-follow-up', 'decision-to-prepare', 'urgent'] as const;
const HASH = 'a'.repeat(64);

export function generateLog(opts: LogOptions): Log {
  const rand = prng(opts.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const now = opts.now ?? BENCH_NOW;
  const clientCount = Math.max(1, opts.clients ?? 25);
  const meanChars = opts.captureChars ?? 3000;
  const text = (chars: number): string => {
    const words: string[] = [];
    let length = 0;
    while (length < chars) {
      const word = pick(WORDS);
      words.push(word);
      length += word.length + 1;
    }
    return words.join(' ');
  };
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();

  const clients: Client[] = [];
  const vendors: Vendor[] = [];
  const meetings: Meeting[] = [];
  const next: string[] = [];
  const past: string[][] = [];
  const perClient = Math.ceil(opts.items / clientCount);
  for (let c = 0; c < clientCount; c++) {
    const id = seededId(1, c);
    const client: Client = {
      id,
      name: `${COMPANIES[c % COMPANIES.length]} ${TRADES[Math.floor(c / COMPANIES.length) % TRADES.length]} ${c + 1}`,
      cadence: 'monthly',
      weekday: 1 + (c % 5),
      time: '09:00',
      timeZone: c % 3 === 0 ? 'Europe/Paris' : 'America/Toronto',
      weekOfMonth: 2,
      anchorDate: '2024-01-08',
      meetingMinutes: 60,
      fiscalYearStart: 1,
      domains: [`client${c + 1}.example.com`],
      createdAt: at(1500),
      updatedAt: at(1500),
    };
    clients.push(client);
    for (let v = 0; v < VENDORS.length; v++) {
      vendors.push({
        id: seededId(2, c * VENDORS.length + v),
        clientId: id,
        name: VENDORS[v]!,
        domains: [`vendor${v + 1}.example.net`],
        role: 'msp',
        contacts: [],
        createdAt: at(1400),
        updatedAt: at(1400),
      });
    }
    const upcoming = nextMeeting(client, [], now);
    meetings.push(meeting(upcoming.id, id, upcoming.startsAt, 'planned', true, at(30)));
    next.push(upcoming.id);
    // About twenty items a meeting, as a monthly governance meeting has.
    const held: string[] = [];
    for (let m = 0, count = Math.max(1, Math.ceil(perClient / 20)); m < count; m++) {
      const meetingId = seededId(3, c * 10_000 + m);
      meetings.push(meeting(meetingId, id, at(30 * (m + 1)), 'held', false, at(30 * (m + 1) + 7)));
      held.push(meetingId);
    }
    past.push(held);
  }

  const items: Item[] = [];
  const captures: Capture[] = [];
  for (let i = 0; i < opts.items; i++) {
    const c = i % clientCount;
    const clientId = clients[c]!.id;
    const onAgenda = opts.agendaItems !== undefined && c === 0 ? Math.floor(i / clientCount) < opts.agendaItems : null;
    const roll = rand();
    const upcoming = onAgenda ?? (opts.agendaItems === undefined || c !== 0 ? roll < 0.05 : false);
    const inbox = !upcoming && roll < 0.2;
    const meetingId = upcoming ? next[c]! : inbox ? null : pick(past[c]!);
    const vendor = vendors[c * VENDORS.length + Math.floor(rand() * VENDORS.length)]!;
    const title = `${pick(['Quote', 'Renewal', 'Proposal', 'Incident', 'Change'])} ${text(30)} #${i + 1}`;
    const created = at(1 + ((opts.items - i) / opts.items) * 1400);
    const id = seededId(4, i);
    items.push({
      id,
      clientId,
      meetingId,
      section: pick(SECTIONS),
      kind: pick(KINDS),
      status: upcoming ? 'on-agenda' : inbox ? 'inbox' : pick(['decided', 'deferred', 'rejected'] as const),
      title: title.slice(0, 200),
      vendorId: vendor.id,
      amount: rand() < 0.6 ? { value: Math.round(rand() * 50_000), currency: 'USD', recurrence: 'monthly' } : null,
      oneTimeAmount: null,
      decideBy: null,
      urgent: rand() < 0.05,
      tags: rand() < 0.3 ? [pick(['security', 'licensing', 'network', 'backup'])] : [],
      notes: '',
      agendaOrder: i,
      discussed: false,
      slips: [],
      decision: null,
      actions: [],
      contractId: null,
      createdAt: created,
      createdBy: 'Alice Martin',
      updatedAt: created,
    });
    const markdown = `# ${title}\n\n${text(Math.round(meanChars * (0.5 + rand())))}`;
    captures.push({
      id: seededId(5, i),
      itemId: id,
      clientId,
      kind: 'page',
      source: { url: `https://${vendor.domains[0]}/quotes/${i + 1}`, title, site: vendor.domains[0]! },
      markdown,
      excerpt: markdown.slice(0, 200),
      email: null,
      pdf: null,
      file: null,
      warnings: [],
      contentHash: HASH,
      urlKey: `https://${vendor.domains[0]}/quotes/${i + 1}`,
      capturedAt: created,
      capturedBy: 'Alice Martin',
    });
  }
  return { clients, vendors, meetings, items, captures };
}

function meeting(
  id: string,
  clientId: string,
  startsAt: string,
  status: Meeting['status'],
  fromCadence: boolean,
  createdAt: string,
): Meeting {
  return {
    id,
    clientId,
    startsAt,
    status,
    fromCadence,
    title: '',
    minutes: '',
    heldAgenda: null,
    heldAt: status === 'held' ? startsAt : null,
    createdAt,
    updatedAt: createdAt,
  };
}
