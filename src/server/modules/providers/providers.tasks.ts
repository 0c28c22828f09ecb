/** Background task: accreditations past their validity become expired (daily; lookups already ignore them). */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { expireAccreditations } from './providers.service.js';

export const PROVIDERS_EXPIRE_TASK = 'providers.expire-accreditations';

export const expireAccreditationsTask: TaskHandler = async (ctx, _params, report) => {
  const expired = await expireAccreditations(ctx);
  await report(1, 1, `expired ${expired}`);
  return { expired };
};
