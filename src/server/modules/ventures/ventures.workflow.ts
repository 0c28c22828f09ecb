/**
 * How the 助创业 workflows (src/shared/ventures.ts) bind to their tables. applyTransition checks role, state
 * and region (officials); the guards add who the party is (project owner, the carrier's operating
 * organisation, the requesting investor) — anyone else gets 404 — and the `after` hooks record the
 * dashboard facts in the same transaction.
 */
import { and, count, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import {
  type GiantStatus,
  giantWorkflow,
  type IncubationAction,
  type IncubationStatus,
  type IntroductionAction,
  type IntroductionStatus,
  incubationWorkflow,
  introductionWorkflow,
  type ProjectAction,
  type ProjectStatus,
  projectWorkflow,
} from '../../../shared/ventures.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import {
  type VentureGiantRow,
  type VentureIncubationRow,
  type VentureIntroductionRow,
  type VentureProjectRow,
  ventureCarriers,
  ventureGiants,
  ventureIncubations,
  ventureIntroductions,
  ventureProjects,
} from './ventures.tables.js';

/** The actor owns the project: its creator for a talent's project, any account of the organisation otherwise. */
export function ownsProject(actor: Actor, p: Pick<VentureProjectRow, 'ownerUserId' | 'ownerOrgId'>): boolean {
  if (p.ownerOrgId) return actor.orgId === p.ownerOrgId && actor.role === 'employer';
  return actor.role === 'talent' && actor.userId === p.ownerUserId;
}

export async function loadProject(db: Db, id: string): Promise<VentureProjectRow> {
  const [p] = await db.select().from(ventureProjects).where(eq(ventureProjects.id, id));
  if (!p) throw new AppError('NOT_FOUND', { status: 404 });
  return p;
}

export function projectBinding(action: string, reason?: string): WorkflowBinding<ProjectStatus, ProjectAction, VentureProjectRow> {
  return {
    workflow: projectWorkflow,
    table: ventureProjects,
    guard(ctx, row) {
      if (ctx.actor.role !== 'official' && !ownsProject(ctx.actor, row)) throw new AppError('NOT_FOUND', { status: 404 });
    },
    async after(ctx, row, a) {
      if (a !== 'publish') return;
      await recordMetric(ctx.db, {
        metric: 'venture.published',
        subjectId: row.id,
        regionCode: row.regionCode,
        occurredAt: ctx.now,
        dimension: row.digitalField,
        digital: true,
        amountFen: row.fundingSoughtFen,
      });
    },
    extraSet(ctx) {
      return {
        updatedAt: ctx.now,
        ...(action === 'publish' ? { publishedAt: ctx.now, returnReason: null } : {}),
        ...(action === 'return' ? { returnReason: reason ?? null } : {}),
      };
    },
  };
}

/** Whether the actor is the carrier's manager (an account of its operating host organisation). */
export async function managesCarrier(db: Db, actor: Actor, carrierId: string): Promise<boolean> {
  if (actor.role !== 'host' || !actor.orgId) return false;
  const [c] = await db.select({ m: ventureCarriers.managerOrgId }).from(ventureCarriers).where(eq(ventureCarriers.id, carrierId));
  return c?.m === actor.orgId;
}

const HOST_ACTIONS: readonly IncubationAction[] = ['accept', 'decline', 'start', 'graduate'];

export function incubationBinding(action: string): WorkflowBinding<IncubationStatus, IncubationAction, VentureIncubationRow> {
  return {
    workflow: incubationWorkflow,
    table: ventureIncubations,
    async guard(ctx, row, a) {
      // a role that may never take the action (officials, a talent accepting…): the role check answers 403
      const spec = incubationWorkflow.transitions[a] as { roles: readonly string[] } | undefined;
      if (spec && !spec.roles.includes(ctx.actor.role)) return;
      const party = HOST_ACTIONS.includes(a)
        ? await managesCarrier(ctx.db, ctx.actor, row.carrierId)
        : ownsProject(ctx.actor, await loadProject(ctx.db, row.projectId));
      if (!party) throw new AppError('NOT_FOUND', { status: 404 });
      if (a === 'start') await assertCapacity(ctx, row.carrierId);
    },
    async after(ctx, row, a) {
      if (a !== 'start') return;
      const p = await loadProject(ctx.db, row.projectId);
      await recordMetric(ctx.db, {
        metric: 'venture.incubated',
        subjectId: row.id,
        regionCode: row.regionCode,
        occurredAt: ctx.now,
        dimension: p.digitalField,
        digital: true,
      });
    },
    extraSet(ctx) {
      return {
        updatedAt: ctx.now,
        ...(action === 'start' ? { startedAt: ctx.now } : {}),
        ...(['graduate', 'withdraw', 'decline'].includes(action) ? { endedAt: ctx.now } : {}),
      };
    },
  };
}

/** The carrier row is locked, so two starts at once never pass its capacity. */
async function assertCapacity(ctx: Ctx, carrierId: string) {
  const [c] = await ctx.db.select().from(ventureCarriers).where(eq(ventureCarriers.id, carrierId)).for('update');
  if (!c?.active) throw new AppError('VENTURES_CARRIER_INACTIVE', { status: 409 });
  const [n] = await ctx.db
    .select({ n: count() })
    .from(ventureIncubations)
    .where(and(eq(ventureIncubations.carrierId, carrierId), eq(ventureIncubations.status, 'incubating')));
  if ((n?.n ?? 0) >= c.capacity) throw new AppError('VENTURES_CARRIER_FULL', { status: 409, params: { capacity: c.capacity } });
}

export function introductionBinding(): WorkflowBinding<IntroductionStatus, IntroductionAction, VentureIntroductionRow> {
  return {
    workflow: introductionWorkflow,
    table: ventureIntroductions,
    async guard(ctx, row, a) {
      const spec = introductionWorkflow.transitions[a] as { roles: readonly string[] } | undefined;
      if (spec && !spec.roles.includes(ctx.actor.role)) return;
      const party =
        a === 'withdraw'
          ? ctx.actor.role === 'employer' && ctx.actor.orgId === row.investorOrgId
          : ownsProject(ctx.actor, await loadProject(ctx.db, row.projectId));
      if (!party) throw new AppError('NOT_FOUND', { status: 404 });
    },
    async after(ctx, row, a) {
      if (a !== 'consent') return;
      await recordMetric(ctx.db, { metric: 'venture.introduced', subjectId: row.id, regionCode: row.regionCode, occurredAt: ctx.now, digital: true });
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, decidedAt: ctx.now };
    },
  };
}

export const giantBinding: WorkflowBinding<GiantStatus, keyof typeof giantWorkflow.transitions, VentureGiantRow> = {
  workflow: giantWorkflow,
  table: ventureGiants,
  extraSet(ctx) {
    return { updatedAt: ctx.now };
  },
};
