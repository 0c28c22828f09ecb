import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail, chained with SM3: hash_n = SM3(hash_{n-1} ‖ canonical(row_n)).
 * `seq` is assigned as max+1 under an advisory lock, so it has no gaps; a gap means deletion.
 * Triggers (migrations 0002 and 0003) refuse UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    actorRegion: text('actor_region'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    regionCode: text('region_code'),
    result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_region_at_idx').on(t.regionCode.op('text_pattern_ops'), t.at),
  ],
);
export type AuditRow = typeof auditLog.$inferSelect;

/** Every 1,000 entries the chain head is sealed (HMAC-SM3 with a derived key), so a truncated tail is detected. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  seal: text('seal').notNull(),
});
