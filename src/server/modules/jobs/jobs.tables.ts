import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { JobSkill } from '../../../shared/jobs.js';
import { organisations } from '../organisations/organisations.tables.js';
import type { VettingFinding } from './jobs.vetting.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export interface JobVetting {
  findings: (VettingFinding & { field: 'title' | 'description' })[];
}

/**
 * 岗位. `search_tokens` is the jieba segmentation (title twice, description, skills, occupation name),
 * space-joined; `search_tsv` is generated from it with the 'simple' configuration (ADR 0011).
 */
export const jobPostings = pgTable(
  'job_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    occupationCode: text('occupation_code').notNull(),
    requiredSkills: jsonb('required_skills').$type<JobSkill[]>().notNull().default([]),
    preferredSkills: jsonb('preferred_skills').$type<JobSkill[]>().notNull().default([]),
    educationCode: text('education_code'),
    experienceYearsMin: integer('experience_years_min').notNull().default(0),
    salaryMinFen: integer('salary_min_fen').notNull(),
    salaryMaxFen: integer('salary_max_fen').notNull(),
    headcount: integer('headcount').notNull().default(1),
    workMode: text('work_mode').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    isDigital: boolean('is_digital').notNull(),
    status: text('status').notNull(),
    vetting: jsonb('vetting').$type<JobVetting>().notNull().default({ findings: [] }),
    vettingOverrideReason: text('vetting_override_reason'),
    /** 受托招聘: the client employer's name when an HR service agency posts on its behalf (null for an employer's own posting). */
    clientEmployerName: text('client_employer_name'),
    dedupeKey: text('dedupe_key').notNull(),
    searchTokens: text('search_tokens').notNull(),
    searchTsv: tsvector('search_tsv').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_tokens)`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('job_postings_tsv_idx').using('gin', t.searchTsv),
    index('job_postings_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('job_postings_status_region_idx').on(t.status, t.regionCode.op('text_pattern_ops'), t.publishedAt),
    index('job_postings_status_published_idx').on(t.status, t.publishedAt),
    index('job_postings_status_salary_idx').on(t.status, t.salaryMaxFen),
    index('job_postings_status_occupation_idx').on(t.status, t.occupationCode.op('text_pattern_ops')),
    index('job_postings_org_idx').on(t.orgId, t.status),
    index('job_postings_dedupe_idx').on(t.orgId, t.dedupeKey),
    // the matching engine's incremental refresh reads rows changed since its last mark
    index('job_postings_updated_idx').on(t.updatedAt),
    check('job_postings_salary_range', sql`${t.salaryMinFen} >= 0 and ${t.salaryMinFen} <= ${t.salaryMaxFen}`),
    check('job_postings_validity', sql`${t.validFrom} <= ${t.validUntil}`),
    check('job_postings_headcount', sql`${t.headcount} >= 1`),
  ],
);
export type JobPostingRow = typeof jobPostings.$inferSelect;

/**
 * Change log for the in-process search index (ADR 0011): statement triggers on job_postings (migration
 * search_speed) add one row per posting that is or was published, with the writing transaction's id.
 * Readers take the rows whose `xid` is at or above the snapshot xmin they last saw, so a transaction that
 * commits late is never missed and no writer waits for another. Rows older than a day are pruned.
 */
export const jobSearchChanges = pgTable(
  'job_search_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    jobId: uuid('job_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('job_search_changes_xid_idx').on(t.xid), index('job_search_changes_changed_at_idx').on(t.changedAt)],
);
