/**
 * Public, read-only catalogue API under /api/catalog. No account needed; GET only.
 * Successful responses may be cached for five minutes. Errors: 400 VALIDATION_FAILED for a query
 * outside its bounds, 404 NOT_FOUND for an unknown occupation code.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../shared/errors.js';
import { requestCtx } from '../../plugins/request-context.js';
import {
  CatalogSource,
  DigitalOccupationSummary,
  EducationLevel,
  Industry,
  IndustryQuery,
  itemsOf,
  Occupation,
  OccupationCode,
  OccupationDetail,
  OccupationQuery,
  pageOf,
  Region,
  RegionQuery,
  Skill,
  SkillCluster,
  SkillLevel,
  SkillQuery,
} from './catalog.schemas.js';
import {
  digitalOccupationSummary,
  getOccupation,
  listEducationLevels,
  listIndustries,
  listRegions,
  listSkillClusters,
  listSkillLevels,
  listSkills,
  listSources,
  searchOccupations,
} from './catalog.service.js';

const CACHE_CONTROL = 'public, max-age=300';
const tags = ['catalog'];

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  // Runs after the app-wide hook that marks API responses no-store; only successes are cacheable.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 200) reply.header('cache-control', CACHE_CONTROL);
    return payload;
  });

  /** 200 regions, optionally one level or the children of one region; 400. */
  app.get('/regions', { schema: { tags, querystring: RegionQuery, response: { 200: itemsOf(Region), 400: ErrorBody } } }, async (request) =>
    listRegions(requestCtx(request), request.query),
  );

  /** 200 a page of occupations matching name/code text, code prefix, digital flag or level; 400. */
  app.get('/occupations', { schema: { tags, querystring: OccupationQuery, response: { 200: pageOf(Occupation), 400: ErrorBody } } }, async (request) =>
    searchOccupations(requestCtx(request), request.query),
  );

  /** 200 the occupation with its ancestors and children; 400 malformed code; 404 NOT_FOUND. */
  app.get(
    '/occupations/:code',
    { schema: { tags, params: z.object({ code: OccupationCode }), response: { 200: OccupationDetail, 400: ErrorBody, 404: ErrorBody } } },
    async (request) => getOccupation(requestCtx(request), request.params.code),
  );

  /** 200 数字职业 counts by 大类 and 中类. */
  app.get('/digital-occupations/summary', { schema: { tags, response: { 200: DigitalOccupationSummary } } }, async (request) =>
    digitalOccupationSummary(requestCtx(request)),
  );

  /** 200 a page of GB/T 4754-2017 industries; 400. */
  app.get('/industries', { schema: { tags, querystring: IndustryQuery, response: { 200: pageOf(Industry), 400: ErrorBody } } }, async (request) =>
    listIndustries(requestCtx(request), request.query),
  );

  /** 200 GB/T 4658-2006 education levels. */
  app.get('/education-levels', { schema: { tags, response: { 200: itemsOf(EducationLevel) } } }, async (request) => listEducationLevels(requestCtx(request)));

  /** 200 vocational skill levels (five-level scheme and the 八级工 ladder). */
  app.get('/skill-levels', { schema: { tags, response: { 200: itemsOf(SkillLevel) } } }, async (request) => listSkillLevels(requestCtx(request)));

  /** 200 a page of IT skills matching name, English name or Chinese alias; 400. */
  app.get('/skills', { schema: { tags, querystring: SkillQuery, response: { 200: pageOf(Skill), 400: ErrorBody } } }, async (request) =>
    listSkills(requestCtx(request), request.query),
  );

  /** 200 skill clusters with their skill counts. */
  app.get('/skill-clusters', { schema: { tags, response: { 200: itemsOf(SkillCluster) } } }, async (request) => listSkillClusters(requestCtx(request)));

  /** 200 sources, licences and required attributions of the reference data. */
  app.get('/sources', { schema: { tags, response: { 200: itemsOf(CatalogSource) } } }, async () => listSources());
};
