/** Shapes of the training API (src/server/modules/training: training.views.ts, training.mine.ts, training.stats.ts). */
import type { ClassAction, ClassStatus, EnrolmentStatus, ProgrammeType } from '../../../shared/training.js';

export interface SessionView {
  id: string;
  seq: number;
  startsAt: string;
  endsAt: string;
  topic: string;
}

export interface ClassView {
  id: string;
  name: string;
  programmeType: ProgrammeType;
  engineerGrade: string | null;
  providerOrgId: string;
  providerName: string | null;
  occupationCode: string | null;
  occupationName: string | null;
  levelCode: string | null;
  digital: boolean;
  skillIds: string[];
  capacity: number;
  mode: 'offline' | 'online';
  venue: string | null;
  onlineUrl: string | null;
  regionCode: string;
  regionName: string | null;
  feeFen: number;
  subsidyEligible: boolean;
  subsidyFen: number | null;
  subsidyCatalogueLabel: string | null;
  hasExam: boolean;
  attendanceThreshold: number;
  description: string;
  startsOn: string;
  endsOn: string;
  startsAt: string;
  endsAt: string;
  status: ClassStatus;
  enrolmentOpen: boolean;
  seatsLeft: number;
  counts: { enrolled: number; waitlisted?: number; offered?: number; completed?: number; notCompleted?: number };
  sessions?: SessionView[];
  allowedActions: ClassAction[];
}

export interface Ticket {
  token: string;
  code: string;
  qrDataUrl: string;
}

export interface EnrolmentView {
  id: string;
  classId: string;
  status: EnrolmentStatus;
  sponsored: boolean;
  enrolledAt: string;
  waitlistPosition: number | null;
  attendedSessions: number;
  examPassed: boolean | null;
  outcomeReason: string | null;
  completedAt: string | null;
  rating: { stars: number; comment: string | null } | null;
  canRate: boolean;
  ticket: Ticket | null;
}

export interface ClassDetail extends ClassView {
  sessions: SessionView[];
  skills: { id: string; nameZh: string }[];
  myEnrolment: EnrolmentView | null;
}

export interface ClassList {
  items: ClassView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MyEnrolment extends EnrolmentView {
  class: {
    id: string;
    name: string;
    programmeType: ProgrammeType;
    status: ClassStatus;
    providerName: string | null;
    regionName: string | null;
    mode: 'offline' | 'online';
    venue: string | null;
    onlineUrl: string | null;
    startsAt: string;
    endsAt: string;
    feeFen: number;
    subsidyFen: number | null;
  };
}

export interface RosterRow {
  id: string;
  status: EnrolmentStatus;
  nameMasked: string;
  phoneMasked: string | null;
  sponsorName: string | null;
  attendedSessionIds: string[];
  examPassed: boolean | null;
  examScore: number | null;
  outcomeReason: string | null;
}

export interface Roster {
  sessions: SessionView[];
  items: RosterRow[];
}

export interface CheckInResult {
  result: 'checked_in' | 'already_checked_in';
  enrolmentId: string;
  checkedInAt: string;
  trainee: { nameMasked: string };
  present: number;
}

export interface StatGroup {
  key: string;
  label: string | null;
  enrolled: number;
  completed: number;
}

export interface TrainingStats {
  year: number;
  totals: { enrolled: number; completed: number };
  targets: Record<'digitalTechnicians' | 'entrepreneurs', { target: number; completed: number; enrolled: number }>;
  byProgramme: StatGroup[];
  byCity: StatGroup[];
  byOccupation: StatGroup[];
}

export interface ProviderPage {
  provider: { id: string; name: string; regionName: string | null };
  figures: {
    completed: number;
    judged: number;
    completionRate: number | null;
    hiredWithinWindow: number;
    employmentRate: number | null;
    ratings: number;
    ratingAvg: number | null;
  };
  classes: {
    id: string;
    name: string;
    programmeType: ProgrammeType;
    status: ClassStatus;
    startsOn: string;
    endsOn: string;
    feeFen: number;
    subsidyFen: number | null;
  }[];
  comments: { stars: number; comment: string | null; ratedAt: string | null; className: string }[];
}
