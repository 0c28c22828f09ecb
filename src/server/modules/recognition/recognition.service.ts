/**
 * 高层次人才认定: categories (data), applications with materials, the statutory clock, expert review and
 * the decision. Every status change goes through applyTransition (recognition.workflow.ts); every write
 * is audited in its transaction.
 */
import { and, asc, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import {
  type ApplyRecognition,
  type CategoryInput,
  CLOCK_RUNNING_STATUSES,
  OPEN_RECOGNITION_STATUSES,
  type RecognitionListQuery,
  type RecognitionStatus,
  type RecognitionTransitionBody,
  recognitionWorkflow,
} from '../../../shared/recognition.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../lib/workdays.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { recordMetric } from '../dashboard/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition, workflowHistory } from '../workflow/workflow.service.js';
import { clockView } from './recognition.deadline.js';
import { attachMaterials, materialsOf } from './recognition.materials.js';
import { reviewsOf } from './recognition.reviews.js';
import { type RecognitionApplicationRow, recognitionApplications, recognitionCategories, recognitionReviews } from './recognition.tables.js';
import { recognitionBinding } from './recognition.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

/** Departments whose officials handle recognition applications (人社 and 组织部人才工作机构). */
export const HANDLING_DEPARTMENTS = ['hrss', 'org'] as const;

export function assertHandlingOfficial(actor: Actor) {
  if (actor.role === 'official' && !(HANDLING_DEPARTMENTS as readonly string[]).includes(actor.department ?? ''))
    throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
}

// ——— categories ———

function categoryView(c: typeof recognitionCategories.$inferSelect) {
  return { code: c.code, name: c.name, rank: c.rank, criteria: c.criteria, limitWorkingDays: c.limitWorkingDays, benefits: c.benefits, active: c.active };
}

/** Public: the categories in force (all of them, inactive too, for officials). */
export async function listCategories(ctx: Ctx) {
  const rows = await ctx.db.select().from(recognitionCategories).orderBy(asc(recognitionCategories.rank));
  const all = ctx.actor?.role === 'official';
  return { items: rows.filter((c) => all || c.active).map(categoryView) };
}

/** Province-level official: create or change a category (criteria, time limit, benefits). */
export async function saveCategory(ctx: ActorCtx, input: CategoryInput) {
  if (ctx.actor.regionCode !== '360000') throw new AppError('FORBIDDEN_REGION', { status: 403 });
  assertHandlingOfficial(ctx.actor);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const values = { ...input, benefits: [...new Set(input.benefits)], updatedAt: ctx.now };
    await tx.insert(recognitionCategories).values(values).onConflictDoUpdate({ target: recognitionCategories.code, set: values });
    await record(
      { ...ctx, db: tx },
      {
        action: 'recognition.category_save',
        objectType: 'recognition_category',
        objectId: input.code,
        detail: { limitWorkingDays: input.limitWorkingDays, active: input.active },
      },
    );
    return categoryView({ ...values, active: input.active });
  });
}

async function category(db: Db, code: string) {
  const [c] = await db.select().from(recognitionCategories).where(eq(recognitionCategories.code, code));
  return c;
}

// ——— applying ———

/** Checks an employer named by id: a verified organisation. */
export async function checkEmployer(db: Db, orgId: string | null | undefined) {
  if (!orgId) return;
  const [org] = await db.select({ status: organisations.status }).from(organisations).where(eq(organisations.id, orgId));
  if (org?.status !== 'verified') throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['employerOrgId'] } });
}

/** Talent: apply for recognition in an active category with uploaded materials. One open application at a time. */
export async function applyRecognition(ctx: ActorCtx, input: ApplyRecognition) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const t = { ...ctx, db: tx };
    const c = await category(tx, input.categoryCode);
    if (!c?.active) throw new AppError('RECOGNITION_UNKNOWN_CATEGORY', { status: 422, params: { code: input.categoryCode } });
    await checkEmployer(tx, input.employerOrgId);
    // one open application per person: lock the person's row so two submissions serialise
    await tx.select({ id: users.id }).from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    const [open] = await tx
      .select({ id: recognitionApplications.id })
      .from(recognitionApplications)
      .where(and(eq(recognitionApplications.talentUserId, ctx.actor.userId), inArray(recognitionApplications.status, [...OPEN_RECOGNITION_STATUSES])));
    if (open) throw new AppError('RECOGNITION_APPLICATION_OPEN', { status: 409, params: { id: open.id } });
    const [row] = await tx
      .insert(recognitionApplications)
      .values({
        talentUserId: ctx.actor.userId,
        regionCode: ctx.actor.regionCode,
        categoryCode: c.code,
        employerOrgId: input.employerOrgId ?? null,
        employerName: input.employerName,
        field: input.field,
        achievements: input.achievements,
        status: recognitionWorkflow.initial,
        limitWorkingDays: c.limitWorkingDays,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await attachMaterials(t, 'recognition', row.id, input.materialIds);
    await record(t, {
      action: 'recognition.submit',
      objectType: 'recognition',
      objectId: row.id,
      regionCode: row.regionCode,
      detail: { category: c.code, materials: input.materialIds.length },
    });
    await recordMetric(tx, { metric: 'recognition.applied', subjectId: row.id, regionCode: row.regionCode, occurredAt: ctx.now, dimension: c.code });
    return applicationView(t, row);
  });
}

// ——— views ———

async function applicationView(ctx: ActorCtx, row: RecognitionApplicationRow, opts: { detail?: boolean; applicantName?: string } = {}) {
  const today = chinaDate(ctx.now);
  const clock = clockView(row, today);
  const isOwner = ctx.actor.role === 'talent' && ctx.actor.userId === row.talentUserId;
  const isOfficial = ctx.actor.role === 'official';
  const base = {
    id: row.id,
    status: row.status as RecognitionStatus,
    regionCode: row.regionCode,
    categoryCode: row.categoryCode,
    grantedCategoryCode: row.grantedCategoryCode,
    applicantName: opts.applicantName ?? null,
    employerName: row.employerName,
    field: row.field,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    clock,
    allowedActions: isOwner || isOfficial ? allowedActions(recognitionWorkflow, row.status as RecognitionStatus, [ctx.actor.role]) : [],
  };
  if (!opts.detail) return base;
  const [materials, history, reviews] = await Promise.all([
    materialsOf(ctx.db, row.id),
    workflowHistory(ctx, 'recognition', row.id),
    isOfficial ? reviewsOf(ctx.db, 'recognition', row.id) : Promise.resolve(null),
  ]);
  return { ...base, achievements: row.achievements, employerOrgId: row.employerOrgId, materials, history, reviews };
}

export type RecognitionView = Awaited<ReturnType<typeof applicationView>>;

/** Talent: my applications, newest first, with the clock and where each stands. */
export async function myApplications(ctx: ActorCtx) {
  const rows = await ctx.db
    .select()
    .from(recognitionApplications)
    .where(eq(recognitionApplications.talentUserId, ctx.actor.userId))
    .orderBy(desc(recognitionApplications.submittedAt));
  return { items: await Promise.all(rows.map((r) => applicationView(ctx, r, { detail: true }))) };
}

function overdueCondition(today: string): SQL {
  return and(inArray(recognitionApplications.status, [...CLOCK_RUNNING_STATUSES]), lt(recognitionApplications.deadline, today)) as SQL;
}

/** Official: the region's applications (status filter; `overdue` = the clock ran out), oldest deadline first. */
export async function listApplications(ctx: ActorCtx, q: RecognitionListQuery) {
  assertHandlingOfficial(ctx.actor);
  const today = chinaDate(ctx.now);
  const where = and(
    regionFilter(ctx.actor, recognitionApplications.regionCode),
    q.status ? eq(recognitionApplications.status, q.status) : undefined,
    q.overdue ? overdueCondition(today) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ a: recognitionApplications, name: users.displayName })
      .from(recognitionApplications)
      .innerJoin(users, eq(users.id, recognitionApplications.talentUserId))
      .where(where)
      .orderBy(sql`${recognitionApplications.deadline} asc nulls last`, asc(recognitionApplications.submittedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(recognitionApplications).where(where),
  ]);
  return { items: await Promise.all(rows.map(({ a, name }) => applicationView(ctx, a, { applicantName: maskName(name) }))), total: total?.n ?? 0 };
}

/** One application: its applicant, an assigned reviewer, or an official of its region. 404 otherwise. */
export async function getApplication(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db
    .select({ a: recognitionApplications, name: users.displayName })
    .from(recognitionApplications)
    .innerJoin(users, eq(users.id, recognitionApplications.talentUserId))
    .where(eq(recognitionApplications.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  const { a } = row;
  if (ctx.actor.role === 'talent' && a.talentUserId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
  if (ctx.actor.role === 'official') {
    assertInRegion(ctx.actor, a.regionCode);
    assertHandlingOfficial(ctx.actor);
  }
  if (ctx.actor.role === 'reviewer') {
    const [assigned] = await ctx.db
      .select({ id: recognitionReviews.id })
      .from(recognitionReviews)
      .where(and(eq(recognitionReviews.subjectId, a.id), eq(recognitionReviews.reviewerUserId, ctx.actor.userId)));
    if (!assigned) throw new AppError('NOT_FOUND', { status: 404 });
  }
  const name = ctx.actor.role === 'talent' ? row.name : maskName(row.name);
  return applicationView(ctx, a, { detail: true, applicantName: name });
}

/** accept / not_accept / request_supplement / start_review / recognise / not_recognise (official); resubmit / withdraw (talent). */
export async function transitionApplication(ctx: ActorCtx, id: string, action: string, body: RecognitionTransitionBody) {
  assertHandlingOfficial(ctx.actor);
  if (action === 'recognise' && body.categoryCode) {
    const c = await category(ctx.db, body.categoryCode);
    if (!c) throw new AppError('RECOGNITION_UNKNOWN_CATEGORY', { status: 422, params: { code: body.categoryCode } });
  }
  const row = await applyTransition(ctx, recognitionBinding(body), id, action, { reason: body.reason });
  return getApplication(ctx, row.id);
}

/** Talent: verified organisations whose name contains `q` (to name the employer), at most 10. */
export async function searchEmployers(ctx: ActorCtx, q: string) {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.status, 'verified'), sql`${organisations.name} like ${pattern}`))
    .orderBy(asc(organisations.name))
    .limit(10);
  return { items: rows };
}
