/**
 * How the application workflow (src/shared/applications.ts) binds to job_applications: the employer
 * acts on applications to its own postings, the talent on their own; officials read but never act.
 */
import { type ApplicationAction, type ApplicationStatus, applicationWorkflow } from '../../../shared/applications.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../context.js';
import { recordFactsFor } from '../dashboard/dashboard.sources.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import { type JobApplicationRow, jobApplications } from './applications.tables.js';

/** 404 unless the actor owns the application (talent) or the posting (employer); 403 for officials and other roles. */
export function assertMayAct(actor: Actor, row: Pick<JobApplicationRow, 'orgId' | 'talentId'>) {
  switch (actor.role) {
    case 'employer':
    case 'agency': // 受托招聘: the agency posted the job (jobs.workflow.ts) and acts on its applications
      if (!actor.orgId || actor.orgId !== row.orgId) throw new AppError('NOT_FOUND', { status: 404 });
      return;
    case 'talent':
      if (actor.userId !== row.talentId) throw new AppError('NOT_FOUND', { status: 404 });
      return;
    default:
      throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  }
}

export function applicationBinding(action: string): WorkflowBinding<ApplicationStatus, ApplicationAction, JobApplicationRow> {
  return {
    workflow: applicationWorkflow,
    table: jobApplications,
    guard(ctx, row) {
      assertMayAct(ctx.actor, row);
    },
    async after(ctx, row, a) {
      if (a === 'hire') await recordFactsFor(ctx.db, 'hire', row.id);
    },
    extraSet(ctx) {
      return {
        updatedAt: ctx.now,
        ...(action === 'view' ? { viewedAt: ctx.now } : {}),
        ...(action === 'hire' ? { hiredAt: ctx.now } : {}),
      };
    },
  };
}
