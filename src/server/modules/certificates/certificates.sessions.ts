/**
 * 技能评价 plans and sessions of accredited evaluation bodies: creating them (the body's accreditation for
 * the occupation and level is checked), the lists for the body, officials and talents, one session with its
 * candidates, and the session workflow (results are published only once every candidate has one). Every
 * write is audited in its transaction. Candidates, results and issuance: certificates.candidates.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, type SQL } from 'drizzle-orm';
import { type CandidateResult, type CreatePlan, type CreateSession, type SessionStatus, sessionWorkflow } from '../../../shared/certificates.js';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { regionFilter, assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { assertAccredited } from '../providers/providers.accreditation.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { chinaDay, isDetailOccupation, levelNames, occupationNames } from './certificates.names.js';
import { certificates, evaluationCandidates, evaluationPlans, type EvaluationSessionRow, evaluationSessions } from './certificates.tables.js';
import { sessionBinding } from './certificates.workflow.js';

type ActorCtx = Ctx & { actor: Actor };
const notFound = () => new AppError('NOT_FOUND', { status: 404 });
export const inTx = <T>(ctx: ActorCtx, run: (c: ActorCtx) => Promise<T>) => ctx.db.transaction((tx) => run({ ...ctx, db: tx as unknown as Db }));

async function ownOrg(ctx: ActorCtx) {
  if (!ctx.actor.orgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'organisation' } });
  const [org] = await ctx.db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode, status: organisations.status, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, ctx.actor.orgId));
  if (org?.kind !== 'evaluator') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'organisation' } });
  if (org.status !== 'verified') throw new AppError('CERTIFICATES_ISSUER_NOT_VERIFIED', { status: 409 });
  return org;
}

// ------------------------------------------------------------------------------------- plans

export async function createPlan(ctx: ActorCtx, body: CreatePlan) {
  return inTx(ctx, async (c) => {
    const org = await ownOrg(c);
    if (!(await isDetailOccupation(c.db, body.occupationCode)))
      throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'occupationCode' } });
    await assertAccredited(c.db, {
      organisationId: org.id,
      purpose: 'evaluation',
      occupationCode: body.occupationCode,
      levelCode: body.levelCode,
      on: chinaDay(c.now),
    });
    const [plan] = await c.db
      .insert(evaluationPlans)
      .values({ ...body, description: body.description ?? null, orgId: org.id, regionCode: org.regionCode, createdBy: c.actor.userId, createdAt: c.now })
      .returning();
    if (!plan) throw new Error('insert failed');
    await record(c, {
      action: 'evaluation_plan.create',
      objectType: 'evaluation_plan',
      objectId: plan.id,
      regionCode: org.regionCode,
      detail: { occupationCode: body.occupationCode, levelCode: body.levelCode },
    });
    return plan;
  });
}

/** The body's own plans with their sessions; officials: plans of bodies in their region. */
export async function listPlans(ctx: ActorCtx) {
  const where: SQL | undefined =
    ctx.actor.role === 'evaluator'
      ? eq(evaluationPlans.orgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000')
      : regionFilter(ctx.actor, evaluationPlans.regionCode);
  const plans = await ctx.db.select().from(evaluationPlans).where(where).orderBy(desc(evaluationPlans.createdAt)).limit(200);
  const ids = plans.map((p) => p.id);
  const sessions = ids.length
    ? await ctx.db.select().from(evaluationSessions).where(inArray(evaluationSessions.planId, ids)).orderBy(asc(evaluationSessions.examOn))
    : [];
  const [occ, lvl] = await Promise.all([
    occupationNames(
      ctx.db,
      plans.map((p) => p.occupationCode),
    ),
    levelNames(ctx.db),
  ]);
  const counts = await candidateCounts(
    ctx.db,
    sessions.map((s) => s.id),
  );
  return plans.map((p) => ({
    ...p,
    occupationName: occ.get(p.occupationCode) ?? null,
    levelName: lvl.get(p.levelCode) ?? null,
    sessions: sessions.filter((s) => s.planId === p.id).map((s) => sessionView(ctx.actor, s, counts.get(s.id) ?? 0)),
  }));
}

// ------------------------------------------------------------------------------------- sessions

async function candidateCounts(db: Db, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: evaluationCandidates.sessionId, n: count() })
    .from(evaluationCandidates)
    .where(inArray(evaluationCandidates.sessionId, sessionIds))
    .groupBy(evaluationCandidates.sessionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

function sessionView(actor: Actor | null, s: EvaluationSessionRow, candidates: number) {
  return {
    id: s.id,
    planId: s.planId,
    orgId: s.orgId,
    regionCode: s.regionCode,
    occupationCode: s.occupationCode,
    levelCode: s.levelCode,
    examOn: s.examOn,
    venue: s.venue,
    capacity: s.capacity,
    candidates,
    seatsLeft: Math.max(0, s.capacity - candidates),
    status: s.status as SessionStatus,
    resultsPublishedAt: s.resultsPublishedAt?.toISOString() ?? null,
    allowedActions:
      actor && (actor.role !== 'evaluator' || actor.orgId === s.orgId) ? allowedActions(sessionWorkflow, s.status as SessionStatus, [actor.role]) : [],
  };
}

export async function createSession(ctx: ActorCtx, planId: string, body: CreateSession) {
  return inTx(ctx, async (c) => {
    const org = await ownOrg(c);
    const [plan] = await c.db.select().from(evaluationPlans).where(eq(evaluationPlans.id, planId));
    if (!plan || plan.orgId !== org.id) throw notFound();
    if (body.examOn < chinaDay(c.now)) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['examOn'] } });
    await assertAccredited(c.db, {
      organisationId: org.id,
      purpose: 'evaluation',
      occupationCode: plan.occupationCode,
      levelCode: plan.levelCode,
      on: body.examOn,
    });
    const [s] = await c.db
      .insert(evaluationSessions)
      .values({
        planId,
        orgId: org.id,
        regionCode: org.regionCode,
        occupationCode: plan.occupationCode,
        levelCode: plan.levelCode,
        examOn: body.examOn,
        venue: body.venue,
        capacity: body.capacity,
        status: sessionWorkflow.initial,
        createdBy: c.actor.userId,
        createdAt: c.now,
        updatedAt: c.now,
      })
      .returning();
    if (!s) throw new Error('insert failed');
    await record(c, {
      action: 'evaluation_session.create',
      objectType: 'evaluation_session',
      objectId: s.id,
      regionCode: s.regionCode,
      detail: { planId, examOn: s.examOn },
    });
    return sessionView(c.actor, s, 0);
  });
}

/** Open sessions from today on, for talents to register (no account needed to look). */
export async function listOpenSessions(ctx: Ctx) {
  const rows = await ctx.db
    .select({ s: evaluationSessions, planName: evaluationPlans.name, orgName: organisations.name })
    .from(evaluationSessions)
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, evaluationSessions.planId))
    .innerJoin(organisations, eq(organisations.id, evaluationSessions.orgId))
    .where(and(eq(evaluationSessions.status, 'open'), gte(evaluationSessions.examOn, chinaDay(ctx.now))))
    .orderBy(asc(evaluationSessions.examOn))
    .limit(100);
  const counts = await candidateCounts(
    ctx.db,
    rows.map((r) => r.s.id),
  );
  const [occ, lvl] = await Promise.all([
    occupationNames(
      ctx.db,
      rows.map((r) => r.s.occupationCode),
    ),
    levelNames(ctx.db),
  ]);
  let mine = new Set<string>();
  if (ctx.actor?.role === 'talent' && rows.length) {
    const m = await ctx.db
      .select({ id: evaluationCandidates.sessionId })
      .from(evaluationCandidates)
      .where(
        and(
          eq(evaluationCandidates.userId, ctx.actor.userId),
          inArray(
            evaluationCandidates.sessionId,
            rows.map((r) => r.s.id),
          ),
        ),
      );
    mine = new Set(m.map((x) => x.id));
  }
  return rows.map((r) => ({
    ...sessionView(null, r.s, counts.get(r.s.id) ?? 0),
    planName: r.planName,
    orgName: r.orgName,
    occupationName: occ.get(r.s.occupationCode) ?? null,
    levelName: lvl.get(r.s.levelCode) ?? null,
    registered: mine.has(r.s.id),
  }));
}

export async function loadSession(ctx: ActorCtx, id: string, lock = false): Promise<EvaluationSessionRow> {
  const q = ctx.db.select().from(evaluationSessions).where(eq(evaluationSessions.id, id));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw notFound();
  if (ctx.actor.role === 'evaluator' && ctx.actor.orgId !== s.orgId) throw notFound();
  if (ctx.actor.role === 'official') assertInRegion(ctx.actor, s.regionCode);
  return s;
}

/** A session with its candidates: the body sees names in full (it examines them), officials masked. */
export async function getSession(ctx: ActorCtx, id: string) {
  const s = await loadSession(ctx, id);
  const [plan] = await ctx.db.select().from(evaluationPlans).where(eq(evaluationPlans.id, s.planId));
  const rows = await ctx.db
    .select({ c: evaluationCandidates, name: users.displayName, certNumber: certificates.number, certStatus: certificates.status })
    .from(evaluationCandidates)
    .innerJoin(users, eq(users.id, evaluationCandidates.userId))
    .leftJoin(certificates, eq(certificates.id, evaluationCandidates.certificateId))
    .where(eq(evaluationCandidates.sessionId, id))
    .orderBy(asc(evaluationCandidates.createdAt));
  const [occ, lvl] = await Promise.all([occupationNames(ctx.db, [s.occupationCode]), levelNames(ctx.db)]);
  return {
    ...sessionView(ctx.actor, s, rows.length),
    planName: plan?.name ?? '',
    theoryPassScore: plan?.theoryPassScore ?? 60,
    practicalPassScore: plan?.practicalPassScore ?? 60,
    occupationName: occ.get(s.occupationCode) ?? null,
    levelName: lvl.get(s.levelCode) ?? null,
    candidateList: rows.map((r) => ({
      id: r.c.id,
      name: ctx.actor.role === 'evaluator' ? r.name : maskName(r.name),
      source: r.c.source,
      theoryScore: r.c.theoryScore,
      practicalScore: r.c.practicalScore,
      result: r.c.result as CandidateResult,
      certificateNumber: r.certNumber,
      certificateStatus: r.certStatus,
    })),
  };
}

export async function transitionSession(ctx: ActorCtx, id: string, action: string, input: { reason?: string | undefined }) {
  const base = sessionBinding(action);
  await applyTransition(
    ctx,
    {
      ...base,
      async guard(c, row, a) {
        await base.guard?.(c, row, a);
        if (a === 'publish_results') {
          const [pending] = await c.db
            .select({ n: count() })
            .from(evaluationCandidates)
            .where(and(eq(evaluationCandidates.sessionId, row.id), eq(evaluationCandidates.result, 'pending')));
          if ((pending?.n ?? 0) > 0) throw new AppError('CERTIFICATES_RESULTS_INCOMPLETE', { status: 409, params: { pending: pending?.n ?? 0 } });
        }
      },
    },
    id,
    action,
    input,
  );
  return getSession(ctx, id);
}
