import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Department } from '../../../shared/roles.js';
import { roleCtx } from '../../plugins/request-context.js';
import { createStaffAccount, listAccounts, STAFF_ROLES, setAccountStatus } from './users.service.js';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        querystring: z.object({
          role: z.string().max(20).optional(),
          q: z.string().trim().max(40).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (request) => listAccounts(roleCtx(request, ['admin']), request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        body: z.object({
          username: z
            .string()
            .trim()
            .min(3)
            .max(40)
            .regex(/^[A-Za-z0-9_.@-]+$/),
          password: z.string().min(1).max(128),
          role: z.enum(STAFF_ROLES),
          displayName: z.string().trim().min(1).max(50),
          regionCode: z.string().regex(/^\d{6}$/),
          department: Department.optional(),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await createStaffAccount(roleCtx(request, ['admin']), request.body)),
  );

  app.post(
    '/users/:id/status',
    { schema: { params: z.object({ id: z.uuid() }), body: z.object({ status: z.enum(['active', 'disabled']) }) } },
    async (request, reply) => {
      await setAccountStatus(roleCtx(request, ['admin']), request.params.id, request.body.status);
      return reply.status(204).send();
    },
  );
};
