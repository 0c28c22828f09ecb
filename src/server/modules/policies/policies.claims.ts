/**
 * 补贴申领 through the claim workflow (src/shared/policies.ts). Submitting re-judges eligibility from
 * platform records (the applicant cannot type in a certificate or an amount), seals the payee account,
 * runs the anomaly checks and holds a flagged claim. Review starts with assignment; 公示 runs for the
 * policy's number of working days; approval commits the budget under a row lock (never overspent).
 * One payment per person (or organisation), policy, occupation and level: a partial unique index.
 * Reads (views, lists, 公示 notices) are in policies.claim-queries.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type AnomalyFlag, type ClaimAction, type ClaimStatus, claimWorkflow, type Payee, type SubmitClaim } from '../../../shared/policies.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { blindIndex, encrypt } from '../../lib/crypto.js';
import { addWorkingDays, chinaDate } from '../../lib/workdays.js';
import { cityOf, PROVINCE_CODE } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { recordMetric, wholeDaysBetween } from '../dashboard/dashboard.metrics.js';
import { applyTransition, type WorkflowBinding } from '../workflow/workflow.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { anomalyFlags } from './policies.anomalies.js';
import { claimView, ownerGuard } from './policies.claim-queries.js';
import { applicantFor, judge, judgementView } from './policies.eligibility.js';
import { type PolicyClaimRow, type PolicyRow, policies, policyBudgets, policyClaims } from './policies.tables.js';

export function maskAccount(account: string): string {
  return `${'*'.repeat(4)} ${account.slice(-4)}`;
}

export function sealPayee(ctx: Ctx, payee: Payee) {
  return {
    payeeBank: payee.bankName,
    payeeAccountEnc: encrypt(ctx.platform.keys, payee.account),
    payeeAccountBidx: blindIndex(ctx.platform.keys, 'bank_account', payee.account),
    payeeAccountMasked: maskAccount(payee.account),
  };
}

function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    if ((e as { code?: string }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

async function loadPolicy(db: Db, id: string): Promise<PolicyRow> {
  const [p] = await db.select().from(policies).where(eq(policies.id, id));
  if (p?.status !== 'published') throw new AppError('NOT_FOUND', { status: 404 });
  return p;
}

/** A system step (no role may take it by hand, e.g. `hold`): status, workflow event and audit in the caller's transaction. */
async function systemStep(ctx: Ctx, claim: PolicyClaimRow, action: ClaimAction, set: Record<string, unknown> = {}) {
  const spec = claimWorkflow.transitions[action];
  if (!spec.from.includes(claim.status as ClaimStatus))
    throw new AppError('WORKFLOW_TRANSITION_NOT_ALLOWED', { status: 409, params: { status: claim.status, action } });
  await ctx.db
    .update(policyClaims)
    .set({ status: spec.to, updatedAt: ctx.now, ...set })
    .where(eq(policyClaims.id, claim.id));
  await ctx.db.insert(workflowEvents).values({
    workflow: claimWorkflow.name,
    entityId: claim.id,
    action,
    fromState: claim.status,
    toState: spec.to,
    actorId: ctx.actor?.userId ?? null,
    actorRole: ctx.actor?.role ?? null,
    reason: null,
    requestId: ctx.requestId,
    at: ctx.now,
  });
  await record(ctx, {
    action: `policy_claim.${action}`,
    objectType: 'policy_claim',
    objectId: claim.id,
    regionCode: claim.regionCode,
    detail: { from: claim.status, to: spec.to, ...set },
  });
}

/** After submit / confirm / resubmit: anomaly checks; a flagged claim goes on hold. */
async function screen(ctx: Ctx, claimId: string): Promise<void> {
  const [claim] = await ctx.db.select().from(policyClaims).where(eq(policyClaims.id, claimId));
  if (claim?.status !== 'submitted') return;
  const flags = await anomalyFlags(ctx, claim);
  if (flags.length) await systemStep(ctx, claim, 'hold', { flags });
}

async function metricApplied(db: Db, claim: PolicyClaimRow, policyCode: string, at: Date) {
  await recordMetric(db, {
    metric: 'subsidy.applied',
    subjectId: claim.id,
    regionCode: claim.regionCode,
    occurredAt: at,
    occupationCode: claim.occupationCode || null,
    dimension: policyCode,
    amountFen: claim.amountFen,
  });
}

/** POST /api/policies/claims: the applicant applies for a policy (subject from platform records). */
export async function submitClaim(ctx: Ctx & { actor: Actor }, input: SubmitClaim) {
  const policy = await loadPolicy(ctx.db, input.policyId);
  const applicant = await applicantFor(ctx, ctx.actor, policy);
  if (!applicant) throw new AppError('POLICIES_WRONG_APPLICANT', { status: 403, params: { applicantKind: policy.applicantKind } });
  const j = await judge(ctx, policy, applicant, input.subjectRef ?? null);
  if (j.verdict !== 'eligible' || !j.candidate) {
    const failing = j.evaluation.failing.map((f) => f.text);
    throw new AppError('POLICIES_NOT_ELIGIBLE', { status: 422, params: { failing: failing.join('；') } });
  }
  const c = j.candidate;
  try {
    return await ctx.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const t = { ...ctx, db: tx };
      const [claim] = await tx
        .insert(policyClaims)
        .values({
          policyId: policy.id,
          applicantUserId: applicant.userId,
          applicantOrgId: applicant.orgId,
          applicantKey: applicant.applicantKey,
          regionCode: applicant.handlingRegion,
          status: 'submitted',
          subjectKind: c.subjectKind,
          subjectRef: c.subjectRef,
          occupationCode: c.occupationCode,
          levelCode: c.levelCode,
          providerOrgId: c.providerOrgId,
          amountFen: c.amountFen,
          evaluation: judgementView(policy, j),
          ...sealPayee(ctx, input.payee),
          submitIp: ctx.ip,
          createdAt: ctx.now,
          submittedAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      if (!claim) throw new Error('insert failed');
      await record(t, {
        action: 'policy_claim.submit',
        objectType: 'policy_claim',
        objectId: claim.id,
        regionCode: claim.regionCode,
        detail: { policy: policy.code, amountFen: claim.amountFen, subject: c.subjectKind },
      });
      await metricApplied(tx, claim, policy.code, ctx.now);
      await screen(t, claim.id);
      return claimView(t, (await tx.select().from(policyClaims).where(eq(policyClaims.id, claim.id)))[0] as PolicyClaimRow);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('POLICIES_CLAIM_EXISTS', { status: 409, params: { policy: policy.name } });
    throw err;
  }
}

/**
 * 免申即享: creates a prefilled claim for an eligible subject unless one exists (the unique index decides;
 * a concurrent run adds nothing). Returns the new claim id or null.
 */
export async function createPrefilledClaim(ctx: Ctx, policy: PolicyRow, j: Awaited<ReturnType<typeof judge>>): Promise<string | null> {
  const c = j.candidate;
  if (!c || j.verdict !== 'eligible') return null;
  const a = j.applicant;
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // a claim the person withdrew (or that was refused) is not prepared again
    const [earlier] = await tx
      .select({ id: policyClaims.id })
      .from(policyClaims)
      .where(
        and(
          eq(policyClaims.policyId, policy.id),
          eq(policyClaims.applicantKey, a.applicantKey),
          eq(policyClaims.occupationCode, c.occupationCode),
          eq(policyClaims.levelCode, c.levelCode),
        ),
      )
      .limit(1);
    if (earlier) return null;
    const [claim] = await tx
      .insert(policyClaims)
      .values({
        policyId: policy.id,
        applicantUserId: a.userId,
        applicantOrgId: a.orgId,
        applicantKey: a.applicantKey,
        regionCode: a.handlingRegion,
        status: 'prefilled',
        subjectKind: c.subjectKind,
        subjectRef: c.subjectRef,
        occupationCode: c.occupationCode,
        levelCode: c.levelCode,
        providerOrgId: c.providerOrgId,
        amountFen: c.amountFen,
        evaluation: judgementView(policy, j),
        prefilled: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: policyClaims.id, regionCode: policyClaims.regionCode });
    if (!claim) return null;
    await record(
      { ...ctx, db: tx },
      {
        action: 'policy_claim.prefill',
        objectType: 'policy_claim',
        objectId: claim.id,
        regionCode: claim.regionCode,
        detail: { policy: policy.code, amountFen: c.amountFen, subject: c.subjectKind },
      },
    );
    return claim.id;
  });
}

/** Actions an official may take only on a claim assigned to them. */
const ASSIGNEE_ONLY: readonly ClaimAction[] = ['unassign', 'return', 'start_notice'];

function claimBinding(action: string, extra: { payee?: Payee; reason?: string | undefined }): WorkflowBinding<ClaimStatus, ClaimAction, PolicyClaimRow> {
  return {
    workflow: claimWorkflow,
    table: policyClaims,
    guard(ctx, row) {
      if (ctx.actor.role === 'official') {
        if (row.status === 'in_review' && row.assignedTo !== ctx.actor.userId && (ASSIGNEE_ONLY as string[]).includes(action))
          throw new AppError('POLICIES_NOT_ASSIGNED', { status: 409 });
        if (row.status === 'in_review' && action === 'reject' && row.assignedTo !== ctx.actor.userId)
          throw new AppError('POLICIES_NOT_ASSIGNED', { status: 409 });
        if (action === 'approve' && row.noticeUntil && chinaDate(ctx.now) <= row.noticeUntil)
          throw new AppError('POLICIES_NOTICE_RUNNING', { status: 409, params: { until: row.noticeUntil } });
      } else ownerGuard(ctx, row);
    },
    extraSet(ctx) {
      const set: Record<string, unknown> = { updatedAt: ctx.now };
      if (extra.reason) set.lastReason = extra.reason;
      if (action === 'assign') set.assignedTo = ctx.actor?.userId ?? null;
      if (action === 'unassign') set.assignedTo = null;
      if (action === 'confirm' || action === 'resubmit') set.submittedAt = ctx.now;
      if (action === 'confirm' && extra.payee) Object.assign(set, sealPayee(ctx, extra.payee), { submitIp: ctx.ip });
      if (action === 'release_hold') set.flags = [];
      return set;
    },
    async after(ctx, row, a) {
      const [policy] = await ctx.db.select().from(policies).where(eq(policies.id, row.policyId));
      if (!policy) throw new AppError('NOT_FOUND', { status: 404 });
      if (a === 'confirm' || a === 'resubmit') {
        if (a === 'confirm') {
          const [fresh] = await ctx.db.select().from(policyClaims).where(eq(policyClaims.id, row.id));
          if (fresh) await metricApplied(ctx.db, fresh, policy.code, ctx.now);
        }
        await screen(ctx, row.id);
      }
      if (a === 'start_notice') {
        const from = chinaDate(ctx.now);
        await ctx.db
          .update(policyClaims)
          .set({ noticeFrom: from, noticeUntil: addWorkingDays(from, policy.noticeWorkingDays) })
          .where(eq(policyClaims.id, row.id));
      }
      if (a === 'approve') await commitBudget(ctx, row, policy);
      if (a === 'reject') {
        await recordMetric(ctx.db, {
          metric: 'subsidy.rejected',
          subjectId: row.id,
          regionCode: row.regionCode,
          occurredAt: ctx.now,
          occupationCode: row.occupationCode || null,
          dimension: policy.code,
          days: row.submittedAt ? wholeDaysBetween(row.submittedAt, ctx.now) : null,
        });
      }
      if (a === 'mark_paid') await recordPaid(ctx, row, policy);
    },
  };
}

/** Approve: lock the budget row of the claim's city and year (else the province's), refuse an overspend. */
async function commitBudget(ctx: Ctx, row: PolicyClaimRow, policy: PolicyRow) {
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const city = cityOf(row.regionCode) ?? row.regionCode;
  let budget: typeof policyBudgets.$inferSelect | undefined;
  for (const region of [city, PROVINCE_CODE]) {
    [budget] = await ctx.db
      .select()
      .from(policyBudgets)
      .where(and(eq(policyBudgets.policyId, policy.id), eq(policyBudgets.regionCode, region), eq(policyBudgets.year, year)))
      .for('update');
    if (budget) break;
  }
  if (!budget) throw new AppError('POLICIES_NO_BUDGET', { status: 409, params: { year } });
  if (budget.committedFen + row.amountFen > budget.totalFen)
    throw new AppError('POLICIES_BUDGET_EXHAUSTED', { status: 409, params: { leftFen: budget.totalFen - budget.committedFen, amountFen: row.amountFen } });
  await ctx.db
    .update(policyBudgets)
    .set({ committedFen: sql`${policyBudgets.committedFen} + ${row.amountFen}`, updatedAt: ctx.now })
    .where(eq(policyBudgets.id, budget.id));
  await ctx.db.update(policyClaims).set({ budgetId: budget.id, approvedAt: ctx.now }).where(eq(policyClaims.id, row.id));
  await recordMetric(ctx.db, {
    metric: 'subsidy.approved',
    subjectId: row.id,
    regionCode: row.regionCode,
    occurredAt: ctx.now,
    occupationCode: row.occupationCode || null,
    dimension: policy.code,
    amountFen: row.amountFen,
    days: row.submittedAt ? wholeDaysBetween(row.submittedAt, ctx.now) : null,
  });
}

async function recordPaid(ctx: Ctx, row: PolicyClaimRow, policy: PolicyRow) {
  if (row.budgetId) {
    const [b] = await ctx.db.select().from(policyBudgets).where(eq(policyBudgets.id, row.budgetId)).for('update');
    if (b)
      await ctx.db
        .update(policyBudgets)
        .set({ paidFen: b.paidFen + row.amountFen, updatedAt: ctx.now })
        .where(eq(policyBudgets.id, b.id));
  }
  await ctx.db.update(policyClaims).set({ paidAt: ctx.now }).where(eq(policyClaims.id, row.id));
  await recordMetric(ctx.db, {
    metric: 'subsidy.paid',
    subjectId: row.id,
    regionCode: row.regionCode,
    occurredAt: ctx.now,
    occupationCode: row.occupationCode || null,
    dimension: policy.code,
    amountFen: row.amountFen,
    days: row.submittedAt ? wholeDaysBetween(row.submittedAt, ctx.now) : null,
  });
}

/** Any claim transition except batch steps (those go through the batch). */
export async function transitionClaim(ctx: Ctx & { actor: Actor }, id: string, action: string, input: { reason?: string | undefined; payee?: Payee }) {
  if (action === 'add_to_batch' || action === 'mark_paid' || action === 'mark_failed' || action === 'hold')
    throw new AppError('WORKFLOW_TRANSITION_NOT_ALLOWED', { status: 409, params: { action } });
  if (action === 'confirm' && !input.payee) throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'payee' } });
  const row = await applyTransition(ctx, claimBinding(action, input), id, action, { reason: input.reason });
  return claimView(ctx, row);
}

/** Batch steps, inside the batch's transaction. */
export async function batchStep(
  ctx: Ctx & { actor: Actor },
  id: string,
  action: 'add_to_batch' | 'mark_paid' | 'mark_failed',
  reason?: string,
  set: Record<string, unknown> = {},
) {
  const binding = claimBinding(action, { reason });
  return applyTransition(ctx, { ...binding, extraSet: (c) => ({ ...binding.extraSet?.(c), ...set }) }, id, action, { reason });
}

export type { AnomalyFlag };
