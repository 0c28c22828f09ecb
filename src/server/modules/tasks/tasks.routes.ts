import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { requestCtx, requireActor } from '../../plugins/request-context.js';
import { tasks } from './tasks.tables.js';

/** Progress of a background task, for the person who started it. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/:id', { schema: { params: z.object({ id: z.uuid() }) } }, async (request) => {
    const actor = requireActor(request);
    const ctx = requestCtx(request);
    const [t] = await ctx.db.select().from(tasks).where(eq(tasks.id, request.params.id));
    if (!t || t.ownerId !== actor.userId) throw new AppError('TASK_NOT_FOUND', { status: 404 });
    return {
      id: t.id,
      kind: t.kind,
      status: t.status,
      progress: t.progress,
      total: t.total,
      message: t.message,
      result: t.result,
      error: t.status === 'failed' ? 'failed' : null,
      createdAt: t.createdAt.toISOString(),
      finishedAt: t.finishedAt?.toISOString() ?? null,
    };
  });
};
