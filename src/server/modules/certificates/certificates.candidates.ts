/**
 * 技能评价 candidates of a session: talents register, or the body adds trainees who completed a matching
 * class; results with the plan's pass rule, issuance of 职业技能等级证书 to passed candidates once the results
 * are published, and a talent's own candidacies. Every write is audited in its transaction. Plans and
 * sessions themselves: certificates.sessions.ts.
 */
import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AddTrainees, CandidateResult, EnterResults } from '../../../shared/certificates.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { completedEnrolmentsOf } from '../training/training.records.js';
import { trainingClasses, trainingEnrolments } from '../training/training.tables.js';
import { issueCertificate } from './certificates.issue.js';
import { chinaDay, levelNames, occupationNames } from './certificates.names.js';
import { getSession, inTx, loadSession } from './certificates.sessions.js';
import {
  certificates,
  type EvaluationCandidateRow,
  evaluationCandidates,
  evaluationPlans,
  type EvaluationSessionRow,
  evaluationSessions,
} from './certificates.tables.js';

type ActorCtx = Ctx & { actor: Actor };
const notFound = () => new AppError('NOT_FOUND', { status: 404 });

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
