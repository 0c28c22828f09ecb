/**
 * 待遇 of a recognised talent (安居, 医疗, 配偶就业, 子女入学, 交通旅游, 岗位补贴, 金融创投): one entitlement per
 * benefit of the granted category, created with the decision; officials of the fulfilling department
 * (BENEFIT_DEPARTMENT) and the talent's region mark each granted or declined (with a note) through the
 * workflow engine; the talent sees the state of each under 我的待遇.
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { BENEFIT_DEPARTMENT, type EntitlementStatus, entitlementWorkflow } from '../../../shared/recognition.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import { regionFilter } from '../access/region-scope.js';
import { users } from '../auth/auth.tables.js';
import { applyTransition, type WorkflowBinding } from '../workflow/workflow.service.js';
import {
  type RecognitionApplicationRow,
  recognitionApplications,
  recognitionCategories,
  type TalentEntitlementRow,
  talentEntitlements,
} from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** Inside the decision's transaction: the entitlements of the granted category. */
export async function createEntitlements(ctx: Ctx, row: RecognitionApplicationRow, categoryCode: string) {
  const [c] = await ctx.db.select().from(recognitionCategories).where(eq(recognitionCategories.code, categoryCode));
  if (!c) return 0;
  let n = 0;
  for (const benefit of c.benefits) {
    const department = BENEFIT_DEPARTMENT[benefit as keyof typeof BENEFIT_DEPARTMENT];
    if (!department) continue;
    const created = await ctx.db
      .insert(talentEntitlements)
      .values({
        applicationId: row.id,
        talentUserId: row.talentUserId,
        regionCode: row.regionCode,
        benefit,
        department,
        status: 'pending',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: talentEntitlements.id });
    n += created.length;
  }
  return n;
}

function view(actor: Actor, e: TalentEntitlementRow, extra: { talentName?: string; categoryCode?: string | null } = {}) {
  const mine = actor.role === 'official' && actor.department === e.department;
  return {
    id: e.id,
    applicationId: e.applicationId,
    benefit: e.benefit,
    department: e.department,
    status: e.status as EntitlementStatus,
    note: e.note,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    regionCode: e.regionCode,
    talentName: extra.talentName ?? null,
    categoryCode: extra.categoryCode ?? null,
    allowedActions: mine ? allowedActions(entitlementWorkflow, e.status as EntitlementStatus, [actor.role]) : [],
  };
}

/** Talent: 我的待遇. */
export async function myBenefits(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ e: talentEntitlements, category: recognitionApplications.grantedCategoryCode })
    .from(talentEntitlements)
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, talentEntitlements.applicationId))
    .where(eq(talentEntitlements.talentUserId, ctx.actor.userId))
    .orderBy(desc(talentEntitlements.createdAt), asc(talentEntitlements.benefit));
  return { items: rows.map(({ e, category }) => view(ctx.actor, e, { categoryCode: category })) };
}

/** Official: the entitlements my department fulfils in my region (status filter). */
export async function departmentBenefits(ctx: ActorCtx, q: { status?: EntitlementStatus | undefined }) {
  if (!ctx.actor.department) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
  const where = and(
    eq(talentEntitlements.department, ctx.actor.department),
    regionFilter(ctx.actor, talentEntitlements.regionCode),
    q.status ? eq(talentEntitlements.status, q.status) : undefined,
  ) as SQL;
  const rows = await ctx.db
    .select({ e: talentEntitlements, name: users.displayName, category: recognitionApplications.grantedCategoryCode })
    .from(talentEntitlements)
    .innerJoin(users, eq(users.id, talentEntitlements.talentUserId))
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, talentEntitlements.applicationId))
    .where(where)
    .orderBy(asc(talentEntitlements.createdAt))
    .limit(500);
  return { items: rows.map(({ e, name, category }) => view(ctx.actor, e, { talentName: maskName(name), categoryCode: category })) };
}

function entitlementBinding(note: string | null): WorkflowBinding<EntitlementStatus, 'grant' | 'decline' | 'reopen', TalentEntitlementRow> {
  return {
    workflow: entitlementWorkflow,
    table: talentEntitlements,
    guard(ctx, row) {
      if (ctx.actor.department !== row.department) throw new AppError('RECOGNITION_WRONG_DEPARTMENT', { status: 403, params: { department: row.department } });
    },
    async after(ctx, row, _action, to) {
      await ctx.db
        .update(talentEntitlements)
        .set(to === 'pending' ? { decidedBy: null, decidedAt: null, note } : { decidedBy: ctx.actor.userId, decidedAt: ctx.now, note })
        .where(eq(talentEntitlements.id, row.id));
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now };
    },
  };
}

/** grant / decline (note required) / reopen by an official of the fulfilling department and region. */
export async function transitionBenefit(ctx: ActorCtx, id: string, action: string, input: { reason?: string | undefined }) {
  const row = await applyTransition(ctx, entitlementBinding(input.reason?.trim() || null), id, action, { reason: input.reason });
  const [fresh] = await ctx.db.select().from(talentEntitlements).where(eq(talentEntitlements.id, row.id));
  return view(ctx.actor, fresh ?? row);
}
