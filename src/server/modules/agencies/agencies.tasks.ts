/** Background task: registrations whose licence ended become expired (daily; 受托招聘 checks the date already). */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { expireRegistrations } from './agencies.directory.js';

export const AGENCIES_EXPIRE_TASK = 'agencies.expire-registrations';

export const expireRegistrationsTask: TaskHandler = async (ctx, _params, report) => {
  const expired = await expireRegistrations(ctx);
  await report(1, 1, `expired ${expired}`);
  return { expired };
};
