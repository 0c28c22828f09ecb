import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jobApplications } from '../applications/applications.tables.js';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from '../jobs/jobs.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 人才邀约: an employer invites a talent from the talent pool to one of its postings (job_id) or to
 * talk (job_id null). `region_code` is the talent's region at sending. One open (`sent`) invitation per
 * organisation, talent and job (partial unique index; the nil UUID stands for "no job").
 */
export const talentInvitations = pgTable(
  'talent_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id),
    jobId: uuid('job_id').references(() => jobPostings.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    message: text('message').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The application made with "accept and apply", if any. */
    applicationId: uuid('application_id').references(() => jobApplications.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('talent_invitations_open_uidx')
      .on(t.orgId, t.talentId, sql`coalesce(${t.jobId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} = 'sent'`),
    index('talent_invitations_talent_idx').on(t.talentId, t.sentAt),
    index('talent_invitations_org_idx').on(t.orgId, t.sentAt),
    index('talent_invitations_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'sent'`),
  ],
);
export type TalentInvitationRow = typeof talentInvitations.$inferSelect;
