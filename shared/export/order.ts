/** Code-unit order: the same on every machine, unlike `localeCompare`, so exports are byte-for-byte repeatable. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compare(a.id, b.id));
}
