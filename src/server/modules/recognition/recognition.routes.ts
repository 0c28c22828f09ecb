import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import {
  ApplyProgramme,
  ApplyRecognition,
  AssignReviewer,
  CategoryInput,
  EntitlementStatus,
  FlexRecordInput,
  MATERIAL_MAX_BYTES,
  MATERIAL_TYPES,
  ProgrammeCode,
  ProgrammeStatus,
  RecognitionListQuery,
  RecognitionTransitionBody,
  ReviewerProfileInput,
  ScoreBody,
  StationInput,
  StationStatus,
  TransitionReason,
} from '../../../shared/recognition.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { listSupervisors, myAlerts, overdueApplications, setSupervisor } from './recognition.alerts.js';
import { departmentBenefits, myBenefits, transitionBenefit } from './recognition.benefits.js';
import { openMaterial, uploadMaterial } from './recognition.materials.js';
import { applyProgramme, getProgramme, listProgrammes, myProgrammes, transitionProgramme } from './recognition.programmes.js';
import { createFlexRecord, createStation, listFlexRecords, listStations, transitionStation } from './recognition.registry.js';
import { listReviewers, pickableAccounts, removeReviewer, upsertReviewer } from './recognition.pool.js';
import { assertOwnReview, assignReviewer, myReviews, scoreReview } from './recognition.reviews.js';
import {
  applyRecognition,
  getApplication,
  listApplications,
  listCategories,
  myApplications,
  saveCategory,
  searchEmployers,
  transitionApplication,
} from './recognition.service.js';

const Id = z.object({ id: z.uuid() });
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** Access first, then the body (so an outsider learns nothing from validation errors): officials of the region. */
async function applicationAccess(request: FastifyRequest) {
  await getApplication(roleCtx(request, ['official']), idOf(request));
}
async function programmeAccess(request: FastifyRequest) {
  await getProgramme(roleCtx(request, ['official']), idOf(request));
}
async function reviewAccess(request: FastifyRequest) {
  await assertOwnReview(roleCtx(request, ['reviewer']), idOf(request));
}
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

/** Raw uploads live in their own plugin so the content-type parsers apply to them only. */
const materialUpload: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([...MATERIAL_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MATERIAL_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  /** Talent: upload one material (raw body; PDF, PNG or JPEG by content, ≤ 10 MB). 201 {id}; 400 RECOGNITION_MATERIAL_EMPTY; 413; 415 RECOGNITION_MATERIAL_TYPE. */
  app.post(
    '/materials',
    { bodyLimit: MATERIAL_MAX_BYTES, schema: { querystring: z.object({ fileName: z.string().trim().min(1).max(120).default('material') }) } },
    async (request, reply) => {
      const ctx = roleCtx(request, ['talent']);
      const saved = await uploadMaterial(ctx, { fileName: request.query.fileName, contentType: request.headers['content-type'] ?? '', body: request.body });
      return reply.status(201).send(saved);
    },
  );
};

export const recognitionRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(materialUpload);

  /** Public: the recognition categories with their criteria, time limit and benefits (officials also see inactive ones). */
  app.get('/categories', async (request) => listCategories(requestCtx(request)));

  /** Province-level official: create or change a category. 400; 403 FORBIDDEN_REGION. */
  app.put('/categories', { schema: { body: CategoryInput } }, async (request) => saveCategory(roleCtx(request, ['official']), request.body));

  /** Talent: verified organisations by name, to name the employer (conflict-of-interest checks use it). */
  app.get('/employers', { schema: { querystring: z.object({ q: z.string().trim().min(1).max(40) }) } }, async (request) =>
    searchEmployers(roleCtx(request, ['talent']), request.query.q),
  );

  /** A material: its owner, a reviewer assigned to its application, or an official of the region (audited). 404. */
  app.get('/materials/:id', { config: { regionResource: 'recognitionMaterial' }, schema: { params: Id } }, async (request, reply) => {
    const file = await openMaterial(roleCtx(request, ['talent', 'reviewer', 'official']), request.params.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.stream);
  });

  /** Talent: apply (Idempotency-Key). 201; 409 RECOGNITION_APPLICATION_OPEN / RECOGNITION_MATERIAL_UNAVAILABLE; 422 RECOGNITION_UNKNOWN_CATEGORY. */
  app.post('/applications', { schema: { body: ApplyRecognition, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, ['talent']);
    const view = await idempotent(ctx, 'recognition.apply', request.headers['idempotency-key'], request.body, (c) =>
      applyRecognition({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(view);
  });

  /** Talent: my applications with the statutory clock. */
  app.get('/applications/mine', async (request) => myApplications(roleCtx(request, ['talent'])));

  /** Official (人社 / 组织部): the region's applications (?status ?overdue=true). 403. */
  app.get('/applications', { schema: { querystring: RecognitionListQuery } }, async (request) =>
    listApplications(roleCtx(request, ['official']), request.query),
  );

  /** Official: supervisor view of every overdue application of the region (province: all). */
  app.get('/overdue', async (request) => overdueApplications(roleCtx(request, ['official'])));

  /** Official: deadline reminders and escalations addressed to me. */
  app.get('/alerts', async (request) => myAlerts(roleCtx(request, ['official'])));

  /** Official: the supervisor of each city of the region (and of counties that have their own), and the fallback. 403. */
  app.get('/supervisors', async (request) => listSupervisors(roleCtx(request, ['official'])));

  /** Province-level official: the supervisor of a city's applications. 400; 403. */
  app.put('/supervisors', { schema: { body: z.object({ regionCode: z.string().regex(/^\d{6}$/), userId: z.uuid() }) } }, async (request) =>
    setSupervisor(roleCtx(request, ['official']), request.body),
  );

  /** One application: the applicant, an assigned reviewer, or an official of the region. 404. */
  app.get('/applications/:id', { config: { regionResource: 'recognition' }, schema: { params: Id } }, async (request) =>
    getApplication(roleCtx(request, ['talent', 'reviewer', 'official']), request.params.id),
  );

  /** accept / not_accept / request_supplement / start_review / recognise / not_recognise (official); resubmit / withdraw (talent). 400; 403; 404; 409. */
  app.post(
    '/applications/:id/transitions/:action',
    { config: { regionResource: 'recognition' }, schema: { params: Action, body: RecognitionTransitionBody.default({}), headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, ['talent', 'official']);
      const { id, action } = request.params;
      return idempotent(ctx, `recognition.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionApplication({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );

  /** Official of the region: assign a reviewer. 201; 409 RECOGNITION_REVIEWER_CONFLICT / RECOGNITION_REVIEWER_ASSIGNED / RECOGNITION_NOT_ASSIGNABLE; 422. */
  app.post(
    '/applications/:id/reviewers',
    { config: { regionResource: 'recognition' }, onRequest: applicationAccess, schema: { params: Id, body: AssignReviewer } },
    async (request, reply) =>
      reply.status(201).send(await assignReviewer(roleCtx(request, ['official']), 'recognition', request.params.id, request.body.reviewerId)),
  );

  /** Official: the reviewer pool; add or update a reviewer (affiliation decides conflicts). */
  app.get('/reviewers', async (request) => listReviewers(roleCtx(request, ['official'])));
  /** Official: accounts to pick as reviewers or supervisors (names, no personal identifiers). */
  app.get('/accounts', { schema: { querystring: z.object({ kind: z.enum(['reviewer', 'official']) }) } }, async (request) =>
    pickableAccounts(roleCtx(request, ['official']), request.query.kind),
  );
  app.put('/reviewers', { schema: { body: ReviewerProfileInput } }, async (request) => upsertReviewer(roleCtx(request, ['official']), request.body));
  /** Official whose region covers the reviewer's account: take a reviewer out of the pool. 403; 404; 409 RECOGNITION_REVIEWER_HAS_OPEN_REVIEWS. */
  app.delete('/reviewers/:id', { schema: { params: Id } }, async (request) => removeReviewer(roleCtx(request, ['official']), request.params.id));

  /** Reviewer: my assignments. */
  app.get('/reviews/mine', async (request) => myReviews(roleCtx(request, ['reviewer'])));

  /** Reviewer: score an assignment once. 404; 409 RECOGNITION_ALREADY_SCORED / RECOGNITION_NOT_IN_REVIEW. */
  app.post(
    '/reviews/:id/score',
    { config: { regionResource: 'recognitionReview' }, onRequest: reviewAccess, schema: { params: Id, body: ScoreBody } },
    async (request) => scoreReview(roleCtx(request, ['reviewer']), request.params.id, request.body),
  );

  /** Talent: 我的待遇. */
  app.get('/benefits/mine', async (request) => myBenefits(roleCtx(request, ['talent'])));

  /** Official: entitlements my department fulfils in my region (?status). */
  app.get('/benefits', { schema: { querystring: z.object({ status: EntitlementStatus.optional() }) } }, async (request) =>
    departmentBenefits(roleCtx(request, ['official']), request.query),
  );

  /** grant / decline (note) / reopen (note): officials of the fulfilling department and region. 403 RECOGNITION_WRONG_DEPARTMENT; 404; 409. */
  app.post(
    '/benefits/:id/transitions/:action',
    { config: { regionResource: 'talentEntitlement' }, schema: { params: Action, body: TransitionReason.default({}) } },
    async (request) => transitionBenefit(roleCtx(request, ['official']), request.params.id, request.params.action, request.body),
  );

  /** 赣鄱英才计划 / 赣鄱俊才支持计划. */
  app.post('/programmes', { schema: { body: ApplyProgramme } }, async (request, reply) =>
    reply.status(201).send(await applyProgramme(roleCtx(request, ['talent']), request.body)),
  );
  app.get('/programmes/mine', async (request) => myProgrammes(roleCtx(request, ['talent'])));
  app.get('/programmes', { schema: { querystring: z.object({ status: ProgrammeStatus.optional(), programme: ProgrammeCode.optional() }) } }, async (request) =>
    listProgrammes(roleCtx(request, ['official']), request.query),
  );
  app.get('/programmes/:id', { config: { regionResource: 'programme' }, schema: { params: Id } }, async (request) =>
    getProgramme(roleCtx(request, ['talent', 'official']), request.params.id),
  );
  app.post(
    '/programmes/:id/transitions/:action',
    { config: { regionResource: 'programme' }, schema: { params: Action, body: TransitionReason.default({}) } },
    async (request) => transitionProgramme(roleCtx(request, ['talent', 'official']), request.params.id, request.params.action, request.body),
  );
  app.post(
    '/programmes/:id/reviewers',
    { config: { regionResource: 'programme' }, onRequest: programmeAccess, schema: { params: Id, body: AssignReviewer } },
    async (request, reply) =>
      reply.status(201).send(await assignReviewer(roleCtx(request, ['official']), 'programme', request.params.id, request.body.reviewerId)),
  );

  /** 柔性引才 records: officials of the region; employers and hosts for their own organisation. */
  app.get('/flexible', async (request) => listFlexRecords(roleCtx(request, ['official', 'employer', 'host'])));
  app.post('/flexible', { schema: { body: FlexRecordInput } }, async (request, reply) =>
    reply.status(201).send(await createFlexRecord(roleCtx(request, ['official', 'employer', 'host']), request.body)),
  );

  /** 博士后站 / 创新实践基地 registry: hosts register their own; officials of the region confirm. */
  app.get('/stations', { schema: { querystring: z.object({ status: StationStatus.optional() }) } }, async (request) =>
    listStations(roleCtx(request, ['official', 'host', 'employer']), request.query),
  );
  app.post('/stations', { schema: { body: StationInput } }, async (request, reply) => {
    const ctx = roleCtx(request, ['host', 'employer']);
    if (!ctx.actor.orgId) throw new AppError('FORBIDDEN', { status: 403 });
    return reply.status(201).send(await createStation(ctx, request.body));
  });
  app.post(
    '/stations/:id/transitions/:action',
    { config: { regionResource: 'talentStation' }, schema: { params: Action, body: TransitionReason.default({}) } },
    async (request) => transitionStation(roleCtx(request, ['official']), request.params.id, request.params.action, request.body),
  );
};
