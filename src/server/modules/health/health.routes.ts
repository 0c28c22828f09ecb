import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Liveness answers while the process runs; readiness needs the database (503 until it answers). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/live', async () => ({ status: 'ok' }));
  app.get('/ready', async (request, reply) => {
    try {
      await Promise.race([app.platform.database.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return { status: 'ready', database: app.platform.database.kind };
    } catch {
      reply.header('retry-after', '5');
      return reply.status(503).send({ code: 'SERVICE_UNAVAILABLE', requestId: request.id });
    }
  });
};
