/**
 * The monthly report as an Excel workbook: a cover sheet (region, month, generation time, data note) and one
 * sheet per section, Chinese headers, numbers stored as numbers (money in 元 with two decimals), 暂无数据 /
 * 无样本 as text where there is no figure. `addTableSheet` also serves the dashboard's chart export.
 */
import ExcelJS from 'exceljs';
import { INDICATORS, type IndicatorKey } from '../../../shared/dashboard.js';
import type { ReportData, SubsidyLine } from './dashboard.reports.data.js';
import { DATA_NOTE, INDICATOR_NAMES, monthTitle, NO_DATA, NO_SAMPLE, shanghaiTime, UNIT_NAMES } from './dashboard.reports.labels.js';

export type CellValue = string | number | null;
export interface Column {
  header: string;
  width?: number;
  /** Excel number format for numeric cells, e.g. '#,##0' or '#,##0.00'. */
  numFmt?: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEEBF7' } };

/**
 * A sheet with a bold, filled, frozen header row and one row per line. A numeric cell takes its column's
 * number format, else its row's (`rowFormats`, for sheets with one indicator per row).
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: CellValue[][],
  rowFormats?: Array<string | undefined>,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const [i, values] of rows.entries()) {
    const row = ws.addRow(values.map((v) => v ?? ''));
    row.eachCell((cell, col) => {
      const fmt = columns[col - 1]?.numFmt ?? rowFormats?.[i];
      if (fmt && typeof cell.value === 'number') cell.numFmt = fmt;
      if (typeof cell.value === 'string' && (cell.value === NO_DATA || cell.value === NO_SAMPLE)) cell.font = { color: { argb: 'FF8C8C8C' } };
    });
  }
  return ws;
}

/** A figure as the sheet stores it: 元 for money, the number otherwise; text where there is none. */
export function indicatorCell(key: IndicatorKey, value: number | null, available: boolean): CellValue {
  if (!available) return NO_DATA;
  if (value === null) return NO_SAMPLE;
  return INDICATORS[key].unit === 'fen' ? value / 100 : value;
}

export const numFmtOf = (key: IndicatorKey) => {
  const unit = INDICATORS[key].unit;
  return unit === 'fen' ? '#,##0.00' : unit === 'percent' || unit === 'day' ? '0.0' : '#,##0';
};

const yuan = (fen: number) => fen / 100;

function coverSheet(wb: ExcelJS.Workbook, d: ReportData, version: number) {
  const ws = wb.addWorksheet('封面');
  ws.columns = [{ width: 16 }, { width: 90 }];
  ws.addRow([`${d.regionName}数字人才发展月度报告`]).font = { bold: true, size: 16 };
  ws.addRow([]);
  const lines: Array<[string, string]> = [
    ['地区', `${d.regionName}（${d.regionCode}）`],
    ['报告月份', `${monthTitle(d.month)}（${d.month}）`],
    ['生成时间', `${shanghaiTime(d.generatedAt)}（北京时间）`],
    ['版本', `第 ${version} 版`],
    ['数据说明', DATA_NOTE],
  ];
  for (const [k, v] of lines) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  ws.addRow(['目录', '主要指标 · 月度趋势 · 分地区 · 数字职业 · 补贴']);
}

function indicatorSheet(wb: ExcelJS.Workbook, d: ReportData) {
  addTableSheet(
    wb,
    '主要指标',
    [
      { header: '指标', width: 36 },
      { header: '单位', width: 8 },
      { header: `本月（${d.month}）`, width: 16 },
      { header: '本年累计', width: 16 },
      { header: '年度目标', width: 14 },
      { header: '完成进度（%）', width: 14, numFmt: '0.0' },
    ],
    d.indicators.map((i) => [
      INDICATOR_NAMES[i.key],
      UNIT_NAMES[i.unit],
      indicatorCell(i.key, i.month, i.available),
      indicatorCell(i.key, i.ytd, i.available),
      i.target === null ? '' : INDICATORS[i.key].unit === 'fen' ? yuan(i.target) : i.target,
      i.progress,
    ]),
    d.indicators.map((i) => numFmtOf(i.key)),
  );
}

function trendSheet(wb: ExcelJS.Workbook, d: ReportData) {
  addTableSheet(
    wb,
    '月度趋势',
    [{ header: '指标', width: 36 }, { header: '单位', width: 8 }, ...d.trend.months.map((m) => ({ header: m, width: 11 }))],
    d.trend.rows.map((r) => [INDICATOR_NAMES[r.key], UNIT_NAMES[INDICATORS[r.key].unit], ...r.values.map((v) => indicatorCell(r.key, v, r.available))]),
    d.trend.rows.map((r) => numFmtOf(r.key)),
  );
}

function subRegionSheet(wb: ExcelJS.Workbook, d: ReportData) {
  const keys = d.indicators.map((i) => i.key);
  const available = new Map(d.indicators.map((i) => [i.key, i.available]));
  const rows: CellValue[][] = d.subRegions.length
    ? d.subRegions.map((r) => [r.regionName, r.regionCode, ...keys.map((k) => indicatorCell(k, r.values[k], available.get(k) ?? false))])
    : [['（无下级地区）', '', ...keys.map(() => '')]];
  rows.push([`${d.regionName}（全地区）`, d.regionCode, ...d.indicators.map((i) => indicatorCell(i.key, i.ytd, i.available))]);
  addTableSheet(
    wb,
    '分地区',
    [
      { header: '地区（本年累计）', width: 22 },
      { header: '区划代码', width: 10 },
      ...keys.map((k) => ({ header: INDICATOR_NAMES[k], width: 14, numFmt: numFmtOf(k) })),
    ],
    rows,
  );
}

function occupationSheet(wb: ExcelJS.Workbook, d: ReportData) {
  const { available, rows } = d.occupations;
  addTableSheet(
    wb,
    '数字职业',
    [
      { header: '排名', width: 6 },
      { header: '职业代码', width: 12 },
      { header: '职业名称（数字职业）', width: 32 },
      { header: `岗位发布数（${d.year}年）`, width: 16, numFmt: '#,##0' },
      { header: `培训报名人次（${d.year}年）`, width: 18, numFmt: '#,##0' },
      { header: `证书发放数（${d.year}年）`, width: 16, numFmt: '#,##0' },
    ],
    rows.length
      ? rows.map((r, i) => [
          i + 1,
          r.code,
          r.name ?? '',
          available.jobs ? r.postings : NO_DATA,
          available.training ? r.enrolled : NO_DATA,
          available.certificates ? r.certified : NO_DATA,
        ])
      : [['', '', NO_DATA, '', '', '']],
  );
}

const subsidyCells = (l: SubsidyLine): CellValue[] => [l.applied, yuan(l.appliedFen), l.approved, yuan(l.approvedFen), l.paid, yuan(l.paidFen)];

function subsidySheet(wb: ExcelJS.Workbook, d: ReportData) {
  const s = d.subsidies;
  const money = { width: 16, numFmt: '#,##0.00' };
  const count = { width: 12, numFmt: '#,##0' };
  const rows: CellValue[][] = s.available
    ? [
        ['合计', `本月（${d.month}）`, ...subsidyCells(s.month)],
        ['合计', '本年累计', ...subsidyCells(s.ytd)],
        ...s.byPolicy.map((l) => [l.policyName ? `${l.policyName}（${l.policyCode}）` : l.policyCode, '本年累计', ...subsidyCells(l)]),
      ]
    : [['合计', '', NO_DATA, '', '', '', '', '']];
  addTableSheet(
    wb,
    '补贴',
    [
      { header: '政策', width: 36 },
      { header: '期间', width: 16 },
      { header: '申请笔数', ...count },
      { header: '申请金额（元）', ...money },
      { header: '批准笔数', ...count },
      { header: '批准金额（元）', ...money },
      { header: '发放笔数', ...count },
      { header: '发放金额（元）', ...money },
    ],
    rows,
  );
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '赣才 · 江西省数字人才服务平台';
  return wb;
}

/** The whole report as .xlsx bytes. */
export async function reportWorkbook(d: ReportData, version: number): Promise<Buffer> {
  const wb = newWorkbook();
  wb.created = d.generatedAt;
  coverSheet(wb, d, version);
  indicatorSheet(wb, d);
  trendSheet(wb, d);
  subRegionSheet(wb, d);
  occupationSheet(wb, d);
  subsidySheet(wb, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
