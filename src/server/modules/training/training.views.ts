/** How classes are shown; pure functions over rows. */
import { type ClassStatus, classWorkflow } from '../../../shared/training.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor } from '../../context.js';
import type { TrainingClassRow, TrainingSessionRow } from './training.tables.js';

export interface ClassCounts {
  enrolled: number;
  waitlisted: number;
  offered: number;
  completed: number;
  notCompleted: number;
}

export const ZERO_COUNTS: ClassCounts = { enrolled: 0, waitlisted: 0, offered: 0, completed: 0, notCompleted: 0 };

/** Calendar day in China (UTC+8, no daylight saving), YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The provider account of the owning organisation manages the class. */
export function managesClass(actor: Actor | null, row: Pick<TrainingClassRow, 'providerOrgId'>): actor is Actor {
  return actor?.role === 'provider' && actor.orgId === row.providerOrgId;
}

/** Enrolment is open while the class is published and its last session has not ended. */
export function enrolmentOpen(row: Pick<TrainingClassRow, 'status' | 'endsAt'>, now: Date): boolean {
  return row.status === 'published' && now < row.endsAt;
}

export interface ClassViewExtra {
  regionName: string | null;
  providerName: string | null;
  occupationName: string | null;
  counts: ClassCounts;
  sessions?: TrainingSessionRow[];
}

export function classView(row: TrainingClassRow, extra: ClassViewExtra, actor: Actor | null, now: Date) {
  const manages = managesClass(actor, row);
  return {
    id: row.id,
    name: row.name,
    programmeType: row.programmeType,
    engineerGrade: row.engineerGrade,
    providerOrgId: row.providerOrgId,
    providerName: extra.providerName,
    occupationCode: row.occupationCode,
    occupationName: extra.occupationName,
    levelCode: row.levelCode,
    digital: row.digital,
    skillIds: row.skillIds,
    capacity: row.capacity,
    mode: row.mode,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    regionCode: row.regionCode,
    regionName: extra.regionName,
    feeFen: row.feeFen,
    subsidyEligible: row.subsidyEligible,
    subsidyFen: row.subsidyFen,
    subsidyCatalogueLabel: row.subsidyCatalogueLabel,
    hasExam: row.hasExam,
    attendanceThreshold: row.attendanceThreshold,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    enrolmentOpen: enrolmentOpen(row, now),
    seatsLeft: Math.max(0, row.capacity - extra.counts.enrolled),
    counts: manages ? extra.counts : { enrolled: extra.counts.enrolled },
    sessions: extra.sessions?.map((s) => ({ id: s.id, seq: s.seq, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), topic: s.topic })),
    allowedActions: manages ? allowedActions(classWorkflow, row.status as ClassStatus, [actor.role]) : [],
  };
}
export type ClassView = ReturnType<typeof classView>;
