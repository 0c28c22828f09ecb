/**
 * 赣鄱英才计划 / 赣鄱俊才支持计划 applications: the recognition pattern, simpler — the talent applies (with
 * optional materials), an official of the region sends it to expert review (reviewers assigned, each
 * scores once, no conflict of interest), then approves or rejects; may return it for changes.
 */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { type ApplyProgramme, type ProgrammeCode, type ProgrammeStatus, programmeWorkflow } from '../../../shared/recognition.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { applyTransition, type WorkflowBinding, workflowHistory } from '../workflow/workflow.service.js';
import { attachMaterials, materialsOf } from './recognition.materials.js';
import { assertReviewComplete, assertReviewersAssigned, reviewsOf } from './recognition.reviews.js';
import { assertHandlingOfficial, checkEmployer } from './recognition.service.js';
import { type ProgrammeApplicationRow, programmeApplications } from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };
const OPEN: ProgrammeStatus[] = ['submitted', 'returned', 'in_review'];

export async function applyProgramme(ctx: ActorCtx, input: ApplyProgramme) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const t = { ...ctx, db: tx };
    await checkEmployer(tx, input.employerOrgId);
    await tx.select({ id: users.id }).from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    const [open] = await tx
      .select({ id: programmeApplications.id })
      .from(programmeApplications)
      .where(
        and(
          eq(programmeApplications.talentUserId, ctx.actor.userId),
          eq(programmeApplications.programme, input.programme),
          inArray(programmeApplications.status, OPEN),
        ),
      );
    if (open) throw new AppError('RECOGNITION_APPLICATION_OPEN', { status: 409, params: { id: open.id } });
    const [row] = await tx
      .insert(programmeApplications)
      .values({
        programme: input.programme,
        talentUserId: ctx.actor.userId,
        regionCode: ctx.actor.regionCode,
        employerOrgId: input.employerOrgId ?? null,
        employerName: input.employerName,
        projectTitle: input.projectTitle,
        summary: input.summary,
        status: programmeWorkflow.initial,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await attachMaterials(t, 'programme', row.id, input.materialIds);
    await record(t, {
      action: 'talent_programme.submit',
      objectType: 'talent_programme',
      objectId: row.id,
      regionCode: row.regionCode,
      detail: { programme: row.programme },
    });
    return view(t, row, { detail: true });
  });
}

async function view(ctx: ActorCtx, row: ProgrammeApplicationRow, opts: { detail?: boolean; applicantName?: string } = {}) {
  const mayAct = (ctx.actor.role === 'talent' && ctx.actor.userId === row.talentUserId) || ctx.actor.role === 'official';
  const base = {
    id: row.id,
    programme: row.programme as ProgrammeCode,
    status: row.status as ProgrammeStatus,
    regionCode: row.regionCode,
    applicantName: opts.applicantName ?? null,
    employerName: row.employerName,
    projectTitle: row.projectTitle,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    allowedActions: mayAct ? allowedActions(programmeWorkflow, row.status as ProgrammeStatus, [ctx.actor.role]) : [],
  };
  if (!opts.detail) return base;
  const [materials, history, reviews] = await Promise.all([
    materialsOf(ctx.db, row.id),
    workflowHistory(ctx, 'talent_programme', row.id),
    ctx.actor.role === 'official' ? reviewsOf(ctx.db, 'programme', row.id) : Promise.resolve(null),
  ]);
  return { ...base, summary: row.summary, materials, history, reviews };
}

export async function myProgrammes(ctx: ActorCtx) {
  const rows = await ctx.db
    .select()
    .from(programmeApplications)
    .where(eq(programmeApplications.talentUserId, ctx.actor.userId))
    .orderBy(desc(programmeApplications.submittedAt));
  return { items: await Promise.all(rows.map((r) => view(ctx, r, { detail: true }))) };
}

export async function listProgrammes(ctx: ActorCtx, q: { status?: ProgrammeStatus | undefined; programme?: ProgrammeCode | undefined }) {
  assertHandlingOfficial(ctx.actor);
  const where = and(
    regionFilter(ctx.actor, programmeApplications.regionCode),
    q.status ? eq(programmeApplications.status, q.status) : undefined,
    q.programme ? eq(programmeApplications.programme, q.programme) : undefined,
  ) as SQL;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ p: programmeApplications, name: users.displayName })
      .from(programmeApplications)
      .innerJoin(users, eq(users.id, programmeApplications.talentUserId))
      .where(where)
      .orderBy(desc(programmeApplications.submittedAt))
      .limit(200),
    ctx.db.select({ n: count() }).from(programmeApplications).where(where),
  ]);
  return { items: await Promise.all(rows.map(({ p, name }) => view(ctx, p, { applicantName: maskName(name) }))), total: total?.n ?? 0 };
}

export async function getProgramme(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db
    .select({ p: programmeApplications, name: users.displayName })
    .from(programmeApplications)
    .innerJoin(users, eq(users.id, programmeApplications.talentUserId))
    .where(eq(programmeApplications.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  if (ctx.actor.role === 'talent' && row.p.talentUserId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
  if (ctx.actor.role === 'official') {
    assertInRegion(ctx.actor, row.p.regionCode);
    assertHandlingOfficial(ctx.actor);
  }
  return view(ctx, row.p, { detail: true, applicantName: ctx.actor.role === 'talent' ? row.name : maskName(row.name) });
}

const programmeBinding = (
  reason: string | undefined,
): WorkflowBinding<ProgrammeStatus, keyof typeof programmeWorkflow.transitions, ProgrammeApplicationRow> => ({
  workflow: programmeWorkflow,
  table: programmeApplications,
  async guard(ctx, row, action) {
    if (ctx.actor.role === 'talent' && ctx.actor.userId !== row.talentUserId) throw new AppError('NOT_FOUND', { status: 404 });
    if (ctx.actor.role !== 'official') return;
    if (action === 'start_review' && row.status === 'submitted') await assertReviewersAssigned(ctx.db, 'programme', row.id);
    if (action === 'approve' && row.status === 'in_review') await assertReviewComplete(ctx.db, 'programme', row.id);
  },
  async after(ctx, row, action) {
    if (action === 'approve' || action === 'reject')
      await ctx.db
        .update(programmeApplications)
        .set({ decidedAt: ctx.now, decisionReason: reason?.trim() || null })
        .where(eq(programmeApplications.id, row.id));
  },
  extraSet(ctx) {
    return { updatedAt: ctx.now };
  },
});

export async function transitionProgramme(ctx: ActorCtx, id: string, action: string, input: { reason?: string | undefined }) {
  assertHandlingOfficial(ctx.actor);
  const row = await applyTransition(ctx, programmeBinding(input.reason), id, action, { reason: input.reason });
  return getProgramme(ctx, row.id);
}
