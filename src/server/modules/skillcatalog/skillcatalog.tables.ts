import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

/**
 * One version of a catalogue (重点产业职业培训需求指导目录, 急需紧缺职业(工种)目录, 职业培训补贴目录) published by
 * the province (360000) or a city (3607xx00 …). Dates are Asia/Shanghai calendar days, both ends inclusive;
 * publishing a version closes the previous published one of the same kind and region the day before.
 */
export const catalogueVersions = pgTable(
  'catalogue_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').notNull(),
    label: text('label').notNull(),
    documentNo: text('document_no'),
    status: text('status').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    effectiveTo: text('effective_to'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('catalogue_versions_lookup_idx').on(t.kind, t.regionCode, t.status, t.effectiveFrom),
    index('catalogue_versions_region_idx').on(t.regionCode.op('text_pattern_ops')),
    check('catalogue_versions_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
  ],
);
export type CatalogueVersionRow = typeof catalogueVersions.$inferSelect;

/** One line of a version: a 细类 (optionally a 工种 under it), a level (五级 '5' … 一级 '1') and, for the subsidy catalogue, 分. */
export const catalogueEntries = pgTable(
  'catalogue_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => catalogueVersions.id, { onDelete: 'cascade' }),
    /** A 细类 of `occupations`, checked on write (no foreign key: the reference loader replaces that table's rows). */
    occupationCode: text('occupation_code').notNull(),
    workType: text('work_type').notNull().default(''),
    levelCode: text('level_code').notNull().default(''),
    subsidyFen: integer('subsidy_fen'),
    digital: boolean('digital').notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('catalogue_entries_key_uidx').on(t.versionId, t.occupationCode, t.workType, t.levelCode),
    index('catalogue_entries_occupation_idx').on(t.occupationCode, t.levelCode),
    check('catalogue_entries_subsidy', sql`${t.subsidyFen} is null or ${t.subsidyFen} >= 0`),
  ],
);
export type CatalogueEntryRow = typeof catalogueEntries.$inferSelect;
