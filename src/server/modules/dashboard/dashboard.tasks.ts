/**
 * Background sync (ADR 0015): appends facts that bulk paths (imports, seeding) created without going through
 * a service, every 30 s, so the dashboards are at most a minute behind. The first run after start scans
 * everything (backfill); later runs only records changed since the previous run began, minus a margin
 * for transactions that were still open.
 */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { syncFacts } from './dashboard.sources.js';

export const DASHBOARD_SYNC_TASK = 'dashboard.sync';
export const DASHBOARD_SYNC_EVERY_MS = 30_000;
const MARGIN_MS = 5 * 60_000;

/** Per process: when the previous sync began (null = next run is a full backfill). */
let previousStart: Date | null = null;

export const dashboardSyncTask: TaskHandler = async (ctx, params, report) => {
  const started = ctx.now;
  const t0 = performance.now();
  const full = params.full === true || previousStart === null;
  const since = full ? undefined : new Date((previousStart as Date).getTime() - MARGIN_MS);
  const added = await syncFacts(ctx.db, since);
  previousStart = started;
  await report(1, 1, `facts added ${Object.values(added).reduce((s, n) => s + n, 0)}`);
  return { full, added, ms: Math.round(performance.now() - t0) };
};
