import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 招聘活动. `region_code` is where it is held (a city or county; for an online event the organiser's
 * region) and scopes officials. Registrations never exceed `capacity`: registering locks this row.
 */
export const recruitmentEvents = pgTable(
  'recruitment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    organiser: text('organiser').notNull(),
    regionCode: text('region_code').notNull(),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Digital-literacy activities: walk-in attendees counted on site (现场登记), besides checked-in registrations. */
    walkInCount: integer('walk_in_count').notNull().default(0),
    walkInRecordedAt: timestamp('walk_in_recorded_at', { withTimezone: true }),
    walkInRecordedBy: uuid('walk_in_recorded_by').references(() => users.id),
  },
  (t) => [
    index('recruitment_events_status_start_idx').on(t.status, t.startsAt),
    index('recruitment_events_region_idx').on(t.regionCode.op('text_pattern_ops'), t.startsAt),
    check('recruitment_events_capacity', sql`${t.capacity} >= 1`),
    check('recruitment_events_walk_in', sql`${t.walkInCount} >= 0`),
    check('recruitment_events_times', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);
export type RecruitmentEventRow = typeof recruitmentEvents.$inferSelect;

/** 参会单位: one row per event and organisation, with the postings it brings. */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvents.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    jobIds: jsonb('job_ids').$type<string[]>().notNull().default([]),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('event_participants_event_org_uidx').on(t.eventId, t.orgId), index('event_participants_org_idx').on(t.orgId, t.status)],
);
export type EventParticipantRow = typeof eventParticipants.$inferSelect;

/**
 * 报名. One active (registered / waitlisted) registration per talent and event. The ticket is
 * `ticket_nonce` signed with a key derived from the platform MAC key; `ticket_code` is the short
 * code derived from it, for typing by hand. Neither carries the person's identity.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvents.id),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    ticketNonce: text('ticket_nonce').notNull(),
    ticketCode: text('ticket_code').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('event_registrations_active_uidx').on(t.eventId, t.talentId).where(sql`${t.status} in ('registered', 'waitlisted')`),
    uniqueIndex('event_registrations_code_uidx').on(t.eventId, t.ticketCode),
    index('event_registrations_event_status_idx').on(t.eventId, t.status, t.registeredAt),
    index('event_registrations_talent_idx').on(t.talentId, t.registeredAt),
  ],
);
export type EventRegistrationRow = typeof eventRegistrations.$inferSelect;
