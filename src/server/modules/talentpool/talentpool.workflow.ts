/**
 * How the invitation workflow (src/shared/talentpool.ts) binds to talent_invitations: the talent answers
 * their own invitations, the sending organisation withdraws its own; anyone else gets 404, other roles 403.
 * An invitation past its expiry time can no longer be answered, even before the hourly task marks it.
 */
import { AppError } from '../../../shared/errors.js';
import { type InvitationAction, type InvitationStatus, invitationWorkflow } from '../../../shared/talentpool.js';
import type { Actor } from '../../context.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import { type TalentInvitationRow, talentInvitations } from './talentpool.tables.js';

export function assertParty(actor: Actor, row: Pick<TalentInvitationRow, 'orgId' | 'talentId'>) {
  switch (actor.role) {
    case 'employer':
      if (!actor.orgId || actor.orgId !== row.orgId) throw new AppError('NOT_FOUND', { status: 404 });
      return;
    case 'talent':
      if (actor.userId !== row.talentId) throw new AppError('NOT_FOUND', { status: 404 });
      return;
    default:
      throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  }
}

export const isPastExpiry = (row: Pick<TalentInvitationRow, 'status' | 'expiresAt'>, now: Date) => row.status === 'sent' && row.expiresAt <= now;

export function invitationBinding(action: string): WorkflowBinding<InvitationStatus, InvitationAction, TalentInvitationRow> {
  return {
    workflow: invitationWorkflow,
    table: talentInvitations,
    guard(ctx, row) {
      assertParty(ctx.actor, row);
      if (isPastExpiry(row, ctx.now))
        throw new AppError('WORKFLOW_TRANSITION_NOT_ALLOWED', { status: 409, params: { status: 'expired', action, allowed: [] } });
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, ...(action === 'accept' || action === 'decline' ? { answeredAt: ctx.now } : {}) };
    },
  };
}
