import type { Recurrence } from '../../domain';
import { recurrenceNear } from '../recurrence';
import { cellAt, type Table } from './tables';

/**
 * What a figure is in a vendor document, from the part it sits in: a table cell is read by its column header and its
 * row's label, a line of text by the words before it on its line. So "Total one-time | | $18,640.00" is the total of
 * the one-time column, "Unit price" cells are unit prices, and "TPS (5 %)" is a tax, never the amount to decide.
 */

export type AmountRole = 'total' | 'subtotal' | 'tax' | 'line' | 'unit' | 'prior' | 'term';

export interface AmountPlace {
  role: AmountRole;
  /** In the document's words: "Total one-time", "TPS (5 %)", "Managed services (120 users), monthly". */
  label: string;
  /** From the cell itself, its column or its row; null when nothing there says (the caller reads the words nearby). */
  recurrence: Recurrence | null;
  /** For a cell: its row's start and end, so the words read around it never cross into a neighbour. */
  within: { start: number; end: number } | null;
}

const L = '\\p{L}';
const w = (s: string) => new RegExp(`(?<![${L}])(?:${s})(?![${L}])`, 'iu');

const TAX = w('tax(?:es)?|sales tax|gst|hst|pst|qst|tps|tvq|tvh|vat|tva|taxe');
const TAX_INCLUDED = w('taxes? incl(?:uded|uses?)?|incl(?:uding|\\.)? taxes?|ttc|tax(?:es)? in');
const SUBTOTAL = w('sub-?\\s?total|sous-total|ht|before tax(?:es)?|avant taxes|pre-tax|excl(?:uding|\\.)? tax(?:es)?');
const TOTAL = w(
  'total|grand total|amount due|balance due|total due|montant (?:dû|total|à payer)|total à payer|ttc|net à payer|sum',
);
/** A total over the contract's life or a first year that folds in a one-time fee: an option, never the default. */
const TERM_TOTAL = w(
  'first[- ]year|year (?:1|one)|première année|total contract value|contract value|tcv|over the term|sur la durée|valeur du contrat|\\d+[- ]?(?:month|mois) (?:total|term total)',
);
const PRIOR = w(
  'up from|previously|formerly|was|current(?:ly)?|current price|auparavant|anciennement|au lieu de|actuel(?:le)?(?:ment)?|prix actuel|tarif actuel|old price|ancien(?:ne)? (?:prix|tarif)|(?:passera|passe|passent|passeront|augmentera|augmente|increases?|increasing|rises?|rising|goes|going|moves?|changes?) (?:de|from)',
);
const PER_UNIT = w(
  "per (?:user|endpoint|device|seat|mailbox|license|licence|site|server|workstation|hour|unit)|each|ea\\.?|par (?:utilisateur|poste|appareil|licence|boîte|site|serveur|heure|unité)|chacun|l['’]unité|\\/(?:user|seat|device|endpoint|utilisateur|poste|h|hr|hour|heure)",
);

/** Headers of a billing history: a date or a status per row. */
const HISTORY = w('date|issued|paid(?: on)?|status|statut|payé(?:e)? le|émise? le|period|période');

const COLUMN: Array<[RegExp, 'qty' | 'unit' | Recurrence | 'amount' | 'label']> = [
  [w('qty|quantity|qté|quantité|nb|units?|seats|users|hours|heures'), 'qty'],
  [w('unit (?:price|cost)|price each|rate|unit|prix unitaire|p\\.u\\.?|tarif unitaire|taux'), 'unit'],
  [w('one[- ]?time|setup|set-up|unique|uniques|non-recurring|nrc|ponctuel|installation'), 'one-time'],
  [w('monthly|per month|/\\s?mo(?:nth)?|mensuel(?:le)?s?|par mois|mrc'), 'monthly'],
  [w('annual|yearly|per year|/\\s?yr|annuel(?:le)?s?|par an(?:née)?'), 'yearly'],
  [w('quarterly|trimestriel(?:le)?'), 'quarterly'],
  [w('total|extended|amount|montant|ext\\.?(?: price)?|line total|price|prix|cost|coût|fee|frais'), 'amount'],
  [w('description|item|article|service|product|produit|désignation|détail|poste'), 'label'],
];

function columnKind(header: string | undefined) {
  if (!header) return null;
  return COLUMN.find(([re]) => re.test(header))?.[1] ?? null;
}

/** "**Total one-time**" → "Total one-time"; "Sous-total (HT)" stays as written. */
export function plainLabel(s: string): string {
  return s
    .replace(/\\([\\|*_[\]()#.-])/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s•·\-–—:|]+|[\s:|–—-]+$/g, '')
    .trim();
}

const HAS_FIGURE = /\d/;

function rowLabel(table: Table, cells: Array<{ text: string }>): string {
  const labelColumn = table.header.findIndex((h) => columnKind(h) === 'label');
  const byHeader = labelColumn >= 0 ? plainLabel(cells[labelColumn]?.text ?? '') : '';
  if (byHeader) return byHeader;
  // The first cell with words and no figure: a SKU ("DL380-G11") is skipped when a description follows it.
  const texts = cells.map((c) => plainLabel(c.text)).filter((t) => /\p{L}{2}/u.test(t));
  const words = texts.filter((t) => !HAS_FIGURE.test(t) || /\p{L}{3,}\s+\p{L}{3,}/u.test(t));
  return words[0] ?? texts[0] ?? '';
}

function roleOfLabel(label: string): AmountRole {
  if (TERM_TOTAL.test(label)) return 'term';
  if (TAX_INCLUDED.test(label) && TOTAL.test(label)) return 'total';
  if (SUBTOTAL.test(label)) return 'subtotal';
  if (TAX.test(label) && !TOTAL.test(label.replace(TAX, ''))) return 'tax';
  if (TOTAL.test(label)) return 'total';
  return 'line';
}

function recurrenceOfWords(s: string): Recurrence | null {
  const r = recurrenceNear(` ${s}`, 0, 0);
  return r?.recurrence ?? null;
}

const FIGURE = /\d/;
const isPeriod = (k: ReturnType<typeof columnKind>) =>
  k === 'one-time' || k === 'monthly' || k === 'yearly' || k === 'quarterly';

/**
 * The header column of a cell in a row with fewer cells than the header (a PDF drops empty cells): figures that fill
 * exactly the period columns ("Total | $5,415.32 | $8,749.60" under "Monthly | One-time") go there; otherwise the
 * row's last figure sits in a column nobody can tell (-1), and the others keep their place.
 */
function headerColumn(table: Table, cells: ReadonlyArray<{ text: string }>, column: number): number {
  const n = table.header.length;
  if (n === 0 || cells.length >= n || column === 0) return column;
  const rest = cells.slice(1);
  const periods = table.header.flatMap((h, i) => (i > 0 && isPeriod(columnKind(h)) ? [i] : []));
  if (rest.every((c) => FIGURE.test(c.text)) && rest.length === periods.length) return periods[column - 1]!;
  return column === cells.length - 1 ? -1 : column;
}

function inTable(text: string, tables: readonly Table[], start: number, end: number): AmountPlace | null {
  const at = cellAt(tables, start);
  if (!at) return null;
  const { table, row } = at;
  const cell = row.cells[at.column]!;
  const column = headerColumn(table, row.cells, at.column);
  const kind = columnKind(table.header[column]);
  const label = rowLabel(table, row.cells.slice(0, at.column)) || rowLabel(table, row.cells);
  const own = recurrenceNear(text.slice(cell.start, cell.end), start - cell.start, end - cell.start);
  const fromColumn = isPeriod(kind) ? (kind as Recurrence) : null;
  const recurrence = own?.recurrence ?? fromColumn ?? recurrenceOfWords(label);
  const header = plainLabel(table.header[column] ?? '');
  // A list of past charges (invoices, payments, each with its date): what was paid, not what is being decided.
  if (table.header.some((h) => HISTORY.test(h)) && !table.header.some((h) => columnKind(h) === 'qty')) {
    return { role: 'prior', label: `${label}, ${header || 'paid'}`, recurrence: 'one-time', within: row };
  }
  if (kind === 'qty' || kind === 'unit' || PER_UNIT.test(cell.text)) {
    return { role: 'unit', label: label ? `${label}, unit price` : 'Unit price', recurrence, within: row };
  }
  if (PRIOR.test(header) || PRIOR.test(text.slice(cell.start, start))) {
    return { role: 'prior', label: `${label}, ${header || 'before'}`, recurrence, within: row };
  }
  const role = roleOfLabel(label);
  const withColumn = fromColumn && role === 'line' && header ? `${label}, ${header.toLowerCase()}` : label;
  return { role, label: withColumn || header, recurrence, within: row };
}

/** "/year, ", "one-time + ", "par mois et ": the previous figure's period and the joint, not this one's label. */
const PREVIOUS_PERIOD =
  /^\s*(?:\/\s*\p{L}+|one[- ]time|once|monthly|per month|a month|yearly|annually|per year|quarterly|par mois|par an(?:née)?|unique|mensuel(?:le)?s?)?[\s,;:+&]*(?:and|et|plus)?\s*/iu;

/** The words before a figure on its line: after a bullet, and after the last sentence end or figure. */
function lineLead(text: string, start: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const cut = Math.max(before.search(/[.;!?]\s[^.;!?]*$/), before.search(/[\d$€£][^\d$€£]*$/));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

function inLine(text: string, start: number, end: number): AmountPlace {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndRaw = text.indexOf('\n', end);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const line = text.slice(lineStart, start);
  const lead = lineLead(text, start);
  const after = text.slice(end, Math.min(lineEnd, end + 40));
  const near = text.slice(Math.max(lineStart, start - 30), start);
  // The line's own label ("Total:", "Renewal price:") speaks for every figure on it.
  const head = /^[\s>*_•·-]*([^:.;!?]{2,60}?)\s*:/u.exec(line)?.[1] ?? '';
  // The words after the previous figure's period ("/year, up from") are this one's, without that period.
  const own = lead.replace(PREVIOUS_PERIOD, '').replace(/\b(?:of|de|du|à|at|for|pour)\s*$/iu, '');
  const label = plainLabel(own) || plainLabel(head);
  const context = `${head} ${lead}`;
  // "from $28.50 to $31.00", "de 85,00 $ à 92,00 $": the first is the old price.
  const fromTo = /(?:from|de)\s*$/iu.test(near) && /^\S*\s+(?:to|à)\s/iu.test(after);
  if (PRIOR.test(lead.slice(-30)) || fromTo)
    return { role: 'prior', label: label || 'Before', recurrence: null, within: null };
  if (PER_UNIT.test(after.split(/[\d$€£]/)[0] ?? '') || /\bat\s*$|\bà\s*$/iu.test(near)) {
    return { role: 'unit', label: label ? `${label}, unit price` : 'Unit price', recurrence: null, within: null };
  }
  // Columns laid out as text (a PDF's line): the figures before the last one on a row are its unit prices.
  const rest = text.slice(end, lineEnd);
  if (
    /^[\s|x×]*(?:\d+[\s|x×]*)*(?:US\$|CA\$|C\$|\$|€|£|USD|CAD|EUR)?\s?\d[\d\s.,]*\d(?:\s?\$|\s?€)?\s*(?:\/\s?\p{L}+)?\s*$/u.test(
      rest,
    )
  ) {
    const role = roleOfLabel(context);
    if (role === 'line')
      return { role: 'unit', label: label ? `${label}, unit price` : 'Unit price', recurrence: null, within: null };
  }
  return { role: roleOfLabel(context), label: label || plainLabel(head), recurrence: null, within: null };
}

export function placeOf(text: string, tables: readonly Table[], start: number, end: number): AmountPlace {
  return inTable(text, tables, start, end) ?? inLine(text, start, end);
}
