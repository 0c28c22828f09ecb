import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportKind, ImportListQuery } from '../../../shared/imports.js';
import { roleCtx } from '../../plugins/request-context.js';
import { getImport, listImports, openRejectedFile, uploadImport } from './imports.service.js';
import { templateFile } from './imports.templates.js';

const IMPORTERS = ['official', 'employer'] as const;
const Id = z.object({ id: z.uuid() });

/** The file arrives as the raw request body (no multipart): these types are streamed, never buffered. */
const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/octet-stream'];

const uploadRoute: FastifyPluginAsyncZod = async (app) => {
  // encapsulated: the raw-body parser applies to this route only
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  /**
   * Upload a CSV or xlsx file: 202 the queued batch {id, taskId, …}. 400 IMPORT_FILE_EMPTY /
   * IMPORT_FILE_UNREADABLE / IMPORT_HEADER_MISSING {columns}; 403; 413 PAYLOAD_TOO_LARGE; 415.
   */
  app.post(
    '/',
    { schema: { querystring: z.object({ kind: ImportKind, fileName: z.string().trim().min(1).max(200).default('import.csv') }) } },
    async (request, reply) => {
      const ctx = roleCtx(request, IMPORTERS);
      const batch = await uploadImport(ctx, { kind: request.query.kind, fileName: request.query.fileName, body: request.body as Readable });
      return reply.status(202).send(batch);
    },
  );
};

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(uploadRoute);

  /** The importer's own batches, newest first. */
  app.get('/', { schema: { querystring: ImportListQuery } }, async (request) => listImports(roleCtx(request, IMPORTERS), request.query));

  /** An empty template with the expected columns (Chinese headers, an example row, 填写说明), public. */
  app.get(
    '/templates/:kind',
    { schema: { params: z.object({ kind: ImportKind }), querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (request, reply) => {
      const file = await templateFile(request.params.kind, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.body);
    },
  );

  /** One batch with its counts and reasons (importer only). 404. */
  app.get('/:id', { schema: { params: Id } }, async (request) => getImport(roleCtx(request, IMPORTERS), request.params.id));

  /** The rejected rows as CSV (importer only; audited). 404; 409 IMPORT_NOT_FINISHED. */
  app.get('/:id/rejected', { schema: { params: Id } }, async (request, reply) => {
    const file = await openRejectedFile(roleCtx(request, IMPORTERS), request.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.stream);
  });
};
