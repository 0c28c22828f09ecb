/** Shapes of the talent-pool API (mirrors src/server/modules/talentpool). */
import type { JobSkill } from '../../../shared/jobs.js';
import type { EducationEntry } from '../../../shared/profiles.js';
import type { InvitationAction, InvitationStatus } from '../../../shared/talentpool.js';

export interface TalentItem {
  talentId: string;
  displayName: string;
  regionCode: string;
  education: EducationEntry[];
  workHistory: { title: string; employerName: string; fromMonth: string; toMonth: string | null }[];
  experienceYears: number;
  skills: JobSkill[];
  certificates: { name: string; verified: boolean }[];
  desiredOccupations: string[];
  desiredCities: string[];
  desiredSalaryMinFen: number | null;
  updatedAt: string;
  invitations: { id: string; jobId: string | null; status: InvitationStatus; sentAt: string }[];
}

export interface TalentSearchResult {
  items: TalentItem[];
  /** Hits, counted up to 10,000 (`totalCapped`: more than that). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  sort: 'relevance' | 'updated';
  terms: string[];
  names: { education: Record<string, string>; regions: Record<string, string>; occupations: Record<string, string> };
}

export interface InvitationView {
  id: string;
  orgId: string;
  orgName: string;
  jobId: string | null;
  jobTitle: string | null;
  jobStatus: string | null;
  message: string;
  status: InvitationStatus;
  sentAt: string;
  expiresAt: string;
  answeredAt: string | null;
  applicationId: string | null;
  allowedActions: InvitationAction[];
}

export interface SentInvitation extends InvitationView {
  talentId: string;
  talent: { displayName: string; educationCodes: string[]; skills: { name: string; level: string | null }[] };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
