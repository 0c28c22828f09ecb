/**
 * Synthetic import files for the tests and bench/import.ts: valid GB 11643 numbers and phones, with
 * optional bad rows of known kinds. Written as a stream, so a 200,000-row file costs no memory.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../../shared/identifiers.js';
import { TALENT_COLUMNS } from '../../../shared/imports.js';

const BASE_DAY = Date.UTC(1970, 0, 1);

/** A valid 18-digit 身份证号, distinct for every i (region prefix, birth date from i, sequence). */
export function syntheticIdNumber(i: number, region = '360702'): string {
  const birth = new Date(BASE_DAY + Math.floor(i / 500) * 86_400_000);
  const ymd = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const first17 = `${region}${ymd}${String((i % 500) + 100).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export const syntheticPhone = (i: number) => `139${String(i).padStart(8, '0')}`;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚';
const COUNTIES = ['360702', '360703', '360704', '360722', '360723', '360781', '360730'];
const EDU = ['大学本科', '大学专科', '硕士', '21', '31', '高中'];
const SKILLS = ['Python', 'SQL', 'Java', '数据分析', '电子商务', 'Excel', '直播运营'];

export type BadKind = 'checksum' | 'phone' | 'region' | 'outside' | 'education' | 'salary' | 'missing' | 'duplicate';
export const BAD_KINDS: readonly BadKind[] = ['checksum', 'phone', 'region', 'outside', 'education', 'salary', 'missing', 'duplicate'];

/** One job-seeker row in TALENT_COLUMNS order; `bad` breaks it in one known way. */
export function talentRow(i: number, bad?: BadKind): string[] {
  const id = syntheticIdNumber(i);
  const row = [
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`,
    id,
    syntheticPhone(i),
    COUNTIES[i % COUNTIES.length] as string,
    EDU[i % EDU.length] as string,
    '江西理工大学',
    '计算机科学与技术',
    String(2005 + (i % 18)),
    `${SKILLS[i % SKILLS.length]}、${SKILLS[(i + 3) % SKILLS.length]}`,
    i % 3 === 0 ? '2-02-10-07' : '',
    '360700',
    `${5 + (i % 10)}k`,
  ];
  switch (bad) {
    case 'checksum':
      row[1] = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      break;
    case 'phone':
      row[2] = '1234567';
      break;
    case 'region':
      row[3] = '369999';
      break;
    case 'outside':
      row[3] = '360102';
      break;
    case 'education':
      row[4] = '博士后';
      break;
    case 'salary':
      row[11] = '面议';
      break;
    case 'missing':
      row[0] = '';
      break;
    case 'duplicate':
      // the same person as the row before
      row[1] = syntheticIdNumber(i - 1);
      break;
  }
  return row;
}

export const TALENT_HEADER = TALENT_COLUMNS.map((c) => c.header);

/** Row i is bad when `badEvery` divides i + 1; its kind cycles through BAD_KINDS. */
export function* talentRows(n: number, opts: { badEvery?: number; offset?: number } = {}): Generator<string[]> {
  const off = opts.offset ?? 0;
  for (let k = 0; k < n; k++) {
    const i = off + k;
    const bad = opts.badEvery && (k + 1) % opts.badEvery === 0 ? BAD_KINDS[Math.floor(k / opts.badEvery) % BAD_KINDS.length] : undefined;
    yield talentRow(i, bad);
  }
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

export function toCsv(header: string[], rows: Iterable<string[]>): string {
  let s = `\uFEFF${csvLine(header)}\r\n`;
  for (const r of rows) s += `${csvLine(r)}\r\n`;
  return s;
}

export async function writeCsvFile(file: string, header: string[], rows: Iterable<string[]>): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\uFEFF${csvLine(header)}\r\n`);
  for (const r of rows) await write(`${csvLine(r)}\r\n`);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** An xlsx written with exceljs' streaming writer (shared strings, as Excel itself saves them). */
export async function writeXlsxFile(file: string, header: string[], rows: Iterable<(string | number | Date)[]>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(header).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await wb.commit();
}
