import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One uploaded file (导入批次). The file itself lives under DATA_DIR/imports while it is processed and
 * is deleted afterwards; the rejected rows (original columns + 错误原因) stay in DATA_DIR/imports as
 * `<id>.rejected.csv` for the person who imported them.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    fileSha256: text('file_sha256').notNull(),
    ownerId: uuid('owner_id').notNull(),
    ownerRole: text('owner_role').notNull(),
    /** Employer imports: the employer's organisation. */
    orgId: uuid('org_id'),
    /** The importer's region (officials: jurisdiction). */
    regionCode: text('region_code').notNull(),
    taskId: uuid('task_id'),
    totalRows: integer('total_rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** reason code → number of rejected rows with it. */
    reasonCounts: jsonb('reason_counts').$type<Record<string, number>>().notNull().default({}),
    /** The first rejected rows (row number and reason codes only, no personal data). */
    rejectedSample: jsonb('rejected_sample').$type<{ row: number; reasons: string[] }[]>().notNull().default([]),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_owner_idx').on(t.ownerId, t.createdAt), index('import_batches_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
export type ImportBatchRow = typeof importBatches.$inferSelect;

/**
 * The natural key of every imported record and a digest of its imported content: a re-imported row
 * with the same digest is "unchanged", a different digest an update. Job-seekers are keyed by the blind
 * index of the 身份证号, postings by organisation + 外部编号 (or the posting's duplicate key).
 */
export const importKeys = pgTable(
  'import_keys',
  {
    kind: text('kind').notNull(),
    naturalKey: text('natural_key').notNull(),
    entityId: uuid('entity_id').notNull(),
    contentHash: text('content_hash').notNull(),
    batchId: uuid('batch_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.naturalKey] }), index('import_keys_entity_idx').on(t.entityId)],
);
