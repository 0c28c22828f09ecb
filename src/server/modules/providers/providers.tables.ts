import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** 机构类别 of a provider, evaluator or host organisation (培训机构, 职业院校, 技工院校, …). One per organisation. */
export const providerProfiles = pgTable(
  'provider_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organisations.id),
    category: text('category').notNull(),
    regionCode: text('region_code').notNull(),
    description: text('description'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('provider_profiles_category_idx').on(t.category, t.regionCode)],
);
export type ProviderProfileRow = typeof providerProfiles.$inferSelect;

/**
 * 资质申报 and, once approved, the accreditation itself: an organisation, a purpose (training or evaluation),
 * the occupations and levels (accreditation_items), reviewed by an official of the organisation's region.
 */
export const accreditations = pgTable(
  'accreditations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status').notNull(),
    statement: text('statement').notNull(),
    validUntil: text('valid_until'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('accreditations_org_idx').on(t.orgId, t.purpose, t.status),
    index('accreditations_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('accreditations_expiry_idx').on(t.status, t.validUntil),
  ],
);
export type AccreditationRow = typeof accreditations.$inferSelect;

export const accreditationItems = pgTable(
  'accreditation_items',
  {
    accreditationId: uuid('accreditation_id')
      .notNull()
      .references(() => accreditations.id, { onDelete: 'cascade' }),
    /** A 细类 of `occupations`, checked on write (no foreign key: the reference loader replaces that table's rows). */
    occupationCode: text('occupation_code').notNull(),
    levelCode: text('level_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accreditationId, t.occupationCode, t.levelCode] }),
    index('accreditation_items_lookup_idx').on(t.occupationCode, t.levelCode),
  ],
);

/** 产教融合共同体: schools and enterprises (organisations) with joint programmes and shared training bases. */
export const integrationCommunities = pgTable(
  'integration_communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    leadOrgId: uuid('lead_org_id')
      .notNull()
      .references(() => organisations.id),
    description: text('description').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('integration_communities_name_uidx').on(t.name), index('integration_communities_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
export type IntegrationCommunityRow = typeof integrationCommunities.$inferSelect;

export const communityMembers = pgTable(
  'community_members',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => integrationCommunities.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    memberRole: text('member_role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.orgId] }), index('community_members_org_idx').on(t.orgId)],
);

export const communityProgrammes = pgTable('community_programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  communityId: uuid('community_id')
    .notNull()
    .references(() => integrationCommunities.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const communityBases = pgTable(
  'community_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => integrationCommunities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address').notNull(),
    hostOrgId: uuid('host_org_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('community_bases_name', sql`length(${t.name}) > 0`)],
);
