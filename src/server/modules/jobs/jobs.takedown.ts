/**
 * Postings of an organisation that may no longer recruit are taken down: when officials suspend its
 * verification (organisations) or suspend or revoke its HR-service agency registration (agencies),
 * and when an agency's licence runs out (the daily expiry task, in the system's name).
 * Imported by those modules directly (not through index.ts): the jobs workflow itself asks the
 * agencies module whether an agency may recruit, and this file imports neither.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { JobStatus, jobWorkflow } from '../../../shared/jobs.js';
import type { Actor, Ctx } from '../../context.js';
import { record } from '../audit/audit.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { jobPostings } from './jobs.tables.js';

/** What is live or about to be: published, and waiting for review (it would be published otherwise). */
const OPEN = [JobStatus.enum.published, JobStatus.enum.pending_review];

/**
 * Closes every open posting of `orgId` (published or pending review) with `reason`, one workflow event
 * per posting in the official's name (no actor: the system's) and one audit record, in the caller's
 * transaction (the official's transition, or the expiry). Search and matching drop them on their next sync (updated_at, the search
 * log). There is no reopen: after reinstatement the organisation posts again and is vetted again.
 */
export async function closeOrgPostings(ctx: Ctx & { actor: Actor | null }, orgId: string, reason: string): Promise<number> {
  const open = await ctx.db
    .select({ id: jobPostings.id, status: jobPostings.status, regionCode: jobPostings.regionCode })
    .from(jobPostings)
    .where(and(eq(jobPostings.orgId, orgId), inArray(jobPostings.status, OPEN)))
    .for('update');
  if (open.length === 0) return 0;
  await ctx.db
    .update(jobPostings)
    .set({ status: JobStatus.enum.closed, updatedAt: ctx.now })
    .where(
      inArray(
        jobPostings.id,
        open.map((r) => r.id),
      ),
    );
  await ctx.db.insert(workflowEvents).values(
    open.map((r) => ({
      workflow: jobWorkflow.name,
      entityId: r.id,
      action: 'close',
      fromState: r.status,
      toState: JobStatus.enum.closed,
      actorId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      reason,
      requestId: ctx.requestId,
      at: ctx.now,
    })),
  );
  await record(ctx, {
    action: 'job.takedown',
    objectType: 'organisation',
    objectId: orgId,
    regionCode: open[0]?.regionCode ?? null,
    detail: { count: open.length, reason, ids: open.slice(0, 100).map((r) => r.id) },
  });
  return open.length;
}
