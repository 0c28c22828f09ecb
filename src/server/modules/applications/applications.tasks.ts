/** Background task: remind about applications left unanswered (ADR 0006). Registered in app.ts, enqueued hourly. */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { remindStaleApplications } from './applications.service.js';

export const APPLICATIONS_REMIND_STALE_TASK = 'applications.remind-stale';

export const remindStaleApplicationsTask: TaskHandler = async (ctx, _params, report) => {
  const reminded = await remindStaleApplications(ctx);
  await report(1, 1, `reminded ${reminded}`);
  return { reminded };
};
