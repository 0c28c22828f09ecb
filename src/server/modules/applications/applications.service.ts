/**
 * 投递: a talent applies to a live posting with their profile; the posting's employer moves the
 * application along; the talent may withdraw. Every write runs in one transaction with its audit record.
 */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import {
  APPLICATION_STALE_DAYS,
  type ApplicationTransitionBody,
  applicationWorkflow,
  type CreateApplication,
  OPEN_APPLICATION_STATUSES,
  WAITING_APPLICATION_STATUSES,
} from '../../../shared/applications.js';
import { AppError } from '../../../shared/errors.js';
import { JobStatus } from '../../../shared/jobs.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { recordFactsFor } from '../dashboard/dashboard.sources.js';
import { chinaDate, jobPostings } from '../jobs/index.js';
import { findProfile } from '../profiles/index.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { applicationDetail } from './applications.queries.js';
import { jobApplications } from './applications.tables.js';
import { applicationBinding } from './applications.workflow.js';

type ActorCtx = Ctx & { actor: Actor };
const DAY_MS = 86_400_000;

function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** Locks the posting (so two applications of one talent serialise) and checks it is live. */
async function lockLiveJob(t: ActorCtx, jobId: string) {
  const [job] = await t.db
    .select({
      id: jobPostings.id,
      orgId: jobPostings.orgId,
      regionCode: jobPostings.regionCode,
      status: jobPostings.status,
      validFrom: jobPostings.validFrom,
      validUntil: jobPostings.validUntil,
    })
    .from(jobPostings)
    .where(eq(jobPostings.id, jobId))
    .for('update');
  if (!job) throw new AppError('NOT_FOUND', { status: 404 });
  const today = chinaDate(t.now);
  const live = job.status === JobStatus.enum.published && job.validFrom <= today && job.validUntil >= today;
  if (!live)
    throw new AppError(job.status === JobStatus.enum.published ? 'APPLICATIONS_JOB_NOT_OPEN' : 'NOT_FOUND', {
      status: job.status === JobStatus.enum.published ? 409 : 404,
    });
  return job;
}

/**
 * 201: a new application in `submitted`. 409 APPLICATIONS_PROFILE_REQUIRED without a profile,
 * 409 APPLICATIONS_DUPLICATE {applicationId} while another application to the posting is open.
 */
export async function submitApplication(ctx: ActorCtx, input: CreateApplication) {
  if (!(await findProfile(ctx, ctx.actor.userId))) throw new AppError('APPLICATIONS_PROFILE_REQUIRED', { status: 409 });
  const id = await inTransaction(ctx, async (t) => {
    const job = await lockLiveJob(t, input.jobId);
    const [open] = await t.db
      .select({ id: jobApplications.id })
      .from(jobApplications)
      .where(
        and(eq(jobApplications.jobId, job.id), eq(jobApplications.talentId, ctx.actor.userId), inArray(jobApplications.status, [...OPEN_APPLICATION_STATUSES])),
      );
    if (open) throw new AppError('APPLICATIONS_DUPLICATE', { status: 409, params: { applicationId: open.id } });
    const [row] = await t.db
      .insert(jobApplications)
      .values({
        jobId: job.id,
        talentId: ctx.actor.userId,
        orgId: job.orgId,
        regionCode: job.regionCode,
        status: applicationWorkflow.initial,
        coverNote: input.coverNote?.trim() || null,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: jobApplications.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, { action: 'application.submit', objectType: 'application', objectId: row.id, regionCode: job.regionCode, detail: { jobId: job.id } });
    await recordFactsFor(t.db, 'application.submitted', row.id);
    return row.id;
  });
  return applicationDetail(ctx, id);
}

/** view / interview / offer / hire / reject (employer) and withdraw (talent), through the workflow engine. */
export async function transitionApplication(ctx: ActorCtx, id: string, action: string, body: ApplicationTransitionBody) {
  await applyTransition(ctx, applicationBinding(action), id, action, { reason: body.reason });
  return applicationDetail(ctx, id);
}

/**
 * "No black hole": one `application.reminder` audit entry per application waiting (submitted / viewed)
 * longer than APPLICATION_STALE_DAYS, at most once a day each. Returns how many were reminded.
 */
export async function remindStaleApplications(ctx: Ctx): Promise<number> {
  const staleBefore = new Date(ctx.now.getTime() - APPLICATION_STALE_DAYS * DAY_MS);
  const remindedBefore = new Date(ctx.now.getTime() - DAY_MS);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const rows = await t.db
      .update(jobApplications)
      .set({ remindedAt: ctx.now })
      .where(
        and(
          inArray(jobApplications.status, [...WAITING_APPLICATION_STATUSES]),
          lt(jobApplications.submittedAt, staleBefore),
          or(isNull(jobApplications.remindedAt), lt(jobApplications.remindedAt, remindedBefore)),
        ),
      )
      .returning({ id: jobApplications.id, regionCode: jobApplications.regionCode, status: jobApplications.status, submittedAt: jobApplications.submittedAt });
    for (const r of rows) {
      const days = Math.floor((ctx.now.getTime() - r.submittedAt.getTime()) / DAY_MS);
      await record(t, {
        action: 'application.reminder',
        objectType: 'application',
        objectId: r.id,
        regionCode: r.regionCode,
        detail: { status: r.status, days },
      });
    }
    return rows.length;
  });
}
