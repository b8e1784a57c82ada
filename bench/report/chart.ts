import type { Series } from '../lib/types';
import { formatNumber } from './format';

const PANEL_W = 420;
const PANEL_H = 260;
const PAD = { left: 64, right: 56, top: 36, bottom: 48 };
const COLUMNS = 2;

/** A round step (1, 2 or 5 × 10^k) for about `ticks` grid lines up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One panel: median line with min–max whiskers, x on a log scale (sizes grow by ×10), y linear from 0. */
function panel(s: Series, ox: number, oy: number): string {
  const w = PANEL_W - PAD.left - PAD.right;
  const h = PANEL_H - PAD.top - PAD.bottom;
  const xs = s.points.map((p) => Math.log10(Math.max(p.x, 1e-9)));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const top = Math.max(...s.points.map((p) => p.max), 1e-9) * 1.05;
  const step = niceStep(top);
  const yMax = Math.ceil(top / step) * step;
  const px = (x: number) => ox + PAD.left + (xMax === xMin ? w / 2 : ((Math.log10(x) - xMin) / (xMax - xMin)) * w);
  const py = (y: number) => oy + PAD.top + h - (y / yMax) * h;
  const parts: string[] = [
    `<text x="${ox + PANEL_W / 2}" y="${oy + 20}" text-anchor="middle" font-weight="600" font-size="${
      s.title.length > 48 ? 11 : 13
    }">${esc(s.title)}</text>`,
    `<line x1="${ox + PAD.left}" y1="${oy + PAD.top + h}" x2="${ox + PAD.left + w}" y2="${oy + PAD.top + h}" stroke="#555"/>`,
    `<line x1="${ox + PAD.left}" y1="${oy + PAD.top}" x2="${ox + PAD.left}" y2="${oy + PAD.top + h}" stroke="#555"/>`,
  ];
  for (let v = 0; v <= yMax + step / 2; v += step) {
    const y = py(v);
    parts.push(
      `<line x1="${ox + PAD.left}" y1="${y}" x2="${ox + PAD.left + w}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${ox + PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${v === 0 ? '0' : formatNumber(v)}</text>`,
    );
  }
  parts.push(
    `<text x="${ox + 14}" y="${oy + PAD.top + h / 2}" font-size="11" transform="rotate(-90 ${ox + 14} ${
      oy + PAD.top + h / 2
    })" text-anchor="middle">${esc(s.unit)}</text>`,
    `<text x="${ox + PAD.left + w / 2}" y="${oy + PANEL_H - 8}" text-anchor="middle" font-size="11">${esc(s.xLabel)}, log scale</text>`,
  );
  for (const p of s.points) {
    const x = px(p.x);
    parts.push(
      `<line x1="${x}" y1="${py(p.min)}" x2="${x}" y2="${py(p.max)}" stroke="#8ab" stroke-width="2"/>`,
      `<circle cx="${x}" cy="${py(p.median)}" r="4" fill="#1f5f8b"/>`,
      `<text x="${x}" y="${oy + PAD.top + h + 16}" text-anchor="middle" font-size="11">${esc(p.label)}</text>`,
      `<text x="${x + 6}" y="${py(p.median) - 6}" font-size="10" fill="#1f5f8b">${formatNumber(p.median)}</text>`,
    );
  }
  const line = s.points.map((p) => `${px(p.x)},${py(p.median)}`).join(' ');
  parts.push(`<polyline points="${line}" fill="none" stroke="#1f5f8b" stroke-width="2"/>`);
  return parts.join('\n');
}

/** Growth curves as one SVG of small multiples, two a row. */
export function renderChart(series: readonly Series[]): string {
  const shown = series.filter((s) => s.points.length > 0);
  const rows = Math.max(1, Math.ceil(shown.length / COLUMNS));
  const width = PANEL_W * COLUMNS;
  const height = PANEL_H * rows;
  const panels = shown.map((s, i) => panel(s, (i % COLUMNS) * PANEL_W, Math.floor(i / COLUMNS) * PANEL_H));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...panels,
    shown.length === 0 ? `<text x="20" y="40">no growth series in this run</text>` : '',
    '</svg>',
    '',
  ].join('\n');
}
