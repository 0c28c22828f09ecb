/** Background task: mark postings whose validity has passed as expired (ADR 0006). Register it and enqueue it daily. */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { expireJobs } from './jobs.service.js';

export const JOBS_EXPIRE_TASK = 'jobs.expire';

export const expireJobsTask: TaskHandler = async (ctx, _params, report) => {
  const expired = await expireJobs(ctx);
  await report(1, 1, `expired ${expired}`);
  return { expired };
};
