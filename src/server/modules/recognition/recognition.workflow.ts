/**
 * How the recognition workflow (src/shared/recognition.ts) binds to its table. Region scope is checked
 * by applyTransition; the guard adds ownership (a talent acts on their own application) and the review
 * checks; `after` keeps the statutory clock, records the decision, creates the entitlements and the
 * dashboard fact, all in the transition's transaction.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { RecognitionAction, RecognitionStatus, RecognitionTransitionBody } from '../../../shared/recognition.js';
import { recognitionWorkflow } from '../../../shared/recognition.js';
import { chinaDate, workingDaysBetween } from '../../lib/workdays.js';
import { record } from '../audit/audit.service.js';
import { recordMetric } from '../dashboard/index.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import { createEntitlements } from './recognition.benefits.js';
import { deadlineOf, pausedDays } from './recognition.deadline.js';
import { attachMaterials } from './recognition.materials.js';
import { assertReviewComplete, assertReviewersAssigned } from './recognition.reviews.js';
import { type RecognitionApplicationRow, recognitionApplications } from './recognition.tables.js';

export function recognitionBinding(body: RecognitionTransitionBody): WorkflowBinding<RecognitionStatus, RecognitionAction, RecognitionApplicationRow> {
  return {
    workflow: recognitionWorkflow,
    table: recognitionApplications,
    async guard(ctx, row, action) {
      if (ctx.actor.role === 'talent' && ctx.actor.userId !== row.talentUserId) throw new AppError('NOT_FOUND', { status: 404 });
      if (ctx.actor.role !== 'official') return;
      if (action === 'start_review' && row.status === 'accepted') await assertReviewersAssigned(ctx.db, 'recognition', row.id);
      if ((action === 'recognise' || action === 'not_recognise') && row.status === 'in_review') await assertReviewComplete(ctx.db, 'recognition', row.id);
    },
    async after(ctx, row, action) {
      const today = chinaDate(ctx.now);
      const set: Partial<RecognitionApplicationRow> = {};
      if (action === 'accept') {
        set.acceptedOn = today;
        set.handlerUserId = ctx.actor.userId;
        set.deadline = deadlineOf(today, row.limitWorkingDays, 0);
      } else if (action === 'request_supplement') {
        set.pausedSince = today;
      } else if (action === 'resubmit') {
        const paused = row.pausedSince ? pausedDays(row.pausedSince, today) : 0;
        set.pausedWorkingDays = row.pausedWorkingDays + paused;
        set.pausedSince = null;
        set.deadline = row.acceptedOn ? deadlineOf(row.acceptedOn, row.limitWorkingDays, set.pausedWorkingDays) : null;
        await attachMaterials(ctx, 'recognition', row.id, body.materialIds ?? []);
        await record(ctx, {
          action: 'recognition.clock_resumed',
          objectType: 'recognition',
          objectId: row.id,
          regionCode: row.regionCode,
          detail: { pausedSince: row.pausedSince, pausedWorkingDays: paused, deadline: set.deadline, materials: body.materialIds?.length ?? 0 },
        });
      } else if (action === 'recognise' || action === 'not_recognise' || action === 'not_accept') {
        set.decidedAt = ctx.now;
        set.decisionReason = body.reason?.trim() || null;
        if (action === 'recognise') {
          set.grantedCategoryCode = body.categoryCode ?? row.categoryCode;
          await createEntitlements(ctx, row, set.grantedCategoryCode);
        }
        if (action !== 'not_accept' && row.acceptedOn) {
          const taken = workingDaysBetween(row.acceptedOn, today) - row.pausedWorkingDays;
          await recordMetric(ctx.db, {
            metric: 'recognition.decided',
            subjectId: row.id,
            regionCode: row.regionCode,
            occurredAt: ctx.now,
            days: Math.max(0, taken),
            dimension: row.deadline && today > row.deadline ? 'late' : 'on_time',
          });
        }
      }
      if (Object.keys(set).length) await ctx.db.update(recognitionApplications).set(set).where(eq(recognitionApplications.id, row.id));
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now };
    },
  };
}
