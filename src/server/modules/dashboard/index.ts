/** Public surface of the dashboard module (数据看板): other modules record facts through recordMetric. */
export { rebuildRollups, recordMetric, shanghaiMonth, wholeDaysBetween } from './dashboard.metrics.js';
export { dashboardRoutes } from './dashboard.routes.js';
export { recordFactsFor, syncFacts } from './dashboard.sources.js';
export { DASHBOARD_SYNC_EVERY_MS, DASHBOARD_SYNC_TASK, dashboardSyncTask } from './dashboard.tasks.js';
export { DASHBOARD_REPORT_TASK, dashboardReportTask } from './dashboard.reports.task.js';
