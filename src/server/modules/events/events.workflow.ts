/**
 * How the event workflows (src/shared/events.ts) bind to their tables. Region scope for officials is
 * checked by applyTransition; the guards add ownership (an employer acts on its own participation, a
 * talent on their own registration).
 */
import {
  type EventAction,
  type EventStatus,
  eventWorkflow,
  type ParticipantAction,
  type ParticipantStatus,
  participantWorkflow,
  type RegistrationStatus,
  registrationWorkflow,
} from '../../../shared/events.js';
import { AppError } from '../../../shared/errors.js';
import { recordFactsFor } from '../dashboard/dashboard.sources.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import {
  type EventParticipantRow,
  type EventRegistrationRow,
  eventParticipants,
  eventRegistrations,
  type RecruitmentEventRow,
  recruitmentEvents,
} from './events.tables.js';

export function eventBinding(action: string): WorkflowBinding<EventStatus, EventAction, RecruitmentEventRow> {
  return {
    workflow: eventWorkflow,
    table: recruitmentEvents,
    async after(ctx, row, a) {
      if (a !== 'finish') return;
      await recordFactsFor(ctx.db, 'event.held', row.id);
      // a finished literacy activity's attendance is final (no check-ins, no headcount changes): one fact per person-time
      await recordFactsFor(ctx.db, 'literacy.attended', row.id);
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, ...(action === 'publish' ? { publishedAt: ctx.now } : {}) };
    },
  };
}

export const participantBinding: WorkflowBinding<ParticipantStatus, ParticipantAction, EventParticipantRow> = {
  workflow: participantWorkflow,
  table: eventParticipants,
  guard(ctx, row) {
    if (ctx.actor.role === 'employer' && ctx.actor.orgId !== row.orgId) throw new AppError('NOT_FOUND', { status: 404 });
  },
  extraSet(ctx) {
    return { updatedAt: ctx.now };
  },
};

export const registrationCancelBinding: WorkflowBinding<RegistrationStatus, 'cancel' | 'promote', EventRegistrationRow> = {
  workflow: registrationWorkflow,
  table: eventRegistrations,
  guard(ctx, row) {
    if (ctx.actor.role !== 'talent' || ctx.actor.userId !== row.talentId) throw new AppError('NOT_FOUND', { status: 404 });
  },
  extraSet(ctx) {
    return { updatedAt: ctx.now, cancelledAt: ctx.now };
  },
};
