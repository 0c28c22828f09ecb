import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignJudges,
  CompetitionKind,
  CreateCompetition,
  MATERIAL_MAX_BYTES,
  MATERIAL_TYPES,
  RegisterEntry,
  ScoreBody,
} from '../../../shared/competitions.js';
import { attachmentDisposition } from '../../lib/pdf.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { myEntries, readEntryMaterial, registerEntry, uploadEntryMaterial } from './competitions.entries.js';
import { assertRoundManageable, assignJudges, myJudging, submitScore } from './competitions.judging.js';
import { grantLevels, publicResults } from './competitions.results.js';
import {
  createCompetition,
  getCompetition,
  listManagedCompetitions,
  listPublicCompetitions,
  manageCompetition,
  transitionCompetition,
  transitionEntry,
  transitionRound,
} from './competitions.service.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const Reason = z.object({ reason: z.string().trim().max(500).optional() });

/** Before the body is validated: only officials of the round's region get further (others 403/404, never 400). */
const roundManageable = async (request: FastifyRequest) => assertRoundManageable(roleCtx(request, ['official']), (request.params as { id: string }).id);

export const competitionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([...MATERIAL_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MATERIAL_MAX_BYTES }, (_r, body, done) =>
    done(null, body),
  );

  /** Public: published competitions (?kind). */
  app.get('/', { schema: { querystring: z.object({ kind: CompetitionKind.optional() }) } }, async (request) =>
    listPublicCompetitions(requestCtx(request), request.query),
  );
  /** Official: competitions of the region, any status. */
  app.get('/manage', async (request) => listManagedCompetitions(roleCtx(request, ['official'])));
  /** Talent: own entries with materials, results and awards. */
  app.get('/entries/mine', async (request) => myEntries(roleCtx(request, ['talent'])));
  /** Reviewer: rounds open for scoring assigned to me, entries blind. */
  app.get('/judging', async (request) => myJudging(roleCtx(request, ['reviewer'])));
  /** Official: a new draft in the region. 201; 400; 403 FORBIDDEN_REGION. */
  app.post('/', { schema: { body: CreateCompetition } }, async (request, reply) =>
    reply.status(201).send(await createCompetition(roleCtx(request, ['official']), request.body)),
  );
  /** Public competition (results once published); drafts to officials of the region. 404. */
  app.get('/:id', { schema: { params: Id } }, async (request) => getCompetition(requestCtx(request), request.params.id));
  /** Public results page data (results_published only). 404. */
  app.get('/:id/results', { schema: { params: Id } }, async (request) => publicResults(requestCtx(request), request.params.id));
  /** Official of the region: entries, judges, progress, rankings. 404. */
  app.get('/:id/manage', { config: { regionResource: 'competition' }, schema: { params: Id } }, async (request) =>
    manageCompetition(roleCtx(request, ['official']), request.params.id),
  );
  /** publish / close_registration / start_judging / publish_results / cancel (reason). 409. */
  app.post('/:id/transitions/:action', { config: { regionResource: 'competition' }, schema: { params: Action, body: Reason.default({}) } }, async (request) =>
    transitionCompetition(roleCtx(request, ['official']), request.params.id, request.params.action, request.body.reason),
  );
  /** Talent: register an entry. 201; 409 COMPETITIONS_REGISTRATION_CLOSED / _ALREADY_REGISTERED; 422 COMPETITIONS_INELIGIBLE / _MEMBER_NOT_TALENT. */
  app.post('/:id/entries', { schema: { params: Id, body: RegisterEntry } }, async (request, reply) =>
    reply.status(201).send(await registerEntry(roleCtx(request, ['talent']), request.params.id, request.body)),
  );
  /** Leader: upload a material (raw body PDF/PNG/JPEG ≤ 10 MB, ?fileName). 201; 413; 415 COMPETITIONS_FILE_TYPE. */
  app.post(
    '/entries/:id/materials',
    {
      config: { regionResource: 'competitionEntry' },
      schema: { params: Id, querystring: z.object({ fileName: z.string().trim().min(1).max(120).default('material') }) },
    },
    async (request, reply) =>
      reply.status(201).send(
        await uploadEntryMaterial(roleCtx(request, ['talent']), request.params.id, {
          fileName: request.query.fileName,
          contentType: request.headers['content-type'] ?? '',
          body: request.body,
        }),
      ),
  );
  /** withdraw (leader) / disqualify (official, reason). */
  app.post(
    '/entries/:id/transitions/:action',
    { config: { regionResource: 'competitionEntry' }, schema: { params: Action, body: Reason.default({}) } },
    async (request) => transitionEntry(roleCtx(request, ['talent', 'official']), request.params.id, request.params.action, request.body.reason),
  );
  /** A material file: members, assigned judges without conflict, officials of the region (reads audited). */
  app.get('/materials/:id', { config: { regionResource: 'competitionMaterial' }, schema: { params: Id } }, async (request, reply) => {
    const f = await readEntryMaterial(roleCtx(request, ['talent', 'reviewer', 'official']), request.params.id);
    return reply.type(f.mime).header('content-disposition', attachmentDisposition(f.fileName, 'material')).send(f.stream);
  });
  /** open_scoring / close (ranks and advances the top N). */
  app.post('/rounds/:id/transitions/:action', { config: { regionResource: 'competitionRound' }, schema: { params: Action } }, async (request) =>
    transitionRound(roleCtx(request, ['official']), request.params.id, request.params.action),
  );
  /** Official: assign reviewer accounts as judges of a round. 404; 422. */
  app.post(
    '/rounds/:id/judges',
    { preValidation: roundManageable, config: { regionResource: 'competitionRound' }, schema: { params: Id, body: AssignJudges } },
    async (request) => assignJudges(roleCtx(request, ['official']), request.params.id, request.body.judges),
  );
  /** Judge: score an entry (criteria code → 0..100). 403 COMPETITIONS_NOT_JUDGE; 409 COMPETITIONS_JUDGE_CONFLICT / _ROUND_NOT_SCORING; 422. */
  app.put('/rounds/:id/entries/:entryId/score', { schema: { params: Id.extend({ entryId: z.uuid() }), body: ScoreBody } }, async (request) =>
    submitScore(roleCtx(request, ['reviewer']), request.params.id, request.params.entryId, request.body),
  );
  /** Official of the region: grant the level (or 晋升) to the members of an awarded entry; certificates issued. */
  app.post('/awards/:id/grant', { config: { regionResource: 'competitionAward' }, schema: { params: Id } }, async (request) =>
    grantLevels(roleCtx(request, ['official']), request.params.id),
  );
};
