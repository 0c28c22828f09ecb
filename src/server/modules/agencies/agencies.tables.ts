import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 人力资源服务机构登记: one per agency organisation, its 人力资源服务许可证 and services, reviewed by an official
 * (人社) of the organisation's region through `registrationWorkflow` (src/shared/agencies.ts).
 */
export const agencyRegistrations = pgTable(
  'agency_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    /** Canonical form (parseLicenceNumber). */
    licenceNumber: text('licence_number').notNull(),
    issuingAuthority: text('issuing_authority').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    businessScope: text('business_scope').notNull(),
    /** AgencyService identifiers. */
    services: text('services').array().notNull(),
    description: text('description'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('agency_registrations_org_uidx').on(t.orgId),
    uniqueIndex('agency_registrations_licence_uidx').on(t.licenceNumber),
    index('agency_registrations_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('agency_registrations_expiry_idx').on(t.status, t.validTo),
    check('agency_registrations_validity', sql`${t.validFrom} < ${t.validTo}`),
  ],
);
export type AgencyRegistrationRow = typeof agencyRegistrations.$inferSelect;

/** 年度报告: one per agency and year (unique), through `reportWorkflow`; `late` is set at the first submission. */
export const agencyAnnualReports = pgTable(
  'agency_annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => agencyRegistrations.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    personsServed: integer('persons_served').notNull(),
    employersServed: integer('employers_served').notNull(),
    placements: integer('placements').notNull(),
    eventsHeld: integer('events_held').notNull(),
    revenueBand: text('revenue_band').notNull(),
    staffCount: integer('staff_count').notNull(),
    aiServices: text('ai_services').notNull().default(''),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('agency_annual_reports_org_year_uidx').on(t.orgId, t.year),
    index('agency_annual_reports_region_idx').on(t.regionCode.op('text_pattern_ops'), t.year, t.status),
    check(
      'agency_annual_reports_counts',
      sql`${t.personsServed} >= 0 and ${t.employersServed} >= 0 and ${t.placements} >= 0 and ${t.eventsHeld} >= 0 and ${t.staffCount} >= 0`,
    ),
  ],
);
export type AgencyAnnualReportRow = typeof agencyAnnualReports.$inferSelect;

/** Filing deadline of the reports for a year, when an official set one (else 31 March of the following year). */
export const agencyReportDeadlines = pgTable('agency_report_deadlines', {
  year: integer('year').primaryKey(),
  dueOn: date('due_on').notNull(),
  setBy: uuid('set_by').references(() => users.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
});
