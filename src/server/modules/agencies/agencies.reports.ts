/**
 * 年度报告 of HR service agencies: one per agency and year (unique index), drafted and submitted by the agency,
 * accepted or returned by 人社 officials of its region through `reportWorkflow`. A first submission after the
 * year's deadline (31 March of the following year unless an official set another) is flagged late.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { type CreateReport, defaultReportDeadline, type ReportFields, type ReportStatus, reportWorkflow, type RevenueBand } from '../../../shared/agencies.js';
import { AppError } from '../../../shared/errors.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, inRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition, type WorkflowBinding, workflowHistory } from '../workflow/workflow.service.js';
import { inTx, ownAgencyOrg } from './agencies.registry.js';
import { type AgencyAnnualReportRow, agencyAnnualReports, agencyRegistrations, agencyReportDeadlines } from './agencies.tables.js';
import { chinaDate } from './agencies.views.js';

type ActorCtx = Ctx & { actor: Actor };

/** Registrations that were approved carry the reporting duty (also while suspended or after the licence expired). */
export const REPORTING_STATUSES = ['approved', 'suspended', 'expired'] as const;

export async function deadlineFor(db: Db, year: number): Promise<string> {
  const [row] = await db.select({ dueOn: agencyReportDeadlines.dueOn }).from(agencyReportDeadlines).where(eq(agencyReportDeadlines.year, year));
  return row?.dueOn ?? defaultReportDeadline(year);
}

/** The last finished year in China time: reports are filed for it and earlier. */
export function lastFinishedYear(now: Date): number {
  return Number(chinaDate(now).slice(0, 4)) - 1;
}

type Join = { rep: AgencyAnnualReportRow; orgName: string; regionName: string | null };

function reportQuery(db: Db) {
  return db
    .select({ rep: agencyAnnualReports, orgName: organisations.name, regionName: regions.name })
    .from(agencyAnnualReports)
    .innerJoin(organisations, eq(organisations.id, agencyAnnualReports.orgId))
    .leftJoin(regions, eq(regions.code, agencyAnnualReports.regionCode));
}

function mayAct(actor: Actor | null, rep: AgencyAnnualReportRow): boolean {
  if (!actor) return false;
  if (actor.role === 'official') return actor.department === 'hrss' && inRegion(actor, rep.regionCode);
  return actor.orgId === rep.orgId;
}

export function reportView({ rep, orgName, regionName }: Join, actor: Actor | null, deadline: string) {
  return {
    id: rep.id,
    orgId: rep.orgId,
    orgName,
    regionCode: rep.regionCode,
    regionName: regionName ?? rep.regionCode,
    year: rep.year,
    status: rep.status as ReportStatus,
    personsServed: rep.personsServed,
    employersServed: rep.employersServed,
    placements: rep.placements,
    eventsHeld: rep.eventsHeld,
    revenueBand: rep.revenueBand as RevenueBand,
    staffCount: rep.staffCount,
    aiServices: rep.aiServices,
    deadline,
    late: rep.late,
    submittedAt: rep.submittedAt?.toISOString() ?? null,
    decidedAt: rep.decidedAt?.toISOString() ?? null,
    allowedActions: actor && mayAct(actor, rep) ? allowedActions(reportWorkflow, rep.status as ReportStatus, [actor.role]) : [],
  };
}

async function registrationOf(ctx: ActorCtx) {
  const org = await ownAgencyOrg(ctx);
  const [reg] = await ctx.db.select().from(agencyRegistrations).where(eq(agencyRegistrations.orgId, org.id));
  if (!reg || !(REPORTING_STATUSES as readonly string[]).includes(reg.status)) {
    throw new AppError('AGENCIES_NOT_APPROVED', { status: 403, params: { reason: 'registration', registrationStatus: reg?.status ?? 'none' } });
  }
  return reg;
}

/** Agency: a draft report for a finished year (201). 400 AGENCIES_REPORT_YEAR_INVALID; 403; 409 AGENCIES_REPORT_EXISTS. */
export async function createReport(ctx: ActorCtx, input: CreateReport) {
  const reg = await registrationOf(ctx);
  const maxYear = lastFinishedYear(ctx.now);
  if (input.year > maxYear) throw new AppError('AGENCIES_REPORT_YEAR_INVALID', { status: 400, params: { field: 'year', maxYear } });
  const { year, ...fields } = input;
  const id = await inTx(ctx, async (t) => {
    const [row] = await t.db
      .insert(agencyAnnualReports)
      .values({
        ...fields,
        year,
        registrationId: reg.id,
        orgId: reg.orgId,
        regionCode: reg.regionCode,
        status: reportWorkflow.initial,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing({ target: [agencyAnnualReports.orgId, agencyAnnualReports.year] })
      .returning({ id: agencyAnnualReports.id });
    if (!row) throw new AppError('AGENCIES_REPORT_EXISTS', { status: 409, params: { year } });
    await record(t, { action: 'agency_report.create', objectType: 'agency_report', objectId: row.id, regionCode: reg.regionCode, detail: { year } });
    return row.id;
  });
  return getReport(ctx, id);
}

/** Agency: changes the figures of a draft or returned report. 404; 409 AGENCIES_REPORT_NOT_EDITABLE. */
export async function updateReport(ctx: ActorCtx, id: string, fields: ReportFields) {
  const org = await ownAgencyOrg(ctx);
  await inTx(ctx, async (t) => {
    const [row] = await t.db.select().from(agencyAnnualReports).where(eq(agencyAnnualReports.id, id)).for('update');
    if (!row || row.orgId !== org.id) throw new AppError('NOT_FOUND', { status: 404 });
    if (row.status !== 'draft' && row.status !== 'returned')
      throw new AppError('AGENCIES_REPORT_NOT_EDITABLE', { status: 409, params: { status: row.status } });
    await t.db
      .update(agencyAnnualReports)
      .set({ ...fields, updatedAt: ctx.now })
      .where(eq(agencyAnnualReports.id, id));
    await record(t, { action: 'agency_report.update', objectType: 'agency_report', objectId: id, regionCode: row.regionCode, detail: { year: row.year } });
  });
  return getReport(ctx, id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Before the body is validated: the report exists and belongs to the acting agency (404 otherwise). */
export async function assertOwnReport(ctx: ActorCtx, id: string): Promise<void> {
  const [row] = UUID.test(id) ? await ctx.db.select({ orgId: agencyAnnualReports.orgId }).from(agencyAnnualReports).where(eq(agencyAnnualReports.id, id)) : [];
  if (!row || row.orgId !== ctx.actor.orgId) throw new AppError('NOT_FOUND', { status: 404 });
}

/** Agency: its reports, newest year first. */
export async function listMyReports(ctx: ActorCtx) {
  const org = await ownAgencyOrg(ctx);
  const rows = await reportQuery(ctx.db).where(eq(agencyAnnualReports.orgId, org.id)).orderBy(desc(agencyAnnualReports.year));
  const years = [...new Set(rows.map((r) => r.rep.year))];
  const deadlines = new Map(await Promise.all(years.map(async (y) => [y, await deadlineFor(ctx.db, y)] as const)));
  return {
    lastFinishedYear: lastFinishedYear(ctx.now),
    items: rows.map((r) => reportView(r, ctx.actor, deadlines.get(r.rep.year) ?? defaultReportDeadline(r.rep.year))),
  };
}

/** One report with its history: its agency, and officials of its region once submitted. 404 otherwise. */
export async function getReport(ctx: ActorCtx, id: string) {
  const [row] = await reportQuery(ctx.db).where(eq(agencyAnnualReports.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  const actor = ctx.actor;
  if (actor.role === 'official') {
    assertInRegion(actor, row.rep.regionCode);
    if (row.rep.status === 'draft') throw new AppError('NOT_FOUND', { status: 404 });
  } else if (actor.orgId !== row.rep.orgId) {
    throw new AppError('NOT_FOUND', { status: 404 });
  }
  const deadline = await deadlineFor(ctx.db, row.rep.year);
  return { ...reportView(row, actor, deadline), history: await workflowHistory(ctx, reportWorkflow.name, id) };
}

const binding: WorkflowBinding<ReportStatus, string, AgencyAnnualReportRow> = {
  workflow: reportWorkflow as never,
  table: agencyAnnualReports,
  guard(ctx, row) {
    if (ctx.actor.role === 'official') {
      if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
      if (row.status === 'draft') throw new AppError('NOT_FOUND', { status: 404 });
    } else if (ctx.actor.orgId !== row.orgId) {
      throw new AppError('NOT_FOUND', { status: 404 });
    }
  },
  extraSet: (ctx) => ({ updatedAt: ctx.now }),
  async after(ctx, row, action) {
    if (action === 'submit') {
      // lateness is judged once, at the first submission; a resubmission after a return keeps it
      const late = row.firstSubmittedAt ? row.late : chinaDate(ctx.now) > (await deadlineFor(ctx.db, row.year));
      await ctx.db
        .update(agencyAnnualReports)
        .set({ submittedAt: ctx.now, firstSubmittedAt: row.firstSubmittedAt ?? ctx.now, late })
        .where(eq(agencyAnnualReports.id, row.id));
      if (late && !row.firstSubmittedAt) {
        await record(ctx, {
          action: 'agency_report.late',
          objectType: 'agency_report',
          objectId: row.id,
          regionCode: row.regionCode,
          detail: { year: row.year },
        });
      }
    } else {
      await ctx.db.update(agencyAnnualReports).set({ decidedBy: ctx.actor.userId, decidedAt: ctx.now }).where(eq(agencyAnnualReports.id, row.id));
    }
  },
};

/** submit (agency) · accept / return with a reason (人社 officials of the region). 400; 403; 404; 409. */
export async function transitionReport(ctx: ActorCtx, id: string, action: string, reason: string | undefined) {
  await applyTransition(ctx, binding, id, action, { reason });
  return getReport(ctx, id);
}

/** Reports of some agencies for a year, keyed by organisation (drafts included; the caller decides what to show). */
export async function reportsByOrg(db: Db, orgIds: string[], year: number) {
  if (orgIds.length === 0) return new Map<string, AgencyAnnualReportRow>();
  const rows = await db
    .select()
    .from(agencyAnnualReports)
    .where(and(inArray(agencyAnnualReports.orgId, orgIds), eq(agencyAnnualReports.year, year)));
  return new Map(rows.map((r) => [r.orgId, r]));
}
