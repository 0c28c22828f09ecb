import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccreditationTransitionBody,
  PROVIDER_ROLES,
  AddBase,
  AddMember,
  AddProgramme,
  ApplyBody,
  CreateCommunity,
  ProfileBody,
  ReviewQuery,
} from '../../../shared/providers.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { addBase, addMember, addProgramme, assertCommunityManageable, createCommunity, getCommunity, listCommunities } from './providers.communities.js';
import { apply, getAccreditation, listForReview, listMine, listProviders, myOrganisation, setProfile, transitionAccreditation } from './providers.service.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const COMMUNITY_EDITORS = ['official', ...PROVIDER_ROLES, 'employer'] as const;
/** Changes to a community: who may change it is checked first (before the body is validated). */
const manageable = async (request: FastifyRequest) => assertCommunityManageable(roleCtx(request, COMMUNITY_EDITORS), (request.params as { id: string }).id);
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const providerRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Provider / evaluator / host: own organisation with its category. 401; 403. */
  app.get('/me', async (request) => myOrganisation(roleCtx(request, PROVIDER_ROLES)));

  /** Provider / evaluator / host: set own category (培训机构, 职业院校, …). 400; 403. */
  app.put('/me', { schema: { body: ProfileBody } }, async (request) => setProfile(roleCtx(request, PROVIDER_ROLES), request.body));

  /** Officials: provider, evaluator and host organisations of the region. */
  app.get('/', async (request) => listProviders(roleCtx(request, ['official'])));

  /** Provider / evaluator / host of a verified organisation: 申报. 201; 400 CATALOG_UNKNOWN_CODE; 403 PROVIDERS_ORG_NOT_VERIFIED. */
  app.post('/accreditations', { schema: { body: ApplyBody, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, PROVIDER_ROLES);
    const result = await idempotent(ctx, 'accreditation.submit', request.headers['idempotency-key'], request.body, (c) =>
      apply({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(result);
  });

  /** Own organisation's applications and accreditations. */
  app.get('/accreditations/mine', async (request) => listMine(roleCtx(request, PROVIDER_ROLES)));

  /** Officials: the region's applications (?status=submitted is the review queue). */
  app.get('/accreditations/review', { schema: { querystring: ReviewQuery } }, async (request) => listForReview(roleCtx(request, ['official']), request.query));

  /** One application with items and history: officials of its region and its own organisation. 404. */
  app.get('/accreditations/:id', { config: { regionResource: 'accreditation' }, schema: { params: Id } }, async (request) =>
    getAccreditation(roleCtx(request, ['official', ...PROVIDER_ROLES]), request.params.id),
  );

  /** approve (validUntil) / return / reject / suspend / reinstate (officials, reason) · resubmit (items, statement) / withdraw. 400; 403; 404; 409. */
  app.post(
    '/accreditations/:id/transitions/:action',
    { config: { regionResource: 'accreditation' }, schema: { params: Action, body: AccreditationTransitionBody.default({}), headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, ['official', ...PROVIDER_ROLES]);
      const { id, action } = request.params;
      return idempotent(ctx, `accreditation.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionAccreditation({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );

  /** Public: 产教融合共同体 directory. */
  app.get('/communities', async (request) => listCommunities(requestCtx(request)));

  /** Public: one community with members, joint programmes and shared training bases. 404. */
  app.get('/communities/:id', { schema: { params: Id } }, async (request) => getCommunity(requestCtx(request), request.params.id));

  /** Official (人社): a new community in the region, led by a verified organisation. 201; 400; 403. */
  app.post('/communities', { schema: { body: CreateCommunity } }, async (request, reply) =>
    reply.status(201).send(await createCommunity(roleCtx(request, ['official']), request.body)),
  );

  /** Official of the region or the lead organisation: add a member / a joint programme / a shared base. 400; 404; 409. */
  app.post(
    '/communities/:id/members',
    { preValidation: manageable, config: { regionResource: 'community' }, schema: { params: Id, body: AddMember } },
    async (request) => addMember(roleCtx(request, COMMUNITY_EDITORS), request.params.id, request.body),
  );
  app.post(
    '/communities/:id/programmes',
    { preValidation: manageable, config: { regionResource: 'community' }, schema: { params: Id, body: AddProgramme } },
    async (request) => addProgramme(roleCtx(request, COMMUNITY_EDITORS), request.params.id, request.body),
  );
  app.post(
    '/communities/:id/bases',
    { preValidation: manageable, config: { regionResource: 'community' }, schema: { params: Id, body: AddBase } },
    async (request) => addBase(roleCtx(request, COMMUNITY_EDITORS), request.params.id, request.body),
  );
};
