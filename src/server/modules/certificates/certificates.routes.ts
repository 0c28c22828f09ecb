import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddTrainees,
  CertificateStatus,
  CreatePlan,
  CreateSession,
  DeclareQualification,
  EnterResults,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  IssueCertificates,
  QualificationStatus,
  TransitionBody,
} from '../../../shared/certificates.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { queuePrefill } from '../policies/policies.prefill.js';
import {
  addTrainees,
  certifiedCandidates,
  eligibleTrainees,
  enterResults,
  issueForSession,
  myCandidacies,
  registerForSession,
} from './certificates.candidates.js';
import { idempotent } from '../workflow/idempotency.js';
import { createPlan, createSession, getSession, listOpenSessions, listPlans, transitionSession } from './certificates.sessions.js';
import { downloadCertificatePdf } from './certificates.pdf.js';
import {
  declareQualification,
  myQualifications,
  openEvidence,
  qualificationQueue,
  transitionQualification,
  uploadEvidence,
} from './certificates.qualifications.js';
import { getCertificate, listCertificates, myCertificates, revokeCertificate, verifiedCredentialsOf, verifyCertificate } from './certificates.service.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const BODIES = ['evaluator', 'official'] as const;

/** The address the QR codes and PDFs point at: this server as the client reached it. */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

const evidenceRoute: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([...EVIDENCE_TYPES], { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_request, body, done) => done(null, body));
  /** Talent: upload an evidence file (raw body: PDF, PNG or JPEG, ≤ 5 MB). 201 {id}; 400/415 CERTIFICATES_EVIDENCE_INVALID; 413. */
  app.post(
    '/qualifications/evidence',
    { bodyLimit: EVIDENCE_MAX_BYTES, schema: { querystring: z.object({ fileName: z.string().trim().min(1).max(120).default('evidence') }) } },
    async (request, reply) => {
      const ctx = roleCtx(request, ['talent']);
      const saved = await uploadEvidence(ctx, {
        fileName: request.query.fileName,
        contentType: request.headers['content-type'] ?? '',
        body: request.body as Buffer,
      });
      return reply.status(201).send(saved);
    },
  );
};

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * Public, no account, rate-limited: is this certificate genuine? 200 {result: valid | revoked |
   * tampered | not_found | check_failed, certificate (holder masked) or null}. 429 when over the limit.
   */
  app.get(
    '/verify/:number',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } }, schema: { params: z.object({ number: z.string().max(60) }) } },
    async (request) => verifyCertificate(requestCtx(request), request.params.number),
  );

  /** Open evaluation sessions from today on (public; a talent sees `registered`). */
  app.get('/sessions/open', async (request) => listOpenSessions(requestCtx(request)));

  /** Talent: own candidacies (scores once results are published). 401; 403. */
  app.get('/evaluations/mine', async (request) => myCandidacies(roleCtx(request, ['talent'])));

  /** Evaluation body: own plans and sessions; official: those of bodies in the region. 401; 403. */
  app.get('/plans', async (request) => listPlans(roleCtx(request, BODIES)));

  /** Evaluation body: a plan for an occupation and level it is accredited to evaluate. 201; 400; 409 ACCREDITATION_REQUIRED. */
  app.post('/plans', { schema: { body: CreatePlan } }, async (request, reply) =>
    reply.status(201).send(await createPlan(roleCtx(request, ['evaluator']), request.body)),
  );

  /** Evaluation body: a session of its plan (accredited on the exam day). 201; 404; 409 ACCREDITATION_REQUIRED. */
  app.post('/plans/:id/sessions', { schema: { params: Id, body: CreateSession } }, async (request, reply) =>
    reply.status(201).send(await createSession(roleCtx(request, ['evaluator']), request.params.id, request.body)),
  );

  /** The session with its candidates (own body; officials of the region, names masked). 404. */
  app.get('/sessions/:id', { schema: { params: Id } }, async (request) => getSession(roleCtx(request, BODIES), request.params.id));

  /** close / reopen / publish_results (body) / cancel (body or official, reason). 400; 403; 404; 409. */
  app.post('/sessions/:id/transitions/:action', { schema: { params: Action, body: TransitionBody.default({}) } }, async (request) =>
    transitionSession(roleCtx(request, BODIES), request.params.id, request.params.action, request.body),
  );

  /** Talent: register for an open session (idempotent). 404; 409 CERTIFICATES_SESSION_NOT_OPEN / CERTIFICATES_SESSION_FULL. */
  app.post('/sessions/:id/registration', { schema: { params: Id } }, async (request) => registerForSession(roleCtx(request, ['talent']), request.params.id));

  /** Body: trainees who completed a class in this occupation and level, not yet candidates. 404. */
  app.get('/sessions/:id/eligible-trainees', { schema: { params: Id } }, async (request) =>
    eligibleTrainees(roleCtx(request, ['evaluator']), request.params.id),
  );

  /** Body: add trainees by enrolment. 404; 409 CERTIFICATES_NOT_A_TRAINEE / CERTIFICATES_SESSION_FULL. */
  app.post('/sessions/:id/trainees', { schema: { params: Id, body: AddTrainees } }, async (request) =>
    addTrainees(roleCtx(request, ['evaluator']), request.params.id, request.body),
  );

  /** Body: scores after closing (pass rule of the plan). 400; 404; 409 CERTIFICATES_RESULTS_NOT_EDITABLE. */
  app.put('/sessions/:id/results', { schema: { params: Id, body: EnterResults } }, async (request) =>
    enterResults(roleCtx(request, ['evaluator']), request.params.id, request.body),
  );

  /** Body: issue certificates to passed candidates once results are published (Idempotency-Key). 404; 409 ACCREDITATION_REQUIRED / CERTIFICATES_RESULTS_NOT_PUBLISHED. */
  app.post('/sessions/:id/issue', { schema: { params: Id, body: IssueCertificates.default({}), headers: IdempotencyHeader } }, async (request) => {
    const ctx = roleCtx(request, ['evaluator']);
    const out = await idempotent(ctx, `certificates.issue:${request.params.id}`, request.headers['idempotency-key'], request.body, (c) =>
      issueForSession({ ...c, actor: ctx.actor }, request.params.id, request.body.candidateIds),
    );
    // 免申即享: the new holders' subsidy claims are prepared now (committed above; idempotent on replay)
    await queuePrefill(ctx, await certifiedCandidates(ctx, request.params.id));
    return out;
  });

  /** Talent: own certificates with QR codes. 401; 403. */
  app.get('/mine', async (request) => myCertificates(roleCtx(request, ['talent']), origin(request)));

  /** Talent: 已核验证书 (valid certificates, verified qualifications) for the profile page. */
  app.get('/verified/me', async (request) => {
    const ctx = roleCtx(request, ['talent']);
    return verifiedCredentialsOf(ctx.db, ctx.actor.userId);
  });

  /** Body: certificates it issued; official: certificates of holders in the region (?number ?status). */
  app.get('/', { schema: { querystring: z.object({ number: z.string().max(60).optional(), status: CertificateStatus.optional() }) } }, async (request) =>
    listCertificates(roleCtx(request, BODIES), request.query, origin(request)),
  );

  await app.register(evidenceRoute);

  /** Talent: declare a professional qualification with an uploaded evidence file. 201; 404; 409 CERTIFICATES_EVIDENCE_USED. */
  app.post('/qualifications', { schema: { body: DeclareQualification } }, async (request, reply) =>
    reply.status(201).send(await declareQualification(roleCtx(request, ['talent']), request.body)),
  );

  /** Talent: own declarations. */
  app.get('/qualifications/mine', async (request) => myQualifications(roleCtx(request, ['talent'])));

  /** Official: declarations of talents in the region (?status, default submitted). */
  app.get('/qualifications/queue', { schema: { querystring: z.object({ status: QualificationStatus.optional() }) } }, async (request) =>
    qualificationQueue(roleCtx(request, ['official']), request.query.status),
  );

  /** verify / reject (official of the talent's region, reason) / withdraw (talent). 400; 403; 404; 409. */
  app.post(
    '/qualifications/:id/transitions/:action',
    { config: { regionResource: 'qualification' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionQualification(roleCtx(request, ['official', 'talent']), request.params.id, request.params.action, request.body),
  );

  /** The evidence file: its owner, or an official of the talent's region (audited). 404. */
  app.get('/qualifications/:id/evidence', { config: { regionResource: 'qualification' }, schema: { params: Id } }, async (request, reply) => {
    const file = await openEvidence(roleCtx(request, ['official', 'talent']), request.params.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.stream);
  });

  /** One certificate (holder, issuer, official of the holder's region). 404. */
  app.get('/:id', { schema: { params: Id } }, async (request) => getCertificate(roleCtx(request, ['talent', ...BODIES]), request.params.id, origin(request)));

  /** The certificate as a Chinese PDF with its QR code; audited. 404. */
  app.get('/:id/certificate.pdf', { schema: { params: Id } }, async (request, reply) => {
    const { pdf, disposition } = await downloadCertificatePdf(roleCtx(request, ['talent', ...BODIES]), request.params.id, origin(request));
    return reply.type('application/pdf').header('content-disposition', disposition).send(pdf);
  });

  /** Revoke with a reason: the issuing body, or an official of the holder's region. 400 WORKFLOW_REASON_REQUIRED; 404; 409. */
  app.post('/:id/transitions/revoke', { schema: { params: Id, body: TransitionBody.default({}) } }, async (request) =>
    revokeCertificate(roleCtx(request, BODIES), request.params.id, request.body.reason, origin(request)),
  );
};
