import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 培训班. `region_code` is where it is held (for an online class the provider's region). The subsidy
 * standard is copied from the training-subsidy catalogue in force on `starts_on` when the class is saved
 * and frozen at publishing, so a later catalogue version does not change it. Enrolling locks this row,
 * so seats never exceed `capacity`.
 */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerOrgId: uuid('provider_org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    programmeType: text('programme_type').notNull(),
    engineerGrade: text('engineer_grade'),
    occupationCode: text('occupation_code'),
    levelCode: text('level_code'),
    digital: boolean('digital').notNull().default(false),
    skillIds: text('skill_ids').array().notNull().default([]),
    capacity: integer('capacity').notNull(),
    mode: text('mode').notNull(),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    regionCode: text('region_code').notNull(),
    feeFen: integer('fee_fen').notNull(),
    subsidyEligible: boolean('subsidy_eligible').notNull().default(false),
    subsidyFen: integer('subsidy_fen'),
    subsidyCatalogueVersionId: text('subsidy_catalogue_version_id'),
    subsidyCatalogueLabel: text('subsidy_catalogue_label'),
    hasExam: boolean('has_exam').notNull().default(false),
    attendanceThreshold: integer('attendance_threshold').notNull().default(80),
    description: text('description').notNull(),
    /** China dates of the first and last session. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Start of the last session: finishing is allowed from then on. */
    lastSessionStartsAt: timestamp('last_session_starts_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('training_classes_status_start_idx').on(t.status, t.startsAt),
    index('training_classes_region_idx').on(t.regionCode.op('text_pattern_ops'), t.startsAt),
    index('training_classes_provider_idx').on(t.providerOrgId, t.startsAt),
    index('training_classes_skills_idx').using('gin', t.skillIds),
    check('training_classes_capacity', sql`${t.capacity} >= 1`),
    check('training_classes_fee', sql`${t.feeFen} >= 0`),
    check('training_classes_threshold', sql`${t.attendanceThreshold} between 1 and 100`),
  ],
);
export type TrainingClassRow = typeof trainingClasses.$inferSelect;

/** 课次: the class schedule; attendance is taken per session. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    seq: integer('seq').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    topic: text('topic').notNull(),
  },
  (t) => [uniqueIndex('training_sessions_class_seq_uidx').on(t.classId, t.seq), check('training_sessions_times', sql`${t.startsAt} < ${t.endsAt}`)],
);
export type TrainingSessionRow = typeof trainingSessions.$inferSelect;

/**
 * 报名. One active (offered / enrolled / waitlisted) enrolment per person and class. `sponsor_org_id`:
 * the employer that pays. The ticket is `ticket_nonce` signed with a key derived from the platform MAC
 * key; `ticket_code` is the short code derived from it. Completion fields are set when the class finishes.
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    sponsorOrgId: uuid('sponsor_org_id').references(() => organisations.id),
    sponsorNote: text('sponsor_note'),
    ticketNonce: text('ticket_nonce').notNull(),
    ticketCode: text('ticket_code').notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    /** When a seat was taken (enrolled directly, promoted or accepted): the waitlist orders by enrolled_at. */
    seatedAt: timestamp('seated_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    examPassed: boolean('exam_passed'),
    examScore: integer('exam_score'),
    attendedSessions: integer('attended_sessions'),
    totalSessions: integer('total_sessions'),
    outcomeReason: text('outcome_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ratingStars: integer('rating_stars'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('training_enrolments_active_uidx').on(t.classId, t.talentId).where(sql`${t.status} in ('offered', 'enrolled', 'waitlisted')`),
    uniqueIndex('training_enrolments_code_uidx').on(t.classId, t.ticketCode),
    index('training_enrolments_class_status_idx').on(t.classId, t.status, t.enrolledAt),
    index('training_enrolments_talent_idx').on(t.talentId, t.enrolledAt),
    index('training_enrolments_sponsor_idx').on(t.sponsorOrgId),
    check('training_enrolments_rating', sql`${t.ratingStars} is null or ${t.ratingStars} between 1 and 5`),
  ],
);
export type TrainingEnrolmentRow = typeof trainingEnrolments.$inferSelect;

/** 签到: one row per enrolment and session. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedInBy: uuid('checked_in_by').references(() => users.id),
    method: text('method').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionId] }), index('training_attendance_session_idx').on(t.sessionId)],
);
