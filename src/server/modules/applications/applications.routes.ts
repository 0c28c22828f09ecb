import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationTransitionBody, CreateApplication, ReceivedQuery } from '../../../shared/applications.js';
import { roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { getApplication, listMyApplications, listReceivedApplications } from './applications.queries.js';
import { submitApplication, transitionApplication } from './applications.service.js';

const Id = z.object({ id: z.uuid() });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * Talent: apply to a live posting with the profile. 201; 400; 401; 403; 404 (no such live posting);
   * 409 APPLICATIONS_PROFILE_REQUIRED / APPLICATIONS_DUPLICATE {applicationId} / APPLICATIONS_JOB_NOT_OPEN; 422 IDEMPOTENCY_KEY_REUSED.
   */
  app.post('/', { schema: { body: CreateApplication, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, ['talent']);
    const created = await idempotent(ctx, 'application.submit', request.headers['idempotency-key'], request.body, (c) =>
      submitApplication({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(created);
  });

  /** Talent: own applications with history and `stale`. 401; 403. */
  app.get('/mine', async (request) => listMyApplications(roleCtx(request, ['talent'])));

  /** Employer: applications to own postings (?jobId, ?status), applicant masked. 401; 403. */
  app.get('/received', { schema: { querystring: ReceivedQuery } }, async (request) =>
    listReceivedApplications(roleCtx(request, ['employer', 'agency']), request.query),
  );

  /** The applicant, the posting's employer (first opening → viewed) or an official of the region. 401; 403; 404. */
  app.get('/:id', { config: { regionResource: 'application' }, schema: { params: Id } }, async (request) =>
    getApplication(roleCtx(request, ['talent', 'employer', 'agency', 'official']), request.params.id),
  );

  /**
   * view / interview / offer / hire / reject (employer; reject needs a reason) and withdraw (talent).
   * 400 WORKFLOW_REASON_REQUIRED; 401; 403 (officials and other roles); 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED.
   */
  app.post(
    '/:id/transitions/:action',
    {
      config: { regionResource: 'application' },
      schema: { params: Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) }), body: ApplicationTransitionBody.default({}), headers: IdempotencyHeader },
    },
    async (request) => {
      const ctx = roleCtx(request, ['talent', 'employer', 'agency', 'official']);
      const { id, action } = request.params;
      return idempotent(ctx, `application.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionApplication({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );
};
