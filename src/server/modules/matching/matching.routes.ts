import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GapsQuery, RecommendQuery } from '../../../shared/matching.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { matchingEngine } from './matching.engine.js';
import { jobsForMe, similarJobs, skillGaps, talentsForJob } from './matching.service.js';
import { matchingStats } from './matching.stats.js';

const Id = z.object({ id: z.uuid() });

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  // the index is built when the app is ready (time logged), polled for changes, and stopped on close
  const engine = matchingEngine(app.platform, app.log);
  app.addHook('onReady', async () => {
    engine.start();
    void engine.ready().catch((err: unknown) => app.log.warn({ err }, 'matching index build failed'));
  });
  app.addHook('onClose', async () => engine.stop());

  /** Talent: top live jobs for the own profile, each with a 0–100 score and its reasons. 200 { hasProfile, items }; 401; 403. */
  app.get('/jobs-for-me', { schema: { querystring: RecommendQuery } }, async (request) => jobsForMe(roleCtx(request, ['talent']), request.query.limit));

  /** Employer of the posting's verified organisation: top talents who opened their profile to employers, names masked. 401; 403; 404. */
  app.get('/jobs/:id/talents', { config: { regionResource: 'job' }, schema: { params: Id, querystring: RecommendQuery } }, async (request) =>
    talentsForJob(roleCtx(request, ['employer']), request.params.id, request.query.limit),
  );

  /** Anyone: live jobs like a live posting. 404 when the posting is not live. */
  app.get('/jobs/:id/similar', { config: { regionResource: 'job' }, schema: { params: Id, querystring: RecommendQuery } }, async (request) =>
    similarJobs(requestCtx(request), request.params.id, request.query.limit),
  );

  /** Official: skills in demand and in short supply, live postings and open profiles per area, for the own region. 401; 403. */
  app.get('/stats', async (request) => matchingStats(roleCtx(request, ['official'])));

  /** Talent: missing skills for ?jobId (live) or ?occupationCode, most important first, each with how to learn it. 400; 401; 403; 404. */
  app.get('/gaps', { schema: { querystring: GapsQuery } }, async (request) => skillGaps(roleCtx(request, ['talent']), request.query));
};
