/** What the API returns for an application: the talent's view and the employer's (applicant masked). */
import {
  APPLICATION_STALE_DAYS,
  type ApplicationAction,
  type ApplicationStatus,
  applicationWorkflow,
  WAITING_APPLICATION_STATUSES,
} from '../../../shared/applications.js';
import { maskName } from '../../../shared/identifiers.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor } from '../../context.js';
import type { TalentProfileRow } from '../profiles/index.js';
import type { JobApplicationRow } from './applications.tables.js';

const DAY_MS = 86_400_000;

/** Waiting (submitted / viewed) for more than APPLICATION_STALE_DAYS since submission. */
export function isStale(row: Pick<JobApplicationRow, 'status' | 'submittedAt'>, now: Date): boolean {
  const waiting = (WAITING_APPLICATION_STATUSES as readonly string[]).includes(row.status);
  return waiting && now.getTime() - row.submittedAt.getTime() > APPLICATION_STALE_DAYS * DAY_MS;
}

export interface JobRef {
  jobTitle: string;
  orgName: string | null;
}

export function applicationView(row: JobApplicationRow, job: JobRef, actor: Actor | null, now: Date) {
  return {
    id: row.id,
    jobId: row.jobId,
    jobTitle: job.jobTitle,
    orgName: job.orgName,
    regionCode: row.regionCode,
    status: row.status as ApplicationStatus,
    coverNote: row.coverNote,
    submittedAt: row.submittedAt.toISOString(),
    viewedAt: row.viewedAt?.toISOString() ?? null,
    hiredAt: row.hiredAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    stale: isStale(row, now),
    allowedActions: actor ? allowedActions<ApplicationStatus, ApplicationAction>(applicationWorkflow, row.status as ApplicationStatus, [actor.role]) : [],
  };
}
export type ApplicationView = ReturnType<typeof applicationView>;

/** What an employer (or an official) sees of the applicant: no phone, no ID number, the name masked. */
export function applicantSummary(displayName: string, profile: TalentProfileRow | null) {
  return {
    displayName: maskName(displayName),
    regionCode: profile?.regionCode ?? null,
    education: profile?.education ?? [],
    workHistory: profile?.workHistory ?? [],
    skills: profile?.skills ?? [],
    certificates: profile?.certificates ?? [],
    desiredOccupations: profile?.desiredOccupations ?? [],
  };
}
export type ApplicantSummary = ReturnType<typeof applicantSummary>;
