/**
 * The expert reviewer pool (评审专家库): officials add reviewers with their affiliation (conflict-of-interest
 * checks use it), list them, and take them out again. Removal is for a handling official (人社 / 组织部) whose
 * region covers the reviewer's account — for the province-wide pool, the province — and is refused while the
 * reviewer still has assignments to score. A removed reviewer stays as an inactive row, so past reviews keep
 * the affiliation; adding them again restores them. Assignment and scoring: recognition.reviews.ts.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { ReviewerProfileInput } from '../../../shared/recognition.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { regionContains } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import type { SubjectKind } from './recognition.materials.js';
import { ASSIGNABLE, subject } from './recognition.reviews.js';
import { assertHandlingOfficial, HANDLING_DEPARTMENTS } from './recognition.service.js';
import { recognitionReviewers, recognitionReviews } from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** Official (人社, any region): add or update a reviewer in the pool. */
export async function upsertReviewer(ctx: ActorCtx, input: ReviewerProfileInput) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [u] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId));
    if (u?.role !== 'reviewer') throw new AppError('RECOGNITION_NOT_A_REVIEWER', { status: 422 });
    const values = {
      userId: input.userId,
      affiliationName: input.affiliationName,
      affiliationOrgId: input.affiliationOrgId ?? null,
      expertise: input.expertise,
      active: true,
      updatedAt: ctx.now,
    };
    await tx.insert(recognitionReviewers).values(values).onConflictDoUpdate({ target: recognitionReviewers.userId, set: values });
    await record(
      { ...ctx, db: tx },
      { action: 'recognition.reviewer_upsert', objectType: 'user', objectId: input.userId, detail: { affiliation: input.affiliationName } },
    );
    return { userId: input.userId };
  });
}

/**
 * Accounts an official can pick in the settings: reviewer-role accounts (for the pool) or officials of
 * 人社 / 组织部 (supervisors; the caller picks the one whose region covers the city). Staff names only.
 */
export async function pickableAccounts(ctx: ActorCtx, kind: 'reviewer' | 'official') {
  const rows = await ctx.db
    .select({ userId: users.id, name: users.displayName, username: users.username, regionCode: users.regionCode, department: users.department })
    .from(users)
    .where(and(eq(users.status, 'active'), eq(users.role, kind), kind === 'official' ? inArray(users.department, ['hrss', 'org']) : undefined))
    .orderBy(asc(users.regionCode), asc(users.displayName))
    .limit(500);
  return { items: rows };
}

export async function listReviewers(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ r: recognitionReviewers, name: users.displayName, regionCode: users.regionCode })
    .from(recognitionReviewers)
    .innerJoin(users, eq(users.id, recognitionReviewers.userId))
    .where(and(eq(recognitionReviewers.active, true), eq(users.status, 'active')))
    .orderBy(asc(users.displayName));
  return {
    items: rows.map(({ r, name, regionCode }) => ({
      userId: r.userId,
      name,
      affiliationName: r.affiliationName,
      affiliationOrgId: r.affiliationOrgId,
      expertise: r.expertise,
      canRemove: mayManageReviewer(ctx.actor, regionCode),
    })),
  };
}

/** The pool is managed by handling officials whose region covers the reviewer's account (province reviewers: the province). */
function mayManageReviewer(actor: Actor, reviewerRegion: string): boolean {
  return (HANDLING_DEPARTMENTS as readonly string[]).includes(actor.department ?? '') && regionContains(actor.regionCode, reviewerRegion);
}

/** Assignments a reviewer still has to score: unscored, on an application that can still be reviewed. */
async function openAssignments(db: Db, reviewerId: string): Promise<number> {
  const rows = await db
    .select({ kind: recognitionReviews.subjectKind, subjectId: recognitionReviews.subjectId })
    .from(recognitionReviews)
    .where(and(eq(recognitionReviews.reviewerUserId, reviewerId), isNull(recognitionReviews.scoredAt)));
  let open = 0;
  for (const r of rows) {
    const kind = r.kind as SubjectKind;
    const s = await subject(db, kind, r.subjectId);
    if (s && ASSIGNABLE[kind].includes(s.status)) open++;
  }
  return open;
}

/**
 * Official whose region covers the reviewer's account: take a reviewer out of the pool (kept as inactive, so
 * past reviews keep their affiliation; adding them again restores them). 403 FORBIDDEN / FORBIDDEN_REGION;
 * 404 not in the pool; 409 RECOGNITION_REVIEWER_HAS_OPEN_REVIEWS while assignments wait for their score.
 * The reviewer row is locked, and assignment locks it too, so a removal and an assignment never cross.
 */
export async function removeReviewer(ctx: ActorCtx, reviewerId: string) {
  assertHandlingOfficial(ctx.actor);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .select({ active: recognitionReviewers.active, affiliation: recognitionReviewers.affiliationName, regionCode: users.regionCode })
      .from(recognitionReviewers)
      .innerJoin(users, eq(users.id, recognitionReviewers.userId))
      .where(eq(recognitionReviewers.userId, reviewerId))
      .for('update', { of: recognitionReviewers });
    if (!row?.active) throw new AppError('NOT_FOUND', { status: 404 });
    if (!mayManageReviewer(ctx.actor, row.regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403 });
    const open = await openAssignments(tx, reviewerId);
    if (open > 0) throw new AppError('RECOGNITION_REVIEWER_HAS_OPEN_REVIEWS', { status: 409, params: { open } });
    await tx.update(recognitionReviewers).set({ active: false, updatedAt: ctx.now }).where(eq(recognitionReviewers.userId, reviewerId));
    await record(
      { ...ctx, db: tx },
      { action: 'recognition.reviewer_remove', objectType: 'user', objectId: reviewerId, detail: { affiliation: row.affiliation } },
    );
    return { userId: reviewerId, removed: true };
  });
}
