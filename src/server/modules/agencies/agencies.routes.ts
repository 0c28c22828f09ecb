import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateReport,
  DirectoryQuery,
  RegistrationFields,
  RegistrationListQuery,
  RegistrationTransitionBody,
  ReportFields,
  ReportTableQuery,
  ReportTransitionBody,
  SetDeadline,
} from '../../../shared/agencies.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { listDirectory } from './agencies.directory.js';
import { getRegistration, listRegistrations, myAgency, register, transitionRegistration } from './agencies.registry.js';
import { exportReportTable, reportTable, setReportDeadline } from './agencies.report-table.js';
import { assertOwnReport, createReport, getReport, listMyReports, transitionReport, updateReport } from './agencies.reports.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Who may change the report is checked before its body is validated (another agency's report: 404, not 400). */
const ownReport = async (request: FastifyRequest) => assertOwnReport(roleCtx(request, ['agency']), (request.params as { id: string }).id);

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Public: approved agencies (region: a city includes its counties; service; name). */
  app.get('/', { schema: { querystring: DirectoryQuery } }, async (request) => listDirectory(requestCtx(request), request.query));

  /** Agency: own organisation and registration with history (null before registering). 403 AGENCIES_ORG_NOT_AGENCY. */
  app.get('/me', async (request) => myAgency(roleCtx(request, ['agency'])));

  /** Agency of a verified organisation: registers its licence and services. 201; 400 AGENCIES_LICENCE_*; 403; 409. */
  app.post('/registration', { schema: { body: RegistrationFields, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, ['agency']);
    const result = await idempotent(ctx, 'agency_registration.submit', request.headers['idempotency-key'], request.body, (c) =>
      register({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(201).send(result);
  });

  /** Officials: registrations of the region (?status=submitted is the review queue). */
  app.get('/registrations', { schema: { querystring: RegistrationListQuery } }, async (request) =>
    listRegistrations(roleCtx(request, ['official']), request.query),
  );

  /** Officials (人社): the region's 年度报告 table for a year with filing status. 403. */
  app.get('/reports/table', { schema: { querystring: ReportTableQuery } }, async (request) => reportTable(roleCtx(request, ['official']), request.query));

  /** Officials (人社): the same table as an Excel workbook (audited). */
  app.get('/reports/export', { schema: { querystring: ReportTableQuery } }, async (request, reply) => {
    const file = await exportReportTable(roleCtx(request, ['official']), request.query.year);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.body);
  });

  /** Province official (人社): the filing deadline of a year's reports. 400; 403. */
  app.put('/reports/deadline', { schema: { body: SetDeadline } }, async (request) => setReportDeadline(roleCtx(request, ['official']), request.body));

  /** Agency: its annual reports. */
  app.get('/reports/mine', async (request) => listMyReports(roleCtx(request, ['agency'])));

  /** Agency with an approved registration: a draft report for a finished year. 201; 400; 403; 409 AGENCIES_REPORT_EXISTS. */
  app.post('/reports', { schema: { body: CreateReport } }, async (request, reply) =>
    reply.status(201).send(await createReport(roleCtx(request, ['agency']), request.body)),
  );

  /** One report with history: its agency; officials of its region once submitted. 404. */
  app.get('/reports/:id', { config: { regionResource: 'agencyReport' }, schema: { params: Id } }, async (request) =>
    getReport(roleCtx(request, ['agency', 'official']), request.params.id),
  );

  /** Agency: edit a draft or returned report. 400; 404; 409 AGENCIES_REPORT_NOT_EDITABLE. */
  app.put(
    '/reports/:id',
    { preValidation: ownReport, config: { regionResource: 'agencyReport' }, schema: { params: Id, body: ReportFields } },
    async (request) => updateReport(roleCtx(request, ['agency']), request.params.id, request.body),
  );

  /** submit (agency) · accept / return with reason (officials of the region). 400; 403; 404; 409. */
  app.post(
    '/reports/:id/transitions/:action',
    { config: { regionResource: 'agencyReport' }, schema: { params: Action, body: ReportTransitionBody.default({}), headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, ['agency', 'official']);
      const { id, action } = request.params;
      return idempotent(ctx, `agency_report.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionReport({ ...c, actor: ctx.actor }, id, action, request.body.reason),
      );
    },
  );

  /** A registration: full view to its agency and officials of its region, the directory entry once approved. 404. */
  app.get('/:id', { config: { regionResource: 'agencyRegistration' }, schema: { params: Id } }, async (request) =>
    getRegistration(requestCtx(request), request.params.id),
  );

  /** approve / return / suspend / reinstate / revoke (officials, reasons) · resubmit / amend (agency, with the licence). 400; 403; 404; 409. */
  app.post(
    '/:id/transitions/:action',
    { config: { regionResource: 'agencyRegistration' }, schema: { params: Action, body: RegistrationTransitionBody.default({}), headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, ['agency', 'official']);
      const { id, action } = request.params;
      return idempotent(ctx, `agency_registration.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionRegistration({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );
};
