/**
 * How the job workflow (src/shared/jobs.ts) binds to the job_postings table: who may act on which
 * posting, the vetting and duplicate checks, and the columns set with the status.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type JobAction, JobStatus, jobWorkflow } from '../../../shared/jobs.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import { assertAgencyMayRecruit } from '../agencies/index.js';
import { record } from '../audit/audit.service.js';
import { recordFactsFor } from '../dashboard/dashboard.sources.js';
import { organisations } from '../organisations/organisations.tables.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import { type JobPostingRow, jobPostings } from './jobs.tables.js';

export { jobWorkflow };

export interface TransitionOptions {
  action: string;
  reason?: string | undefined;
  confirmNotDuplicate?: boolean | undefined;
}

/** Organisation kinds that post jobs: employers for themselves, HR service agencies for client employers (受托招聘). */
const POSTING_KINDS: readonly string[] = ['employer', 'agency'];

/**
 * 403 JOBS_ORG_NOT_VERIFIED unless the actor's organisation is a verified employer or agency; an agency also needs
 * an approved registration with a valid licence (403 AGENCIES_NOT_APPROVED).
 */
export async function assertOrgVerified(ctx: Ctx, orgId: string | null) {
  if (!orgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'organisation' } });
  const [org] = await ctx.db.select({ status: organisations.status, kind: organisations.kind }).from(organisations).where(eq(organisations.id, orgId));
  if (org?.status !== 'verified' || !POSTING_KINDS.includes(org.kind))
    throw new AppError('JOBS_ORG_NOT_VERIFIED', { status: 403, params: { reason: 'organisation' } });
  if (org.kind === 'agency') await assertAgencyMayRecruit(ctx.db, orgId, ctx.now);
}

/** The client employer's name an agency must give (400 JOBS_CLIENT_EMPLOYER_REQUIRED); an employer's own posting has none. */
export function clientEmployerOf(actor: Actor, name: string | null | undefined): string | null {
  if (actor.role !== 'agency') return null;
  const trimmed = name?.trim();
  if (!trimmed) throw new AppError('JOBS_CLIENT_EMPLOYER_REQUIRED', { status: 400, params: { field: 'clientEmployerName' } });
  return trimmed;
}

/** Employers and agencies act on their own organisation's postings (404 otherwise); officials must be of 人社 (hrss). */
export async function assertMayAct(ctx: Ctx & { actor: Actor }, row: Pick<JobPostingRow, 'orgId'>) {
  const { actor } = ctx;
  if (actor.role === 'official') {
    if (actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
    return;
  }
  if (actor.role !== 'employer' && actor.role !== 'agency') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  if (actor.orgId !== row.orgId) throw new AppError('NOT_FOUND', { status: 404 });
  await assertOrgVerified(ctx, actor.orgId);
}

/** Another open posting of the same organisation with the same duplicate key, if any. */
export async function findDuplicate(ctx: Ctx, row: Pick<JobPostingRow, 'id' | 'orgId' | 'dedupeKey'>): Promise<string | null> {
  const [dup] = await ctx.db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .where(
      and(
        eq(jobPostings.orgId, row.orgId),
        eq(jobPostings.dedupeKey, row.dedupeKey),
        ne(jobPostings.id, row.id),
        inArray(jobPostings.status, [JobStatus.enum.pending_review, JobStatus.enum.published]),
      ),
    )
    .limit(1);
  return dup?.id ?? null;
}

async function checkSubmit(ctx: Ctx, row: JobPostingRow, opts: TransitionOptions) {
  const duplicateOf = await findDuplicate(ctx, row);
  if (duplicateOf && !opts.confirmNotDuplicate) throw new AppError('JOBS_DUPLICATE', { status: 409, params: { duplicateOf } });
}

/** Approval is refused while vetting findings stand, unless the official gives an override reason. */
function checkApprove(row: JobPostingRow, opts: TransitionOptions) {
  const findings = row.vetting.findings;
  if (findings.length > 0 && !opts.reason?.trim()) {
    throw new AppError('JOBS_VETTING_FINDINGS', {
      status: 422,
      params: { findings: findings.map((f) => ({ field: f.field, category: f.category, phrase: f.phrase, start: f.start, end: f.end })) },
    });
  }
}

export function jobBinding(opts: TransitionOptions): WorkflowBinding<JobStatus, JobAction, JobPostingRow> {
  return {
    workflow: jobWorkflow,
    table: jobPostings,
    async guard(ctx, row, action) {
      await assertMayAct(ctx, row);
      const status = row.status as JobStatus;
      // only when the step itself is allowed, so a wrong role or state still gets 403 / 409 from applyTransition
      const allowed = allowedActions(jobWorkflow, status, [ctx.actor.role]);
      if (action === 'submit' && allowed.includes('submit')) await checkSubmit(ctx, row, opts);
      if (action === 'approve' && allowed.includes('approve')) checkApprove(row, opts);
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, ...(opts.action === 'approve' ? { publishedAt: ctx.now } : {}) };
    },
    async after(ctx, row, action) {
      if (action === 'approve') await recordFactsFor(ctx.db, 'job.published', row.id);
      if (action !== 'approve' || row.vetting.findings.length === 0) return;
      const reason = opts.reason?.trim() ?? '';
      await ctx.db.update(jobPostings).set({ vettingOverrideReason: reason }).where(eq(jobPostings.id, row.id));
      await record(ctx, {
        action: 'job.vetting_override',
        objectType: 'job',
        objectId: row.id,
        regionCode: row.regionCode,
        detail: { reason, categories: [...new Set(row.vetting.findings.map((f) => f.category))] },
      });
    },
  };
}
