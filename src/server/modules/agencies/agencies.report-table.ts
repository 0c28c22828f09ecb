/**
 * Officials' 年度报告 table: every agency of the region that carries the reporting duty, with its filing status for a
 * year (a draft counts as not filed), lateness and the deadline; the same table as an Excel workbook (audited);
 * and the province's setting of a year's deadline.
 */
import ExcelJS from 'exceljs';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { AGENCY_SERVICE_LABELS, type AgencyService, type FilingStatus, REVENUE_BAND_LABELS, type RevenueBand } from '../../../shared/agencies.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { PROVINCE_CODE, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { inTx } from './agencies.registry.js';
import { deadlineFor, lastFinishedYear, REPORTING_STATUSES, reportsByOrg } from './agencies.reports.js';
import { agencyRegistrations, agencyReportDeadlines } from './agencies.tables.js';
import { chinaDate } from './agencies.views.js';

type ActorCtx = Ctx & { actor: Actor };

export interface ReportTableRow {
  registrationId: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  regionName: string;
  licenceNumber: string;
  registrationStatus: string;
  services: AgencyService[];
  filingStatus: FilingStatus;
  reportId: string | null;
  late: boolean;
  /** Not filed (or still a draft) and the deadline has passed. */
  overdue: boolean;
  submittedAt: string | null;
  personsServed: number | null;
  employersServed: number | null;
  placements: number | null;
  eventsHeld: number | null;
  revenueBand: RevenueBand | null;
  staffCount: number | null;
  aiServices: string | null;
}

/** Officials (人社): the region's table for `year` (default the last finished year), optionally one filing status. */
export async function reportTable(ctx: ActorCtx, q: { year?: number | undefined; filing?: FilingStatus | undefined }) {
  if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
  const year = q.year ?? lastFinishedYear(ctx.now);
  const deadline = await deadlineFor(ctx.db, year);
  const conds: (SQL | undefined)[] = [regionFilter(ctx.actor, agencyRegistrations.regionCode), inArray(agencyRegistrations.status, [...REPORTING_STATUSES])];
  const regs = await ctx.db
    .select({ r: agencyRegistrations, orgName: organisations.name, regionName: regions.name })
    .from(agencyRegistrations)
    .innerJoin(organisations, eq(organisations.id, agencyRegistrations.orgId))
    .leftJoin(regions, eq(regions.code, agencyRegistrations.regionCode))
    .where(and(...conds))
    .orderBy(asc(agencyRegistrations.regionCode), asc(organisations.name));
  const reports = await reportsByOrg(
    ctx.db,
    regs.map((x) => x.r.orgId),
    year,
  );
  const pastDeadline = chinaDate(ctx.now) > deadline;
  const all: ReportTableRow[] = regs.map(({ r, orgName, regionName }) => {
    const rep = reports.get(r.orgId);
    const filed = rep && rep.status !== 'draft' ? rep : undefined;
    return {
      registrationId: r.id,
      orgId: r.orgId,
      orgName,
      regionCode: r.regionCode,
      regionName: regionName ?? r.regionCode,
      licenceNumber: r.licenceNumber,
      registrationStatus: r.status,
      services: r.services as AgencyService[],
      filingStatus: (filed?.status ?? 'not_filed') as FilingStatus,
      reportId: filed?.id ?? null,
      late: filed?.late ?? false,
      overdue: !filed && pastDeadline,
      submittedAt: filed?.submittedAt?.toISOString() ?? null,
      personsServed: filed?.personsServed ?? null,
      employersServed: filed?.employersServed ?? null,
      placements: filed?.placements ?? null,
      eventsHeld: filed?.eventsHeld ?? null,
      revenueBand: (filed?.revenueBand as RevenueBand | undefined) ?? null,
      staffCount: filed?.staffCount ?? null,
      aiServices: filed?.aiServices ?? null,
    };
  });
  const counts = { not_filed: 0, submitted: 0, accepted: 0, returned: 0, late: 0, overdue: 0 };
  for (const row of all) {
    counts[row.filingStatus]++;
    if (row.late) counts.late++;
    if (row.overdue) counts.overdue++;
  }
  const items = q.filing ? all.filter((r) => r.filingStatus === q.filing) : all;
  return { year, deadline, pastDeadline, counts, total: all.length, items };
}

const FILING_LABELS: Record<FilingStatus, string> = { not_filed: '未报送', submitted: '已报送待受理', accepted: '已受理', returned: '已退回' };

const COLUMNS = [
  ['机构名称', 30],
  ['所在地区', 12],
  ['许可证编号', 32],
  ['服务项目', 40],
  ['报送状态', 14],
  ['是否逾期', 10],
  ['报送时间', 18],
  ['服务人数', 10],
  ['服务用人单位数', 14],
  ['帮助实现就业人数', 16],
  ['举办招聘活动场次', 16],
  ['营业收入', 16],
  ['从业人员数', 10],
  ['人工智能服务情况', 50],
] as const;

/** The table for `year` as an Excel workbook (Chinese headers); the export is audited. */
export async function exportReportTable(ctx: ActorCtx, year: number | undefined) {
  const table = await reportTable(ctx, { year });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${table.year}年度报告`);
  sheet.columns = COLUMNS.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of table.items) {
    sheet.addRow([
      r.orgName,
      r.regionName,
      r.licenceNumber,
      r.services.map((s) => AGENCY_SERVICE_LABELS[s]).join('、'),
      FILING_LABELS[r.filingStatus],
      r.late || r.overdue ? '是' : '否',
      r.submittedAt ? chinaDate(new Date(r.submittedAt)) : '',
      r.personsServed ?? '',
      r.employersServed ?? '',
      r.placements ?? '',
      r.eventsHeld ?? '',
      r.revenueBand ? REVENUE_BAND_LABELS[r.revenueBand] : '',
      r.staffCount ?? '',
      r.aiServices ?? '',
    ]);
  }
  const info = wb.addWorksheet('说明');
  info.addRows([
    ['年度', table.year],
    ['报送截止日期', table.deadline],
    ['机构数', table.total],
    ['导出时间', ctx.now.toISOString()],
  ]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await inTx(ctx, (t) =>
    record(t, {
      action: 'agency_report.export',
      objectType: 'agency_report',
      regionCode: ctx.actor.regionCode,
      detail: { year: table.year, rows: table.total },
    }),
  );
  return { fileName: `人力资源服务机构年度报告-${table.year}.xlsx`, body };
}

/** Province 人社 official: the filing deadline of a year's reports (after that year ends). Audited. */
export async function setReportDeadline(ctx: ActorCtx, input: { year: number; dueOn: string }) {
  if (ctx.actor.department !== 'hrss' || ctx.actor.regionCode !== PROVINCE_CODE)
    throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'province' } });
  if (input.dueOn <= `${input.year}-12-31`) throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'dueOn' } });
  await inTx(ctx, async (t) => {
    await t.db
      .insert(agencyReportDeadlines)
      .values({ year: input.year, dueOn: input.dueOn, setBy: ctx.actor.userId, setAt: ctx.now })
      .onConflictDoUpdate({ target: agencyReportDeadlines.year, set: { dueOn: input.dueOn, setBy: ctx.actor.userId, setAt: ctx.now } });
    await record(t, {
      action: 'agency_report.deadline',
      objectType: 'agency_report_deadline',
      objectId: String(input.year),
      regionCode: PROVINCE_CODE,
      detail: input,
    });
  });
  return { year: input.year, deadline: input.dueOn };
}
