/** Shapes the ventures API answers (src/server/modules/ventures). */
export interface ProjectView {
  id: string;
  name: string;
  stage: string;
  industryCode: string;
  industryName: string | null;
  digitalField: string;
  regionCode: string;
  regionName: string;
  summary: string;
  teamSize: number;
  fundingSoughtFen: number;
  needs: string[];
  ownerKind: 'talent' | 'organisation';
  orgName: string | null;
  publishedAt: string | null;
  incubatingAt: string | null;
  status?: string;
  returnReason?: string | null;
  allowedActions?: string[];
  history?: { action: string; toState: string; reason: string | null; at: string }[];
}

export interface MilestoneView {
  id: string;
  title: string;
  plannedOn: string;
  doneOn: string | null;
  evidence: string | null;
  overdue: boolean;
}

export interface IncubationView {
  id: string;
  projectId: string;
  carrierId: string;
  carrierName: string;
  regionCode: string;
  status: string;
  note: string;
  appliedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  allowedActions: string[];
  project?: { id: string; name: string; stage: string; digitalField: string; regionCode: string; summary?: string; teamSize?: number };
  milestones?: MilestoneView[];
  canRecordMilestones?: boolean;
}

export interface MyProject extends ProjectView {
  status: string;
  allowedActions: string[];
  incubations: IncubationView[];
  openIncubation: boolean;
}

export interface CarrierView {
  id: string;
  name: string;
  kind: string;
  level: string;
  regionCode: string;
  regionName: string;
  focusFields: string[];
  capacity: number;
  occupied: number;
  managerName: string | null;
  address: string;
  description: string;
  active: boolean;
}

export interface InterestView {
  id: string;
  title: string;
  investorKind: string;
  fields: string[];
  stages: string[];
  ticketMinFen: number;
  ticketMaxFen: number;
  regions: string[];
  note: string;
  active: boolean;
}

export interface MatchReason {
  code: 'field' | 'stage' | 'amount' | 'region';
  points: number;
  params: Record<string, string | number>;
}

export interface MatchView {
  project: ProjectView;
  score: number;
  reasons: MatchReason[];
  introduction: { id: string; status: string } | null;
}

export interface IntroductionView {
  id: string;
  projectId: string;
  projectName: string;
  investorName: string;
  investorKind: string | null;
  message: string;
  status: string;
  createdAt: string;
  decidedAt: string | null;
  contactAvailable: boolean;
  allowedActions: string[];
}

export interface GiantView {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  field: string;
  year: number;
  status: string;
  note: string;
  allowedActions: string[];
}
