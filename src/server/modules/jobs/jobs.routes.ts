import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateJob, JobSearchQuery, JobStatus, JobTransitionBody, UpdateJob } from '../../../shared/jobs.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { vetPosting } from './jobs.derive.js';
import { prepareSearchIndex, searchJobs } from './jobs.search.js';
import { createJob, getJob, listOwnJobs, listReviewJobs, transitionJob, updateJob } from './jobs.service.js';

const Id = z.object({ id: z.uuid() });
/** Who posts: employers for themselves, HR service agencies for client employers (受托招聘, the same vetting). */
const POSTERS = ['employer', 'agency'] as const;
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const ListQuery = z.object({
  status: JobStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  // Build the in-process search index in the background at start; searches use SQL until it is ready (ADR 0011).
  app.addHook('onReady', async () => {
    void prepareSearchIndex(app.platform.database).catch(() => {});
  });

  /** Public search, no account: 200 { items, total, page, pageSize, match, facets, code? = JOBS_NO_MATCH }; 400. */
  app.get('/', { schema: { querystring: JobSearchQuery } }, async (request) => searchJobs(requestCtx(request), request.query));

  /** Employer or HR service agency (受托招聘): own postings, every status. 401; 403. */
  app.get('/mine', { schema: { querystring: ListQuery } }, async (request) => listOwnJobs(roleCtx(request, POSTERS), request.query));

  /** Official: postings of the region, default pending_review. 401; 403. */
  app.get('/review', { schema: { querystring: ListQuery } }, async (request) => listReviewJobs(roleCtx(request, ['official']), request.query));

  /** Employer or official: vetting findings for a text being edited (nothing stored). */
  app.post(
    '/vet',
    { schema: { body: z.object({ title: z.string().max(60).default(''), description: z.string().max(5000).default('') }) } },
    async (request) => {
      roleCtx(request, [...POSTERS, 'official']);
      return vetPosting(request.body.title, request.body.description);
    },
  );

  /**
   * Employer of a verified organisation, or an approved agency for a client employer (clientEmployerName): 201 new
   * draft; 400 VALIDATION_FAILED / CATALOG_UNKNOWN_CODE / JOBS_CLIENT_EMPLOYER_REQUIRED; 403 JOBS_ORG_NOT_VERIFIED / AGENCIES_NOT_APPROVED.
   */
  app.post('/', { schema: { body: CreateJob } }, async (request, reply) => {
    const job = await createJob(roleCtx(request, POSTERS), request.body);
    return reply.status(201).send(job);
  });

  /** A live posting to anyone; others to their employer and officials of the region. 404. */
  app.get('/:id', { config: { regionResource: 'job' }, schema: { params: Id } }, async (request) => getJob(requestCtx(request), request.params.id));

  /** Employer or agency: edit a draft or returned posting. 200; 400; 403; 404; 409 JOBS_NOT_EDITABLE. */
  app.patch('/:id', { config: { regionResource: 'job' }, schema: { params: Id, body: UpdateJob } }, async (request) =>
    updateJob(roleCtx(request, POSTERS), request.params.id, request.body),
  );

  /**
   * submit (employer; 409 JOBS_DUPLICATE {duplicateOf} unless confirmNotDuplicate), approve (official; 422
   * JOBS_VETTING_FINDINGS {findings} unless a reason overrides them), return (official, reason), close.
   * 400 WORKFLOW_REASON_REQUIRED; 403; 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED.
   */
  app.post(
    '/:id/transitions/:action',
    {
      config: { regionResource: 'job' },
      schema: { params: Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) }), body: JobTransitionBody.default({}), headers: IdempotencyHeader },
    },
    async (request) => {
      const ctx = roleCtx(request, [...POSTERS, 'official']);
      const { id, action } = request.params;
      return idempotent(ctx, `job.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionJob({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );
};
