/** Shapes of the recognition API answers, as the pages use them. */
import type { WorkflowHistoryEntry } from '../../api-types.js';

export interface Clock {
  acceptedOn: string | null;
  deadline: string | null;
  limitWorkingDays: number;
  pausedWorkingDays: number;
  paused: boolean;
  pausedSince: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
}
export interface Material {
  id: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
}
export interface ReviewEntry {
  id: string;
  reviewerId: string;
  reviewerName: string;
  affiliation: string | null;
  score: number | null;
  comment: string | null;
  scoredAt: string | null;
}
export interface Reviews {
  items: ReviewEntry[];
  allScored: boolean;
  average: number | null;
}
export interface Application {
  id: string;
  status: string;
  regionCode: string;
  categoryCode: string;
  grantedCategoryCode: string | null;
  applicantName: string | null;
  employerName: string;
  field: string;
  submittedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  clock: Clock;
  allowedActions: string[];
  achievements?: string;
  materials?: Material[];
  history?: WorkflowHistoryEntry[];
  reviews?: Reviews | null;
}
export interface Category {
  code: string;
  name: string;
  rank: number;
  criteria: string[];
  limitWorkingDays: number;
  benefits: string[];
  active: boolean;
}
export interface Entitlement {
  id: string;
  applicationId: string;
  benefit: string;
  department: string;
  status: string;
  note: string | null;
  decidedAt: string | null;
  talentName: string | null;
  categoryCode: string | null;
  allowedActions: string[];
}
export interface Programme {
  id: string;
  programme: string;
  status: string;
  applicantName: string | null;
  employerName: string;
  projectTitle: string;
  submittedAt: string;
  decisionReason: string | null;
  allowedActions: string[];
  summary?: string;
  materials?: Material[];
  history?: WorkflowHistoryEntry[];
  reviews?: Reviews | null;
}
export interface ReviewTask {
  id: string;
  subjectKind: 'recognition' | 'programme';
  subjectId: string;
  assignedAt: string;
  score: number | null;
  comment: string | null;
  scoredAt: string | null;
  subject: { title: string; status: string; applicant: string; field: string; summary: string; employerName: string } | null;
  materials: Material[];
}
export interface FlexRecord {
  id: string;
  personName: string;
  kind: string;
  hostName: string;
  homeInstitution: string;
  regionCode: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}
export interface Station {
  id: string;
  hostName: string | null;
  kind: string;
  name: string;
  field: string;
  digitalEconomy: boolean;
  approvalDocNo: string | null;
  approvedOn: string | null;
  regionCode: string;
  status: string;
  subsidyPolicyCode: string | null;
  allowedActions: string[];
}
export interface OverdueItem {
  id: string;
  applicantName: string;
  regionCode: string;
  categoryCode: string;
  status: string;
  handlerName: string | null;
  escalated: boolean;
  clock: Clock;
}
export interface AlertItem {
  id: string;
  kind: 'reminder' | 'escalation';
  applicationId: string;
  applicantName: string;
  categoryCode: string;
  status: string;
  deadline: string;
  workingDaysLeft: number;
  createdAt: string;
  clock: Clock;
}
export interface Reviewer {
  userId: string;
  name: string;
  affiliationName: string;
  expertise: string;
  /** The viewer may take this reviewer out of the pool (an official whose region covers the account). */
  canRemove: boolean;
}

/** Who receives a city's (or county's) overdue-application escalations. */
export interface SupervisorRow {
  regionCode: string;
  regionName: string;
  level: string;
  supervisor: { userId: string; name: string; username: string; regionCode: string } | null;
}
