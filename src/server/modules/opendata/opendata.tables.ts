import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Digital-occupation demand: postings first published in a month (Asia/Shanghai) per S-marked occupation
 * and city, with the headcount they ask for. Rebuilt by `refreshDemand` (task `opendata.refresh`).
 */
export const demandMonthly = pgTable(
  'demand_monthly',
  {
    month: text('month').notNull(),
    occupationCode: text('occupation_code').notNull(),
    cityCode: text('city_code').notNull(),
    postings: integer('postings').notNull(),
    headcount: integer('headcount').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.occupationCode, t.cityCode] })],
);
