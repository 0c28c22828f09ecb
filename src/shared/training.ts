/**
 * 培训 (training programmes and classes): programme types, the class and enrolment workflows and the
 * request schemas, shared by the server (applyTransition) and the web app (buttons from allowedActions).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

/**
 * 高级研修 (专业技术人员知识更新工程), 数字技术工程师培育项目, 数字技能培训, 数字赣商 (entrepreneur digital
 * literacy), 干部数字素养 and 全民数字素养与技能提升月 activities.
 */
export const ProgrammeType = z.enum(['advanced_seminar', 'digital_engineer', 'digital_skills', 'entrepreneur', 'cadre_literacy', 'literacy_month']);
export type ProgrammeType = z.infer<typeof ProgrammeType>;

/** 数字技术工程师 grades (初级 / 中级 / 高级). */
export const EngineerGrade = z.enum(['junior', 'intermediate', 'senior']);
export type EngineerGrade = z.infer<typeof EngineerGrade>;

export const ClassMode = z.enum(['offline', 'online']);
export type ClassMode = z.infer<typeof ClassMode>;

export const ClassStatus = z.enum(['draft', 'published', 'closed', 'finished', 'cancelled']);
export type ClassStatus = z.infer<typeof ClassStatus>;

/** States the public sees. */
export const PUBLIC_CLASS_STATUSES = ['published', 'closed', 'finished'] as const satisfies readonly ClassStatus[];
/** States in which sessions are checked in and exam results recorded. */
export const RUNNING_CLASS_STATUSES = ['published', 'closed'] as const satisfies readonly ClassStatus[];

/** Check-in for a session opens this long before it starts and closes when it ends. */
export const SESSION_CHECK_IN_OPENS_BEFORE_MS = 3_600_000;
/** Default completion rule: attended share of sessions, percent. */
export const DEFAULT_ATTENDANCE_THRESHOLD = 80;
/** Hires within this many days of completion count for the later-employment rate. */
export const EMPLOYMENT_WINDOW_DAYS = 183;

/**
 * The provider that owns a class runs it. `publish` needs the provider's training accreditation for the
 * class's occupation and level (when it names one); `finish` evaluates every enrolment (completion rule).
 * `auto_finish` is the daily system step for classes whose last session has ended.
 */
export const classWorkflow = defineWorkflow({
  name: 'training_class',
  states: ClassStatus.options,
  initial: 'draft',
  transitions: {
    publish: { from: ['draft'], to: 'published', roles: ['provider'] },
    close: { from: ['published'], to: 'closed', roles: ['provider'], reason: 'optional' },
    reopen: { from: ['closed'], to: 'published', roles: ['provider'] },
    finish: { from: ['published', 'closed'], to: 'finished', roles: ['provider'] },
    auto_finish: { from: ['published', 'closed'], to: 'finished', roles: [] },
    cancel: { from: ['draft', 'published', 'closed'], to: 'cancelled', roles: ['provider'], reason: 'required' },
  },
});
export type ClassAction = keyof typeof classWorkflow.transitions;

/**
 * 报名. `offered`: an employer sponsors its employee (the fee is the employer's); the talent accepts
 * (→ a seat or the waitlist) or declines. A talent's own enrolment starts `enrolled` or `waitlisted`.
 * `promote`, `complete`, `fail` and `expire` (class finished or cancelled) are system steps (no role).
 */
export const EnrolmentStatus = z.enum(['offered', 'enrolled', 'waitlisted', 'withdrawn', 'declined', 'completed', 'not_completed', 'expired']);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

/** Enrolments that hold, wait for or are offered a seat: one per person and class. */
export const ACTIVE_ENROLMENT_STATUSES = ['offered', 'enrolled', 'waitlisted'] as const satisfies readonly EnrolmentStatus[];

export const enrolmentWorkflow = defineWorkflow({
  name: 'training_enrolment',
  states: EnrolmentStatus.options,
  initial: 'enrolled',
  transitions: {
    accept: { from: ['offered'], to: 'enrolled', roles: ['talent'] },
    /** The same acceptance when no seat is left: the server picks which one applies. */
    accept_waitlist: { from: ['offered'], to: 'waitlisted', roles: ['talent'] },
    decline: { from: ['offered'], to: 'declined', roles: ['talent'], reason: 'optional' },
    withdraw: { from: ['enrolled', 'waitlisted'], to: 'withdrawn', roles: ['talent'], reason: 'optional' },
    promote: { from: ['waitlisted'], to: 'enrolled', roles: [] },
    complete: { from: ['enrolled'], to: 'completed', roles: [] },
    fail: { from: ['enrolled'], to: 'not_completed', roles: [] },
    expire: { from: ['offered', 'waitlisted', 'enrolled'], to: 'expired', roles: [] },
  },
});

export type EnrolmentAction = keyof typeof enrolmentWorkflow.transitions;

/** Why an enrolment did not complete. */
export const NotCompletedReason = z.enum(['attendance_below_threshold', 'exam_failed', 'exam_missing']);
export type NotCompletedReason = z.infer<typeof NotCompletedReason>;

const Instant = z.iso.datetime({ offset: true });
const RegionCode = z.string().regex(/^\d{6}$/);
const OccupationCode = z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/);
const LevelCode = z.enum(['5', '4', '3', '2', '1']);

export const SessionInput = z.object({
  startsAt: Instant,
  endsAt: Instant,
  topic: z.string().trim().min(2).max(100),
});
export type SessionInput = z.infer<typeof SessionInput>;

const ClassShape = z.object({
  name: z.string().trim().min(4).max(80),
  programmeType: ProgrammeType,
  engineerGrade: EngineerGrade.nullable().optional(),
  occupationCode: OccupationCode.nullable().optional(),
  levelCode: LevelCode.nullable().optional(),
  skillIds: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
  sessions: z.array(SessionInput).min(1).max(200),
  capacity: z.number().int().min(1).max(10_000),
  mode: ClassMode,
  venue: z.string().trim().max(200).nullable().optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  regionCode: RegionCode,
  feeFen: z.number().int().min(0).max(100_000_000),
  hasExam: z.boolean().default(false),
  attendanceThreshold: z.number().int().min(1).max(100).default(DEFAULT_ATTENDANCE_THRESHOLD),
  description: z.string().trim().min(10).max(5000),
});

function checkClass(c: Partial<z.infer<typeof ClassShape>>, ctx: z.RefinementCtx) {
  for (const [i, s] of (c.sessions ?? []).entries())
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) ctx.addIssue({ code: 'custom', path: ['sessions', i, 'endsAt'], message: 'ends_before_start' });
  if (c.programmeType === 'digital_engineer') {
    if (!c.engineerGrade) ctx.addIssue({ code: 'custom', path: ['engineerGrade'], message: 'required' });
    if (!c.occupationCode) ctx.addIssue({ code: 'custom', path: ['occupationCode'], message: 'required' });
  }
  if (c.occupationCode && !c.levelCode) ctx.addIssue({ code: 'custom', path: ['levelCode'], message: 'required' });
  if (c.mode === 'online' && !c.onlineUrl) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'required' });
  if (c.mode === 'offline' && !c.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'required' });
}

export const CreateClass = ClassShape.superRefine(checkClass);
export type CreateClass = z.infer<typeof CreateClass>;
export type CreateClassInput = z.input<typeof CreateClass>;

/** An update sends the fields it changes; the merged class is checked again like a new one. */
export const UpdateClass = ClassShape.partial();
export type UpdateClass = z.infer<typeof UpdateClass>;

const BoolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const ClassListQuery = z.object({
  programmeType: ProgrammeType.optional(),
  occupationCode: OccupationCode.optional(),
  city: RegionCode.optional(),
  subsidised: BoolParam,
  open: BoolParam,
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ClassListQuery = z.infer<typeof ClassListQuery>;

export const ManageClassQuery = z.object({
  status: ClassStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ManageClassQuery = z.infer<typeof ManageClassQuery>;

export const TransitionBody = z.object({ reason: z.string().trim().max(500).optional() });
export type TransitionBody = z.infer<typeof TransitionBody>;

/** Employer sponsors an employee, found by the mobile number registered on the platform. */
export const SponsorBody = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/),
  note: z.string().trim().max(200).optional(),
});
export type SponsorBody = z.infer<typeof SponsorBody>;

/** A session check-in: the QR content (`GTT1.…`) or the 8-character code typed by hand. */
export const SessionCheckInBody = z.object({
  sessionId: z.uuid(),
  token: z.string().trim().max(200).optional(),
  code: z.string().trim().max(20).optional(),
});
export type SessionCheckInBody = z.infer<typeof SessionCheckInBody>;

export const ExamResultsBody = z.object({
  results: z
    .array(z.object({ enrolmentId: z.uuid(), passed: z.boolean(), score: z.number().int().min(0).max(100).nullable().optional() }))
    .min(1)
    .max(500),
});
export type ExamResultsBody = z.infer<typeof ExamResultsBody>;

export const RatingBody = z.object({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() });
export type RatingBody = z.infer<typeof RatingBody>;

export const TrainingStatsQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() });
export type TrainingStatsQuery = z.infer<typeof TrainingStatsQuery>;

/** Annual provincial targets tracked on the counts page (举措二, 举措十五). */
export const TRAINING_TARGETS = { digitalTechnicians: 10_000, entrepreneurs: 500 } as const;
