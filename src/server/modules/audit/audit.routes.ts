import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleCtx } from '../../plugins/request-context.js';
import { listAudit } from './audit.service.js';
import { AUDIT_VERIFY_TASK, verifyAuditChain } from './audit.verify.js';

/** The audit administrator reads the whole trail; officials read their region's entries. Nobody writes. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        querystring: z.object({
          objectType: z.string().max(40).optional(),
          objectId: z.string().max(64).optional(),
          afterSeq: z.coerce.number().int().min(0).optional(),
          beforeSeq: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const items = await listAudit(roleCtx(request, ['auditor', 'official']), request.query);
      return { items: items.map(({ prevHash: _p, hash: _h, ...r }) => ({ ...r, at: r.at.toISOString() })) };
    },
  );

  app.post('/verify', async (request) => verifyAuditChain(roleCtx(request, ['auditor'])));

  /** The same verification as a background task with progress (large trails). 202 { taskId }. */
  app.post('/verify-task', async (request, reply) => {
    const ctx = roleCtx(request, ['auditor']);
    const taskId = await ctx.platform.tasks.enqueue(ctx, AUDIT_VERIFY_TASK, {}, { ownerId: ctx.actor.userId });
    return reply.status(202).send({ taskId });
  });
};
