/**
 * The tables of a capture's Markdown (GFM pipe tables, as the capture writes them), with every cell's place in
 * the text, so a figure found in the flat text can be read by its column and its row rather than by its neighbours.
 */

export interface Cell {
  text: string;
  start: number;
  end: number;
}

export interface Row {
  cells: Cell[];
  start: number;
  end: number;
}

export interface Table {
  /** The header row's cell texts, lower-case; empty when the first row holds data (a key-value table). */
  header: string[];
  rows: Row[];
  start: number;
  end: number;
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Cells of one `| a | b |` line; a `\|` inside a cell is text, not a border. */
function cellsOf(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  let from = line.indexOf('|') + 1;
  for (let i = from; i <= line.length; i++) {
    const end = i === line.length || (line[i] === '|' && line[i - 1] !== '\\');
    if (!end) continue;
    const raw = line.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (i < line.length || text)
      cells.push({ text, start: offset + from + lead, end: offset + from + lead + text.length });
    from = i + 1;
  }
  return cells;
}

/** A figure with a currency: a header row with one is data ("| Total | $4,500 |"), not column names. */
const MONEY = /\d[\d\s.,]*\s?(?:\$|€|£|USD|CAD|EUR)|(?:\$|€|£|USD|CAD|EUR)\s?\d/iu;
/** A date or a number in a label-value pair's value ("| Quote date | November 27, 2026 |"). */
const VALUE = /\d/;

/** "Item | Qty | Unit price\" — a PDF's row with its column gaps written as " | " (no Markdown table around it). */
const PIPE_ROW = /^[^|\n]+(?: \| [^|\n]*)+\\?$/;

/** Cells of a PDF row: split at " | ", a trailing hard break dropped. */
function pipeCells(line: string, offset: number): Cell[] {
  const body = line.replace(/\\$/, '');
  const cells: Cell[] = [];
  let at = 0;
  for (const part of body.split(' | ')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    cells.push({ text, start: offset + at + lead, end: offset + at + lead + text.length });
    at += part.length + 3;
  }
  return cells;
}

/** Runs of PDF rows: the first row is the header when it holds no figure with a currency. */
function pipeTables(lines: Array<{ text: string; start: number }>): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!PIPE_ROW.test(lines[i]!.text) || lines[i]!.text.trimStart().startsWith('|')) continue;
    let j = i;
    while (j < lines.length && PIPE_ROW.test(lines[j]!.text) && !lines[j]!.text.trimStart().startsWith('|')) j++;
    if (j - i >= 2) {
      const rows = lines.slice(i, j).map((l) => ({
        cells: pipeCells(l.text, l.start),
        start: l.start,
        end: l.start + l.text.length,
      }));
      const head = rows[0]!;
      const isHeader = !head.cells.some((c) => MONEY.test(c.text));
      tables.push({
        header: isHeader ? head.cells.map((c) => c.text.toLowerCase()) : [],
        rows: isHeader ? rows.slice(1) : rows,
        start: head.start,
        end: rows.at(-1)!.end,
      });
    }
    i = j - 1;
  }
  return tables;
}

export function readTables(text: string): Table[] {
  const tables: Table[] = [];
  const lines: Array<{ text: string; start: number }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start: at });
    at += line.length + 1;
  }
  for (let i = 0; i < lines.length - 1; i++) {
    const head = lines[i]!;
    if (!head.text.trimStart().startsWith('|') || !SEPARATOR.test(lines[i + 1]!.text)) continue;
    const headCells = cellsOf(head.text, head.start);
    const rows: Row[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.text.trimStart().startsWith('|'); j++) {
      const l = lines[j]!;
      rows.push({ cells: cellsOf(l.text, l.start), start: l.start, end: l.start + l.text.length });
    }
    // A two-column table whose first row is a label and a value is a list of pairs, not a header and data.
    const keyValue =
      headCells.some((c) => MONEY.test(c.text)) ||
      (headCells.length === 2 && /\p{L}/u.test(headCells[0]!.text) && VALUE.test(headCells[1]!.text));
    const headRow = { cells: headCells, start: head.start, end: head.start + head.text.length };
    tables.push({
      header: keyValue ? [] : headCells.map((c) => c.text.toLowerCase()),
      rows: keyValue ? [headRow, ...rows] : rows,
      start: head.start,
      end: rows.at(-1)?.end ?? headRow.end,
    });
    i = j - 1;
  }
  return [...tables, ...pipeTables(lines)].sort((a, b) => a.start - b.start);
}

/** The table cell that holds `index`, with its row, column and table; null outside every table. */
export function cellAt(tables: readonly Table[], index: number): { table: Table; row: Row; column: number } | null {
  const table = tables.find((t) => index >= t.start && index <= t.end);
  const row = table?.rows.find((r) => index >= r.start && index <= r.end);
  if (!table || !row) return null;
  const column = row.cells.findIndex((c) => index >= c.start && index <= c.end);
  return column < 0 ? null : { table, row, column };
}
