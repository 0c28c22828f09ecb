/**
 * POST /api/occupations/classify — public (no account), under the app-wide rate limit.
 * 200 ClassifyResult with up to `limit` candidates; 400 VALIDATION_FAILED (title 1–200 characters after
 * trimming, description ≤ 5,000, limit 1–10).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../shared/errors.js';
import { getOccupationClassifier } from './occupations.service.js';

export const ClassifyBody = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  limit: z.number().int().min(1).max(10).default(5),
});

const CandidateSchema = z.object({ code: z.string(), name: z.string(), score: z.number() });
export const ClassifyResultSchema = z.object({
  code: z.string().nullable(),
  name: z.string().nullable(),
  score: z.number(),
  candidates: z.array(CandidateSchema),
  matched: z.array(z.string()),
});

export const occupationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/classify',
    { config: { public: true }, schema: { tags: ['occupations'], body: ClassifyBody, response: { 200: ClassifyResultSchema, 400: ErrorBody } } },
    async (request) => {
      const classifier = await getOccupationClassifier(request.server.platform.database);
      const { title, description, limit } = request.body;
      const result = classifier.classify(title, description);
      return { ...result, candidates: result.candidates.slice(0, limit) };
    },
  );
};
