import { summarize } from '../../lib/stats';
import type { Figure, Series, SeriesPoint } from '../../lib/types';

/** "10,000" */
export const count = (n: number) => n.toLocaleString('en-US');
/** "10k items" */
export const sizeLabel = (n: number) => `${n >= 1000 ? `${n / 1000}k` : n} items`;

export function msFigure(
  id: string,
  name: string,
  samples: number[],
  extra: Partial<Omit<Figure, 'id' | 'name' | 'result'>> = {},
): Figure {
  return { id, area: 'local log', name, unit: 'ms', result: summarize(samples), ...extra };
}

export function point(items: number, samples: number[]): SeriesPoint {
  const { median, min, max } = summarize(samples);
  return { x: items, label: sizeLabel(items), median, min, max };
}

export function growth(id: string, title: string, points: SeriesPoint[]): Series {
  return { id, title, xLabel: 'items in the log', unit: 'ms', points };
}
