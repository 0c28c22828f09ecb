import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 评价计划: an accredited evaluation body's plan to evaluate one occupation at one level, with its pass
 * rule (both the theory and the practical score at least the pass scores). `region_code` is the body's.
 */
export const evaluationPlans = pgTable(
  'evaluation_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    occupationCode: text('occupation_code').notNull(),
    levelCode: text('level_code').notNull(),
    theoryPassScore: integer('theory_pass_score').notNull(),
    practicalPassScore: integer('practical_pass_score').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('evaluation_plans_org_idx').on(t.orgId, t.createdAt)],
);
export type EvaluationPlanRow = typeof evaluationPlans.$inferSelect;

/** 评价批次: one sitting of a plan (date, venue, capacity); workflow in src/shared/certificates.ts. */
export const evaluationSessions = pgTable(
  'evaluation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    levelCode: text('level_code').notNull(),
    examOn: date('exam_on', { mode: 'string' }).notNull(),
    venue: text('venue').notNull(),
    capacity: integer('capacity').notNull(),
    status: text('status').notNull(),
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('evaluation_sessions_org_idx').on(t.orgId, t.examOn),
    index('evaluation_sessions_status_idx').on(t.status, t.examOn),
    check('evaluation_sessions_capacity', sql`${t.capacity} >= 1`),
  ],
);
export type EvaluationSessionRow = typeof evaluationSessions.$inferSelect;

/**
 * 考生: one row per session and person, who registered (`registration`) or was added by the body as a
 * trainee who completed a class (`trainee`, with the enrolment). Scores are entered after the sitting.
 */
export const evaluationCandidates = pgTable(
  'evaluation_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => evaluationSessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    source: text('source').notNull(),
    enrolmentId: uuid('enrolment_id'),
    theoryScore: numeric('theory_score', { precision: 4, scale: 1, mode: 'number' }),
    practicalScore: numeric('practical_score', { precision: 4, scale: 1, mode: 'number' }),
    result: text('result').notNull(),
    certificateId: uuid('certificate_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('evaluation_candidates_session_user_uidx').on(t.sessionId, t.userId), index('evaluation_candidates_user_idx').on(t.userId)],
);
export type EvaluationCandidateRow = typeof evaluationCandidates.$inferSelect;

/**
 * 职业技能等级证书 (and certificates from contests or imports). `signature` is HMAC-SM3 over the
 * canonical content (certificates.signature.ts; ADR 0013): an altered row fails verification.
 * `region_code` is the holder's region (scopes officials). One certificate per (source, source_ref).
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    holderUserId: uuid('holder_user_id')
      .notNull()
      .references(() => users.id),
    holderName: text('holder_name').notNull(),
    regionCode: text('region_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    levelCode: text('level_code').notNull(),
    issuerOrgId: uuid('issuer_org_id').references(() => organisations.id),
    issuerName: text('issuer_name').notNull(),
    source: text('source').notNull(),
    sourceRef: text('source_ref').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    signature: text('signature').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('certificates_number_uidx').on(t.number),
    uniqueIndex('certificates_source_uidx').on(t.source, t.sourceRef),
    index('certificates_holder_idx').on(t.holderUserId, t.status),
    index('certificates_region_idx').on(t.regionCode.op('text_pattern_ops'), t.issuedOn),
    index('certificates_issuer_idx').on(t.issuerOrgId, t.issuedOn),
    index('certificates_updated_idx').on(t.updatedAt),
  ],
);
export type CertificateRow = typeof certificates.$inferSelect;

/** Evidence file of a declared qualification: SM4-sealed under DATA_DIR/evidence, owner only (and officials of the region once declared). */
export const qualificationEvidence = pgTable('qualification_evidence', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerUserId: uuid('owner_user_id')
    .notNull()
    .references(() => users.id),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storedName: text('stored_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
export type QualificationEvidenceRow = typeof qualificationEvidence.$inferSelect;

/** 专业技术资格 declared by a talent (e.g. 软考 中级 软件设计师); verified or rejected by an official of the talent's region. */
export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    level: text('level').notNull(),
    certificateNo: text('certificate_no').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    authority: text('authority').notNull(),
    occupationCode: text('occupation_code'),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => qualificationEvidence.id),
    status: text('status').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('qualifications_user_idx').on(t.userId), index('qualifications_region_status_idx').on(t.regionCode.op('text_pattern_ops'), t.status)],
);
export type QualificationRow = typeof qualifications.$inferSelect;
