/** Letters and digits only, without accents or case: "Réseaux Boréal" and "reseauxboreal" compare equal. */
export function compact(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
