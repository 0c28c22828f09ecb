import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClaimListQuery, ClaimTransitionBody, ConfirmClaim, MyFacts, PaymentResults, PolicyListQuery, SubmitClaim } from '../../../shared/policies.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { createBatch, exportBatch, getBatch, listBatches, loadBatch, parseResultFile, recordResults } from './policies.batches.js';
import { getPolicy, getMyFacts, listPolicies, putMyFacts } from './policies.catalogue.js';
import { assertClaimVisible, getClaim, myClaims, publicNotices, reviewQueue } from './policies.claim-queries.js';
import { submitClaim, transitionClaim } from './policies.claims.js';
import { myEligibility } from './policies.eligibility.js';
import { POLICIES_PREFILL_TASK } from './policies.prefill.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const APPLICANTS = ['talent', 'employer', 'provider', 'evaluator', 'agency', 'host'] as const;
const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

/** Access before validation: a claim or batch outside the actor's reach answers 404 whatever the body. */
async function claimAccess(request: FastifyRequest) {
  await assertClaimVisible(roleCtx(request, [...APPLICANTS, 'official']), (request.params as { id: string }).id);
}
async function batchAccess(request: FastifyRequest) {
  await loadBatch(roleCtx(request, ['official']), (request.params as { id: string }).id);
}

const resultFileRoute: FastifyPluginAsyncZod = async (app) => {
  // encapsulated: the raw-body parser applies to this route only
  app.addContentTypeParser(XLSX_TYPES, (_request, payload, done) => done(null, payload));
  /** Official: upload the finance system's result file (申请编号, 支付结果, 失败原因). 400; 404; 409. */
  app.post('/batches/:id/results-file', { config: { regionResource: 'paymentBatch' }, onRequest: batchAccess, schema: { params: Id } }, async (request) => {
    const ctx = roleCtx(request, ['official']);
    const lines = await parseResultFile(request.body as import('node:stream').Readable);
    return recordResults(ctx, request.params.id, lines);
  });
};

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Public catalogue: `{ items, total }` (?applicantKind ?q). */
  app.get('/', { schema: { querystring: PolicyListQuery } }, async (request) => listPolicies(requestCtx(request), request.query));

  /** Public 公示 list: claims in public notice, names masked. */
  app.get('/notices', async (request) => publicNotices(requestCtx(request)));

  /** Talent or organisation: every policy of their kind with verdict, conditions and remedies. 401; 403. */
  app.get('/eligibility/mine', async (request) => myEligibility(roleCtx(request, APPLICANTS)));

  /** Talent: self-declared facts (户籍地, 就业地, 失业保险缴费月数; unverified). */
  app.get('/facts/me', async (request) => getMyFacts(roleCtx(request, ['talent'])));
  app.put('/facts/me', { schema: { body: MyFacts } }, async (request) => putMyFacts(roleCtx(request, ['talent']), request.body));

  /** Applicant: claim (Idempotency-Key: a replay creates nothing new). 201; 403; 404; 409 POLICIES_CLAIM_EXISTS; 422 POLICIES_NOT_ELIGIBLE. */
  app.post('/claims', { schema: { body: SubmitClaim, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, APPLICANTS);
    const result = await idempotent(ctx, 'policy_claim.submit', request.headers['idempotency-key'], request.body, (c) =>
      submitClaim({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(result);
  });

  app.get('/claims/mine', async (request) => myClaims(roleCtx(request, APPLICANTS)));

  /** Official: the region's claims (?status ?policyId), oldest submission first. */
  app.get('/claims', { schema: { querystring: ClaimListQuery } }, async (request) => reviewQueue(roleCtx(request, ['official']), request.query));

  /** The applicant or an official of the claim's region; with history. 404. */
  app.get('/claims/:id', { config: { regionResource: 'policyClaim' }, onRequest: claimAccess, schema: { params: Id } }, async (request) =>
    getClaim(roleCtx(request, [...APPLICANTS, 'official']), request.params.id),
  );

  /** 免申即享: the applicant confirms a prefilled claim with the payee account. 400; 404; 409. */
  app.post(
    '/claims/:id/confirm',
    { config: { regionResource: 'policyClaim' }, onRequest: claimAccess, schema: { params: Id, body: ConfirmClaim, headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, APPLICANTS);
      const { id } = request.params;
      return idempotent(ctx, `policy_claim.confirm:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionClaim({ ...c, actor: ctx.actor }, id, 'confirm', { payee: request.body.payee }),
      );
    },
  );

  /** assign / unassign / release_hold / return / start_notice / approve / reject / appeal / uphold_appeal / dismiss_appeal / resubmit / withdraw. */
  app.post(
    '/claims/:id/transitions/:action',
    {
      config: { regionResource: 'policyClaim' },
      onRequest: claimAccess,
      schema: { params: Action, body: ClaimTransitionBody.default({}), headers: IdempotencyHeader },
    },
    async (request) => {
      const ctx = roleCtx(request, [...APPLICANTS, 'official']);
      const { id, action } = request.params;
      return idempotent(ctx, `policy_claim.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionClaim({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );

  /** Official: a payment batch of every approved claim in the region. 201; 409 POLICIES_BATCH_EMPTY. */
  app.post('/batches', async (request, reply) => reply.status(201).send(await createBatch(roleCtx(request, ['official']))));
  app.get('/batches', async (request) => listBatches(roleCtx(request, ['official'])));
  app.get('/batches/:id', { config: { regionResource: 'paymentBatch' }, onRequest: batchAccess, schema: { params: Id } }, async (request) =>
    getBatch(roleCtx(request, ['official']), request.params.id),
  );

  /** Official: the batch as xlsx for the finance system (full payee accounts; audited). */
  app.get('/batches/:id/export', { config: { regionResource: 'paymentBatch' }, onRequest: batchAccess, schema: { params: Id } }, async (request, reply) => {
    const file = await exportBatch(roleCtx(request, ['official']), request.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.body);
  });

  /** Official: payment result per line (paid / failed with reason). */
  app.post(
    '/batches/:id/results',
    { config: { regionResource: 'paymentBatch' }, onRequest: batchAccess, schema: { params: Id, body: PaymentResults } },
    async (request) => recordResults(roleCtx(request, ['official']), request.params.id, request.body),
  );
  await app.register(resultFileRoute);

  /** Official: run 免申即享 now (otherwise hourly). 202 { taskId }. */
  app.post('/prefill', async (request, reply) => {
    const ctx = roleCtx(request, ['official']);
    const taskId = await ctx.platform.tasks.enqueue(ctx, POLICIES_PREFILL_TASK, {}, { ownerId: ctx.actor.userId, regionCode: ctx.actor.regionCode });
    return reply.status(202).send({ taskId });
  });

  /** Public: one policy with explanation, Q&A, materials, budgets. 404. */
  app.get('/:id', { schema: { params: Id } }, async (request) => getPolicy(requestCtx(request), request.params.id));
};
