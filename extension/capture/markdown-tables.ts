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

function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) if (tr.closest('table') === table) rows.push(tr);
  return rows;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
}

function span(cell: Element): number {
  const n = parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 50) : 1;
}

function width(row: Element): number {
  return cellsOf(row).reduce((sum, c) => sum + span(c), 0);
}

function shapeOf(table: Element | null): TableShape {
  if (!table) return { layout: false, columns: 0, firstRow: null };
  let shape = shapes.get(table);
  if (!shape) {
    const rows = ownRows(table);
    const columns = rows.reduce((max, r) => Math.max(max, width(r)), 0);
    const role = (table.getAttribute('role') ?? '').toLowerCase();
    const layout = role === 'presentation' || role === 'none' || columns <= 1 || !!table.querySelector('table');
    shape = { layout, columns, firstRow: rows[0] ?? null };
    shapes.set(table, shape);
  }
  return shape;
}

function cell(content: string): string {
  const flat = content
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
  return ` ${flat} |`;
}

export function tableRules(service: TurndownService): void {
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
      const pad = ' |'.repeat(Math.max(0, columns - width(node)));
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
