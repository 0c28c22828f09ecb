/**
 * Catalogue entries to and from Excel. Import reads the first worksheet (row 1 = headers, matched by name,
 * so columns may be in any order); every row is checked and every problem reported with its row number and
 * column; nothing is written unless all rows are valid. Subsidy standards are written in 元 (two decimals)
 * and stored in 分.
 */
import ExcelJS from 'exceljs';
import { CATALOGUE_SHEET_COLUMNS, type CatalogueKind, type ImportRowError, MAX_SUBSIDY_FEN } from '../../../shared/skillcatalog.js';
import { AppError } from '../../../shared/errors.js';

export const MAX_IMPORT_ROWS = 5000;

export interface ParsedEntry {
  occupationCode: string;
  workType: string;
  levelCode: string;
  subsidyFen: number | null;
  note: string | null;
}

export interface RowProblem {
  row: number;
  column: string;
  error: ImportRowError;
  value: string;
}

export interface OccupationInfo {
  level: number;
  name: string;
  isDigital: boolean;
}

/** 五级 / 初级工 / 初级 / 5 / 五 → '5' … ; '' when blank; null when unrecognised. */
export function parseLevel(raw: string): string | null {
  const v = raw.replace(/\s/g, '').replace(/（.*?）|\(.*?\)/g, '');
  if (v === '') return '';
  const table: Record<string, string> = {
    '5': '5',
    五级: '5',
    五: '5',
    初级工: '5',
    初级: '5',
    '4': '4',
    四级: '4',
    四: '4',
    中级工: '4',
    中级: '4',
    '3': '3',
    三级: '3',
    三: '3',
    高级工: '3',
    高级: '3',
    '2': '2',
    二级: '2',
    二: '2',
    技师: '2',
    '1': '1',
    一级: '1',
    一: '1',
    高级技师: '1',
  };
  if (table[v]) return table[v] as string;
  // "五级/初级工" as exported
  const first = v.split(/[/／]/)[0] ?? '';
  return table[first] ?? null;
}

export const LEVEL_LABEL: Record<string, string> = { '5': '五级/初级工', '4': '四级/中级工', '3': '三级/高级工', '2': '二级/技师', '1': '一级/高级技师' };

/** "1,000.50" / "1000" / 1000.5 → 分; null when not a plain amount with at most two decimals. */
export function parseYuan(raw: string): number | null {
  const v = raw.replace(/[,，\s元]/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(v)) return null;
  const [whole, frac = ''] = v.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function cellText(cell: ExcelJS.CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('richText' in cell)
      return cell.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in cell && typeof cell.text === 'string') return cell.text.trim();
    if ('result' in cell) return cellText(cell.result as ExcelJS.CellValue);
  }
  return String(cell).trim();
}

/**
 * Reads a workbook into entries for a version of `kind`. Throws 400 IMPORT_FILE_UNREADABLE / IMPORT_FILE_EMPTY /
 * IMPORT_HEADER_MISSING; returns the row problems (empty when every row is valid).
 */
export async function parseCatalogueWorkbook(
  body: Buffer,
  kind: CatalogueKind,
  lookupOccupations: (codes: string[]) => Promise<Map<string, OccupationInfo>>,
): Promise<{ entries: ParsedEntry[]; problems: RowProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { status: 400 });
  }
  const sheet = wb.worksheets[0];
  if (!sheet || sheet.rowCount < 2) throw new AppError('IMPORT_FILE_EMPTY', { status: 400 });
  const headerRow = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const name = cellText(cell.value)
      .replace(/\*$/, '')
      .replace(/\(元\)/, '（元）');
    columnOf.set(name, col);
  });
  const required = kind === 'training_subsidy' ? ['职业编码', '等级', '补贴标准（元）'] : ['职业编码'];
  const missing = required.filter((h) => !columnOf.has(h));
  if (missing.length) throw new AppError('IMPORT_HEADER_MISSING', { status: 400, params: { columns: missing.join('、') } });

  const raw: Array<{ row: number; code: string; workType: string; level: string; subsidy: string; note: string }> = [];
  const text = (r: ExcelJS.Row, header: string) => {
    const col = columnOf.get(header);
    return col ? cellText(r.getCell(col).value) : '';
  };
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const item = {
      row: rowNumber,
      code: text(r, '职业编码'),
      workType: text(r, '工种'),
      level: text(r, '等级'),
      subsidy: text(r, '补贴标准（元）'),
      note: text(r, '备注'),
    };
    if (Object.values(item).every((v) => v === '' || typeof v === 'number')) return;
    raw.push(item);
  });
  if (raw.length === 0) throw new AppError('IMPORT_FILE_EMPTY', { status: 400 });
  if (raw.length > MAX_IMPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { maxRows: MAX_IMPORT_ROWS } });

  const known = await lookupOccupations([...new Set(raw.map((r) => r.code).filter(Boolean))]);
  const problems: RowProblem[] = [];
  const entries: ParsedEntry[] = [];
  const seen = new Map<string, number>();
  for (const r of raw) {
    const before = problems.length;
    const problem = (column: string, error: ImportRowError, value: string) => problems.push({ row: r.row, column, error, value });
    const occ = known.get(r.code);
    if (!r.code) problem('职业编码', 'occupation_required', r.code);
    else if (!occ) problem('职业编码', 'occupation_unknown', r.code);
    else if (occ.level !== 4) problem('职业编码', 'occupation_not_detailed', r.code);
    if (r.workType.length > 40) problem('工种', 'work_type_too_long', r.workType);
    const level = parseLevel(r.level);
    if (level === null) problem('等级', 'level_invalid', r.level);
    else if (level === '' && kind === 'training_subsidy') problem('等级', 'level_required', r.level);
    let subsidyFen: number | null = null;
    if (kind === 'training_subsidy') {
      if (r.subsidy === '') problem('补贴标准（元）', 'subsidy_required', r.subsidy);
      else {
        subsidyFen = parseYuan(r.subsidy);
        if (subsidyFen === null || subsidyFen > MAX_SUBSIDY_FEN) problem('补贴标准（元）', 'subsidy_invalid', r.subsidy);
      }
    } else if (r.subsidy !== '') problem('补贴标准（元）', 'subsidy_not_allowed', r.subsidy);
    if (r.note.length > 200) problem('备注', 'note_too_long', r.note.slice(0, 20));
    const key = `${r.code}|${r.workType}|${level ?? r.level}`;
    const first = seen.get(key);
    if (first !== undefined) problem('职业编码', 'duplicate', `${r.code} (${first})`);
    else seen.set(key, r.row);
    if (problems.length === before) {
      entries.push({ occupationCode: r.code, workType: r.workType, levelCode: level ?? '', subsidyFen, note: r.note || null });
    }
  }
  return { entries, problems };
}

export interface ExportEntry {
  occupationCode: string;
  occupationName: string;
  workType: string;
  levelCode: string;
  subsidyFen: number | null;
  digital: boolean;
  note: string | null;
}

/** A workbook with the entries (same columns as the import) and a sheet describing the version. */
export async function catalogueWorkbook(
  meta: {
    title: string;
    kindName: string;
    regionName: string;
    label: string;
    documentNo: string | null;
    effectiveFrom: string;
    effectiveTo: string | null;
    status: string;
  },
  entries: ExportEntry[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('目录条目');
  sheet.addRow([...CATALOGUE_SHEET_COLUMNS]).font = { bold: true };
  for (const e of entries) {
    sheet.addRow([
      e.occupationCode,
      e.occupationName,
      e.workType,
      e.levelCode ? (LEVEL_LABEL[e.levelCode] ?? e.levelCode) : '',
      e.subsidyFen === null ? '' : fenToYuan(e.subsidyFen),
      e.digital ? '是' : '否',
      e.note ?? '',
    ]);
  }
  const widths = [14, 30, 16, 14, 14, 10, 30];
  widths.forEach((w, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = w;
    col.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const info = wb.addWorksheet('版本信息');
  info.addRows([
    ['目录', meta.kindName],
    ['发布地区', meta.regionName],
    ['版本', meta.label],
    ['文号', meta.documentNo ?? ''],
    ['生效日期', meta.effectiveFrom],
    ['失效日期', meta.effectiveTo ?? ''],
    ['状态', meta.status],
    ['说明', '“目录条目”表可修改后导入为新版本草稿；补贴标准单位为元，最多两位小数；等级填写 五级/初级工 … 一级/高级技师。'],
  ]);
  info.getColumn(1).width = 12;
  info.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
