/**
 * 月度报告 (monthly reports): officials request a region's report for a month; the background task
 * (dashboard.reports.task.ts) writes an xlsx and a PDF under DATA_DIR/reports. Only officials of the region
 * (and of the regions above it) list, read and download it; another region's report answers 404, audited as a
 * region denial. Requesting a region and month that is already queued or running returns that report; once it
 * has finished, a new request adds the next version (earlier versions stay downloadable).
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { ReportListQuery, ReportStatus, ReportView, RequestReport, RequestReportResponse } from '../../../shared/dashboard-reports.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { regions } from '../catalog/catalog.tables.js';
import { tasks } from '../tasks/tasks.tables.js';
import { shanghaiMonth } from './dashboard.metrics.js';
import { type DashboardReportRow, dashboardReports } from './dashboard.reports.tables.js';
import { assertMayRead, regionName } from './dashboard.service.js';

type ActorCtx = Ctx & { actor: Actor };

export const DASHBOARD_REPORT_TASK = 'dashboard.report';
export type ReportFileKind = 'xlsx' | 'pdf';
/** A queued report whose task was never enqueued (the process stopped in between) is enqueued again after this. */
const ORPHAN_AFTER_MS = 60_000;

export const reportDir = (ctx: Pick<Ctx, 'platform'>) => path.join(ctx.platform.config.dataDir, 'reports');
export const reportFile = (ctx: Pick<Ctx, 'platform'>, id: string, kind: ReportFileKind) => path.join(reportDir(ctx), `${id}.${kind}`);

export const CONTENT_TYPES: Record<ReportFileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Reports are for officials (their region and below); 403 for everyone else. */
function assertOfficial(actor: Actor) {
  if (actor.role !== 'official') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
}

type TaskInfo = { status: string; progress: number; total: number | null } | null;

function statusOf(row: DashboardReportRow, task: TaskInfo): ReportStatus {
  const open = row.status === 'queued' || row.status === 'running';
  // a task that the runner gave up on (crashed three times) leaves the report row behind: it failed
  return open && task?.status === 'failed' ? 'failed' : (row.status as ReportStatus);
}

function percentOf(status: ReportStatus, task: TaskInfo): number {
  if (status === 'done') return 100;
  if (status !== 'running' || !task?.total) return 0;
  return Math.min(99, Math.floor((task.progress / task.total) * 100));
}

function toView(row: DashboardReportRow, extra: { task: TaskInfo; regionName: string; requestedByName: string | null }): ReportView {
  const status = statusOf(row, extra.task);
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: extra.regionName,
    month: row.month,
    version: row.version,
    status,
    percent: percentOf(status, extra.task),
    taskId: row.taskId,
    requestedBy: row.requestedBy,
    requestedByName: extra.requestedByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    xlsxBytes: row.xlsxBytes,
    pdfBytes: row.pdfBytes,
  };
}

/** Reports with their task's progress, the region's name and the requester's name. */
async function views(db: Db, where: ReturnType<typeof and>, limit: number): Promise<ReportView[]> {
  const rows = await db
    .select({
      r: dashboardReports,
      regionName: regions.name,
      byName: users.displayName,
      t: { status: tasks.status, progress: tasks.progress, total: tasks.total },
    })
    .from(dashboardReports)
    .innerJoin(regions, eq(regions.code, dashboardReports.regionCode))
    .leftJoin(users, eq(users.id, dashboardReports.requestedBy))
    .leftJoin(tasks, eq(tasks.id, dashboardReports.taskId))
    .where(where)
    .orderBy(desc(dashboardReports.createdAt), desc(dashboardReports.version))
    .limit(limit);
  return rows.map(({ r, regionName: name, byName, t }) => toView(r, { task: t?.status ? t : null, regionName: name, requestedByName: byName }));
}

async function viewOf(db: Db, id: string): Promise<ReportView> {
  const [v] = await views(db, eq(dashboardReports.id, id), 1);
  if (!v) throw new AppError('NOT_FOUND', { status: 404 });
  return v;
}

/** 400 unless January 2020 ≤ month ≤ the current month (Asia/Shanghai). */
function assertMonth(month: string, now: Date) {
  if (month < '2020-01' || month > shanghaiMonth(now)) throw new AppError('DASHBOARD_REPORT_MONTH_INVALID', { status: 400, params: { month } });
}

async function enqueue(ctx: ActorCtx, row: DashboardReportRow): Promise<void> {
  const taskId = await ctx.platform.tasks.enqueue(ctx, DASHBOARD_REPORT_TASK, { reportId: row.id }, { ownerId: ctx.actor.userId, regionCode: row.regionCode });
  await ctx.db.update(dashboardReports).set({ taskId }).where(eq(dashboardReports.id, row.id));
}

/** Queues a report (202), or returns the one of the same region and month already queued or running (200). */
export async function requestReport(ctx: ActorCtx, input: RequestReport): Promise<RequestReportResponse> {
  assertOfficial(ctx.actor);
  assertMayRead(ctx.actor, input.regionCode);
  await regionName(ctx, input.regionCode);
  assertMonth(input.month, ctx.now);
  const { row, reused } = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // one request at a time per region and month, so the open-report check and the version number hold
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dashboard-report:${input.regionCode}:${input.month}`}))`);
    const [open] = await tx
      .select({ r: dashboardReports, taskStatus: tasks.status })
      .from(dashboardReports)
      .leftJoin(tasks, eq(tasks.id, dashboardReports.taskId))
      .where(
        and(
          eq(dashboardReports.regionCode, input.regionCode),
          eq(dashboardReports.month, input.month),
          inArray(dashboardReports.status, ['queued', 'running']),
        ),
      );
    if (open && open.taskStatus !== 'failed') return { row: open.r, reused: true };
    if (open) {
      await tx.update(dashboardReports).set({ status: 'failed', error: 'task failed', finishedAt: ctx.now }).where(eq(dashboardReports.id, open.r.id));
    }
    const [last] = await tx
      .select({ v: max(dashboardReports.version) })
      .from(dashboardReports)
      .where(and(eq(dashboardReports.regionCode, input.regionCode), eq(dashboardReports.month, input.month)));
    const [created] = await tx
      .insert(dashboardReports)
      .values({ ...input, version: (last?.v ?? 0) + 1, status: 'queued', requestedBy: ctx.actor.userId, createdAt: ctx.now })
      .returning();
    const inserted = created as DashboardReportRow;
    await record(
      { ...ctx, db: tx },
      {
        action: 'dashboard.report_request',
        objectType: 'dashboard_report',
        objectId: inserted.id,
        regionCode: input.regionCode,
        detail: { month: input.month, version: inserted.version },
      },
    );
    return { row: inserted, reused: false };
  });
  const orphan = reused && !row.taskId && ctx.now.getTime() - row.createdAt.getTime() > ORPHAN_AFTER_MS;
  if (!reused || orphan) await enqueue(ctx, row);
  return { report: await viewOf(ctx.db, row.id), reused };
}

/** Reports of the official's region and below, newest first (at most 100). */
export async function listReports(ctx: ActorCtx, q: ReportListQuery): Promise<ReportView[]> {
  assertOfficial(ctx.actor);
  if (q.regionCode) assertMayRead(ctx.actor, q.regionCode);
  const where = and(
    regionFilter(ctx.actor, dashboardReports.regionCode),
    q.regionCode ? eq(dashboardReports.regionCode, q.regionCode) : undefined,
    q.month ? eq(dashboardReports.month, q.month) : undefined,
  );
  return views(ctx.db, where, 100);
}

/** One report: 404 when missing, and 404 (audited as a region denial) outside the official's region. */
async function visibleRow(ctx: ActorCtx, id: string): Promise<DashboardReportRow> {
  assertOfficial(ctx.actor);
  const [row] = await ctx.db.select().from(dashboardReports).where(eq(dashboardReports.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, row.regionCode);
  return row;
}

export async function getReport(ctx: ActorCtx, id: string): Promise<ReportView> {
  await visibleRow(ctx, id);
  return viewOf(ctx.db, id);
}

/** The stored xlsx or PDF of a finished report (download audited). 404; 409 DASHBOARD_REPORT_NOT_READY. */
export async function openReportFile(ctx: ActorCtx, id: string, kind: ReportFileKind) {
  const row = await visibleRow(ctx, id);
  if (row.status !== 'done') throw new AppError('DASHBOARD_REPORT_NOT_READY', { status: 409, params: { status: row.status } });
  const file = reportFile(ctx, id, kind);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', { status: 404 });
  await recordAlone(ctx, {
    action: 'dashboard.report_download',
    objectType: 'dashboard_report',
    objectId: id,
    regionCode: row.regionCode,
    detail: { kind, month: row.month, version: row.version },
  });
  const name = await regionName(ctx, row.regionCode);
  return {
    stream: createReadStream(file),
    contentType: CONTENT_TYPES[kind],
    fileName: `${name}-${row.month}-月度报告-第${row.version}版.${kind}`,
    fallback: `report-${row.regionCode}-${row.month}-v${row.version}.${kind}`,
  };
}
