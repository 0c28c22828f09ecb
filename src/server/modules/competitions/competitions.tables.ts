import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AwardSpec, Criterion, Group, Rules } from '../../../shared/competitions.js';
import type { Aggregation } from '../../../shared/competitions.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** 竞赛. `region_code` scopes officials; the configuration (groups, criteria, aggregation, awards, rules) is data. */
export const competitions = pgTable(
  'competitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    regionCode: text('region_code').notNull(),
    description: text('description').notNull(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    groups: jsonb('groups').$type<Group[]>().notNull(),
    categories: jsonb('categories').$type<{ code: string; name: string }[]>().notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    aggregation: jsonb('aggregation').$type<Aggregation>().notNull(),
    awards: jsonb('awards').$type<AwardSpec[]>().notNull(),
    rules: jsonb('rules').$type<Rules>().notNull(),
    occupationCode: text('occupation_code'),
    levelCode: text('level_code'),
    provincialManaged: boolean('provincial_managed').notNull().default(false),
    status: text('status').notNull(),
    entrySeq: integer('entry_seq').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
  },
  (t) => [index('competitions_region_idx').on(t.regionCode.op('text_pattern_ops')), index('competitions_status_idx').on(t.status)],
);
export type CompetitionRow = typeof competitions.$inferSelect;

/** Rounds in order (seq 1 = preliminary); closing one ranks its entries and advances the top `advance_count`. */
export const competitionRounds = pgTable(
  'competition_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    advanceCount: integer('advance_count'),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('competition_rounds_seq_uidx').on(t.competitionId, t.seq)],
);
export type CompetitionRoundRow = typeof competitionRounds.$inferSelect;

/**
 * 参赛作品/团队. `code` (e.g. SJ-007) is what judges see; `reached_seq` is the last round the entry takes
 * part in. Members are platform users (talents); the registrant is the leader.
 */
export const competitionEntries = pgTable(
  'competition_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    code: text('code').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    groupCode: text('group_code').notNull(),
    categoryCode: text('category_code'),
    leaderUserId: uuid('leader_user_id')
      .notNull()
      .references(() => users.id),
    memberIds: jsonb('member_ids').$type<string[]>().notNull(),
    orgId: uuid('org_id').references(() => organisations.id),
    declared: jsonb('declared').$type<{ companyFoundedOn: string | null; annualRevenueFen: number | null }>().notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull(),
    reachedSeq: integer('reached_seq').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('competition_entries_code_uidx').on(t.competitionId, t.code),
    uniqueIndex('competition_entries_leader_uidx').on(t.competitionId, t.leaderUserId).where(sql`${t.status} = 'registered'`),
    index('competition_entries_org_idx').on(t.orgId),
  ],
);
export type CompetitionEntryRow = typeof competitionEntries.$inferSelect;

/** Entry materials: files SM4-sealed under DATA_DIR/competitions (type from the first bytes). */
export const competitionMaterials = pgTable('competition_materials', {
  id: uuid('id').primaryKey().defaultRandom(),
  entryId: uuid('entry_id')
    .notNull()
    .references(() => competitionEntries.id),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storedName: text('stored_name').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A judge (reviewer account) assigned to a round, with the organisation they are affiliated with (conflicts). */
export const competitionJudges = pgTable(
  'competition_judges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => competitionRounds.id),
    judgeUserId: uuid('judge_user_id')
      .notNull()
      .references(() => users.id),
    affiliationOrgId: uuid('affiliation_org_id').references(() => organisations.id),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('competition_judges_uidx').on(t.roundId, t.judgeUserId), index('competition_judges_user_idx').on(t.judgeUserId)],
);

/** One score sheet per judge, entry and round; `total` is the weighted total in hundredths of a point. */
export const competitionScores = pgTable(
  'competition_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => competitionRounds.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id),
    judgeUserId: uuid('judge_user_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('competition_scores_uidx').on(t.roundId, t.entryId, t.judgeUserId)],
);

/** Results of a closed round: aggregate (hundredths), plain mean, judges, rank, advanced. */
export const competitionResults = pgTable(
  'competition_results',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => competitionRounds.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id),
    aggregate: integer('aggregate').notNull(),
    mean: integer('mean').notNull(),
    judgeCount: integer('judge_count').notNull(),
    trimmed: boolean('trimmed').notNull(),
    rank: integer('rank').notNull(),
    tied: boolean('tied').notNull(),
    advanced: boolean('advanced').notNull(),
  },
  (t) => [uniqueIndex('competition_results_uidx').on(t.roundId, t.entryId)],
);

/** Awards given when results are published (from the last round's ranking); level grants issue certificates. */
export const competitionAwards = pgTable(
  'competition_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id),
    regionCode: text('region_code').notNull(),
    awardName: text('award_name').notNull(),
    rank: integer('rank').notNull(),
    grantsLevel: boolean('grants_level').notNull(),
    /** [{userId, levelCode, certificateNumber}] once granted. */
    grants: jsonb('grants').$type<{ userId: string; levelCode: string; certificateNumber: string; promotion: boolean }[]>().notNull().default([]),
    grantedAt: timestamp('granted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('competition_awards_entry_uidx').on(t.competitionId, t.entryId)],
);
