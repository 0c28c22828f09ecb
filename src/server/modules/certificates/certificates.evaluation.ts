/**
 * 技能评价: plans and sessions of accredited evaluation bodies, candidates (talents register, or the body
 * adds trainees who completed a matching class), results with the plan's pass rule, publication, and
 * issuance of 职业技能等级证书 to passed candidates. Every write is audited in its transaction.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, type SQL } from 'drizzle-orm';
import {
  type AddTrainees,
  type CandidateResult,
  type CreatePlan,
  type CreateSession,
  type EnterResults,
  type SessionStatus,
  sessionWorkflow,
} from '../../../shared/certificates.js';
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
import { completedEnrolmentsOf } from '../training/training.records.js';
import { trainingClasses, trainingEnrolments } from '../training/training.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { issueCertificate } from './certificates.issue.js';
import { chinaDay, isDetailOccupation, levelNames, occupationNames } from './certificates.names.js';
import {
  certificates,
  type EvaluationCandidateRow,
  evaluationCandidates,
  evaluationPlans,
  type EvaluationSessionRow,
  evaluationSessions,
} from './certificates.tables.js';
import { sessionBinding } from './certificates.workflow.js';

type ActorCtx = Ctx & { actor: Actor };
const notFound = () => new AppError('NOT_FOUND', { status: 404 });
const inTx = <T>(ctx: ActorCtx, run: (c: ActorCtx) => Promise<T>) => ctx.db.transaction((tx) => run({ ...ctx, db: tx as unknown as Db }));

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

async function loadSession(ctx: ActorCtx, id: string, lock = false): Promise<EvaluationSessionRow> {
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

// ------------------------------------------------------------------------------------- candidates

async function addCandidate(c: ActorCtx, s: EvaluationSessionRow, userId: string, source: 'registration' | 'trainee', enrolmentId: string | null) {
  if (s.status !== 'open') throw new AppError('CERTIFICATES_SESSION_NOT_OPEN', { status: 409, params: { status: s.status } });
  const [existing] = await c.db
    .select()
    .from(evaluationCandidates)
    .where(and(eq(evaluationCandidates.sessionId, s.id), eq(evaluationCandidates.userId, userId)));
  if (existing) return { row: existing, created: false };
  const [taken] = await c.db.select({ n: count() }).from(evaluationCandidates).where(eq(evaluationCandidates.sessionId, s.id));
  if ((taken?.n ?? 0) >= s.capacity) throw new AppError('CERTIFICATES_SESSION_FULL', { status: 409 });
  const [u] = await c.db.select({ regionCode: users.regionCode, role: users.role, status: users.status }).from(users).where(eq(users.id, userId));
  if (u?.role !== 'talent' || u.status !== 'active') throw notFound();
  const [row] = await c.db
    .insert(evaluationCandidates)
    .values({ sessionId: s.id, userId, regionCode: u.regionCode, source, enrolmentId, result: 'pending', createdAt: c.now, updatedAt: c.now })
    .returning();
  if (!row) throw new Error('insert failed');
  await record(c, {
    action: `evaluation_candidate.${source === 'trainee' ? 'add_trainee' : 'register'}`,
    objectType: 'evaluation_candidate',
    objectId: row.id,
    regionCode: u.regionCode,
    detail: { sessionId: s.id, ...(enrolmentId ? { enrolmentId } : {}) },
  });
  return { row, created: true };
}

/** Talent: register for an open session (idempotent); the session row is locked so seats never exceed capacity. */
export async function registerForSession(ctx: ActorCtx, sessionId: string) {
  return inTx(ctx, async (c) => {
    const [s] = await c.db.select().from(evaluationSessions).where(eq(evaluationSessions.id, sessionId)).for('update');
    if (!s) throw notFound();
    const { row } = await addCandidate(c, s, c.actor.userId, 'registration', null);
    return candidateMine(row);
  });
}

function candidateMine(r: EvaluationCandidateRow) {
  return { id: r.id, sessionId: r.sessionId, source: r.source, result: r.result as CandidateResult, createdAt: r.createdAt.toISOString() };
}

/**
 * Trainees who completed a class for this session's occupation and level (H2's completedEnrolmentsOf is
 * the authority; the training table only narrows down whom to ask) and are not candidates yet.
 */
export async function eligibleTrainees(ctx: ActorCtx, sessionId: string) {
  const s = await loadSession(ctx, sessionId);
  const people = await ctx.db
    .selectDistinct({ userId: trainingEnrolments.talentId, name: users.displayName })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .innerJoin(users, eq(users.id, trainingEnrolments.talentId))
    .where(and(isNotNull(trainingEnrolments.completedAt), eq(trainingClasses.occupationCode, s.occupationCode), eq(trainingClasses.levelCode, s.levelCode)))
    .limit(500);
  // candidates already, or holding a valid certificate for this occupation and level
  const already = new Set([
    ...(await ctx.db.select({ u: evaluationCandidates.userId }).from(evaluationCandidates).where(eq(evaluationCandidates.sessionId, sessionId))).map(
      (r) => r.u,
    ),
    ...(
      await ctx.db
        .select({ u: certificates.holderUserId })
        .from(certificates)
        .where(and(eq(certificates.occupationCode, s.occupationCode), eq(certificates.levelCode, s.levelCode), eq(certificates.status, 'valid')))
    ).map((r) => r.u),
  ]);
  const out: { enrolmentId: string; userId: string; name: string; className: string; completedAt: string }[] = [];
  for (const p of people) {
    if (already.has(p.userId)) continue;
    for (const e of await completedEnrolmentsOf(ctx.db, p.userId)) {
      if (e.occupationCode === s.occupationCode && e.levelCode === s.levelCode)
        out.push({ enrolmentId: e.enrolmentId, userId: p.userId, name: p.name, className: e.className, completedAt: e.completedAt.toISOString() });
    }
  }
  return out;
}

/** Body: add trainees by enrolment; each must be a completed enrolment in this occupation and level. */
export async function addTrainees(ctx: ActorCtx, sessionId: string, body: AddTrainees) {
  return inTx(ctx, async (c) => {
    const s = await loadSession(c, sessionId, true);
    if (c.actor.role !== 'evaluator') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
    const enrolments = await c.db
      .select({ id: trainingEnrolments.id, talentId: trainingEnrolments.talentId })
      .from(trainingEnrolments)
      .where(inArray(trainingEnrolments.id, body.enrolmentIds));
    const added: string[] = [];
    for (const id of body.enrolmentIds) {
      const e = enrolments.find((x) => x.id === id);
      const completed = e ? (await completedEnrolmentsOf(c.db, e.talentId)).find((x) => x.enrolmentId === id) : undefined;
      if (!e || !completed || completed.occupationCode !== s.occupationCode || completed.levelCode !== s.levelCode)
        throw new AppError('CERTIFICATES_NOT_A_TRAINEE', { status: 409, params: { enrolmentId: id } });
      const { row } = await addCandidate(c, s, e.talentId, 'trainee', id);
      added.push(row.id);
    }
    return { added: added.length };
  });
}

/** Body: enter theory and practical scores (or absent) after closing the session; the plan's pass rule decides. */
export async function enterResults(ctx: ActorCtx, sessionId: string, body: EnterResults) {
  return inTx(ctx, async (c) => {
    const s = await loadSession(c, sessionId, true);
    if (c.actor.role !== 'evaluator') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
    if (s.status !== 'closed') throw new AppError('CERTIFICATES_RESULTS_NOT_EDITABLE', { status: 409, params: { status: s.status } });
    const [plan] = await c.db.select().from(evaluationPlans).where(eq(evaluationPlans.id, s.planId));
    if (!plan) throw notFound();
    const tally = { passed: 0, failed: 0, absent: 0 };
    for (const r of body.results) {
      let result: CandidateResult;
      if (r.absent) result = 'absent';
      else if (r.theoryScore === null || r.practicalScore === null)
        throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['theoryScore', 'practicalScore'] } });
      else result = r.theoryScore >= plan.theoryPassScore && r.practicalScore >= plan.practicalPassScore ? 'passed' : 'failed';
      const updated = await c.db
        .update(evaluationCandidates)
        .set({ theoryScore: r.absent ? null : r.theoryScore, practicalScore: r.absent ? null : r.practicalScore, result, updatedAt: c.now })
        .where(and(eq(evaluationCandidates.id, r.candidateId), eq(evaluationCandidates.sessionId, sessionId)))
        .returning({ id: evaluationCandidates.id });
      if (updated.length === 0) throw new AppError('NOT_FOUND', { status: 404, params: { candidateId: r.candidateId } });
      tally[result as keyof typeof tally]++;
    }
    await record(c, { action: 'evaluation_session.results', objectType: 'evaluation_session', objectId: s.id, regionCode: s.regionCode, detail: tally });
    return getSession(c, sessionId);
  });
}

/** Body: issue certificates to passed candidates (all, or the ones named) once results are published. */
export async function issueForSession(ctx: ActorCtx, sessionId: string, candidateIds: string[] | undefined) {
  return inTx(ctx, async (c) => {
    const s = await loadSession(c, sessionId, true);
    if (c.actor.role !== 'evaluator') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
    if (s.status !== 'published') throw new AppError('CERTIFICATES_RESULTS_NOT_PUBLISHED', { status: 409, params: { status: s.status } });
    const conds = [eq(evaluationCandidates.sessionId, sessionId), eq(evaluationCandidates.result, 'passed')];
    if (candidateIds?.length) conds.push(inArray(evaluationCandidates.id, candidateIds));
    const passed = await c.db
      .select()
      .from(evaluationCandidates)
      .where(and(...conds));
    const issued: { candidateId: string; number: string }[] = [];
    const on = chinaDay(c.now);
    for (const cand of passed) {
      if (cand.certificateId) continue;
      const cert = await issueCertificate(c, {
        holderUserId: cand.userId,
        occupationCode: s.occupationCode,
        levelCode: s.levelCode,
        issuerOrgId: s.orgId,
        source: 'evaluation',
        sourceRef: `evaluation_candidate:${cand.id}`,
        issuedOn: on,
      });
      await c.db.update(evaluationCandidates).set({ certificateId: cert.id, updatedAt: c.now }).where(eq(evaluationCandidates.id, cand.id));
      issued.push({ candidateId: cand.id, number: cert.number });
    }
    return { issued };
  });
}

/** The people of a session who hold the certificate it issued (for 免申即享 right after issuing). */
export async function certifiedCandidates(ctx: Ctx, sessionId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: evaluationCandidates.userId })
    .from(evaluationCandidates)
    .where(and(eq(evaluationCandidates.sessionId, sessionId), isNotNull(evaluationCandidates.certificateId)));
  return rows.map((r) => r.userId);
}

/** Talent: own candidacies; scores show once the results are published. */
export async function myCandidacies(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ c: evaluationCandidates, s: evaluationSessions, planName: evaluationPlans.name, orgName: organisations.name })
    .from(evaluationCandidates)
    .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationCandidates.sessionId))
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, evaluationSessions.planId))
    .innerJoin(organisations, eq(organisations.id, evaluationSessions.orgId))
    .where(eq(evaluationCandidates.userId, ctx.actor.userId))
    .orderBy(desc(evaluationSessions.examOn));
  const [occ, lvl] = await Promise.all([
    occupationNames(
      ctx.db,
      rows.map((r) => r.s.occupationCode),
    ),
    levelNames(ctx.db),
  ]);
  return rows.map((r) => {
    const published = r.s.status === 'published';
    return {
      id: r.c.id,
      sessionId: r.s.id,
      planName: r.planName,
      orgName: r.orgName,
      occupationName: occ.get(r.s.occupationCode) ?? null,
      levelName: lvl.get(r.s.levelCode) ?? null,
      examOn: r.s.examOn,
      venue: r.s.venue,
      sessionStatus: r.s.status,
      result: published ? (r.c.result as CandidateResult) : null,
      theoryScore: published ? r.c.theoryScore : null,
      practicalScore: published ? r.c.practicalScore : null,
    };
  });
}
