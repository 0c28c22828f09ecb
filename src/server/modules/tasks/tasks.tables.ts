import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Long-running work (imports, exports, recomputations) with progress the UI polls. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull(),
    progress: integer('progress').notNull().default(0),
    total: integer('total'),
    message: text('message'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    ownerId: uuid('owner_id'),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Database time of the last sign of life from the process running it; stale = that process died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** How many times a process has started it (a task cut off by a crash is started again, up to a limit). */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('tasks_owner_idx').on(t.ownerId), index('tasks_running_heartbeat_idx').on(t.heartbeatAt).where(sql`${t.status} = 'running'`)],
);
export type TaskRow = typeof tasks.$inferSelect;
