/**
 * Order of items on an agenda, and the `agendaOrder` values that moving one item needs.
 *
 * Inside a section items sort by `agendaOrder`, then `createdAt`, then id (so equal orders are still stable).
 * A move gives the moved item the midpoint between its new neighbours, so usually only that ONE item changes — one
 * field edit to sync, and two people reordering different items do not overwrite each other. When the neighbours
 * leave no room (equal values, or floating-point precision run out), the whole section is renumbered 1024 apart.
 */
import { SECTIONS, type Item, type Section } from '../domain';

export const ORDER_GAP = 1024;

type Ordered = Pick<Item, 'id' | 'agendaOrder'>;
export type OrderChange = { id: string; agendaOrder: number };

/** Compares two items of one section in agenda order. */
export function compareAgenda(
  a: Pick<Item, 'agendaOrder' | 'createdAt' | 'id'>,
  b: Pick<Item, 'agendaOrder' | 'createdAt' | 'id'>,
): number {
  if (a.agendaOrder !== b.agendaOrder) return a.agendaOrder - b.agendaOrder;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Items by section, every section present (possibly empty), in the agenda's section order. */
export function orderedAgenda<T extends Pick<Item, 'section' | 'agendaOrder' | 'createdAt' | 'id'>>(
  items: readonly T[],
): Record<Section, T[]> {
  const agenda = Object.fromEntries(SECTIONS.map((s) => [s, [] as T[]])) as Record<Section, T[]>;
  for (const item of items) agenda[item.section].push(item);
  for (const section of SECTIONS) agenda[section].sort(compareAgenda);
  return agenda;
}

/** Items in agenda order across sections: the order a meeting goes through them. */
export function agendaSequence<T extends Pick<Item, 'section' | 'agendaOrder' | 'createdAt' | 'id'>>(
  items: readonly T[],
): T[] {
  const agenda = orderedAgenda(items);
  return SECTIONS.flatMap((s) => agenda[s]);
}

function checkIndex(toIndex: number): void {
  if (!Number.isInteger(toIndex)) throw new RangeError(`the position must be a whole number, got ${toIndex}`);
}

/**
 * The value that puts a new item at `index` of `rest` (already in order, without it), plus any renumbering needed.
 * `index` is clamped to the list.
 */
function placeAt(rest: readonly Ordered[], id: string, index: number): OrderChange[] {
  const at = Math.min(Math.max(index, 0), rest.length);
  const prev = rest[at - 1]?.agendaOrder;
  const next = rest[at]?.agendaOrder;
  const sorted = rest.every((r, i) => i === 0 || rest[i - 1]!.agendaOrder <= r.agendaOrder);
  let value: number;
  if (prev === undefined && next === undefined) value = 0;
  else if (prev === undefined) value = next! - ORDER_GAP;
  else if (next === undefined) value = prev + ORDER_GAP;
  else value = prev + (next - prev) / 2;
  const fits = Number.isFinite(value) && (prev === undefined || prev < value) && (next === undefined || value < next);
  if (sorted && fits) return [{ id, agendaOrder: value }];
  // No room: renumber the whole section in its new order.
  const order = [...rest.slice(0, at).map((r) => r.id), id, ...rest.slice(at).map((r) => r.id)];
  return order.map((each, i) => ({ id: each, agendaOrder: (i + 1) * ORDER_GAP }));
}

/**
 * Moves `itemId` to position `toIndex` of its section (`items`: that section, in order). Returns only the items whose
 * `agendaOrder` changes (none when it is already there). Keyboard moves are `toIndex` = current index ± 1; a move
 * past either end is clamped (a no-op at the top or bottom).
 */
export function moveWithin(items: readonly Ordered[], itemId: string, toIndex: number): OrderChange[] {
  checkIndex(toIndex);
  const from = items.findIndex((i) => i.id === itemId);
  if (from < 0) throw new RangeError(`item ${itemId} is not in this section`);
  const to = Math.min(Math.max(toIndex, 0), items.length - 1);
  if (to === from) return [];
  const rest = items.filter((i) => i.id !== itemId);
  const before = new Map(items.map((i) => [i.id, i.agendaOrder]));
  return placeAt(rest, itemId, to).filter((c) => before.get(c.id) !== c.agendaOrder);
}

/**
 * Moves `itemId` from another section to position `toIndex` of the target section (`items`: that section, in order,
 * without the item). Returns the moved item's new `agendaOrder` first — always, since its section changes — followed
 * by any other item of the target section that had to be renumbered (rare: only when there was no room left).
 */
export function moveToSection(items: readonly Ordered[], itemId: string, toIndex: number): OrderChange[] {
  checkIndex(toIndex);
  const rest = items.filter((i) => i.id !== itemId);
  const before = new Map(rest.map((i) => [i.id, i.agendaOrder]));
  const changes = placeAt(rest, itemId, toIndex);
  const moved = changes.find((c) => c.id === itemId)!;
  return [moved, ...changes.filter((c) => c.id !== itemId && before.get(c.id) !== c.agendaOrder)];
}
