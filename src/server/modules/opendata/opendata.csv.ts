/** CSV output of the open-data API: UTF-8 with BOM (Excel on Chinese Windows reads it), RFC 4180 quoting, null → empty. */

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
}

function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
