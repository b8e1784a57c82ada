/**
 * Every data table becomes a GFM pipe table, including tables without `<th>` (turndown-plugin-gfm keeps those
 * as raw HTML, which we never emit): the first row is the header. Layout tables (nested tables,
 * `role=presentation`, a single column, as in HTML e-mail) become plain blocks of text instead.
 */
import type TurndownService from 'turndown';

interface TableShape {
  layout: boolean;
  columns: number;
  firstRow: Element | null;
}

const shapes = new WeakMap<Element, TableShape>();
// Each row's width, measured once with its table's shape: the row rule needs it again for padding.
const rowWidths = new WeakMap<Element, number>();

// Pricing pages hold thousands of cells, so these walk the DOM directly rather than copying lists into arrays.
function ownRows(table: Element): Element[] {
  const all = table.getElementsByTagName('tr');
  const nested = table.getElementsByTagName('table').length > 0;
  const rows: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const tr = all[i]!;
    if (!nested || tr.closest('table') === table) rows.push(tr);
  }
  return rows;
}

function isCell(el: Element): boolean {
  return el.nodeName === 'TD' || el.nodeName === 'TH';
}

function span(cell: Element): number {
  const raw = cell.getAttribute('colspan');
  if (raw === null) return 1;
  const n = parseInt(raw, 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 50) : 1;
}

function width(row: Element): number {
  let sum = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c)) sum += span(c);
  return sum;
}

function shapeOf(table: Element | null): TableShape {
  if (!table) return { layout: false, columns: 0, firstRow: null };
  let shape = shapes.get(table);
  if (!shape) {
    const rows = ownRows(table);
    let columns = 0;
    for (const row of rows) {
      const w = width(row);
      rowWidths.set(row, w);
      if (w > columns) columns = w;
    }
    const role = (table.getAttribute('role') ?? '').toLowerCase();
    const layout = role === 'presentation' || role === 'none' || columns <= 1 || !!table.querySelector('table');
    shape = { layout, columns, firstRow: rows[0] ?? null };
    shapes.set(table, shape);
  }
  return shape;
}

/** What a line break inside a cell becomes: a GFM row is one line, and a raw `<br>` is never emitted. */
export const CELL_LINE_BREAK = ' · ';

function cell(content: string): string {
  // Lines in a cell (a `<br>`, a paragraph per line as in an address) stay apart, on the row's one line.
  let flat = content.includes('\n') ? content.trim().replace(/\s*\n[\s\n]*/g, CELL_LINE_BREAK) : content;
  if (flat.includes('|')) flat = flat.replace(/\|/g, '\\|');
  return ` ${flat.trim()} |`;
}

/** The data-table cell an element sits in (its nearest cell, if that cell's table is not a layout table). */
function inDataCell(node: Element): boolean {
  const cellNode = node.parentElement?.closest('td, th');
  return !!cellNode && !shapeOf(cellNode.closest('table')).layout;
}

export function tableRules(service: TurndownService): void {
  service.addRule('tableLineBreak', {
    // Not turndown's "\\" hard break: the cell joins its lines with CELL_LINE_BREAK (see cell()).
    filter: (node) => node.nodeName === 'BR' && inDataCell(node),
    replacement: () => '\n',
  });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      if (shapeOf(node.closest('table')).layout) return `\n\n${content}\n\n`;
      return cell(content) + ' |'.repeat(span(node) - 1);
    },
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const shape = shapeOf(node.closest('table'));
      if (shape.layout) return `\n\n${content}\n\n`;
      const columns = Math.max(shape.columns, 1);
      const pad = ' |'.repeat(Math.max(0, columns - (rowWidths.get(node) ?? width(node))));
      const line = `\n|${content.trim() ? ' ' + content.trim() : ''}${pad}`;
      const isHeader = shape.firstRow ? shape.firstRow === node : true;
      return isHeader ? `${line}\n|${' --- |'.repeat(columns)}` : line;
    },
  });
  service.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  service.addRule('tableCaption', {
    filter: 'caption',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (content, node) => {
      if (shapeOf(node).layout) return `\n\n${content}\n\n`;
      return `\n\n${content.replace(/\|\n{2,}(?=\|)/g, '|\n')}\n\n`;
    },
  });
}
