/** Background task: mark postings whose validity has passed as expired (ADR 0006). Register it and enqueue it daily. */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { pruneSearchChanges } from './jobs.search-sync.js';
import { expireJobs } from './jobs.service.js';

export const JOBS_EXPIRE_TASK = 'jobs.expire';

export const expireJobsTask: TaskHandler = async (ctx, _params, report) => {
  const expired = await expireJobs(ctx);
  const pruned = await pruneSearchChanges(ctx.platform.database); // search change log (ADR 0011)
  await report(1, 1, `expired ${expired}`);
  return { expired, prunedSearchChanges: pruned };
};
