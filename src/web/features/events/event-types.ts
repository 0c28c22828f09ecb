/** Shapes of the events API (src/server/modules/events: events.views.ts, events.mine.ts, events.checkin.ts). */
import type { EventAction, EventCategory, EventKind, EventStatus, ParticipantAction, ParticipantStatus, RegistrationStatus } from '../../../shared/events.js';

export interface EventCounts {
  registered: number;
  waitlisted?: number;
  checkedIn?: number;
}

export interface EventView {
  id: string;
  title: string;
  kind: EventKind;
  organiser: string;
  regionCode: string;
  regionName: string | null;
  venue: string | null;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  capacity: number;
  description: string;
  status: EventStatus;
  publishedAt: string | null;
  registrationOpen: boolean;
  seatsLeft: number;
  category: EventCategory;
  counts: EventCounts;
  /** Digital-literacy activities, to their managers only. */
  attendance: LiteracyAttendance | null;
  allowedActions: EventAction[];
}

export interface LiteracyAttendance {
  checkedIn: number;
  walkIn: number;
  attended: number;
  walkInRecordedAt: string | null;
  headcountOpen: boolean;
}

export interface AttendanceTotals {
  events: number;
  registered: number;
  checkedIn: number;
  walkIn: number;
  attended: number;
}

export interface EventJob {
  id: string;
  title: string;
  regionCode: string;
  salaryMinFen: number;
  salaryMaxFen: number;
  isDigital: boolean;
}

export interface ParticipantView {
  id: string;
  eventId: string;
  orgId: string;
  orgName: string;
  status: ParticipantStatus;
  note: string | null;
  jobs: EventJob[];
  updatedAt: string;
  allowedActions: ParticipantAction[];
}

export interface Ticket {
  token: string;
  code: string;
  qrDataUrl: string;
}

export interface RegistrationView {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  registeredAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  waitlistPosition: number | null;
  ticket: Ticket | null;
}

export interface EventDetail extends EventView {
  participants: ParticipantView[];
  myRegistration: RegistrationView | null;
  myParticipation: ParticipantView | null;
}

export interface EventList {
  items: EventView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EventSummary {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  organiser?: string;
  regionName?: string | null;
  regionCode?: string;
  venue: string | null;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
}

export interface MyRegistration extends RegistrationView {
  event: EventSummary;
}

export interface Participation extends ParticipantView {
  event: EventSummary;
}

export interface RegistrationRow {
  id: string;
  status: RegistrationStatus;
  nameMasked: string;
  phoneMasked: string | null;
  registeredAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
}

export interface CheckInResult {
  result: 'checked_in' | 'already_checked_in';
  registrationId: string;
  checkedInAt: string;
  attendee: { nameMasked: string };
  counts?: { registered: number; waitlisted: number; checkedIn: number };
}
