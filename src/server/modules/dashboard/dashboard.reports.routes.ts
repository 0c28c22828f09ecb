/** 月度报告 over HTTP (/api/dashboard/reports) and the Excel export of a dashboard chart (/api/dashboard/export.xlsx). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExportQuery, ReportListQuery, RequestReport } from '../../../shared/dashboard-reports.js';
import { attachmentDisposition } from '../../lib/pdf.js';
import { roleCtx } from '../../plugins/request-context.js';
import { exportChart } from './dashboard.export.js';
import { CONTENT_TYPES, getReport, listReports, openReportFile, requestReport } from './dashboard.reports.service.js';

const Id = z.object({ id: z.uuid() });
const REGION_OWNED = { regionResource: 'dashboardReport' } as const;

export const dashboardReportRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Official: reports of their region and below, newest first. 401; 403; 404 for a region outside theirs. */
  app.get('/reports', { schema: { querystring: ReportListQuery } }, async (request) => listReports(roleCtx(request, ['official']), request.query));

  /**
   * Official: generate a region's report for a month in the background. 202 {report, reused: false}; 200 with the
   * report already queued or running for that region and month {reused: true}. 400 DASHBOARD_REPORT_MONTH_INVALID; 401; 403; 404.
   */
  app.post('/reports', { schema: { body: RequestReport } }, async (request, reply) => {
    const out = await requestReport(roleCtx(request, ['official']), request.body);
    return reply.status(out.reused ? 200 : 202).send(out);
  });

  /** Official of the report's region (or above): status and progress. 401; 403; 404 (outside the region: audited). */
  app.get('/reports/:id', { config: REGION_OWNED, schema: { params: Id } }, async (request) => getReport(roleCtx(request, ['official']), request.params.id));

  for (const kind of ['xlsx', 'pdf'] as const) {
    /** Official of the report's region: the file (download audited). 401; 403; 404; 409 DASHBOARD_REPORT_NOT_READY. */
    app.get(`/reports/:id/report.${kind}`, { config: REGION_OWNED, schema: { params: Id } }, async (request, reply) => {
      const file = await openReportFile(roleCtx(request, ['official']), request.params.id, kind);
      return reply.type(CONTENT_TYPES[kind]).header('content-disposition', attachmentDisposition(file.fileName, file.fallback)).send(file.stream);
    });
  }

  /** Official / admin: a dashboard chart's data as .xlsx (Chinese headers). 400; 401; 403; 404 outside the official's region. */
  app.get('/export.xlsx', { schema: { querystring: ExportQuery } }, async (request, reply) => {
    const file = await exportChart(roleCtx(request, ['official', 'admin']), request.query);
    return reply
      .type(CONTENT_TYPES.xlsx)
      .header('content-disposition', attachmentDisposition(file.fileName, `dashboard-${request.query.view}.xlsx`))
      .send(file.body);
  });
};
