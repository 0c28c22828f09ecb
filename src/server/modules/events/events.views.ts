/** How events, participants and registrations are shown; pure functions over rows. */
import { allowedActions } from '../../../shared/workflow.js';
import {
  CHECK_IN_OPENS_BEFORE_MS,
  eventCategory,
  type EventStatus,
  eventWorkflow,
  type ParticipantStatus,
  participantWorkflow,
  RUNNING_EVENT_STATUSES,
} from '../../../shared/events.js';
import type { Actor } from '../../context.js';
import { inRegion } from '../access/region-scope.js';
import type { EventParticipantRow, RecruitmentEventRow } from './events.tables.js';

export interface EventCounts {
  registered: number;
  waitlisted: number;
  checkedIn: number;
}

/** Officials of the event's region (or above) manage it. */
export function managesEvent(actor: Actor | null, row: Pick<RecruitmentEventRow, 'regionCode'>): actor is Actor {
  return actor?.role === 'official' && inRegion(actor, row.regionCode);
}

export function registrationOpen(row: RecruitmentEventRow, now: Date): boolean {
  return row.status === 'published' && now <= row.registrationDeadline && now < row.endsAt;
}

export interface LiteracyAttendance {
  checkedIn: number;
  walkIn: number;
  /** checkedIn + walkIn: the person-times the dashboard counts once the activity is finished. */
  attended: number;
  walkInRecordedAt: string | null;
  /** The walk-in headcount may be recorded now (from check-in opening until the activity is finished). */
  headcountOpen: boolean;
}

/** When the organiser may record the walk-in headcount: running (not finished or cancelled) and check-in has opened. */
export function headcountOpen(row: Pick<RecruitmentEventRow, 'kind' | 'status' | 'startsAt'>, now: Date): boolean {
  return (
    eventCategory(row.kind) === 'literacy' &&
    (RUNNING_EVENT_STATUSES as readonly string[]).includes(row.status) &&
    now.getTime() >= row.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS
  );
}

export function literacyAttendance(row: RecruitmentEventRow, checkedIn: number, now: Date): LiteracyAttendance {
  return {
    checkedIn,
    walkIn: row.walkInCount,
    attended: checkedIn + row.walkInCount,
    walkInRecordedAt: row.walkInRecordedAt?.toISOString() ?? null,
    headcountOpen: headcountOpen(row, now),
  };
}

export function eventView(row: RecruitmentEventRow, extra: { regionName: string | null; counts: EventCounts }, actor: Actor | null, now: Date) {
  const manages = managesEvent(actor, row);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    organiser: row.organiser,
    regionCode: row.regionCode,
    regionName: extra.regionName,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationDeadline: row.registrationDeadline.toISOString(),
    capacity: row.capacity,
    description: row.description,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    registrationOpen: registrationOpen(row, now),
    seatsLeft: Math.max(0, row.capacity - extra.counts.registered),
    category: eventCategory(row.kind),
    counts: manages ? extra.counts : { registered: extra.counts.registered },
    /** Literacy activities, to their managers: check-ins + walk-in headcount. */
    attendance: manages && eventCategory(row.kind) === 'literacy' ? literacyAttendance(row, extra.counts.checkedIn, now) : null,
    allowedActions: manages ? allowedActions(eventWorkflow, row.status as EventStatus, [actor.role]) : [],
  };
}

export interface JobSummary {
  id: string;
  title: string;
  regionCode: string;
  salaryMinFen: number;
  salaryMaxFen: number;
  isDigital: boolean;
}

export function participantView(row: EventParticipantRow, orgName: string, jobs: JobSummary[], actor: Actor | null) {
  const mayAct = actor && (actor.role === 'official' || (actor.role === 'employer' && actor.orgId === row.orgId));
  return {
    id: row.id,
    eventId: row.eventId,
    orgId: row.orgId,
    orgName,
    status: row.status,
    note: row.note,
    jobs,
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: mayAct ? allowedActions(participantWorkflow, row.status as ParticipantStatus, [actor.role]) : [],
  };
}
