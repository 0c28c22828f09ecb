import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClassListQuery,
  CreateClass,
  ExamResultsBody,
  ManageClassQuery,
  RatingBody,
  SessionCheckInBody,
  SponsorBody,
  TrainingStatsQuery,
  TransitionBody,
  UpdateClass,
} from '../../../shared/training.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { queuePrefill } from '../policies/policies.prefill.js';
import { completedTrainees } from './training.records.js';
import { idempotent } from '../workflow/idempotency.js';
import { checkInSession, recordExamResults } from './training.checkin.js';
import { answerOffer, enrol, listSponsored, roster, sponsor, withdraw } from './training.enrolments.js';
import { listMyEnrolments, rateClass } from './training.mine.js';
import { createClass, getClass, listManagedClasses, listPublicClasses, transitionClass, updateClass } from './training.service.js';
import { providerPage, trainingStats } from './training.stats.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const ReasonBody = TransitionBody.default({});

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Public class search, no account (?programmeType ?occupationCode ?city ?subsidised ?open ?q). 400. */
  app.get('/classes', { schema: { querystring: ClassListQuery } }, async (request) => listPublicClasses(requestCtx(request), request.query));

  /** Provider: the organisation's classes, any status. 401; 403. */
  app.get('/classes/manage', { schema: { querystring: ManageClassQuery } }, async (request) =>
    listManagedClasses(roleCtx(request, ['provider']), request.query),
  );

  /** Talent: own enrolments with tickets (QR data URL and short code). 401; 403. */
  app.get('/enrolments/mine', async (request) => listMyEnrolments(roleCtx(request, ['talent'])));

  /** Employer: places it sponsored. 401; 403. */
  app.get('/sponsorships', async (request) => listSponsored(roleCtx(request, ['employer'])));

  /** Official: person-times by year, city, programme type and occupation, region-scoped. 401; 403. */
  app.get('/stats', { schema: { querystring: TrainingStatsQuery } }, async (request) => trainingStats(roleCtx(request, ['official']), request.query));

  /** Public provider page: classes, completion and later-employment rates, ratings. 404. */
  app.get('/providers/:id', { schema: { params: Id } }, async (request) => providerPage(requestCtx(request), request.params.id));

  /** Provider: a new draft. 201; 400 VALIDATION_FAILED / CATALOG_UNKNOWN_CODE; 403 TRAINING_ORG_NOT_VERIFIED. */
  app.post('/classes', { schema: { body: CreateClass } }, async (request, reply) =>
    reply.status(201).send(await createClass(roleCtx(request, ['provider']), request.body)),
  );

  /** A public class to anyone; drafts and cancelled classes to the owning provider. 404. */
  app.get('/classes/:id', { schema: { params: Id } }, async (request) => getClass(requestCtx(request), request.params.id));

  /** Provider: edit a draft (the fields sent). 400; 404; 409 TRAINING_NOT_EDITABLE. */
  app.patch('/classes/:id', { schema: { params: Id, body: UpdateClass } }, async (request) =>
    updateClass(roleCtx(request, ['provider']), request.params.id, request.body),
  );

  /**
   * publish / close / reopen / finish / cancel (reason). 400; 403; 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED /
   * ACCREDITATION_REQUIRED / TRAINING_SCHEDULE_PAST / TRAINING_NOT_ENDED.
   */
  app.post('/classes/:id/transitions/:action', { schema: { params: Action, body: ReasonBody, headers: IdempotencyHeader } }, async (request) => {
    const ctx = roleCtx(request, ['provider']);
    const { id, action } = request.params;
    const out = await idempotent(ctx, `training_class.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
      transitionClass({ ...c, actor: ctx.actor }, id, action, request.body),
    );
    // 免申即享: whoever completed the class finds their training-subsidy claim prepared the same day
    if (action === 'finish') await queuePrefill(ctx, await completedTrainees(ctx, id));
    return out;
  });

  /** Talent: enrol (Idempotency-Key; an active enrolment comes back as it is). 404; 409 TRAINING_ENROLMENT_CLOSED. */
  app.post('/classes/:id/enrolment', { schema: { params: Id, headers: IdempotencyHeader } }, async (request) => {
    const ctx = roleCtx(request, ['talent']);
    const { id } = request.params;
    return idempotent(ctx, `training.enrol:${id}`, request.headers['idempotency-key'], {}, (c) => enrol({ ...c, actor: ctx.actor }, id));
  });

  /** Talent: withdraw (reason optional); the first on the waitlist gets the seat. 404. */
  app.post('/classes/:id/enrolment/withdraw', { schema: { params: Id, body: ReasonBody } }, async (request) =>
    withdraw(roleCtx(request, ['talent']), request.params.id, request.body.reason),
  );

  /** Talent: accept an employer's sponsored place (a seat or the waitlist). 404; 409 TRAINING_ENROLMENT_CLOSED. */
  app.post('/classes/:id/offer/accept', { schema: { params: Id } }, async (request) => answerOffer(roleCtx(request, ['talent']), request.params.id, true));

  /** Talent: decline an employer's sponsored place. 404. */
  app.post('/classes/:id/offer/decline', { schema: { params: Id, body: ReasonBody } }, async (request) =>
    answerOffer(roleCtx(request, ['talent']), request.params.id, false, request.body.reason),
  );

  /** Employer: sponsor an employee (by registered mobile). 201; 403; 404 TRAINING_SPONSEE_NOT_FOUND; 409. */
  app.post('/classes/:id/sponsorships', { schema: { params: Id, body: SponsorBody } }, async (request, reply) =>
    reply.status(201).send(await sponsor(roleCtx(request, ['employer']), request.params.id, request.body)),
  );

  /** Provider: roster with attendance and exam results, names masked (read audited). 404. */
  app.get('/classes/:id/roster', { schema: { params: Id } }, async (request) => roster(roleCtx(request, ['provider']), request.params.id));

  /**
   * Provider: check a ticket in for a session by QR token or short code. 200 {result}; 404; 409
   * TRAINING_TICKET_OTHER_CLASS / TRAINING_TICKET_CANCELLED / TRAINING_TICKET_NO_SEAT / TRAINING_SESSION_NOT_RUNNING; 422 TRAINING_TICKET_INVALID.
   */
  app.post('/classes/:id/check-in', { schema: { params: Id, body: SessionCheckInBody } }, async (request) =>
    checkInSession(roleCtx(request, ['provider']), request.params.id, request.body),
  );

  /** Provider: exam results of seated trainees. 400; 404; 409 TRAINING_NO_EXAM / TRAINING_NOT_RUNNING. */
  app.post('/classes/:id/exam-results', { schema: { params: Id, body: ExamResultsBody } }, async (request) =>
    recordExamResults(roleCtx(request, ['provider']), request.params.id, request.body),
  );

  /** Talent: rate a completed class once. 404; 409 TRAINING_RATING_NOT_ALLOWED. */
  app.post('/classes/:id/rating', { schema: { params: Id, body: RatingBody } }, async (request) =>
    rateClass(roleCtx(request, ['talent']), request.params.id, request.body),
  );
};
