/** What the API returns for an invitation: the talent's view (who invites, to what) and the employer's (talent masked). */
import { maskName } from '../../../shared/identifiers.js';
import { type InvitationAction, type InvitationStatus, invitationWorkflow } from '../../../shared/talentpool.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor } from '../../context.js';
import type { TalentInvitationRow } from './talentpool.tables.js';
import { isPastExpiry } from './talentpool.workflow.js';

export interface InvitationRefs {
  orgName: string;
  jobTitle: string | null;
  jobStatus: string | null;
}

export function invitationView(row: TalentInvitationRow, refs: InvitationRefs, actor: Actor, now: Date) {
  const expired = isPastExpiry(row, now);
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: refs.orgName,
    jobId: row.jobId,
    jobTitle: refs.jobTitle,
    jobStatus: refs.jobStatus,
    message: row.message,
    status: (expired ? 'expired' : row.status) as InvitationStatus,
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    applicationId: row.applicationId,
    allowedActions: expired ? [] : allowedActions<InvitationStatus, InvitationAction>(invitationWorkflow, row.status as InvitationStatus, [actor.role]),
  };
}
export type InvitationView = ReturnType<typeof invitationView>;

/** The talent as the employer sees them in its invitation list: masked; the contact only through the audited reveal. */
export function invitedTalent(displayName: string, educationCodes: string[], skills: { name: string; level: string | null }[]) {
  return { displayName: maskName(displayName), educationCodes, skills: skills.slice(0, 8) };
}
