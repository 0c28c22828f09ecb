import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * 求职者档案: one per talent account (the primary key is the user id). The region is the account's
 * region_code, copied on every save so region-scoped reads need no join. `search_tokens` (jieba text
 * and filter tokens, profiles.search.ts) feeds the generated `search_tsv` that the talent pool searches.
 */
export const talentProfiles = pgTable(
  'talent_profiles',
  {
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
    searchTokens: text('search_tokens').notNull().default(''),
    searchTsv: tsvector('search_tsv').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_tokens)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('talent_profiles_tsv_idx').using('gin', t.searchTsv),
    index('talent_profiles_open_updated_idx').on(t.updatedAt.desc()).where(sql`${t.visibility} <> 'private'`),
    // the matching engine's refresh must also see profiles that became private
    index('talent_profiles_updated_idx').on(t.updatedAt),
  ],
);
export type TalentProfileRow = typeof talentProfiles.$inferSelect;
