import {
  type Client,
  type Item,
  type Meeting,
  SECTION_LABEL,
  SECTIONS,
  STATUS_LABEL,
  type Vendor,
} from '../../../shared/domain';
import { KIND_LABEL } from '../../../shared/domain/labels';
import { itemAmountText } from '../../../shared/export/format';
import { nextMeeting } from '../../../shared/rules';
import { EmptyState } from '../EmptyState';
import { formatMeeting } from '../format';

function ItemRow({
  item,
  vendor,
  selected,
  onPick,
}: {
  item: Item;
  vendor?: Vendor;
  selected: boolean;
  onPick: () => void;
}) {
  return (
    <li>
      <button type="button" aria-current={selected} onClick={onPick} data-testid="item-row" data-nav-item>
        {item.urgent && <span class="badge urgent">Urgent</span>}
        <span class="title">{item.title}</span>
        <span class="meta">
          {[
            KIND_LABEL[item.kind],
            vendor?.name,
            itemAmountText(item),
            item.decideBy && `by ${item.decideBy}`,
            STATUS_LABEL[item.status],
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
    </li>
  );
}

function Agenda(props: {
  items: Item[];
  vendors: Map<string, Vendor>;
  selected: string | null;
  onPick: (id: string) => void;
}) {
  return (
    <>
      {SECTIONS.map((section) => {
        const inSection = props.items.filter((i) => i.section === section);
        if (!inSection.length) return null;
        return (
          <div>
            <div class="section-title">{SECTION_LABEL[section]}</div>
            <ul class="items">
              {inSection.map((item) => (
                <ItemRow
                  item={item}
                  vendor={props.vendors.get(item.vendorId ?? '')}
                  selected={item.id === props.selected}
                  onPick={() => props.onPick(item.id)}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/** A client's log: its meetings, soonest first, each with its agenda; then what is on no meeting; then past meetings. */
export function ItemList(props: {
  client: Client;
  meetings: Meeting[];
  items: Item[];
  vendors: Vendor[];
  selected: string | null;
  onPick: (id: string) => void;
  now: Date;
}) {
  const { client, items } = props;
  const vendors = new Map(props.vendors.map((v) => [v.id, v]));
  const next = nextMeeting(client, props.meetings, props.now);
  const now = props.now.toISOString();
  const upcoming = props.meetings
    .filter((m) => m.startsAt >= now || m.status === 'planned')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = props.meetings.filter((m) => !upcoming.includes(m)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const loose = items.filter((i) => !i.meetingId || !props.meetings.some((m) => m.id === i.meetingId));
  const agendaProps = { vendors, selected: props.selected, onPick: props.onPick };

  if (!items.length)
    return (
      <EmptyState title={`Nothing captured for ${client.name} yet.`}>
        Open a vendor page or e-mail and click the Docket button (Alt+Shift+D), or drop a .eml or .pdf file here.
      </EmptyState>
    );
  return (
    <>
      {[...upcoming, ...past].map((m) => {
        const on = items.filter((i) => i.meetingId === m.id);
        if (!on.length) return null;
        return (
          <section
            class="meeting"
            data-testid="meeting"
            aria-label={`Meeting ${formatMeeting(m.startsAt, client.timeZone)}`}
          >
            <h2>
              {formatMeeting(m.startsAt, client.timeZone)}
              <small>{m.id === next.id ? 'next meeting' : m.status}</small>
            </h2>
            <Agenda items={on} {...agendaProps} />
          </section>
        );
      })}
      {loose.length > 0 && (
        <section class="meeting" data-testid="inbox">
          <h2>Not on a meeting yet</h2>
          <Agenda items={loose} {...agendaProps} />
        </section>
      )}
    </>
  );
}
