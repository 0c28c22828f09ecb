import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

/**
 * 工资价位: one row per source × digital occupation × city × year (city 360000 = the whole province),
 * rebuilt by `refreshPostingWages` / `refreshSurveyWages` (docs/open-data.md). Percentiles are null and
 * `suppressed` set when the cell has fewer than 10 observations.
 */
export const wageStats = pgTable(
  'wage_stats',
  {
    source: text('source').notNull(),
    occupationCode: text('occupation_code').notNull(),
    cityCode: text('city_code').notNull(),
    year: integer('year').notNull(),
    observations: integer('observations').notNull(),
    p10Fen: integer('p10_fen'),
    p25Fen: integer('p25_fen'),
    p50Fen: integer('p50_fen'),
    p75Fen: integer('p75_fen'),
    p90Fen: integer('p90_fen'),
    suppressed: text('suppressed'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.occupationCode, t.cityCode, t.year] }),
    index('wage_stats_year_city_idx').on(t.year, t.cityCode),
    check('wage_stats_suppression', sql`(${t.suppressed} is null) = (${t.p50Fen} is not null)`),
  ],
);
export type WageStatRow = typeof wageStats.$inferSelect;

/**
 * 企业薪酬调查 uploads. `digest` is SHA-256 over the year and the sorted normalised rows, so the same
 * survey uploaded again (even re-saved) is recognised and not counted twice. A withdrawn batch stays
 * for the record but no longer counts.
 */
export const wageSurveyBatches = pgTable(
  'wage_survey_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    fileName: text('file_name').notNull(),
    digest: text('digest').notNull(),
    rowCount: integer('row_count').notNull(),
    skippedNotDigital: integer('skipped_not_digital').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
  },
  (t) => [uniqueIndex('wage_survey_batches_digest_uidx').on(t.digest), index('wage_survey_batches_region_idx').on(t.regionCode, t.uploadedAt)],
);
export type WageSurveyBatchRow = typeof wageSurveyBatches.$inferSelect;

/** One worker's monthly wage from a survey file (no name, no identifier: occupation, place and pay only). */
export const wageSurveyRows = pgTable(
  'wage_survey_rows',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => wageSurveyBatches.id),
    rowNo: integer('row_no').notNull(),
    occupationCode: text('occupation_code').notNull(),
    regionCode: text('region_code').notNull(),
    cityCode: text('city_code').notNull(),
    year: integer('year').notNull(),
    monthlyFen: integer('monthly_fen').notNull(),
  },
  (t) => [
    index('wage_survey_rows_batch_idx').on(t.batchId),
    index('wage_survey_rows_year_city_idx').on(t.year, t.cityCode),
    check('wage_survey_rows_pay', sql`${t.monthlyFen} > 0`),
  ],
);
