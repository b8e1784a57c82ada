/** Three significant figures at most, no exponent: 0.412, 12.3, 148, 2 345. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const fixed = value.toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

export function withUnit(value: number, unit: string): string {
  return `${formatNumber(value)} ${unit}`;
}
