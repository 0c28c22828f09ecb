/** What /api/applications returns (see src/server/modules/applications/applications.views.ts). */
import type { ApplicationAction, ApplicationStatus } from '../../../shared/applications.js';
import type { JobSkill } from '../../../shared/jobs.js';
import type { EducationEntry, WorkEntry } from '../../../shared/profiles.js';

export interface HistoryEntry {
  action: string;
  fromState: string;
  toState: string;
  actorRole: string | null;
  reason: string | null;
  at: string;
}

export interface ApplicantSummary {
  displayName: string;
  regionCode: string | null;
  education: EducationEntry[];
  workHistory: WorkEntry[];
  skills: JobSkill[];
  certificates: { name: string; number: string; issuer: string; issuedOn: string | null; verified: false }[];
  desiredOccupations: string[];
}

export interface ApplicationView {
  id: string;
  jobId: string;
  jobTitle: string;
  orgName: string | null;
  regionCode: string;
  status: ApplicationStatus;
  coverNote: string | null;
  submittedAt: string;
  viewedAt: string | null;
  hiredAt: string | null;
  updatedAt: string;
  stale: boolean;
  allowedActions: ApplicationAction[];
  history?: HistoryEntry[];
  applicant?: ApplicantSummary | null;
}
