/**
 * 企业薪酬调查 file → checked rows. First worksheet of an xlsx; header row 1 names the columns (order free):
 * 职业代码, 地区代码, 计薪周期, 工资（元）; 职业名称 may be present and is ignored. One row = one worker.
 * Pure apart from the catalogue lookups passed in, so the rules are tested without a database.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.js';
import { monthlyFen, PAY_PERIOD_LABELS, type PayPeriod, PayPeriod as PayPeriodEnum, type SurveyRowError } from '../../../shared/wages.js';

export const SURVEY_COLUMNS = { occupation: '职业代码', region: '地区代码', period: '计薪周期', pay: '工资（元）' } as const;
type Column = keyof typeof SURVEY_COLUMNS;
export const SURVEY_MAX_ROWS = 50_000;
/** Monthly pay outside 500 元 … 1,000,000 元 is refused as a typing slip. */
const MIN_MONTHLY_FEN = 50_000;
const MAX_MONTHLY_FEN = 100_000_000;
const MAX_REPORTED_ERRORS = 200;

export interface SurveyRow {
  rowNo: number;
  occupationCode: string;
  regionCode: string;
  monthlyFen: number;
}

export interface SurveyLookups {
  /** 'digital' / 'other' for a known 细类, null when the code is not in the 职业分类大典. */
  occupation(code: string): 'digital' | 'other' | null;
  /** Why a region code cannot be used (unknown, not a city or county, outside the uploader's region), or null. */
  regionProblem(code: string): 'region_unknown' | 'region_not_city' | 'region_outside_scope' | null;
}

export interface ParsedSurvey {
  rows: SurveyRow[];
  skippedNotDigital: number;
  errors: SurveyRowError[];
  errorCount: number;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v.normalize('NFKC').trim();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .normalize('NFKC')
      .trim();
  if (typeof v === 'object' && 'result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return '';
}

const PERIOD_BY_LABEL = new Map<string, PayPeriod>(PayPeriodEnum.options.flatMap((p) => PAY_PERIOD_LABELS[p].map((l) => [l.toLowerCase(), p] as const)));

/** 元 with up to two decimals (thousands separators allowed) → 分; null if not a positive amount. */
export function parseYuan(raw: string): number | null {
  const s = raw.replace(/[\s,¥￥]|元/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const fen = Math.round(Number(s) * 100);
  return fen > 0 && Number.isSafeInteger(fen) ? fen : null;
}

/** The first worksheet as text cells, read with exceljs' streaming reader (fast, no styles kept). */
export async function readSurveyWorkbook(buffer: Buffer): Promise<string[][]> {
  const zip = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  if (!zip) throw new AppError('WAGES_SURVEY_UNREADABLE', { status: 400 });
  const out: string[][] = [];
  const input = Readable.from([buffer]);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      entries: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const r of sheet) {
        const values = Array.isArray(r.values) ? (r.values as ExcelJS.CellValue[]).slice(1) : [];
        out[r.number - 1] = Array.from({ length: values.length }, (_, i) => cellText(values[i] ?? null));
      }
      break; // only the first worksheet holds data (a 填写说明 sheet may follow)
    }
  } catch {
    // the streaming reader failed once in CI on a valid workbook (under heavy load): read it whole before giving up
    return readWhole(buffer);
  } finally {
    input.destroy();
  }
  if (out.length === 0) throw new AppError('WAGES_SURVEY_EMPTY', { status: 400 });
  return Array.from(out, (r) => r ?? []);
}

/** The first worksheet as text cells, read by exceljs' full reader (surveys are at most 10 MB). */
async function readWhole(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('WAGES_SURVEY_UNREADABLE', { status: 400 });
  }
  const sheet = wb.worksheets[0];
  const out: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (r, number) => {
    const values = Array.isArray(r.values) ? (r.values as ExcelJS.CellValue[]).slice(1) : [];
    out[number - 1] = Array.from({ length: values.length }, (_, i) => cellText(values[i] ?? null));
  });
  if (out.length === 0) throw new AppError('WAGES_SURVEY_EMPTY', { status: 400 });
  return Array.from(out, (r) => r ?? []);
}

/** Checks every row; errors carry the spreadsheet row number (header = 1) and the column's header. */
export function parseSurveyRows(table: string[][], lookups: SurveyLookups): ParsedSurvey {
  const header = (table[0] ?? []).map((h) => h.replace(/\(/g, '（').replace(/\)/g, '）'));
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(SURVEY_COLUMNS) as [Column, string][]) {
    index[key] = header.indexOf(name);
    if (index[key] < 0) missing.push(name);
  }
  if (missing.length) throw new AppError('WAGES_SURVEY_HEADER_MISSING', { status: 400, params: { columns: missing.join('、') } });
  const body = table.slice(1);
  if (body.filter((r) => r.some((c) => c !== '')).length === 0) throw new AppError('WAGES_SURVEY_EMPTY', { status: 400 });
  if (body.length > SURVEY_MAX_ROWS) throw new AppError('WAGES_SURVEY_TOO_MANY_ROWS', { status: 400, params: { max: SURVEY_MAX_ROWS } });

  const rows: SurveyRow[] = [];
  const errors: SurveyRowError[] = [];
  let errorCount = 0;
  let skippedNotDigital = 0;
  body.forEach((cells, i) => {
    if (!cells.some((c) => c !== '')) return;
    const rowNo = i + 2;
    const get = (c: Column) => cells[index[c]] ?? '';
    const rowErrors: SurveyRowError[] = [];
    const fail = (c: Column, reason: string) => rowErrors.push({ row: rowNo, column: SURVEY_COLUMNS[c], reason });

    const occupationCode = get('occupation');
    const occ = /^\d-\d{2}-\d{2}-\d{2}$/.test(occupationCode) ? lookups.occupation(occupationCode) : null;
    if (!occupationCode) fail('occupation', 'required');
    else if (occ === null) fail('occupation', 'occupation_unknown');

    const regionCode = get('region');
    if (!regionCode) fail('region', 'required');
    else if (!/^\d{6}$/.test(regionCode)) fail('region', 'region_unknown');
    else {
      const problem = lookups.regionProblem(regionCode);
      if (problem) fail('region', problem);
    }

    const period = PERIOD_BY_LABEL.get(get('period').toLowerCase());
    if (!period) fail('period', get('period') ? 'pay_period_invalid' : 'required');

    const payRaw = get('pay');
    const amount = payRaw ? parseYuan(payRaw) : null;
    if (!payRaw) fail('pay', 'required');
    else if (amount === null) fail('pay', 'pay_invalid');
    const monthly = amount !== null && period ? monthlyFen(amount, period) : null;
    if (monthly !== null && (monthly < MIN_MONTHLY_FEN || monthly > MAX_MONTHLY_FEN)) fail('pay', 'pay_out_of_range');

    if (rowErrors.length) {
      errorCount += rowErrors.length;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(...rowErrors.slice(0, MAX_REPORTED_ERRORS - errors.length));
      return;
    }
    if (occ === 'other') {
      skippedNotDigital++;
      return;
    }
    rows.push({ rowNo, occupationCode, regionCode, monthlyFen: monthly as number });
  });
  return { rows, skippedNotDigital, errors, errorCount };
}
