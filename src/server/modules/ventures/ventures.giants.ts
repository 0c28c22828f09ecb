/**
 * 专精特新"小巨人"培育库 (measure 九: digital-economy enterprises). Officials put verified employer
 * organisations of their region on the list with a digital field and a year, move them 培育 → 入库 → 认定
 * or remove them (reason); the public reads names and fields only.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type GiantInput, giantWorkflow } from '../../../shared/ventures.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Ctx } from '../../context.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { isUniqueViolation } from './ventures.incubations.js';
import { type ActorCtx, inTransaction } from './ventures.projects.js';
import { ventureGiants } from './ventures.tables.js';
import { giantBinding } from './ventures.workflow.js';

/** Public: enterprises on the list (not removed), by field then name — names and fields only. */
export async function publicGiants(ctx: Ctx) {
  const rows = await ctx.db
    .select({ name: organisations.name, field: ventureGiants.field })
    .from(ventureGiants)
    .innerJoin(organisations, eq(organisations.id, ventureGiants.orgId))
    .where(ne(ventureGiants.status, 'removed'))
    .orderBy(asc(ventureGiants.field), asc(organisations.name))
    .limit(500);
  return { items: rows };
}

function selectGiants(ctx: Ctx) {
  return ctx.db
    .select({ g: ventureGiants, name: organisations.name, uscc: organisations.uscc })
    .from(ventureGiants)
    .innerJoin(organisations, eq(organisations.id, ventureGiants.orgId));
}

type GiantJoin = Awaited<ReturnType<ReturnType<typeof selectGiants>['where']>>[number];

function giantView(r: GiantJoin, ctx: ActorCtx) {
  return {
    id: r.g.id,
    orgId: r.g.orgId,
    name: r.name,
    uscc: r.uscc,
    regionCode: r.g.regionCode,
    field: r.g.field,
    year: r.g.year,
    status: r.g.status,
    note: r.g.note,
    updatedAt: r.g.updatedAt.toISOString(),
    allowedActions: allowedActions(giantWorkflow, r.g.status as never, [ctx.actor.role]),
  };
}

/** Official: the region's list, every status. */
export async function manageGiants(ctx: ActorCtx) {
  const rows = await selectGiants(ctx).where(regionFilter(ctx.actor, ventureGiants.regionCode)).orderBy(desc(ventureGiants.updatedAt)).limit(500);
  return { items: rows.map((r) => giantView(r, ctx)) };
}

/** Official: add a verified employer of the region (by 统一社会信用代码). 201; 404 outside the region; 409; 422. */
export async function addGiant(ctx: ActorCtx, input: GiantInput) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.uscc, input.uscc.toUpperCase()));
  if (!org) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'uscc' } });
  assertInRegion(ctx.actor, org.regionCode);
  if (org.kind !== 'employer' || org.status !== 'verified') throw new AppError('VENTURES_GIANT_NOT_ELIGIBLE', { status: 422, params: { field: 'uscc' } });
  try {
    const id = await inTransaction(ctx, async (t) => {
      const [row] = await t.db
        .insert(ventureGiants)
        .values({
          orgId: org.id,
          regionCode: org.regionCode,
          field: input.field,
          year: input.year,
          status: giantWorkflow.initial,
          note: input.note,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: ventureGiants.id });
      if (!row) throw new AppError('INTERNAL', { status: 500 });
      await record(t, {
        action: 'venture_giant.create',
        objectType: 'venture_giant',
        objectId: row.id,
        regionCode: org.regionCode,
        detail: { orgId: org.id, field: input.field },
      });
      return row.id;
    });
    return giantById(ctx, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('VENTURES_GIANT_EXISTS', { status: 409 });
    throw err;
  }
}

async function giantById(ctx: ActorCtx, id: string) {
  const [r] = await selectGiants(ctx).where(and(eq(ventureGiants.id, id)));
  if (!r) throw new AppError('NOT_FOUND', { status: 404 });
  return giantView(r, ctx);
}

/** list / recognise / remove (reason). */
export async function transitionGiant(ctx: ActorCtx, id: string, action: string, reason?: string) {
  await applyTransition(ctx, giantBinding, id, action, { reason });
  return giantById(ctx, id);
}
