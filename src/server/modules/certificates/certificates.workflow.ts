/**
 * How the certificate workflows (src/shared/certificates.ts) bind to their tables. Region scope for
 * officials is checked by applyTransition; the guards add ownership (a body acts on its own sessions and
 * on certificates it issued, a talent on their own declarations).
 */
import {
  type CertificateStatus,
  certificateWorkflow,
  type QualificationStatus,
  qualificationWorkflow,
  type SessionAction,
  type SessionStatus,
  sessionWorkflow,
} from '../../../shared/certificates.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../context.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import {
  type CertificateRow,
  certificates,
  type EvaluationSessionRow,
  evaluationSessions,
  type QualificationRow,
  qualifications,
} from './certificates.tables.js';

const notFound = () => new AppError('NOT_FOUND', { status: 404 });

export function sessionBinding(action: string): WorkflowBinding<SessionStatus, SessionAction, EvaluationSessionRow> {
  return {
    workflow: sessionWorkflow,
    table: evaluationSessions,
    guard(ctx, row) {
      if (ctx.actor.role === 'evaluator' && ctx.actor.orgId !== row.orgId) throw notFound();
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, ...(action === 'publish_results' ? { resultsPublishedAt: ctx.now } : {}) };
    },
  };
}

/** Revocation: the issuing body or an official (of the holder's region); the reason is kept on the row too. */
export function certificateBinding(actor: Actor, reason: string | undefined): WorkflowBinding<CertificateStatus, 'revoke', CertificateRow> {
  return {
    workflow: certificateWorkflow,
    table: certificates,
    guard(ctx, row) {
      if (ctx.actor.role === 'evaluator' && (!row.issuerOrgId || ctx.actor.orgId !== row.issuerOrgId)) throw notFound();
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, revokedAt: ctx.now, revokedReason: reason?.trim() || null, revokedBy: actor.userId };
    },
  };
}

export const qualificationBinding: WorkflowBinding<QualificationStatus, 'verify' | 'reject' | 'withdraw', QualificationRow> = {
  workflow: qualificationWorkflow,
  table: qualifications,
  guard(ctx, row) {
    if (ctx.actor.role === 'talent' && ctx.actor.userId !== row.userId) throw notFound();
    if (ctx.actor.role === 'official' && ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
  },
  extraSet(ctx) {
    return { updatedAt: ctx.now, ...(ctx.actor && ctx.actor.role === 'official' ? { decidedBy: ctx.actor.userId, decidedAt: ctx.now } : {}) };
  },
};
