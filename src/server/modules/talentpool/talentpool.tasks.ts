/** Background task: expire unanswered invitations (ADR 0006). Registered in app.ts, enqueued hourly by main.ts. */
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { expireInvitations } from './talentpool.service.js';

export const TALENTPOOL_EXPIRE_TASK = 'talentpool.expire-invitations';

export const expireInvitationsTask: TaskHandler = async (ctx, _params, report) => {
  const expired = await expireInvitations(ctx);
  await report(1, 1, `expired ${expired}`);
  return { expired };
};
