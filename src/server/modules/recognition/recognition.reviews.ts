/**
 * Expert review (专家评审) for recognition and programme applications: officials keep the reviewer pool
 * (with each reviewer's affiliation), assign several reviewers to an application of their region, and each
 * reviewer scores once (0–100 with a comment). Conflict of interest: a reviewer affiliated with the
 * applicant's employer (same organisation, or the same name) cannot be assigned. The pool itself: recognition.pool.ts.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import type { ScoreBody } from '../../../shared/recognition.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { materialsOf, type SubjectKind } from './recognition.materials.js';
import { programmeApplications, recognitionApplications, recognitionReviewers, recognitionReviews } from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** States in which reviewers may be assigned, and the state in which they score. */
export const ASSIGNABLE: Record<SubjectKind, readonly string[]> = { recognition: ['accepted', 'in_review'], programme: ['submitted', 'in_review'] };

const tableOf = (kind: SubjectKind) => (kind === 'programme' ? programmeApplications : recognitionApplications);

export async function subject(db: Db, kind: SubjectKind, id: string, lock = false) {
  const t = tableOf(kind);
  const q = db
    .select({ id: t.id, status: t.status, regionCode: t.regionCode, employerOrgId: t.employerOrgId, employerName: t.employerName })
    .from(t)
    .where(eq(t.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Official of the application's region: assign a reviewer (not twice, not with a conflict of interest). */
export async function assignReviewer(ctx: ActorCtx, kind: SubjectKind, subjectId: string, reviewerId: string) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const s = await subject(tx, kind, subjectId, true);
    if (!s) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, s.regionCode);
    if (!ASSIGNABLE[kind].includes(s.status)) throw new AppError('RECOGNITION_NOT_ASSIGNABLE', { status: 409, params: { status: s.status } });
    const [reviewer] = await tx
      .select()
      .from(recognitionReviewers)
      .where(and(eq(recognitionReviewers.userId, reviewerId), eq(recognitionReviewers.active, true)))
      .for('share');
    if (!reviewer) throw new AppError('RECOGNITION_NOT_A_REVIEWER', { status: 422 });
    const conflict =
      (reviewer.affiliationOrgId !== null && reviewer.affiliationOrgId === s.employerOrgId) || norm(reviewer.affiliationName) === norm(s.employerName);
    if (conflict) {
      throw new AppError('RECOGNITION_REVIEWER_CONFLICT', { status: 409, params: { affiliation: reviewer.affiliationName } });
    }
    const [row] = await tx
      .insert(recognitionReviews)
      .values({ subjectKind: kind, subjectId, regionCode: s.regionCode, reviewerUserId: reviewerId, assignedBy: ctx.actor.userId, assignedAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('RECOGNITION_REVIEWER_ASSIGNED', { status: 409 });
    await record(
      { ...ctx, db: tx },
      { action: `${kind}.review_assign`, objectType: kind, objectId: subjectId, regionCode: s.regionCode, detail: { reviewer: reviewerId, review: row.id } },
    );
    return { id: row.id };
  });
}

/** 404 unless the review exists and is the caller's. */
export async function assertOwnReview(ctx: ActorCtx, reviewId: string) {
  const [r] = await ctx.db.select({ reviewer: recognitionReviews.reviewerUserId }).from(recognitionReviews).where(eq(recognitionReviews.id, reviewId));
  if (r?.reviewer !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
}

/** Reviewer: score an assigned application once, while it is in review. */
export async function scoreReview(ctx: ActorCtx, reviewId: string, body: ScoreBody) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [r] = await tx.select().from(recognitionReviews).where(eq(recognitionReviews.id, reviewId)).for('update');
    if (!r || r.reviewerUserId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
    if (r.scoredAt) throw new AppError('RECOGNITION_ALREADY_SCORED', { status: 409 });
    const s = await subject(tx, r.subjectKind as SubjectKind, r.subjectId);
    if (s?.status !== 'in_review') throw new AppError('RECOGNITION_NOT_IN_REVIEW', { status: 409, params: { status: s?.status ?? null } });
    await tx.update(recognitionReviews).set({ score: body.score, comment: body.comment, scoredAt: ctx.now }).where(eq(recognitionReviews.id, r.id));
    await record(
      { ...ctx, db: tx },
      {
        action: `${r.subjectKind}.review_score`,
        objectType: r.subjectKind,
        objectId: r.subjectId,
        regionCode: r.regionCode,
        detail: { review: r.id, score: body.score },
      },
    );
    return { id: r.id, score: body.score };
  });
}

/** Reviews of one application (for its view): reviewer names, scores, comments; and whether all have scored. */
export async function reviewsOf(db: Db, kind: SubjectKind, subjectId: string) {
  const rows = await db
    .select({ r: recognitionReviews, name: users.displayName, affiliation: recognitionReviewers.affiliationName })
    .from(recognitionReviews)
    .innerJoin(users, eq(users.id, recognitionReviews.reviewerUserId))
    .leftJoin(recognitionReviewers, eq(recognitionReviewers.userId, recognitionReviews.reviewerUserId))
    .where(and(eq(recognitionReviews.subjectKind, kind), eq(recognitionReviews.subjectId, subjectId)))
    .orderBy(asc(recognitionReviews.assignedAt));
  const items = rows.map(({ r, name, affiliation }) => ({
    id: r.id,
    reviewerId: r.reviewerUserId,
    reviewerName: name,
    affiliation,
    score: r.score,
    comment: r.comment,
    scoredAt: r.scoredAt?.toISOString() ?? null,
  }));
  const scored = items.filter((i) => i.score !== null);
  return {
    items,
    allScored: items.length > 0 && scored.length === items.length,
    average: scored.length ? Math.round((scored.reduce((a, i) => a + (i.score ?? 0), 0) / scored.length) * 10) / 10 : null,
  };
}

/** Throws unless at least one reviewer is assigned and every assigned reviewer has scored. */
export async function assertReviewComplete(db: Db, kind: SubjectKind, subjectId: string) {
  const open = await db
    .select({ id: recognitionReviews.id })
    .from(recognitionReviews)
    .where(and(eq(recognitionReviews.subjectKind, kind), eq(recognitionReviews.subjectId, subjectId), isNull(recognitionReviews.scoredAt)));
  const [any] = await db
    .select({ id: recognitionReviews.id })
    .from(recognitionReviews)
    .where(and(eq(recognitionReviews.subjectKind, kind), eq(recognitionReviews.subjectId, subjectId)))
    .limit(1);
  if (!any || open.length > 0) throw new AppError('RECOGNITION_REVIEW_INCOMPLETE', { status: 409, params: { open: open.length } });
}

export async function assertReviewersAssigned(db: Db, kind: SubjectKind, subjectId: string) {
  const [any] = await db
    .select({ id: recognitionReviews.id })
    .from(recognitionReviews)
    .where(and(eq(recognitionReviews.subjectKind, kind), eq(recognitionReviews.subjectId, subjectId)))
    .limit(1);
  if (!any) throw new AppError('RECOGNITION_NO_REVIEWERS', { status: 409 });
}

/** Reviewer: the applications assigned to me (applicant names masked), newest first. */
export async function myReviews(ctx: ActorCtx) {
  const rows = await ctx.db
    .select()
    .from(recognitionReviews)
    .where(eq(recognitionReviews.reviewerUserId, ctx.actor.userId))
    .orderBy(desc(recognitionReviews.assignedAt));
  const recIds = rows.filter((r) => r.subjectKind === 'recognition').map((r) => r.subjectId);
  const progIds = rows.filter((r) => r.subjectKind === 'programme').map((r) => r.subjectId);
  const recs = recIds.length
    ? await ctx.db
        .select({ a: recognitionApplications, name: users.displayName })
        .from(recognitionApplications)
        .innerJoin(users, eq(users.id, recognitionApplications.talentUserId))
        .where(inArray(recognitionApplications.id, recIds))
    : [];
  const progs = progIds.length
    ? await ctx.db
        .select({ a: programmeApplications, name: users.displayName })
        .from(programmeApplications)
        .innerJoin(users, eq(users.id, programmeApplications.talentUserId))
        .where(inArray(programmeApplications.id, progIds))
    : [];
  const byId = new Map<string, { title: string; status: string; applicant: string; field: string; summary: string; employerName: string }>();
  for (const { a, name } of recs)
    byId.set(a.id, {
      title: a.categoryCode,
      status: a.status,
      applicant: maskName(name),
      field: a.field,
      summary: a.achievements,
      employerName: a.employerName,
    });
  for (const { a, name } of progs)
    byId.set(a.id, {
      title: a.programme,
      status: a.status,
      applicant: maskName(name),
      field: a.projectTitle,
      summary: a.summary,
      employerName: a.employerName,
    });
  return {
    items: await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        subjectKind: r.subjectKind,
        subjectId: r.subjectId,
        assignedAt: r.assignedAt.toISOString(),
        score: r.score,
        comment: r.comment,
        scoredAt: r.scoredAt?.toISOString() ?? null,
        subject: byId.get(r.subjectId) ?? null,
        materials: await materialsOf(ctx.db, r.subjectId),
      })),
    ),
  };
}
