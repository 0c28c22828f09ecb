/**
 * /api/ventures (助创业): projects, carriers and incubations here; 产融对接 and the 小巨人 list in
 * ventures.finance.routes.ts. Handlers: schema, role, one service call.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplyToCarrier,
  CarrierInput,
  CarrierKind,
  CarrierPatch,
  ManageQuery,
  MilestoneDone,
  MilestoneInput,
  ProjectInput,
  ProjectListQuery,
  ProjectPatch,
  TransitionBody,
} from '../../../shared/ventures.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { ventureFinanceRoutes } from './ventures.finance.routes.js';
import { paramId } from './ventures.params.js';
import {
  addMilestone,
  applyToCarrier,
  assertIncubationParty,
  completeMilestone,
  createCarrier,
  getIncubation,
  listCarriers,
  listIncubations,
  manageCarriers,
  transitionIncubation,
  updateCarrier,
} from './ventures.incubations.js';
import { projectPolicies } from './ventures.policies.js';
import {
  assertProjectOwner,
  createProject,
  getProject,
  listPublicProjects,
  manageProjects,
  myProjects,
  transitionProject,
  updateProject,
} from './ventures.projects.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const OWNERS = ['talent', 'employer'] as const;
/** Before the body is validated: only parties get further (others 401/403/404, never 400). */
const projectOwner = async (request: FastifyRequest) => void (await assertProjectOwner(roleCtx(request, OWNERS), paramId(request)));
const incubationParty = async (request: FastifyRequest) => assertIncubationParty(roleCtx(request, [...OWNERS, 'host']), paramId(request), 'incubation');
const milestoneParty = async (request: FastifyRequest) => assertIncubationParty(roleCtx(request, [...OWNERS, 'host']), paramId(request), 'milestone');

export const ventureRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(ventureFinanceRoutes);

  /** Public: published projects (?field, ?stage, ?city, ?q, pages). No owner names or contacts. */
  app.get('/projects', { schema: { querystring: ProjectListQuery } }, async (request) => listPublicProjects(requestCtx(request), request.query));
  /** Owner (talent 创客 / employer): my projects with their incubation applications. */
  app.get('/projects/mine', async (request) => myProjects(roleCtx(request, OWNERS)));
  /** Official: projects of the region (?status), submitted first. */
  app.get('/manage/projects', { schema: { querystring: ManageQuery } }, async (request) => manageProjects(roleCtx(request, ['official']), request.query));
  /** Owner: a new draft (Idempotency-Key). 201; 400; 403 VENTURES_ORG_NOT_VERIFIED; 422 IDEMPOTENCY_KEY_REUSED. */
  app.post('/projects', { schema: { body: ProjectInput, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, OWNERS);
    const created = await idempotent(ctx, 'venture_project.create', request.headers['idempotency-key'], request.body, (c) =>
      createProject({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(created);
  });
  /** A published project to anyone; other statuses to the owner and officials of the region. 404. */
  app.get('/projects/:id', { config: { regionResource: 'ventureProject' }, schema: { params: Id } }, async (request) =>
    getProject(requestCtx(request), request.params.id),
  );
  /** Owner: edit a draft or returned project. 404; 409 VENTURES_NOT_EDITABLE. */
  app.patch('/projects/:id', { config: { regionResource: 'ventureProject' }, schema: { params: Id, body: ProjectPatch } }, async (request) =>
    updateProject(roleCtx(request, OWNERS), request.params.id, request.body),
  );
  /** submit / archive (owner); publish / return (reason) / take_down (reason) (official of the region). 400; 403; 404; 409. */
  app.post(
    '/projects/:id/transitions/:action',
    { config: { regionResource: 'ventureProject' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionProject(roleCtx(request, [...OWNERS, 'official']), request.params.id, request.params.action, request.body.reason),
  );
  /** Owner: start-up policies judged for this project by the policy engine. 404. */
  app.get('/projects/:id/policies', { config: { regionResource: 'ventureProject' }, schema: { params: Id } }, async (request) =>
    projectPolicies(roleCtx(request, OWNERS), request.params.id),
  );
  /** Owner: apply to a carrier. 201; 404; 409 VENTURES_PROJECT_NOT_PUBLISHED / _CARRIER_INACTIVE / _ALREADY_APPLIED. */
  app.post(
    '/projects/:id/incubations',
    { preValidation: projectOwner, config: { regionResource: 'ventureProject' }, schema: { params: Id, body: ApplyToCarrier } },
    async (request, reply) => reply.status(201).send(await applyToCarrier(roleCtx(request, OWNERS), request.params.id, request.body)),
  );

  /** Public: active carriers (?kind, ?city) with occupancy. */
  app.get(
    '/carriers',
    {
      schema: {
        querystring: z.object({
          kind: CarrierKind.optional(),
          city: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
      },
    },
    async (request) => listCarriers(requestCtx(request), request.query),
  );
  /** Official: carriers of the region. */
  app.get('/manage/carriers', async (request) => manageCarriers(roleCtx(request, ['official'])));
  /** Official: register a carrier in the region. 201; 403 FORBIDDEN_REGION; 422 VENTURES_CARRIER_MANAGER_INVALID. */
  app.post('/carriers', { schema: { body: CarrierInput } }, async (request, reply) =>
    reply.status(201).send(await createCarrier(roleCtx(request, ['official']), request.body)),
  );
  /** Official of the carrier's region: update it. 404 elsewhere. */
  app.patch('/carriers/:id', { config: { regionResource: 'ventureCarrier' }, schema: { params: Id, body: CarrierPatch } }, async (request) =>
    updateCarrier(roleCtx(request, ['official']), request.params.id, request.body),
  );

  /** Host (carrier manager): incubations at my carriers; official: those of the region. */
  app.get('/incubations', async (request) => listIncubations(roleCtx(request, ['host', 'official'])));
  /** Owner, carrier manager, officials of the carrier's region: the incubation and its milestones. 404. */
  app.get('/incubations/:id', { config: { regionResource: 'ventureIncubation' }, schema: { params: Id } }, async (request) =>
    getIncubation(roleCtx(request, [...OWNERS, 'host', 'official']), request.params.id),
  );
  /** accept / decline (reason) / start (capacity) / graduate (manager); withdraw (owner). 404; 409 VENTURES_CARRIER_FULL. */
  app.post(
    '/incubations/:id/transitions/:action',
    { config: { regionResource: 'ventureIncubation' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionIncubation(roleCtx(request, [...OWNERS, 'host', 'official']), request.params.id, request.params.action, request.body.reason),
  );
  /** Owner or manager: plan a milestone. 201; 404; 409 VENTURES_MILESTONE_CLOSED. */
  app.post(
    '/incubations/:id/milestones',
    { preValidation: incubationParty, config: { regionResource: 'ventureIncubation' }, schema: { params: Id, body: MilestoneInput } },
    async (request, reply) => reply.status(201).send(await addMilestone(roleCtx(request, [...OWNERS, 'host']), request.params.id, request.body)),
  );
  /** Owner or manager: a milestone is done, with the date and an evidence note. 404; 409. */
  app.post(
    '/milestones/:id/done',
    { preValidation: milestoneParty, config: { regionResource: 'ventureMilestone' }, schema: { params: Id, body: MilestoneDone } },
    async (request) => completeMilestone(roleCtx(request, [...OWNERS, 'host']), request.params.id, request.body),
  );
};
