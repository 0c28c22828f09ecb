/** Background task `opendata.refresh`: rebuilds the monthly demand table. Hourly, with `wages.refresh`. */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { refreshDemand } from './opendata.demand.js';

export const OPENDATA_REFRESH_TASK = 'opendata.refresh';

export const refreshOpenDataTask: TaskHandler = async (ctx, _params, report) => {
  await refreshDemand(ctx.db, ctx.platform.clock.now());
  await report(1, 1, 'demand refreshed');
  return { refreshed: ['demand'] };
};
