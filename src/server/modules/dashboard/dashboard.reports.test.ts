/**
 * 月度报告 over HTTP: generated in the background with progress, the figures equal the dashboard's after new
 * activity, the xlsx parses back with those figures, the PDF is a real document, a request for a report already
 * under way returns it, and officials see only their region's reports (another city's: 404, audited).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { INDICATORS, type IndicatorKey } from '../../../shared/dashboard.js';
import type { ReportView } from '../../../shared/dashboard-reports.js';
import { zhCNDashboard } from '../../../web/i18n/zh-CN.dashboard.js';
import { recordMetric, shanghaiMonth } from './dashboard.metrics.js';
import { INDICATOR_NAMES } from './dashboard.reports.labels.js';
import { syncFacts } from './dashboard.sources.js';

const SOFTWARE = '2-02-10-03'; // 计算机软件工程技术人员, a digital occupation
let t: TestApp;
let ganzhou: Session;
let nanchang: Session;
let province: Session;
let month: string;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  await syncFacts(t.ctx().db);
  [ganzhou, nanchang, province] = [await t.signIn('official.ganzhou'), await t.signIn('official.nanchang'), await t.signIn('official.province')];
  month = shanghaiMonth(t.clock.now());
  year = Number(month.slice(0, 4));
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const requestReport = (s: Session, regionCode: string, m = month) =>
  s.request({ method: 'POST', url: '/api/dashboard/reports', payload: { regionCode, month: m } });

async function finished(s: Session, id: string): Promise<ReportView> {
  await t.app.platform.tasks.idle();
  await expect.poll(async () => (await get(s, `/api/dashboard/reports/${id}`)).json().status, { timeout: 30_000, interval: 100 }).toBe('done');
  return (await get(s, `/api/dashboard/reports/${id}`)).json();
}

async function workbook(s: Session, id: string): Promise<ExcelJS.Workbook> {
  const res = await get(s, `/api/dashboard/reports/${id}/report.xlsx`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** The row of a sheet whose first cell is `name`, as values (index 1 = column A). */
function rowOf(ws: ExcelJS.Worksheet | undefined, name: string): unknown[] {
  let found: unknown[] | undefined;
  ws?.eachRow((row) => {
    if (row.getCell(1).value === name) found = row.values as unknown[];
  });
  if (!found) throw new Error(`no row ${name} in ${ws?.name}`);
  return found;
}

/** A dashboard figure as the workbook stores it (元 for money; text where there is none). */
const asCell = (key: IndicatorKey, v: number | null, available = true) =>
  !available ? '暂无数据' : v === null ? '无样本' : INDICATORS[key].unit === 'fen' ? v / 100 : v;

describe('monthly report', () => {
  let reportId: string;

  it('generates in the background, and its figures equal the dashboard after new activity', async () => {
    const db = t.ctx().db;
    const at = t.clock.now();
    const facts = [
      { metric: 'job.published', subjectId: 'rpt-job-1', regionCode: '360702', occupationCode: SOFTWARE, digital: true },
      { metric: 'job.published', subjectId: 'rpt-job-2', regionCode: '360703', occupationCode: SOFTWARE, digital: true },
      { metric: 'hire', subjectId: 'rpt-hire-1', regionCode: '360702', occupationCode: SOFTWARE, digital: true, days: 4 },
      { metric: 'training.completed', subjectId: 'rpt-train-1', regionCode: '360702', dimension: 'digital_engineer', occupationCode: SOFTWARE, digital: true },
      { metric: 'certificate.issued', subjectId: 'rpt-cert-1', regionCode: '360703', occupationCode: SOFTWARE, digital: true },
      { metric: 'subsidy.applied', subjectId: 'rpt-claim-1', regionCode: '360702', dimension: 'skill-evaluation-subsidy', amountFen: 150_050 },
      { metric: 'subsidy.approved', subjectId: 'rpt-claim-1', regionCode: '360702', dimension: 'skill-evaluation-subsidy', amountFen: 150_050, days: 2 },
      { metric: 'subsidy.paid', subjectId: 'rpt-claim-1', regionCode: '360702', dimension: 'skill-evaluation-subsidy', amountFen: 150_050, days: 6 },
    ] as const;
    for (const f of facts) await recordMetric(db, { ...f, occurredAt: at });

    const res = await requestReport(ganzhou, '360700');
    expect(res.statusCode, res.body).toBe(202);
    const queued = res.json() as { report: ReportView; reused: boolean };
    expect(queued).toMatchObject({ reused: false, report: { regionCode: '360700', regionName: '赣州市', month, version: 1 } });
    reportId = queued.report.id;
    const done = await finished(ganzhou, reportId);
    expect(done).toMatchObject({ status: 'done', percent: 100 });
    expect(done.xlsxBytes).toBeGreaterThan(5_000);
    // the task itself reached its last step, visible to the requester
    const task = (await get(ganzhou, `/api/tasks/${done.taskId}`)).json();
    expect(task).toMatchObject({ status: 'succeeded', progress: 8, total: 8 });

    const summary = (await get(ganzhou, `/api/dashboard/summary?regionCode=360700&year=${year}`)).json() as {
      indicators: Array<{ key: IndicatorKey; value: number | null; available: boolean; target: number | null }>;
    };
    const wb = await workbook(ganzhou, reportId);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['封面', '主要指标', '月度趋势', '分地区', '数字职业', '补贴']);
    expect(String(rowOf(wb.getWorksheet('封面'), '地区')[2])).toContain('赣州市');
    expect(String(rowOf(wb.getWorksheet('封面'), '报告月份')[2])).toContain(month);
    const sheet = wb.getWorksheet('主要指标');
    const trendSheet = wb.getWorksheet('月度趋势');
    for (const i of summary.indicators) {
      const trend = (await get(ganzhou, `/api/dashboard/trend?regionCode=360700&indicator=${i.key}&year=${year}`)).json() as {
        points: Array<{ month: string; value: number | null }>;
      };
      const inMonth = trend.points.find((p) => p.month === month)?.value ?? null;
      const later = trend.points.filter((p) => p.month > month && p.value);
      const row = rowOf(sheet, INDICATOR_NAMES[i.key]);
      expect(row[3], `${i.key} this month`).toEqual(asCell(i.key, inMonth, i.available));
      // the year so far equals the dashboard's year while nothing is recorded after this month
      if (!later.length) expect(row[4], `${i.key} year to date`).toEqual(asCell(i.key, i.value, i.available));
      if (i.target !== null) expect(row[5]).toEqual(INDICATORS[i.key].unit === 'fen' ? i.target / 100 : i.target);
      expect(rowOf(trendSheet, INDICATOR_NAMES[i.key])[14], `${i.key} last trend month`).toEqual(asCell(i.key, inMonth, i.available));
    }
    expect(rowOf(sheet, INDICATOR_NAMES.digital_jobs_published)[3]).toBeGreaterThanOrEqual(2);
    expect(rowOf(sheet, INDICATOR_NAMES.subsidy_amount_paid)[3]).toBeGreaterThanOrEqual(1500.5);
    // sub-regions: the same figures as the dashboard's drill-down
    const counties = (await get(ganzhou, `/api/dashboard/breakdown?regionCode=360700&indicator=digital_jobs_published&year=${year}`)).json();
    const zhanggong = counties.rows.find((r: { regionCode: string }) => r.regionCode === '360702');
    const header = wb.getWorksheet('分地区')?.getRow(1).values as unknown[];
    const col = header.indexOf(INDICATOR_NAMES.digital_jobs_published);
    expect(rowOf(wb.getWorksheet('分地区'), '章贡区')[col]).toBe(zhanggong.value);
    // digital occupations and subsidies
    const software = wb
      .getWorksheet('数字职业')
      ?.getRows(2, 10)
      ?.find((r) => r.getCell(2).value === SOFTWARE);
    expect(Number(software?.getCell(4).value)).toBeGreaterThanOrEqual(2);
    expect(Number(software?.getCell(6).value)).toBeGreaterThanOrEqual(1);
    const subsidies = wb.getWorksheet('补贴');
    const monthTotal = subsidies?.getRow(2).values as unknown[];
    expect(monthTotal.slice(1, 3)).toEqual(['合计', `本月（${month}）`]);
    expect(monthTotal[8]).toBeGreaterThanOrEqual(1500.5);
  });

  it('has a Chinese PDF with charts, and both files answer with their content types', async () => {
    const res = await get(ganzhou, `/api/dashboard/reports/${reportId}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('赣州市'));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(30_000);
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
    const audit = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'dashboard.report_download'");
    expect(audit[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('returns the report already under way instead of queuing another, and adds a version afterwards', async () => {
    const [a, b] = await Promise.all([requestReport(province, '360000'), requestReport(province, '360000')]);
    const answers = [a.json(), b.json()] as Array<{ report: ReportView; reused: boolean }>;
    expect(answers.map((x) => x.reused).sort()).toEqual([false, true]);
    expect(answers[0]?.report.id).toBe(answers[1]?.report.id);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 202]);
    const first = await finished(province, answers[0]?.report.id as string);
    const again = await requestReport(province, '360000');
    expect(again.statusCode).toBe(202);
    expect(again.json().report).toMatchObject({ version: 2 });
    expect(again.json().report.id).not.toBe(first.id);
    await finished(province, again.json().report.id);
    // the province workbook lists the cities
    const wb = await workbook(province, again.json().report.id);
    expect(rowOf(wb.getWorksheet('分地区'), '赣州市')[2]).toBe('360700');
  });

  it('keeps each city to its own reports: another city’s report is 404 and the refusal audited', async () => {
    const res = await requestReport(nanchang, '360100');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().report.id as string;
    await finished(nanchang, id);
    for (const url of [`/api/dashboard/reports/${id}`, `/api/dashboard/reports/${id}/report.xlsx`, `/api/dashboard/reports/${id}/report.pdf`]) {
      const refused = await get(ganzhou, url);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.body).not.toContain('南昌');
    }
    const denied = await t.database.query<{ detail: { route: string } }>(
      "select detail from audit_log where action = 'access.denied' order by seq desc limit 3",
    );
    expect(denied.map((d) => d.detail.route)).toContain('/api/dashboard/reports/:id/report.pdf');
    expect((await requestReport(ganzhou, '360100')).statusCode).toBe(404);
    expect((await get(ganzhou, '/api/dashboard/reports?regionCode=360100')).statusCode).toBe(404);
    const mine = (await get(ganzhou, '/api/dashboard/reports')).json() as ReportView[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.regionCode.startsWith('3607'))).toBe(true);
    // the province official reads both cities'
    expect((await get(province, `/api/dashboard/reports/${id}`)).statusCode).toBe(200);
    expect((await get(province, `/api/dashboard/reports/${reportId}/report.xlsx`)).statusCode).toBe(200);
    const all = (await get(province, '/api/dashboard/reports')).json() as ReportView[];
    expect(new Set(all.map((r) => r.regionCode))).toEqual(new Set(['360000', '360100', '360700']));
  });

  it('refuses other roles, future months and downloads before the report is done', async () => {
    const talent = await t.signIn('talent.ganzhou');
    expect((await requestReport(talent, '360700')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard/reports' })).statusCode).toBe(401);
    const future = `${year + 1}-01`;
    const late = await requestReport(ganzhou, '360700', future);
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('DASHBOARD_REPORT_MONTH_INVALID');
    expect((await requestReport(ganzhou, '360700', `${year}-13`)).statusCode).toBe(400);
    const [queued] = await t.database.query<{ id: string }>(
      `insert into dashboard_reports (region_code, month, version, status, requested_by, created_at)
       values ('360700', '2020-01', 1, 'queued', $1, now()) returning id`,
      [ganzhou.userId],
    );
    const early = await get(ganzhou, `/api/dashboard/reports/${queued?.id}/report.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('DASHBOARD_REPORT_NOT_READY');
  });

  it('prints the dashboard’s indicator names', () => {
    expect(INDICATOR_NAMES).toEqual(zhCNDashboard.indicators);
  });
});

describe('chart export as Excel', () => {
  const exportXlsx = (s: Session, query: string) => get(s, `/api/dashboard/export.xlsx?${query}`);
  async function sheetOf(res: { rawPayload: Buffer }, name: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('说明')).toBeDefined();
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  it('writes the rows of the breakdown, trend and occupation tables with Chinese headers', async () => {
    const res = await exportXlsx(ganzhou, `view=breakdown&regionCode=360700&year=${year}&indicator=digital_jobs_published`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('赣州市'));
    const api = (await get(ganzhou, `/api/dashboard/breakdown?regionCode=360700&indicator=digital_jobs_published&year=${year}`)).json();
    const ws = await sheetOf(res, '分地区');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['地区', '区划代码', INDICATOR_NAMES.digital_jobs_published, '目标值']);
    for (const r of api.rows as Array<{ regionName: string; value: number }>) expect(rowOf(ws, r.regionName)[3]).toBe(r.value);

    const trend = await exportXlsx(ganzhou, `view=trend&regionCode=360700&year=${year}&indicator=subsidy_amount_paid`);
    const points = (await get(ganzhou, `/api/dashboard/trend?regionCode=360700&indicator=subsidy_amount_paid&year=${year}`)).json().points;
    const trendWs = await sheetOf(trend, '月度趋势');
    expect(rowOf(trendWs, month)[2]).toBe((points.find((p: { month: string }) => p.month === month).value as number) / 100);

    const occ = await exportXlsx(ganzhou, `view=occupations&regionCode=360700&year=${year}`);
    const occWs = await sheetOf(occ, '按职业');
    expect((occWs.getRow(1).values as unknown[]).slice(1)).toEqual(['职业', '职业代码', '培训报名', '培训结业', '发放证书']);
  });

  it('answers 400 without an indicator and 404 outside the official’s region', async () => {
    expect((await exportXlsx(ganzhou, `view=trend&regionCode=360700&year=${year}`)).statusCode).toBe(400);
    expect((await exportXlsx(ganzhou, `view=occupations&regionCode=360100&year=${year}`)).statusCode).toBe(404);
    expect((await exportXlsx(province, `view=occupations&regionCode=360100&year=${year}`)).statusCode).toBe(200);
  });
});
