import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DashboardQuery, IndicatorKey, TargetInput } from '../../../shared/dashboard.js';
import { roleCtx } from '../../plugins/request-context.js';
import { breakdown, byOccupation, summary, trend } from './dashboard.service.js';
import { listTargets, setTarget, visibleRegions } from './dashboard.targets.js';
import { dashboardReportRoutes } from './dashboard.reports.routes.js';

const READERS = ['official', 'admin'] as const;
/** City boundaries for the map (data/reference/SOURCES.md: not an approved base map, no 审图号). */
const GEO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/reference/geo/jiangxi_cities.geojson');
let geo: Promise<string> | undefined;
const IndicatorQuery = DashboardQuery.extend({ indicator: IndicatorKey });

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  // 月度报告 and the charts' Excel export
  await app.register(dashboardReportRoutes);

  /** Official / admin: the regions they may look at (their own and below). 401; 403. */
  app.get('/regions', async (request) => visibleRegions(roleCtx(request, READERS)));

  /** Every indicator of a region and year (null value = 暂无数据). 401; 403; 404 outside the official's region. */
  app.get('/summary', { schema: { querystring: DashboardQuery } }, async (request) =>
    summary(roleCtx(request, READERS), request.query.regionCode, request.query.year),
  );

  /** One indicator for each child region (map, drill-down). 401; 403; 404 outside the official's region. */
  app.get('/breakdown', { schema: { querystring: IndicatorQuery } }, async (request) =>
    breakdown(roleCtx(request, READERS), request.query.regionCode, request.query.indicator, request.query.year),
  );

  /** One indicator month by month. 401; 403; 404 outside the official's region. */
  app.get('/trend', { schema: { querystring: IndicatorQuery } }, async (request) =>
    trend(roleCtx(request, READERS), request.query.regionCode, request.query.indicator, request.query.year),
  );

  /** Enrolments, completions, certificates by occupation. 401; 403; 404 outside the official's region. */
  app.get('/occupations', { schema: { querystring: DashboardQuery } }, async (request) =>
    byOccupation(roleCtx(request, READERS), request.query.regionCode, request.query.year),
  );

  /** Official / admin: the 11 city boundaries as GeoJSON (cached a day by the browser). 401; 403. */
  app.get('/geo/cities', async (request, reply) => {
    roleCtx(request, READERS);
    geo ??= readFile(GEO_FILE, 'utf8');
    return reply
      .header('cache-control', 'private, max-age=86400')
      .type('application/geo+json; charset=utf-8')
      .send(await geo);
  });

  /** Targets of a year in the official's region. 401; 403. */
  app.get('/targets', { schema: { querystring: z.object({ year: z.coerce.number().int().min(2020).max(2100) }) } }, async (request) =>
    listTargets(roleCtx(request, READERS), request.query.year),
  );

  /** Official: set one target (province targets: province official only). 400; 401; 403; 404. */
  app.put('/targets', { schema: { body: TargetInput } }, async (request) => setTarget(roleCtx(request, ['official']), request.body));
};
