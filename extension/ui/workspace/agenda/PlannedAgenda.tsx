import { type Item, SECTION_LABEL, SECTIONS, type Section, STATUS_LABEL, type Vendor } from '../../../../shared/domain';
import { moveToSection, moveWithin, orderedAgenda } from '../../../../shared/rules';
import type { DocketDB } from '../../../store/db';
import { updateItem } from '../../../store/items';
import { actorNow } from '../../../store/me';
import { formatDate, itemAmountText } from '../../../../shared/export/format';
import type { Route } from '../../log/route';

interface Props {
  db: DocketDB;
  items: Item[];
  vendors: Vendor[];
  selected: string | null;
  go: (patch: Partial<Route>) => void;
  say: (text: string) => void;
  /** A view-only client's agenda: read as it stands, nothing moved or marked. */
  readOnly?: boolean;
}

const DRAG_TYPE = 'application/x-docket-item';

/** The four sections of a planned meeting. Items move by drag and drop, or with Alt+arrows on the focused item. */
export function PlannedAgenda({ db, items, vendors, selected, go, say, readOnly = false }: Props) {
  const agenda = orderedAgenda(items);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));

  async function move(itemId: string, section: Section, toIndex: number) {
    const item = items.find((i) => i.id === itemId);
    if (!item) return;
    try {
      const actor = await actorNow(db);
      const changes =
        item.section === section
          ? moveWithin(agenda[section], itemId, toIndex)
          : moveToSection(agenda[section], itemId, toIndex);
      for (const change of changes)
        await updateItem(
          db,
          actor,
          change.id,
          change.id === itemId ? { section, agendaOrder: change.agendaOrder } : { agendaOrder: change.agendaOrder },
        );
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-agenda-item="${itemId}"]`)?.focus());
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    }
  }

  // Read the checkbox before any await: the event's currentTarget is gone once the handler yields.
  async function markDiscussed(itemId: string, discussed: boolean) {
    try {
      await updateItem(db, await actorNow(db), itemId, { discussed });
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    }
  }

  function onKey(e: KeyboardEvent, item: Item, index: number) {
    if (readOnly || !e.altKey || !['ArrowUp', 'ArrowDown'].includes(e.key)) return;
    e.preventDefault();
    const s = SECTIONS.indexOf(item.section);
    const up = e.key === 'ArrowUp';
    if (e.shiftKey) {
      const to = SECTIONS[s + (up ? -1 : 1)];
      if (to) void move(item.id, to, up ? agenda[to].length : 0);
    } else if ((up && index > 0) || (!up && index < agenda[item.section].length - 1))
      void move(item.id, item.section, index + (up ? -1 : 1));
  }

  return (
    <div class="sections">
      {!readOnly && (
        <p class="muted small">
          Drag items to reorder or change section; or focus one and press Alt+↑/↓ (Alt+Shift+↑/↓ for the section).
        </p>
      )}
      {SECTIONS.map((section) => (
        <section
          class="agenda-section"
          aria-label={SECTION_LABEL[section]}
          data-section={section}
          onDragOver={(e) => !readOnly && e.dataTransfer?.types.includes(DRAG_TYPE) && e.preventDefault()}
          onDrop={(e) => {
            if (readOnly) return;
            const id = e.dataTransfer?.getData(DRAG_TYPE);
            if (!id) return;
            e.preventDefault();
            const row = (e.target as HTMLElement).closest<HTMLElement>('[data-agenda-item]');
            const at = row ? agenda[section].findIndex((i) => i.id === row.dataset.agendaItem) : agenda[section].length;
            void move(id, section, at < 0 ? agenda[section].length : at);
          }}
        >
          <div class="section-title">{SECTION_LABEL[section]}</div>
          {agenda[section].length === 0 && (
            <p class="muted small drop-hint">{readOnly ? 'Nothing here.' : 'Nothing here. Drop an item to add it.'}</p>
          )}
          <ul class="items">
            {agenda[section].map((item, index) => (
              <li draggable={!readOnly} onDragStart={(e) => !readOnly && e.dataTransfer?.setData(DRAG_TYPE, item.id)}>
                <button
                  type="button"
                  data-agenda-item={item.id}
                  data-testid="agenda-item"
                  data-nav-item
                  aria-current={item.id === selected}
                  onClick={() => go({ item: item.id })}
                  onKeyDown={(e) => onKey(e, item, index)}
                >
                  {item.urgent && <span class="badge urgent">Urgent</span>}
                  <span class="title">{item.title}</span>
                  {item.slips.length > 0 && (
                    <span class="badge" title={item.slips.at(-1)!.note}>
                      slipped ×{item.slips.length}
                    </span>
                  )}
                  <span class="meta">
                    {[
                      item.vendorId && vendorName.get(item.vendorId),
                      itemAmountText(item),
                      item.decideBy && `decide by ${formatDate(item.decideBy)}`,
                      STATUS_LABEL[item.status],
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
                {readOnly ? (
                  item.discussed && <span class="badge discussed">discussed</span>
                ) : (
                  <label class="check discussed">
                    <input
                      type="checkbox"
                      checked={item.discussed}
                      aria-label={`Discussed: ${item.title}`}
                      onChange={(e) => void markDiscussed(item.id, e.currentTarget.checked)}
                    />
                    discussed
                  </label>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
