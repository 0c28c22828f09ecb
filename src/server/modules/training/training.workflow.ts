/**
 * How the class and enrolment workflows (src/shared/training.ts) bind to their tables. The guards add
 * ownership (a provider acts on its own classes, a talent on their own enrolments) and the rules of
 * the trade: publishing needs the provider's training accreditation for the class's occupation and
 * level; finishing waits for the last session to begin and evaluates every enrolment.
 */
import { AppError } from '../../../shared/errors.js';
import { type ClassAction, type ClassStatus, classWorkflow, type EnrolmentAction, type EnrolmentStatus, enrolmentWorkflow } from '../../../shared/training.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import { assertAccredited } from '../providers/providers.accreditation.js';
import { closeOutClass, evaluateClass } from './training.outcomes.js';
import { refreshSubsidy } from './training.service.js';
import { type TrainingClassRow, type TrainingEnrolmentRow, trainingClasses, trainingEnrolments } from './training.tables.js';
import { chinaDay } from './training.views.js';

export function classBinding(action: string): WorkflowBinding<ClassStatus, ClassAction, TrainingClassRow> {
  return {
    workflow: classWorkflow,
    table: trainingClasses,
    async guard(ctx, row, act) {
      if (ctx.actor.role !== 'provider' || ctx.actor.orgId !== row.providerOrgId) throw new AppError('NOT_FOUND', { status: 404 });
      if (act === 'publish' && row.status === 'draft') {
        if (ctx.now >= row.endsAt) throw new AppError('TRAINING_SCHEDULE_PAST', { status: 409, params: { endsAt: row.endsAt.toISOString() } });
        if (row.occupationCode && row.levelCode)
          await assertAccredited(ctx.db, {
            organisationId: row.providerOrgId,
            purpose: 'training',
            occupationCode: row.occupationCode,
            levelCode: row.levelCode,
            on: [chinaDay(ctx.now), row.startsOn].sort()[1] ?? row.startsOn,
          });
      }
      if (act === 'finish' && (row.status === 'published' || row.status === 'closed') && ctx.now < row.lastSessionStartsAt)
        throw new AppError('TRAINING_NOT_ENDED', { status: 409, params: { lastSessionStartsAt: row.lastSessionStartsAt.toISOString() } });
    },
    async after(ctx, row, act) {
      if (act === 'publish') await refreshSubsidy(ctx, row);
      if (act === 'finish') await evaluateClass(ctx, row.id);
      if (act === 'cancel') await closeOutClass(ctx, row.id);
    },
    extraSet(ctx) {
      return {
        updatedAt: ctx.now,
        ...(action === 'publish' ? { publishedAt: ctx.now } : {}),
        ...(action === 'finish' ? { finishedAt: ctx.now } : {}),
      };
    },
  };
}

/** Talent steps on their own enrolment: accept / decline an employer's offer, withdraw. */
export function enrolmentBinding(extra: Record<string, unknown> = {}): WorkflowBinding<EnrolmentStatus, EnrolmentAction, TrainingEnrolmentRow> {
  return {
    workflow: enrolmentWorkflow,
    table: trainingEnrolments,
    guard(ctx, row) {
      if (ctx.actor.role !== 'talent' || ctx.actor.userId !== row.talentId) throw new AppError('NOT_FOUND', { status: 404 });
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, ...extra };
    },
  };
}
