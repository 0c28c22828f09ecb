import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { listSurveys, uploadSurvey, withdrawSurvey } from './wages.survey.js';
import { wageOptions } from './wages.service.js';
import { surveyTemplate } from './wages.template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UploadQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  fileName: z.string().trim().min(1).max(200).default('薪酬调查.xlsx'),
});

const uploadRoute: FastifyPluginAsyncZod = async (app) => {
  // encapsulated: the raw-body parser applies to the upload only
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  /**
   * 人社 official: upload an xlsx wage survey (raw body) for `year`. 201 the batch; 200 the existing batch with
   * duplicate: true when these rows were uploaded before. 400 WAGES_SURVEY_UNREADABLE / _EMPTY / _HEADER_MISSING
   * {columns} / _TOO_MANY_ROWS; 403; 413; 415; 422 WAGES_SURVEY_ROWS_INVALID {errorCount, errors[{row, column, reason}]}.
   */
  app.post('/surveys', { schema: { querystring: UploadQuery } }, async (request, reply) => {
    const ctx = roleCtx(request, ['official']);
    const batch = await uploadSurvey(ctx, { year: request.query.year, fileName: request.query.fileName, body: request.body as Buffer });
    return reply.status(batch.duplicate ? 200 : 201).send(batch);
  });
};

export const wageRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(uploadRoute);

  /** Public: years, cities and occupations that have wage cells (for the page's pickers). */
  app.get('/options', { schema: { tags: ['wages'], description: 'Years, cities and digital occupations with wage-price cells.' } }, async (request) =>
    wageOptions(requestCtx(request).db),
  );

  /** Public: the survey template (xlsx with 填写说明). */
  app.get('/surveys/template', async (_request, reply) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('企业薪酬调查模板.xlsx')}`)
      .send(await surveyTemplate()),
  );

  /** Official: survey batches of the region, newest first. 401; 403. */
  app.get('/surveys', async (request) => listSurveys(roleCtx(request, ['official'])));

  /** 人社 official of the region: withdraw a batch; its rows stop counting. 403; 404; 409 WAGES_SURVEY_WITHDRAWN. */
  app.post('/surveys/:id/withdraw', { config: { regionResource: 'wageSurvey' }, schema: { params: z.object({ id: z.uuid() }) } }, async (request) =>
    withdrawSurvey(roleCtx(request, ['official']), request.params.id),
  );
};
