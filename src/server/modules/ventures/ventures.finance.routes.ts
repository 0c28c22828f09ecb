/** /api/ventures: 产融对接 (interests, matches, introductions, audited contact) and the 小巨人 cultivation list. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GiantInput, InterestInput, RequestIntroduction, TransitionBody } from '../../../shared/ventures.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import {
  createInterest,
  interestMatches,
  myInterests,
  ownInterest,
  receivedIntroductions,
  requestIntroduction,
  revealContact,
  sentIntroductions,
  transitionIntroduction,
  updateInterest,
} from './ventures.finance.js';
import { paramId } from './ventures.params.js';
import { addGiant, manageGiants, publicGiants, transitionGiant } from './ventures.giants.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
/** Before the body is validated: only the interest's organisation gets further (others 403/404, never 400). */
const interestOwner = async (request: FastifyRequest) => void (await ownInterest(roleCtx(request, ['employer']), paramId(request)));
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const ventureFinanceRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Investor (verified bank / investment organisation): my interests. 403 VENTURES_NOT_INVESTOR. */
  app.get('/interests/mine', async (request) => myInterests(roleCtx(request, ['employer'])));
  /** Investor: a new interest (Idempotency-Key). 201; 400; 403. */
  app.post('/interests', { schema: { body: InterestInput, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, ['employer']);
    const created = await idempotent(ctx, 'venture_interest.create', request.headers['idempotency-key'], request.body, (c) =>
      createInterest({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(created);
  });
  /** Investor: replace my organisation's interest. 404 for others'. */
  app.put(
    '/interests/:id',
    { preValidation: interestOwner, config: { regionResource: 'ventureInterest' }, schema: { params: Id, body: InterestInput } },
    async (request) => updateInterest(roleCtx(request, ['employer']), request.params.id, request.body),
  );
  /** Investor: published projects matched to the interest, with score and reasons. 404. */
  app.get('/interests/:id/matches', { config: { regionResource: 'ventureInterest' }, schema: { params: Id } }, async (request) =>
    interestMatches(roleCtx(request, ['employer']), request.params.id),
  );

  /** Investor: request an introduction (Idempotency-Key). 201; 409 VENTURES_INTRODUCTION_EXISTS; 422 VENTURES_OWN_PROJECT; 429 VENTURES_DAILY_LIMIT. */
  app.post('/introductions', { schema: { body: RequestIntroduction, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, ['employer']);
    const created = await idempotent(ctx, 'venture_introduction.request', request.headers['idempotency-key'], request.body, (c) =>
      requestIntroduction({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(created);
  });
  /** Investor: my organisation's requests. */
  app.get('/introductions/sent', async (request) => sentIntroductions(roleCtx(request, ['employer'])));
  /** Project owner: requests for my projects. */
  app.get('/introductions/received', async (request) => receivedIntroductions(roleCtx(request, ['talent', 'employer'])));
  /** consent / decline (owner), withdraw (investor). 404; 409. */
  app.post(
    '/introductions/:id/transitions/:action',
    { config: { regionResource: 'ventureIntroduction' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionIntroduction(roleCtx(request, ['talent', 'employer']), request.params.id, request.params.action, request.body.reason),
  );
  /** Investor: the owner's contact after consent (each reading audited). 404; 409 VENTURES_CONTACT_LOCKED. */
  app.post('/introductions/:id/contact', { config: { regionResource: 'ventureIntroduction' }, schema: { params: Id } }, async (request) =>
    revealContact(roleCtx(request, ['employer']), request.params.id),
  );

  /** Public: the 专精特新"小巨人" cultivation list, names and fields only. */
  app.get('/giants', async (request) => publicGiants(requestCtx(request)));
  /** Official: the region's list. */
  app.get('/manage/giants', async (request) => manageGiants(roleCtx(request, ['official'])));
  /** Official: add a verified enterprise of the region. 201; 404; 409 VENTURES_GIANT_EXISTS; 422 VENTURES_GIANT_NOT_ELIGIBLE. */
  app.post('/giants', { schema: { body: GiantInput } }, async (request, reply) =>
    reply.status(201).send(await addGiant(roleCtx(request, ['official']), request.body)),
  );
  /** Official of the region: list / recognise / remove (reason). */
  app.post(
    '/giants/:id/transitions/:action',
    { config: { regionResource: 'ventureGiant' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionGiant(roleCtx(request, ['official']), request.params.id, request.params.action, request.body.reason),
  );
};
