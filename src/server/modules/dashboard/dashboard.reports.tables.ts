import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

/**
 * 月度报告: one generated report of a region and month. The files (xlsx and PDF) live under
 * DATA_DIR/reports as `<id>.xlsx` and `<id>.pdf` (aggregates only, no personal data). Generating the same
 * region and month again adds a version; at most one version per region and month is queued or running.
 */
export const dashboardReports = pgTable(
  'dashboard_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    month: text('month').notNull(),
    version: integer('version').notNull(),
    /** ReportStatus: queued → running → done | failed. */
    status: text('status').notNull(),
    taskId: uuid('task_id'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    xlsxBytes: integer('xlsx_bytes'),
    pdfBytes: integer('pdf_bytes'),
    xlsxSha256: text('xlsx_sha256'),
    pdfSha256: text('pdf_sha256'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dashboard_reports_version_idx').on(t.regionCode, t.month, t.version),
    uniqueIndex('dashboard_reports_open_idx').on(t.regionCode, t.month).where(sql`${t.status} in ('queued', 'running')`),
    index('dashboard_reports_created_idx').on(t.createdAt),
  ],
);
export type DashboardReportRow = typeof dashboardReports.$inferSelect;
