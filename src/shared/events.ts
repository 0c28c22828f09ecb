/**
 * 招聘活动 (recruitment events: 才聚江西 智荟赣鄱 campaigns, 招聘会, 校园招聘, online events).
 * States, the three workflows (event, participation, registration) and the request schemas,
 * shared by the server (applyTransition) and the web app (buttons from allowedActions).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

/**
 * Recruitment kinds (campaign … online) and the digital-literacy activities of measures 五/六, which reuse
 * the same events, registration and check-in: 全民数字素养与技能提升月 (`literacy_month`), 乡村/农民数字素养
 * (`literacy_rural`) and 领导干部数字素养 (`literacy_cadre`). The category is derived from the kind.
 */
export const EventKind = z.enum(['campaign', 'job_fair', 'campus', 'online', 'literacy_month', 'literacy_rural', 'literacy_cadre']);
export type EventKind = z.infer<typeof EventKind>;

export const EventCategory = z.enum(['recruitment', 'literacy']);
export type EventCategory = z.infer<typeof EventCategory>;

export const LITERACY_EVENT_KINDS = ['literacy_month', 'literacy_rural', 'literacy_cadre'] as const satisfies readonly EventKind[];
export const RECRUITMENT_EVENT_KINDS = ['campaign', 'job_fair', 'campus', 'online'] as const satisfies readonly EventKind[];

export const EVENT_CATEGORY_KINDS: Record<EventCategory, readonly EventKind[]> = { recruitment: RECRUITMENT_EVENT_KINDS, literacy: LITERACY_EVENT_KINDS };

export function eventCategory(kind: string): EventCategory {
  return (LITERACY_EVENT_KINDS as readonly string[]).includes(kind) ? 'literacy' : 'recruitment';
}

export const EventStatus = z.enum(['draft', 'published', 'registration_closed', 'finished', 'cancelled']);
export type EventStatus = z.infer<typeof EventStatus>;

/** States the public sees (list and detail without an account). */
export const PUBLIC_EVENT_STATUSES = ['published', 'registration_closed', 'finished'] as const satisfies readonly EventStatus[];

/** States in which tickets may be checked in (and only between opening and the end). */
export const RUNNING_EVENT_STATUSES = ['published', 'registration_closed'] as const satisfies readonly EventStatus[];

/** Check-in opens this long before the start (staff let people in before the doors open). */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;

/** Officials of the event's region (or the province) manage it; cancelling needs a reason. */
export const eventWorkflow = defineWorkflow({
  name: 'event',
  states: EventStatus.options,
  initial: 'draft',
  transitions: {
    publish: { from: ['draft'], to: 'published', roles: ['official'] },
    close_registration: { from: ['published'], to: 'registration_closed', roles: ['official'], reason: 'optional' },
    reopen_registration: { from: ['registration_closed'], to: 'published', roles: ['official'] },
    finish: { from: ['published', 'registration_closed'], to: 'finished', roles: ['official'] },
    cancel: { from: ['draft', 'published', 'registration_closed'], to: 'cancelled', roles: ['official'], reason: 'required' },
  },
});
export type EventAction = keyof typeof eventWorkflow.transitions;

export const ParticipantStatus = z.enum(['applied', 'invited', 'approved', 'rejected', 'declined', 'withdrawn']);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;

/**
 * 参会单位: a verified employer applies (→ applied) or the organiser invites it (→ invited); the
 * organiser approves or rejects an application, the employer accepts or declines an invitation.
 * `reapply` lets an employer try again after a rejection, a decline or a withdrawal.
 */
export const participantWorkflow = defineWorkflow({
  name: 'event_participant',
  states: ParticipantStatus.options,
  initial: 'applied',
  transitions: {
    approve: { from: ['applied'], to: 'approved', roles: ['official'] },
    reject: { from: ['applied'], to: 'rejected', roles: ['official'], reason: 'required' },
    accept: { from: ['invited'], to: 'approved', roles: ['employer'] },
    decline: { from: ['invited'], to: 'declined', roles: ['employer'], reason: 'optional' },
    withdraw: { from: ['applied', 'approved'], to: 'withdrawn', roles: ['employer'], reason: 'optional' },
    reapply: { from: ['rejected', 'declined', 'withdrawn'], to: 'applied', roles: ['employer'] },
  },
});
export type ParticipantAction = keyof typeof participantWorkflow.transitions;

export const RegistrationStatus = z.enum(['registered', 'waitlisted', 'cancelled']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** Registrations that hold (or wait for) a seat; one per talent and event. */
export const ACTIVE_REGISTRATION_STATUSES = ['registered', 'waitlisted'] as const satisfies readonly RegistrationStatus[];

/**
 * 报名: a new registration starts `registered` while seats are left, else `waitlisted`. `promote` has
 * no role: the system takes it (oldest waitlisted first) when a seat frees up.
 */
export const registrationWorkflow = defineWorkflow({
  name: 'event_registration',
  states: RegistrationStatus.options,
  initial: 'registered',
  transitions: {
    cancel: { from: ['registered', 'waitlisted'], to: 'cancelled', roles: ['talent'] },
    promote: { from: ['waitlisted'], to: 'registered', roles: [] },
  },
});

const Instant = z.iso.datetime({ offset: true });
const RegionCode = z.string().regex(/^\d{6}$/);

const EventShape = z.object({
  title: z.string().trim().min(4).max(80),
  kind: EventKind,
  organiser: z.string().trim().min(2).max(80),
  regionCode: RegionCode,
  venue: z.string().trim().max(200).nullable().optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  startsAt: Instant,
  endsAt: Instant,
  registrationDeadline: Instant,
  capacity: z.number().int().min(1).max(100_000),
  description: z.string().trim().min(10).max(5000),
});

function checkEvent(e: Partial<z.infer<typeof EventShape>>, ctx: z.RefinementCtx) {
  if (e.startsAt && e.endsAt && Date.parse(e.endsAt) <= Date.parse(e.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'ends_before_start' });
  if (e.startsAt && e.registrationDeadline && Date.parse(e.registrationDeadline) > Date.parse(e.startsAt) + 86_400_000)
    ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'deadline_after_start' });
  if (e.kind === 'online' && !e.onlineUrl) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'required' });
  if (e.kind && e.kind !== 'online' && !e.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'required' });
}

export const CreateEvent = EventShape.superRefine(checkEvent);
export type CreateEvent = z.infer<typeof CreateEvent>;

/** An update sends the fields it changes; the merged event is checked again like a new one. */
export const UpdateEvent = EventShape.partial();
export type UpdateEvent = z.infer<typeof UpdateEvent>;

export const EventListQuery = z.object({
  city: RegionCode.optional(),
  kind: EventKind.optional(),
  category: EventCategory.optional(),
  upcoming: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const ManageListQuery = EventListQuery.extend({ status: EventStatus.optional() });
export type ManageListQuery = z.infer<typeof ManageListQuery>;

export const TransitionBody = z.object({ reason: z.string().trim().max(500).optional() });

/** Largest walk-in headcount an official may record for one activity (the capacity limit). */
export const WALK_IN_MAX = 100_000;

/**
 * 现场登记人数: walk-in attendees of an offline literacy activity counted by the organiser (people who did not
 * register on the platform), recorded as the activity's total, replacing the previous figure until it is finished.
 */
export const HeadcountBody = z.object({
  walkInCount: z.number().int().min(0).max(WALK_IN_MAX),
  note: z.string().trim().max(200).optional(),
});
export type HeadcountBody = z.infer<typeof HeadcountBody>;

export const AttendanceQuery = z.object({ category: EventCategory.optional() });
export type AttendanceQuery = z.infer<typeof AttendanceQuery>;
export type TransitionBody = z.infer<typeof TransitionBody>;

/** Employer applies with some of its published postings; the organiser invites an organisation. */
export const ParticipateBody = z.object({
  orgId: z.uuid().optional(),
  jobIds: z.array(z.uuid()).max(20).default([]),
  note: z.string().trim().max(500).optional(),
});
export type ParticipateBody = z.infer<typeof ParticipateBody>;

/** The QR content (`GCT1.…`) or the 8-character code typed by hand (dashes and spaces ignored); one is required. */
export const CheckInBody = z.object({ token: z.string().trim().max(200).optional(), code: z.string().trim().max(20).optional() });
export type CheckInBody = z.infer<typeof CheckInBody>;

export const TICKET_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Upper-cases a typed code and drops separators and look-alike confusions (O→0 is not in the alphabet). */
export function normaliseTicketCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

/** `ABCD-EFGH` for display. */
export function formatTicketCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
