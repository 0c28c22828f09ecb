import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from '../jobs/jobs.tables.js';

/**
 * 投递. `region_code` is the posting's region (region scope for officials). One open application per
 * talent and posting (partial unique index). `hired_at` feeds the dashboard (days from submitted_at).
 */
export const jobApplications = pgTable(
  'job_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobPostings.id),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    coverNote: text('cover_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('job_applications_open_uidx').on(t.jobId, t.talentId).where(sql`${t.status} in ('submitted', 'viewed', 'interview', 'offer')`),
    index('job_applications_talent_idx').on(t.talentId, t.submittedAt),
    index('job_applications_org_idx').on(t.orgId, t.jobId, t.status),
    index('job_applications_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('job_applications_waiting_idx').on(t.status, t.submittedAt),
  ],
);
export type JobApplicationRow = typeof jobApplications.$inferSelect;
