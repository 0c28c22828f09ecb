import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

/**
 * Append-only facts recorded by the modules at the moment something happens (`recordMetric`).
 * One row per (metric, subject): recording the same fact twice is a no-op. `month` is the
 * Asia/Shanghai calendar month of `occurred_at`; `city_code` is the city the region belongs to.
 */
export const metricEvents = pgTable(
  'metric_events',
  {
    metric: text('metric').notNull(),
    subjectId: text('subject_id').notNull(),
    regionCode: text('region_code').notNull(),
    month: text('month').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    occupationCode: text('occupation_code'),
    dimension: text('dimension').notNull().default(''),
    digital: boolean('digital').notNull().default(false),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    days: integer('days'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.subjectId] })],
);
export type MetricEventRow = typeof metricEvents.$inferSelect;

/**
 * Monthly rollup: metric × region (each fact counted at its county, its city and the province) × month ×
 * dimension × digital flag. Kept current in the same transaction as the fact (ADR 0015).
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    metric: text('metric').notNull(),
    regionCode: text('region_code').notNull(),
    month: text('month').notNull(),
    dimension: text('dimension').notNull(),
    digital: boolean('digital').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.regionCode, t.month, t.dimension, t.digital] })],
);

/** Yearly rollup by occupation (细类), same region levels. Facts without an occupation are not here. */
export const metricRollupOccupations = pgTable(
  'metric_rollup_occupations',
  {
    metric: text('metric').notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    occupationCode: text('occupation_code').notNull(),
    digital: boolean('digital').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.regionCode, t.year, t.occupationCode, t.digital] })],
);

/** Histogram of whole days per metric × region × month: exact medians over any set of months. */
export const metricDaysHistogram = pgTable(
  'metric_days_histogram',
  {
    metric: text('metric').notNull(),
    regionCode: text('region_code').notNull(),
    month: text('month').notNull(),
    days: integer('days').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.regionCode, t.month, t.days] })],
);

/** Targets per indicator, year and region (province targets set by province officials only). */
export const dashboardTargets = pgTable(
  'dashboard_targets',
  {
    indicator: text('indicator').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicator, t.year, t.regionCode] })],
);
