import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 创业项目. Owned by a talent (`owner_org_id` null) or by an organisation (every account of it); `region_code`
 * scopes the reviewing officials. Money in integer 分. No personal data: the contact is taken from the
 * owner's account only when an introduction is consented.
 */
export const ventureProjects = pgTable(
  'venture_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    stage: text('stage').notNull(),
    industryCode: text('industry_code').notNull(),
    digitalField: text('digital_field').notNull(),
    regionCode: text('region_code').notNull(),
    summary: text('summary').notNull(),
    teamSize: integer('team_size').notNull(),
    fundingSoughtFen: bigint('funding_sought_fen', { mode: 'number' }).notNull(),
    needs: jsonb('needs').$type<string[]>().notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    ownerOrgId: uuid('owner_org_id').references(() => organisations.id),
    status: text('status').notNull(),
    returnReason: text('return_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('venture_projects_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('venture_projects_status_idx').on(t.status),
    index('venture_projects_owner_user_idx').on(t.ownerUserId),
    index('venture_projects_owner_org_idx').on(t.ownerOrgId),
    check('venture_projects_funding_nonneg', sql`${t.fundingSoughtFen} >= 0`),
  ],
);
export type VentureProjectRow = typeof ventureProjects.$inferSelect;

/** 孵化载体 (孵化器 / 加速器 / 众创空间), registered by officials; `manager_org_id` is the operating host organisation. */
export const ventureCarriers = pgTable(
  'venture_carriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    regionCode: text('region_code').notNull(),
    focusFields: jsonb('focus_fields').$type<string[]>().notNull(),
    capacity: integer('capacity').notNull(),
    managerOrgId: uuid('manager_org_id')
      .notNull()
      .references(() => organisations.id),
    address: text('address').notNull().default(''),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('venture_carriers_region_idx').on(t.regionCode.op('text_pattern_ops')), index('venture_carriers_manager_idx').on(t.managerOrgId)],
);
export type VentureCarrierRow = typeof ventureCarriers.$inferSelect;

/** 入驻孵化: one project at one carrier; `region_code` is the carrier's (its officials oversee it). */
export const ventureIncubations = pgTable(
  'venture_incubations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => ventureProjects.id),
    carrierId: uuid('carrier_id')
      .notNull()
      .references(() => ventureCarriers.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('venture_incubations_open_uidx').on(t.projectId, t.carrierId).where(sql`${t.status} in ('applied', 'accepted', 'incubating')`),
    uniqueIndex('venture_incubations_incubating_uidx').on(t.projectId).where(sql`${t.status} = 'incubating'`),
    index('venture_incubations_carrier_idx').on(t.carrierId),
  ],
);
export type VentureIncubationRow = typeof ventureIncubations.$inferSelect;

/** 里程碑 of an incubation: planned date, title, done date and evidence; overdue = not done after the planned day. */
export const ventureMilestones = pgTable(
  'venture_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incubationId: uuid('incubation_id')
      .notNull()
      .references(() => ventureIncubations.id),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    plannedOn: date('planned_on').notNull(),
    doneOn: date('done_on'),
    evidence: text('evidence'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('venture_milestones_incubation_idx').on(t.incubationId)],
);
export type VentureMilestoneRow = typeof ventureMilestones.$inferSelect;

/** 投资意向 of an investor organisation (bank, VC, angel, guarantee company); `region_code` is the organisation's. */
export const ventureInterests = pgTable(
  'venture_interests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    investorKind: text('investor_kind').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    stages: jsonb('stages').$type<string[]>().notNull(),
    ticketMinFen: bigint('ticket_min_fen', { mode: 'number' }).notNull(),
    ticketMaxFen: bigint('ticket_max_fen', { mode: 'number' }).notNull(),
    regions: jsonb('regions').$type<string[]>().notNull(),
    note: text('note').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('venture_interests_org_idx').on(t.orgId),
    check('venture_interests_ticket_range', sql`${t.ticketMinFen} >= 0 and ${t.ticketMinFen} <= ${t.ticketMaxFen}`),
  ],
);
export type VentureInterestRow = typeof ventureInterests.$inferSelect;

/** 对接请求: investor → project owner; `region_code` is the project's. One open request per investor and project. */
export const ventureIntroductions = pgTable(
  'venture_introductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => ventureProjects.id),
    interestId: uuid('interest_id').references(() => ventureInterests.id),
    investorOrgId: uuid('investor_org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    message: text('message').notNull(),
    status: text('status').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('venture_introductions_open_uidx').on(t.investorOrgId, t.projectId).where(sql`${t.status} in ('requested', 'consented')`),
    index('venture_introductions_project_idx').on(t.projectId),
  ],
);
export type VentureIntroductionRow = typeof ventureIntroductions.$inferSelect;

/** 专精特新"小巨人"培育库: verified employer organisations in a digital field; `region_code` is the organisation's. */
export const ventureGiants = pgTable(
  'venture_giants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    field: text('field').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('venture_giants_org_uidx').on(t.orgId).where(sql`${t.status} <> 'removed'`),
    index('venture_giants_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);
export type VentureGiantRow = typeof ventureGiants.$inferSelect;
