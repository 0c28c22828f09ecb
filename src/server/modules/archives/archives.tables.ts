import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** 档案保管机构: an HR service agency (organisation of kind agency) or a public service centre recorded by officials. */
export const archiveCustodians = pgTable(
  'archive_custodians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    orgId: uuid('org_id').references(() => organisations.id),
    address: text('address').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('archive_custodians_org_uidx').on(t.orgId), index('archive_custodians_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
export type CustodianRow = typeof archiveCustodians.$inferSelect;

/** One archive per person; `custodian_id` changes only by a received transfer (`version` counts the moves). */
export const personArchives = pgTable(
  'person_archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personUserId: uuid('person_user_id')
      .notNull()
      .references(() => users.id),
    custodianId: uuid('custodian_id')
      .notNull()
      .references(() => archiveCustodians.id),
    regionCode: text('region_code').notNull(),
    archiveNo: text('archive_no').notNull(),
    since: text('since').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('person_archives_person_uidx').on(t.personUserId)],
);
export type PersonArchiveRow = typeof personArchives.$inferSelect;

/**
 * 转档. `region_code` is the region of the custodian that must act next (the sender until dispatch, then the
 * receiver), so officials of a public centre act under the usual region scope. At most one open transfer per archive.
 */
export const archiveTransfers = pgTable(
  'archive_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    archiveId: uuid('archive_id')
      .notNull()
      .references(() => personArchives.id),
    fromCustodianId: uuid('from_custodian_id')
      .notNull()
      .references(() => archiveCustodians.id),
    toCustodianId: uuid('to_custodian_id')
      .notNull()
      .references(() => archiveCustodians.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    trackingNumber: text('tracking_number'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('archive_transfers_open_uidx').on(t.archiveId).where(sql`${t.status} in ('requested', 'approved', 'dispatched')`),
    index('archive_transfers_from_idx').on(t.fromCustodianId),
    index('archive_transfers_to_idx').on(t.toCustodianId),
  ],
);
export type ArchiveTransferRow = typeof archiveTransfers.$inferSelect;

/**
 * Digitised archive materials, SM4-sealed under DATA_DIR/archives; readable by the current custodian and the person.
 * `category` is the material class (ArchiveMaterialCategory in src/shared/archives.ts).
 */
export const archiveMaterials = pgTable(
  'archive_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    archiveId: uuid('archive_id')
      .notNull()
      .references(() => personArchives.id),
    title: text('title').notNull(),
    category: text('category').notNull().default('other'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storedName: text('stored_name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('archive_materials_archive_idx').on(t.archiveId, t.createdAt)],
);

/** 存档证明: issued to the person; `code` is printed on the PDF and checked at the public endpoint. */
export const custodyCertificates = pgTable(
  'custody_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    archiveId: uuid('archive_id')
      .notNull()
      .references(() => personArchives.id),
    custodianId: uuid('custodian_id')
      .notNull()
      .references(() => archiveCustodians.id),
    archiveVersion: integer('archive_version').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('custody_certificates_code_uidx').on(t.code)],
);
