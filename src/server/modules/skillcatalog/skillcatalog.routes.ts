import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateVersion, DiffQuery, EntryInput, InForceQuery, TransitionBody, UpdateVersion, VersionListQuery } from '../../../shared/skillcatalog.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { assertVersionWritable, createVersion, deleteEntry, importEntries, putEntry, updateVersion } from './skillcatalog.drafts.js';
import { diffVersions, exportVersion, getVersion, inForce, listVersions, transitionVersion } from './skillcatalog.service.js';

const Id = z.object({ id: z.uuid() });
const EntryId = Id.extend({ entryId: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
/** Writes to a version: role, department and region first (before the body is validated). */
const writable = async (request: FastifyRequest) => assertVersionWritable(roleCtx(request, ['official']), (request.params as { id: string }).id);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importRoute: FastifyPluginAsyncZod = async (app) => {
  // encapsulated: the workbook arrives as the raw body (≤ 5 MiB), for this route only
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  /** Official of the version's region: replace a draft's entries with an xlsx (all or nothing). 400 IMPORT_*; 404; 409; 422 CATALOGUE_IMPORT_ROWS_INVALID. */
  app.post(
    '/versions/:id/import',
    { bodyLimit: 5 * 1024 * 1024, preValidation: writable, config: { regionResource: 'catalogueVersion' }, schema: { params: Id } },
    async (request) => importEntries(roleCtx(request, ['official']), request.params.id, request.body as Buffer),
  );
};

export const skillCatalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(importRoute);

  /** Public: the version of a kind in force on a day (default today) for a place (city version, else the province's). 400. */
  app.get('/in-force', { schema: { querystring: InForceQuery } }, async (request) => inForce(requestCtx(request), request.query));

  /** Public: published versions (drafts too for officials of their region). */
  app.get('/versions', { schema: { querystring: VersionListQuery } }, async (request) => listVersions(requestCtx(request), request.query));

  /** Public: added / removed / changed entries between two versions of the same kind. 400 CATALOGUE_KIND_MISMATCH; 404. */
  app.get('/diff', { schema: { querystring: DiffQuery } }, async (request) => diffVersions(requestCtx(request), request.query.from, request.query.to));

  /** Official (人社) of the province or a city: new draft. 201; 400 CATALOGUE_REGION_LEVEL / CATALOGUE_EFFECTIVE_FROM_PAST; 403. */
  app.post('/versions', { schema: { body: CreateVersion } }, async (request, reply) =>
    reply.status(201).send(await createVersion(roleCtx(request, ['official']), request.body)),
  );

  /** A published version to anyone; a draft to officials of its region. 404. */
  app.get('/versions/:id', { config: { regionResource: 'catalogueVersion' }, schema: { params: Id } }, async (request) =>
    getVersion(requestCtx(request), request.params.id),
  );

  /** The version as an Excel workbook (same visibility). 404. */
  app.get('/versions/:id/export', { config: { regionResource: 'catalogueVersion' }, schema: { params: Id } }, async (request, reply) => {
    const file = await exportVersion(requestCtx(request), request.params.id);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.body);
  });

  /** Official of the region: change a draft's label, 文号, effective date or note. 400; 404; 409 CATALOGUE_NOT_EDITABLE. */
  app.patch(
    '/versions/:id',
    { preValidation: writable, config: { regionResource: 'catalogueVersion' }, schema: { params: Id, body: UpdateVersion } },
    async (request) => updateVersion(roleCtx(request, ['official']), request.params.id, request.body),
  );

  /** Official of the region: add or replace a draft entry (same occupation, 工种 and level). 400 CATALOGUE_ENTRY_INVALID / CATALOG_UNKNOWN_CODE; 404; 409. */
  app.post(
    '/versions/:id/entries',
    { preValidation: writable, config: { regionResource: 'catalogueVersion' }, schema: { params: Id, body: EntryInput } },
    async (request) => putEntry(roleCtx(request, ['official']), request.params.id, request.body),
  );

  /** Official of the region: remove a draft entry. 404; 409. */
  app.delete(
    '/versions/:id/entries/:entryId',
    { preValidation: writable, config: { regionResource: 'catalogueVersion' }, schema: { params: EntryId } },
    async (request) => deleteEntry(roleCtx(request, ['official']), request.params.id, request.params.entryId),
  );

  /** publish / discard. 403; 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED / CATALOGUE_EMPTY / CATALOGUE_EFFECTIVE_FROM_NOT_AFTER_CURRENT. */
  app.post(
    '/versions/:id/transitions/:action',
    { config: { regionResource: 'catalogueVersion' }, schema: { params: Action, body: TransitionBody.default({}), headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, ['official']);
      const { id, action } = request.params;
      return idempotent(ctx, `catalogue_version.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionVersion({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );
};
