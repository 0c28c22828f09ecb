import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleCtx } from '../../plugins/request-context.js';
import { getPerson, revealIdentifier, searchPeople } from './people.service.js';

const Id = z.object({ id: z.uuid() });

/** Officials' people lookup. Identifiers travel in the body, never in a URL. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/search', { schema: { body: z.object({ idNumber: z.string().max(40).optional(), phone: z.string().max(20).optional() }) } }, async (request) =>
    searchPeople(roleCtx(request, ['official']), request.body),
  );

  app.get('/:id', { config: { regionResource: 'person' }, schema: { params: Id } }, async (request) =>
    getPerson(roleCtx(request, ['official']), request.params.id),
  );

  app.post(
    '/:id/reveal',
    {
      config: { regionResource: 'person' },
      schema: { params: Id, body: z.object({ field: z.enum(['idNumber', 'phone']), reason: z.string().max(200), password: z.string().max(128) }) },
    },
    async (request) => revealIdentifier(roleCtx(request, ['official']), request.params.id, request.body),
  );
};
