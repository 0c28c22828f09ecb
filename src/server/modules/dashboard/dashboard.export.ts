/**
 * 导出 Excel of a dashboard chart: the rows of the chart's table (the same the CSV export writes), read by the
 * same service functions as the page, as an .xlsx with Chinese headers, numbers as numbers, and a 说明 sheet
 * (region, year, time, data note).
 */
import { INDICATORS, type IndicatorKey } from '../../../shared/dashboard.js';
import type { ExportQuery } from '../../../shared/dashboard-reports.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { addTableSheet, type CellValue, indicatorCell, newWorkbook, numFmtOf } from './dashboard.reports.excel.js';
import { DATA_NOTE, INDICATOR_NAMES, NO_DATA, shanghaiTime } from './dashboard.reports.labels.js';
import { assertMayRead, breakdown, byOccupation, regionName, trend } from './dashboard.service.js';

type ActorCtx = Ctx & { actor: Actor };

interface Sheet {
  name: string;
  title: string;
  columns: Array<{ header: string; width?: number; numFmt?: string }>;
  rows: CellValue[][];
}

async function breakdownSheet(ctx: ActorCtx, q: ExportQuery, key: IndicatorKey, region: string): Promise<Sheet> {
  const b = await breakdown(ctx, q.regionCode, key, q.year);
  const target = (v: number | null) => (v === null ? '' : INDICATORS[key].unit === 'fen' ? v / 100 : v);
  const rows: CellValue[][] = b.rows.map((r) => [r.regionName, r.regionCode, indicatorCell(key, r.value, b.available), target(r.target)]);
  if (b.unattributed) rows.push([`${region}本级（未落到下级地区）`, q.regionCode, indicatorCell(key, b.unattributed, b.available), '']);
  return {
    name: '分地区',
    title: `${region}各地${INDICATOR_NAMES[key]}`,
    columns: [
      { header: '地区', width: 24 },
      { header: '区划代码', width: 10 },
      { header: INDICATOR_NAMES[key], width: 24, numFmt: numFmtOf(key) },
      { header: '目标值', width: 14, numFmt: numFmtOf(key) },
    ],
    rows,
  };
}

async function trendSheet(ctx: ActorCtx, q: ExportQuery, key: IndicatorKey, region: string): Promise<Sheet> {
  const tr = await trend(ctx, q.regionCode, key, q.year);
  return {
    name: '月度趋势',
    title: `${region}${INDICATOR_NAMES[key]}月度趋势`,
    columns: [
      { header: '月份', width: 10 },
      { header: INDICATOR_NAMES[key], width: 24, numFmt: numFmtOf(key) },
    ],
    rows: tr.points.map((p) => [p.month, indicatorCell(key, p.value, tr.available)]),
  };
}

async function occupationSheet(ctx: ActorCtx, q: ExportQuery, region: string): Promise<Sheet> {
  const o = await byOccupation(ctx, q.regionCode, q.year);
  const n = (ok: boolean, v: number) => (ok ? v : NO_DATA);
  return {
    name: '按职业',
    title: `${region}按职业统计培训与证书`,
    columns: [
      { header: '职业', width: 32 },
      { header: '职业代码', width: 12 },
      { header: '培训报名', width: 12, numFmt: '#,##0' },
      { header: '培训结业', width: 12, numFmt: '#,##0' },
      { header: '发放证书', width: 12, numFmt: '#,##0' },
    ],
    rows: o.rows.map((r) => [
      r.occupationName ?? '',
      r.occupationCode,
      n(o.available.training, r.enrolled),
      n(o.available.training, r.completed),
      n(o.available.certificates, r.certified),
    ]),
  };
}

/** The chart's data as .xlsx bytes and a file name. 400 without an indicator for breakdown / trend; 403; 404 as the dashboard. */
export async function exportChart(ctx: ActorCtx, q: ExportQuery): Promise<{ body: Buffer; fileName: string }> {
  if (q.view !== 'occupations' && !q.indicator) throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'indicator' } });
  const key = q.indicator as IndicatorKey;
  assertMayRead(ctx.actor, q.regionCode);
  const region = { name: await regionName(ctx, q.regionCode) };
  const sheet =
    q.view === 'breakdown'
      ? await breakdownSheet(ctx, q, key, region.name)
      : q.view === 'trend'
        ? await trendSheet(ctx, q, key, region.name)
        : await occupationSheet(ctx, q, region.name);
  const wb = newWorkbook();
  addTableSheet(wb, sheet.name, sheet.columns, sheet.rows);
  addTableSheet(
    wb,
    '说明',
    [
      { header: '项目', width: 12 },
      { header: '内容', width: 90 },
    ],
    [
      ['图表', sheet.title],
      ['地区', `${region.name}（${q.regionCode}）`],
      ['年度', q.year],
      ['导出时间', `${shanghaiTime(ctx.now)}（北京时间）`],
      ['数据说明', DATA_NOTE],
    ],
  );
  const suffix = q.view === 'occupations' ? '按职业' : `${INDICATOR_NAMES[key].replace(/（.*）$/, '')}${q.view === 'trend' ? '-月度' : ''}`;
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${region.name}-${suffix}-${q.year}.xlsx` };
}
