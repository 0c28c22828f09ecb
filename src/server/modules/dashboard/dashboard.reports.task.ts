/**
 * The background task that generates a monthly report: reads the figures as the requester (so the region
 * scope is checked again), writes the xlsx and the PDF under DATA_DIR/reports (written to a temporary name
 * and renamed, so a download never sees half a file), and reports progress in 8 steps. Idempotent: a finished
 * report is left alone, and a report whose process died mid-way is generated again from the start.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { reportData } from './dashboard.reports.data.js';
import { reportWorkbook } from './dashboard.reports.excel.js';
import { reportPdf } from './dashboard.reports.pdf.js';
import { reportDir, reportFile } from './dashboard.reports.service.js';
import { type DashboardReportRow, dashboardReports } from './dashboard.reports.tables.js';

export { DASHBOARD_REPORT_TASK } from './dashboard.reports.service.js';

const STEPS = 8;

async function requesterCtx(ctx: Ctx, row: DashboardReportRow): Promise<Ctx & { actor: Actor }> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, row.requestedBy));
  if (!u) throw new Error('requester not found');
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    regionCode: u.regionCode,
    department: u.department as Actor['department'],
    orgId: u.orgId,
    sessionId: '',
  };
  return { ...ctx, actor };
}

async function store(ctx: Ctx, id: string, kind: 'xlsx' | 'pdf', body: Buffer): Promise<string> {
  const file = reportFile(ctx, id, kind);
  await writeFile(`${file}.part`, body);
  await rename(`${file}.part`, file);
  return createHash('sha256').update(body).digest('hex');
}

export const dashboardReportTask: TaskHandler = async (base, params, report) => {
  const reportId = String(params.reportId ?? '');
  const [row] = await base.db.select().from(dashboardReports).where(eq(dashboardReports.id, reportId));
  if (!row) throw new Error('report not found');
  if (row.status === 'done' || row.status === 'failed') return { reportId, skipped: row.status };
  await base.db.update(dashboardReports).set({ status: 'running', startedAt: base.now }).where(eq(dashboardReports.id, reportId));
  try {
    const ctx = await requesterCtx(base, row);
    await report(0, STEPS);
    const data = await reportData(ctx, row.regionCode, row.month, (done) => report(done, STEPS));
    const xlsx = await reportWorkbook(data, row.version);
    await report(6, STEPS);
    const pdf = await reportPdf(data, row.version);
    await report(7, STEPS);
    await mkdir(reportDir(ctx), { recursive: true });
    const [xlsxSha256, pdfSha256] = [await store(ctx, reportId, 'xlsx', xlsx), await store(ctx, reportId, 'pdf', pdf)];
    await ctx.db
      .update(dashboardReports)
      .set({ status: 'done', xlsxBytes: xlsx.length, pdfBytes: pdf.length, xlsxSha256, pdfSha256, error: null, finishedAt: ctx.platform.clock.now() })
      .where(eq(dashboardReports.id, reportId));
    await report(STEPS, STEPS);
    return { reportId, xlsxBytes: xlsx.length, pdfBytes: pdf.length };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await base.db
      .update(dashboardReports)
      .set({ status: 'failed', error: message.slice(0, 500), finishedAt: base.platform.clock.now() })
      .where(eq(dashboardReports.id, reportId));
    throw err;
  }
};
