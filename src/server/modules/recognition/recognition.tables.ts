import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** 高层次人才认定类别 (e.g. A–E 类): criteria, statutory time limit in working days and the benefits, as data. */
export const recognitionCategories = pgTable('recognition_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  rank: integer('rank').notNull(),
  criteria: jsonb('criteria').$type<string[]>().notNull(),
  limitWorkingDays: integer('limit_working_days').notNull(),
  benefits: jsonb('benefits').$type<string[]>().notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
export type RecognitionCategoryRow = typeof recognitionCategories.$inferSelect;

/**
 * Uploaded materials (recognition and programme applications). The file is SM4-sealed under
 * DATA_DIR/recognition with a random name; only the metadata is here. `subject_id` is set when attached.
 */
export const recognitionMaterials = pgTable(
  'recognition_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    subjectKind: text('subject_kind'),
    subjectId: uuid('subject_id'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storedName: text('stored_name').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('recognition_materials_subject_idx').on(t.subjectId), index('recognition_materials_owner_idx').on(t.ownerUserId)],
);
export type RecognitionMaterialRow = typeof recognitionMaterials.$inferSelect;

/**
 * 认定申请. `region_code` is the applicant's region (scopes officials). The statutory clock: `accepted_on`
 * (受理日), `limit_working_days` (from the category), `paused_working_days` (补正 so far), `paused_since`
 * (set while in 补正); `deadline` = accepted_on + limit + paused working days on the holiday calendar.
 */
export const recognitionApplications = pgTable(
  'recognition_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    talentUserId: uuid('talent_user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => recognitionCategories.code),
    grantedCategoryCode: text('granted_category_code').references(() => recognitionCategories.code),
    employerOrgId: uuid('employer_org_id').references(() => organisations.id),
    employerName: text('employer_name').notNull(),
    field: text('field').notNull(),
    achievements: text('achievements').notNull(),
    status: text('status').notNull(),
    handlerUserId: uuid('handler_user_id').references(() => users.id),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    limitWorkingDays: integer('limit_working_days').notNull(),
    pausedWorkingDays: integer('paused_working_days').notNull().default(0),
    pausedSince: date('paused_since', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('recognition_applications_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('recognition_applications_talent_idx').on(t.talentUserId),
    index('recognition_applications_deadline_idx').on(t.status, t.deadline),
    check('recognition_applications_paused', sql`${t.pausedWorkingDays} >= 0`),
  ],
);
export type RecognitionApplicationRow = typeof recognitionApplications.$inferSelect;

/** 评审专家库: a reviewer's affiliation decides conflicts of interest (no review of the own employer's staff). */
export const recognitionReviewers = pgTable('recognition_reviewers', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  affiliationName: text('affiliation_name').notNull(),
  affiliationOrgId: uuid('affiliation_org_id').references(() => organisations.id),
  expertise: text('expertise').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
export type RecognitionReviewerRow = typeof recognitionReviewers.$inferSelect;

/** One reviewer's assignment to a recognition or programme application, and the score (once). */
export const recognitionReviews = pgTable(
  'recognition_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    regionCode: text('region_code').notNull(),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    score: integer('score'),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('recognition_reviews_subject_reviewer_uidx').on(t.subjectKind, t.subjectId, t.reviewerUserId),
    index('recognition_reviews_reviewer_idx').on(t.reviewerUserId),
    check('recognition_reviews_score', sql`${t.score} is null or (${t.score} between 0 and 100)`),
  ],
);
export type RecognitionReviewRow = typeof recognitionReviews.$inferSelect;

/** A configured supervisor per city (else the province-level 人社 officials supervise). */
export const recognitionSupervisors = pgTable('recognition_supervisors', {
  regionCode: text('region_code').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
});

/** Deadline reminders to the handling official and escalations to the supervisor: one of each per deadline. */
export const recognitionAlerts = pgTable(
  'recognition_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => recognitionApplications.id),
    kind: text('kind').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    regionCode: text('region_code').notNull(),
    workingDaysLeft: integer('working_days_left').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('recognition_alerts_once_uidx').on(t.applicationId, t.kind, t.deadline),
    index('recognition_alerts_recipient_idx').on(t.recipientUserId, t.createdAt),
    check('recognition_alerts_kind', sql`${t.kind} in ('reminder', 'escalation')`),
  ],
);
export type RecognitionAlertRow = typeof recognitionAlerts.$inferSelect;

/** 待遇: one per recognised application and benefit, fulfilled by `department`. */
export const talentEntitlements = pgTable(
  'talent_entitlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => recognitionApplications.id),
    talentUserId: uuid('talent_user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    benefit: text('benefit').notNull(),
    department: text('department').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('talent_entitlements_application_benefit_uidx').on(t.applicationId, t.benefit),
    index('talent_entitlements_department_idx').on(t.department, t.regionCode.op('text_pattern_ops'), t.status),
    index('talent_entitlements_talent_idx').on(t.talentUserId),
  ],
);
export type TalentEntitlementRow = typeof talentEntitlements.$inferSelect;

/** 赣鄱英才计划 / 赣鄱俊才支持计划 applications. */
export const programmeApplications = pgTable(
  'programme_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programme: text('programme').notNull(),
    talentUserId: uuid('talent_user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    employerOrgId: uuid('employer_org_id').references(() => organisations.id),
    employerName: text('employer_name').notNull(),
    projectTitle: text('project_title').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('programme_applications_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('programme_applications_talent_idx').on(t.talentUserId),
  ],
);
export type ProgrammeApplicationRow = typeof programmeApplications.$inferSelect;

/** 柔性引才 records: 科技副总, 产业教授, 人才飞地, part-time and 离岗创业 researchers. */
export const flexibleIntroductions = pgTable(
  'flexible_introductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personName: text('person_name').notNull(),
    kind: text('kind').notNull(),
    hostOrgId: uuid('host_org_id').references(() => organisations.id),
    hostName: text('host_name').notNull(),
    homeInstitution: text('home_institution').notNull(),
    regionCode: text('region_code').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('flexible_introductions_region_idx').on(t.regionCode.op('text_pattern_ops'), t.startsOn),
    index('flexible_introductions_host_idx').on(t.hostOrgId),
  ],
);
export type FlexibleIntroductionRow = typeof flexibleIntroductions.$inferSelect;

/** 博士后科研工作站 / 流动站 and 创新实践基地 of host organisations. */
export const talentStations = pgTable(
  'talent_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    digitalEconomy: boolean('digital_economy').notNull(),
    approvalDocNo: text('approval_doc_no'),
    approvedOn: date('approved_on', { mode: 'string' }),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('talent_stations_host_kind_uidx').on(t.hostOrgId, t.kind, t.name),
    index('talent_stations_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
  ],
);
export type TalentStationRow = typeof talentStations.$inferSelect;
