import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgStatus } from '../../../shared/organisations.js';
import { OrgKind } from '../../../shared/roles.js';
import { requestCtx, requireActor } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { getOrganisation, listOrganisations, transitionOrganisation } from './organisations.service.js';

const Id = z.object({ id: z.uuid() });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctxOf = (request: Parameters<typeof requireActor>[0]) => ({ ...requestCtx(request), actor: requireActor(request) });

  app.get(
    '/',
    {
      schema: {
        querystring: z.object({
          status: OrgStatus.optional(),
          kind: OrgKind.optional(),
          q: z.string().trim().max(50).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (request) => listOrganisations(ctxOf(request), request.query),
  );

  app.get('/:id', { config: { regionResource: 'organisation' }, schema: { params: Id } }, async (request) =>
    getOrganisation(ctxOf(request), request.params.id),
  );

  /** 200 new state; 400 WORKFLOW_REASON_REQUIRED; 403; 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED {status, action, allowed}. */
  app.post(
    '/:id/transitions/:action',
    {
      config: { regionResource: 'organisation' },
      schema: {
        params: Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) }),
        body: z.object({ reason: z.string().trim().max(500).optional() }).default({}),
        headers: IdempotencyHeader,
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, action } = request.params;
      return idempotent(ctx, `organisation.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionOrganisation({ ...c, actor: ctx.actor }, id, action, request.body.reason),
      );
    },
  );
};
