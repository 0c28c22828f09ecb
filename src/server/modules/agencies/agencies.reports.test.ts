/** 年度报告 over HTTP: one per agency and year, draft → submitted → returned / accepted, lateness, the region's table and its export. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { approveAgency, reportBody } from './agencies.test-support.js';

let t: TestApp;
let agency: Session;
let nanchang: Session;
let ganzhou: Session;
let province: Session;
let reportId: string;
let oldReportId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-20T02:00:00Z'));
  agency = await t.signIn('agency.nanchang');
  nanchang = await t.signIn('official.nanchang');
  ganzhou = await t.signIn('official.ganzhou');
  province = await t.signIn('official.province');
});
afterAll(async () => t?.close());

const transition = (s: Session, id: string, action: string, payload: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/agencies/reports/${id}/transitions/${action}`, payload });
const table = async (s: Session, year = 2025) => (await s.request({ method: 'GET', url: `/api/agencies/reports/table?year=${year}` })).json();

describe('annual reports', () => {
  it('are only for agencies whose registration was approved', async () => {
    const res = await agency.request({ method: 'POST', url: '/api/agencies/reports', payload: reportBody(2025) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AGENCIES_NOT_APPROVED', params: { registrationStatus: 'none' } });
    await approveAgency(agency, nanchang, t.clock.now());
  });

  it('are filed for a finished year, once per agency and year', async () => {
    const current = await agency.request({ method: 'POST', url: '/api/agencies/reports', payload: reportBody(2026) });
    expect(current.json()).toMatchObject({ code: 'AGENCIES_REPORT_YEAR_INVALID', params: { maxYear: 2025 } });
    const res = await agency.request({ method: 'POST', url: '/api/agencies/reports', payload: reportBody(2025) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', year: 2025, deadline: '2026-03-31', allowedActions: ['submit'] });
    reportId = res.json().id;
    const again = await agency.request({ method: 'POST', url: '/api/agencies/reports', payload: reportBody(2025, { placements: 1 }) });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'AGENCIES_REPORT_EXISTS', params: { year: 2025 } });
    const negative = await agency.request({ method: 'POST', url: '/api/agencies/reports', payload: reportBody(2024, { placements: -1 }) });
    expect(negative.json().code).toBe('VALIDATION_FAILED');
  });

  it('keep drafts from officials, who see the agency as not filed', async () => {
    expect((await nanchang.request({ method: 'GET', url: `/api/agencies/reports/${reportId}` })).statusCode).toBe(404);
    const rows = await table(nanchang);
    expect(rows).toMatchObject({ year: 2025, deadline: '2026-03-31', pastDeadline: true, total: 1 });
    expect(rows.items[0]).toMatchObject({
      orgName: '江西赣才人力资源服务有限公司',
      filingStatus: 'not_filed',
      overdue: true,
      reportId: null,
      placements: null,
    });
  });

  it('let the province move a year’s deadline, nobody else', async () => {
    expect((await nanchang.request({ method: 'PUT', url: '/api/agencies/reports/deadline', payload: { year: 2025, dueOn: '2026-06-30' } })).statusCode).toBe(
      403,
    );
    expect((await province.request({ method: 'PUT', url: '/api/agencies/reports/deadline', payload: { year: 2025, dueOn: '2025-12-01' } })).statusCode).toBe(
      400,
    );
    const set = await province.request({ method: 'PUT', url: '/api/agencies/reports/deadline', payload: { year: 2025, dueOn: '2026-06-30' } });
    expect(set.json()).toEqual({ year: 2025, deadline: '2026-06-30' });
    expect((await table(nanchang)).items[0].overdue).toBe(false);
  });

  it('are submitted on time, returned with a reason, corrected and accepted', async () => {
    const edited = await agency.request({
      method: 'PUT',
      url: `/api/agencies/reports/${reportId}`,
      payload: { ...reportBody(2025, { placements: 320 }), year: undefined },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await transition(agency, reportId, 'submit')).json()).toMatchObject({ status: 'submitted', late: false });
    expect((await agency.request({ method: 'PUT', url: `/api/agencies/reports/${reportId}`, payload: reportBody(2025) })).json().code).toBe(
      'AGENCIES_REPORT_NOT_EDITABLE',
    );
    expect((await transition(nanchang, reportId, 'return')).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await transition(nanchang, reportId, 'return', { reason: '帮助就业人数与服务人数不匹配，请核实' })).json().status).toBe('returned');
    await agency.request({ method: 'PUT', url: `/api/agencies/reports/${reportId}`, payload: reportBody(2025, { placements: 300 }) });
    expect((await transition(agency, reportId, 'submit')).json().status).toBe('submitted');
    const accepted = await transition(nanchang, reportId, 'accept');
    expect(accepted.json()).toMatchObject({ status: 'accepted', placements: 300, late: false, allowedActions: [] });
    expect(accepted.json().history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit', 'accept']);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where object_id = $1 order by seq`, [reportId]);
    expect(audit.map((a) => a.action)).toContain('agency_report.accept');
  });

  it('flag a first submission after the deadline as late', async () => {
    const res = await agency.request({ method: 'POST', url: '/api/agencies/reports', payload: reportBody(2024) });
    oldReportId = res.json().id;
    expect((await transition(agency, oldReportId, 'submit')).json()).toMatchObject({ status: 'submitted', late: true, deadline: '2025-03-31' });
    const rows = await table(nanchang, 2024);
    expect(rows.items[0]).toMatchObject({ filingStatus: 'submitted', late: true, overdue: false });
    expect(rows.counts).toMatchObject({ submitted: 1, late: 1, not_filed: 0 });
  });

  it('stay inside the region', async () => {
    expect((await ganzhou.request({ method: 'GET', url: `/api/agencies/reports/${oldReportId}` })).statusCode).toBe(404);
    expect((await transition(ganzhou, oldReportId, 'accept')).statusCode).toBe(404);
    expect((await table(ganzhou, 2024)).total).toBe(0);
    expect((await table(province, 2024)).total).toBe(1);
    const other = await t.signIn('employer.ganzhou');
    expect((await other.request({ method: 'PUT', url: `/api/agencies/reports/${oldReportId}`, payload: {} })).statusCode).toBe(403);
  });

  it('export the region’s table as Excel, audited', async () => {
    const res = await nanchang.request({ method: 'GET', url: '/api/agencies/reports/export?year=2025' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('机构名称');
    expect(sheet?.getRow(2).values).toEqual(expect.arrayContaining(['江西赣才人力资源服务有限公司', '已受理', '否', 300, '100万–1000万元']));
    const audit = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'agency_report.export'`);
    expect(audit[0]?.n).toBe(1);
    expect((await agency.request({ method: 'GET', url: '/api/agencies/reports/export' })).statusCode).toBe(403);
  });
});
