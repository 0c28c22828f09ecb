/**
 * Streaming readers for uploaded files: rows come out one at a time, so a 200,000-row file never sits
 * in memory. CSV through csv-parse (UTF-8, or GB18030 as saved by Excel on Chinese Windows); xlsx
 * through exceljs' streaming WorkbookReader (first worksheet only).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type FileFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

/** Bytes of the file read so far, for progress. */
export interface ReadCounter {
  bytes: number;
}

async function head(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** xlsx is a zip (PK\3\4); anything else is read as CSV. */
export async function detectFormat(file: string): Promise<FileFormat> {
  const b = await head(file, 4);
  return b.length === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 ? 'xlsx' : 'csv';
}

/** UTF-8 when the start decodes as UTF-8 (with or without BOM), else GB18030 (a superset of GBK). */
export async function detectCsvEncoding(file: string): Promise<'utf-8' | 'gb18030'> {
  const b = await head(file, 64 * 1024);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function counting(counter: ReadCounter) {
  return new PassThrough({
    transform(chunk: Buffer, _enc, cb) {
      counter.bytes += chunk.length;
      cb(null, chunk);
    },
  });
}

function decoding(encoding: string) {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, cb) {
      cb(null, decoder.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, decoder.decode());
    },
  });
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c === '');
}

async function* csvRows(file: string, counter: ReadCounter): AsyncGenerator<SheetRow> {
  const encoding = await detectCsvEncoding(file);
  let source = createReadStream(file).pipe(counting(counter));
  if (encoding !== 'utf-8') source = source.pipe(decoding(encoding)) as unknown as PassThrough;
  const parser = source.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    if (!isBlank(record)) yield { row, cells: record };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD, rich text and hyperlinks as their text, formulas as their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

async function* xlsxRows(file: string, counter: ReadCounter): AsyncGenerator<SheetRow> {
  const input = createReadStream(file).pipe(counting(counter));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const r of sheet) {
      const values = Array.isArray(r.values) ? (r.values as unknown[]).slice(1) : [];
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
      if (!isBlank(cells)) yield { row: r.number, cells };
    }
    // only the first worksheet holds data (a 填写说明 sheet may follow); drain the rest of the zip
    input.resume();
    return;
  }
}

export function readRows(file: string, format: FileFormat, counter: ReadCounter = { bytes: 0 }): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(file, counter) : csvRows(file, counter);
}

/** The first non-empty row (the header), without reading further. */
export async function readHeader(file: string, format: FileFormat): Promise<string[] | null> {
  const rows = readRows(file, format);
  try {
    const first = await rows.next();
    return first.done ? null : first.value.cells;
  } finally {
    await rows.return(undefined);
  }
}
