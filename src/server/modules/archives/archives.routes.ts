import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ARCHIVE_MATERIAL_MAX_BYTES,
  CreateCustodian,
  MaterialListQuery,
  RecordArchive,
  RequestTransfer,
  TransitionBody,
  UploadMaterialQuery,
} from '../../../shared/archives.js';
import { attachmentDisposition } from '../../lib/pdf.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { listHeldMaterials, readArchiveMaterial, uploadArchiveMaterial } from './archives.materials.js';
import { renderCustodyCertificate } from './archives.pdf.js';
import {
  assertArchiveStaff,
  createCustodian,
  custodianDesk,
  getArchive,
  issueCustodyCertificate,
  listCustodians,
  myArchive,
  recordArchive,
  verifyCustody,
} from './archives.service.js';
import { requestTransfer, transitionTransfer } from './archives.transfers.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const STAFF = ['agency', 'official'] as const;

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Before the query is validated: only staff of the archive's current custodian get further (others 403/404). */
const archiveStaff = async (request: FastifyRequest) => assertArchiveStaff(roleCtx(request, STAFF), (request.params as { id: string }).id);

export const archiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: ARCHIVE_MATERIAL_MAX_BYTES },
    (_r, body, done) => done(null, body),
  );
  /** Public, rate-limited: check a custody certificate's code. 200 {result: valid | superseded | not_found}. */
  app.get(
    '/custody/verify/:code',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } }, schema: { params: z.object({ code: z.string().max(40) }) } },
    async (request) => verifyCustody(requestCtx(request), request.params.code),
  );
  /** Signed-in users: the custodian directory. */
  app.get('/custodians', async (request) => listCustodians(roleCtx(request, ['talent', 'agency', 'official'])));
  /** Official: add a custodian in the region. 201; 403 FORBIDDEN_REGION; 422 ARCHIVES_CUSTODIAN_ORG_INVALID. */
  app.post('/custodians', { schema: { body: CreateCustodian } }, async (request, reply) =>
    reply.status(201).send(await createCustodian(roleCtx(request, ['official']), request.body)),
  );
  /** Custodian staff: record an archive taken in. 201; 404; 409 ARCHIVES_ARCHIVE_EXISTS. */
  app.post('/', { schema: { body: RecordArchive } }, async (request, reply) =>
    reply.status(201).send(await recordArchive(roleCtx(request, STAFF), request.body)),
  );
  /** Talent: my archive (audited view). */
  app.get('/mine', async (request) => myArchive(roleCtx(request, ['talent'])));
  /** Talent: request a transfer. 201; 404 ARCHIVES_NO_ARCHIVE; 409 ARCHIVES_TRANSFER_OPEN / _SAME_CUSTODIAN. */
  app.post('/mine/transfers', { schema: { body: RequestTransfer } }, async (request, reply) =>
    reply.status(201).send(await requestTransfer(roleCtx(request, ['talent']), { toCustodianId: request.body.toCustodianId, reason: request.body.reason })),
  );
  /** Talent: download a certificate of custody (PDF with a verification code). 404 ARCHIVES_NO_ARCHIVE. */
  app.get('/mine/custody-certificate.pdf', async (request, reply) => {
    const c = await issueCustodyCertificate(roleCtx(request, ['talent']));
    const pdf = await renderCustodyCertificate(c, `${origin(request)}/archives/verify/${encodeURIComponent(c.code)}`);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition('存档证明.pdf', 'custody-certificate.pdf'))
      .header('x-verification-code', c.code)
      .send(pdf);
  });
  /** Custodian staff: archives held, incoming and outgoing transfers. */
  app.get('/desk', async (request) => custodianDesk(roleCtx(request, STAFF)));
  /** The person or the current custodian's staff: one archive (audited). 404. */
  app.get('/:id', { config: { regionResource: 'personArchive' }, schema: { params: Id } }, async (request) =>
    getArchive(roleCtx(request, ['talent', ...STAFF]), request.params.id),
  );
  /** Current custodian staff: upload a digitised material (raw body, ?title&fileName&category). 201; 403; 413; 415. */
  app.post(
    '/:id/materials',
    {
      preValidation: archiveStaff,
      config: { regionResource: 'personArchive' },
      schema: {
        params: Id,
        querystring: UploadMaterialQuery,
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await uploadArchiveMaterial(roleCtx(request, STAFF), request.params.id, {
          title: request.query.title,
          fileName: request.query.fileName,
          category: request.query.category,
          contentType: request.headers['content-type'] ?? '',
          body: request.body,
        }),
      ),
  );
  /**
   * Custodian staff: the digitised materials of the archives they hold (?q archive number or full name, ?category,
   * ?from ?to upload dates; paged; names masked). The list is audited (`archive.material_list`). 400; 401; 403.
   */
  app.get('/materials', { schema: { querystring: MaterialListQuery } }, async (request) => listHeldMaterials(roleCtx(request, STAFF), request.query));
  /** The person or the current custodian's staff: a material file (every read audited). 404. */
  app.get('/materials/:id', { config: { regionResource: 'archiveMaterial' }, schema: { params: Id } }, async (request, reply) => {
    const f = await readArchiveMaterial(roleCtx(request, ['talent', ...STAFF]), request.params.id);
    return reply.type(f.mime).header('content-disposition', attachmentDisposition(f.fileName, 'material')).send(f.stream);
  });
  /** approve / reject (reason) / dispatch (trackingNumber) / receive / cancel. 400 ARCHIVES_TRACKING_REQUIRED; 404; 409. */
  app.post(
    '/transfers/:id/transitions/:action',
    { config: { regionResource: 'archiveTransfer' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionTransfer(roleCtx(request, ['talent', ...STAFF]), request.params.id, request.params.action, request.body),
  );
};
