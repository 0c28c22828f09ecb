/** Formatting and CSV export for the dashboard (no dependency: a CSV with a BOM opens in Excel as UTF-8). */
import { INDICATORS, type IndicatorKey } from '../../../shared/dashboard.js';

/** The value as people read it: 分 as 元 with two decimals, percentages with one, others as integers. */
export function formatValue(key: IndicatorKey, value: number | null, noData: string): string {
  if (value === null) return noData;
  const unit = INDICATORS[key].unit;
  if (unit === 'fen') return (value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (unit === 'percent') return `${value.toFixed(1)}`;
  if (unit === 'day') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return value.toLocaleString('zh-CN');
}

/** Plain number for CSV (元 for money), empty for no data. */
export function csvValue(key: IndicatorKey, value: number | null): string {
  if (value === null) return '';
  return INDICATORS[key].unit === 'fen' ? (value / 100).toFixed(2) : String(value);
}

function cell(v: string | number): string {
  const s = String(v);
  // formula-looking cells are neutralised (CSV injection), quotes doubled
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadCsv(filename: string, header: string[], rows: Array<Array<string | number>>) {
  const blob = new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Five sequential blues (light → dark); the bin of a value among the non-null values. */
export const SCALE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA_FILL = '#f0f0f0';

export function binsOf(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return SCALE.map((_, i) => (max * (i + 1)) / SCALE.length);
}

export function colourOf(value: number | null, bins: number[]): string {
  if (value === null) return NO_DATA_FILL;
  const i = bins.findIndex((b) => value <= b);
  return SCALE[i < 0 ? SCALE.length - 1 : i] as string;
}
