/** Background task `wages.refresh`: rebuilds every wage cell (postings and surveys) in one transaction. Hourly. */
import type { Db } from '../../db/client.js';
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { refreshAllSurveyWages, refreshPostingWages } from './wages.refresh.js';

export const WAGES_REFRESH_TASK = 'wages.refresh';

export async function refreshWages(db: Db, now: Date): Promise<{ postingCells: number; surveyCells: number }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const postingCells = await refreshPostingWages(t, now);
    const surveyCells = await refreshAllSurveyWages(t, now);
    return { postingCells, surveyCells };
  });
}

export const refreshWagesTask: TaskHandler = async (ctx, _params, report) => {
  const result = await refreshWages(ctx.db, ctx.platform.clock.now());
  await report(1, 1, `cells ${result.postingCells + result.surveyCells}`);
  return result;
};
