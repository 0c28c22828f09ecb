/** A finished 南昌 monthly report, for the cross-region matrix (test/region-matrix.test.ts). */
import type { Database } from '../../db/client.js';

export async function nanchangDashboardReport(database: Database): Promise<{ dashboardReport: string }> {
  const [row] = await database.query<{ id: string }>(
    `insert into dashboard_reports (region_code, month, version, status, requested_by, created_at, finished_at)
     select '360100', '2026-01', 1, 'done', id, now(), now() from users where username = 'official.nanchang' returning id`,
  );
  if (!row) throw new Error('no official.nanchang');
  return { dashboardReport: row.id };
}
