import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { JobSkill } from '../../../shared/jobs.js';
import type { EducationEntry, WorkEntry } from '../../../shared/profiles.js';
import { users } from '../auth/auth.tables.js';

/** A declared certificate as stored: the platform has not checked it. */
export interface StoredCertificate {
  name: string;
  number: string;
  issuer: string;
  issuedOn: string | null;
  verified: false;
}

/**
 * 求职者档案: one per talent account (the primary key is the user id). The region is the account's
 * region_code, copied on every save so region-scoped reads need no join.
 */
export const talentProfiles = pgTable('talent_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  regionCode: text('region_code').notNull(),
  education: jsonb('education').$type<EducationEntry[]>().notNull().default([]),
  workHistory: jsonb('work_history').$type<WorkEntry[]>().notNull().default([]),
  skills: jsonb('skills').$type<JobSkill[]>().notNull().default([]),
  certificates: jsonb('certificates').$type<StoredCertificate[]>().notNull().default([]),
  desiredOccupations: jsonb('desired_occupations').$type<string[]>().notNull().default([]),
  desiredCities: jsonb('desired_cities').$type<string[]>().notNull().default([]),
  desiredSalaryMinFen: integer('desired_salary_min_fen'),
  visibility: text('visibility').notNull().default('private'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type TalentProfileRow = typeof talentProfiles.$inferSelect;
