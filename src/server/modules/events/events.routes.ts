import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceQuery,
  CheckInBody,
  CreateEvent,
  EventListQuery,
  HeadcountBody,
  ManageListQuery,
  ParticipateBody,
  RegistrationStatus,
  TransitionBody,
  UpdateEvent,
} from '../../../shared/events.js';
import { requestCtx, roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { checkIn, eventAttendance } from './events.checkin.js';
import { assertManagesEvent, recordHeadcount } from './events.literacy.js';
import { listMyRegistrations } from './events.mine.js';
import { listParticipating, participate, transitionParticipant } from './events.participants.js';
import { cancelRegistration, listRegistrations, register } from './events.registrations.js';
import { createEvent, getEvent, listManagedEvents, listPublicEvents, transitionEvent, updateEvent } from './events.service.js';

const Id = z.object({ id: z.uuid() });
const Action = Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
const RegistrationsQuery = z.object({
  status: RegistrationStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Public list, no account: published, registration-closed and finished events (?city ?kind ?upcoming ?q). 400. */
  app.get('/', { schema: { querystring: EventListQuery } }, async (request) => listPublicEvents(requestCtx(request), request.query));

  /** Official: every event of the region, any status. 401; 403. */
  app.get('/manage', { schema: { querystring: ManageListQuery } }, async (request) => listManagedEvents(roleCtx(request, ['official']), request.query));

  /** Official: registration, check-in and walk-in counts per event of the region (?category=literacy). 400; 401; 403. */
  app.get('/attendance', { schema: { querystring: AttendanceQuery } }, async (request) => eventAttendance(roleCtx(request, ['official']), request.query));

  /** Talent: own registrations with tickets (QR data URL and short code). 401; 403. */
  app.get('/registrations/mine', async (request) => listMyRegistrations(roleCtx(request, ['talent'])));

  /** Employer: events the organisation applied to, was invited to or takes part in. 401; 403. */
  app.get('/participating', async (request) => listParticipating(roleCtx(request, ['employer'])));

  /** Official: a new draft in the region. 201; 400 VALIDATION_FAILED / CATALOG_UNKNOWN_CODE; 403 FORBIDDEN_REGION. */
  app.post('/', { schema: { body: CreateEvent } }, async (request, reply) =>
    reply.status(201).send(await createEvent(roleCtx(request, ['official']), request.body)),
  );

  /** A public event to anyone; drafts and cancelled events to officials of the region. 404. */
  app.get('/:id', { config: { regionResource: 'event' }, schema: { params: Id } }, async (request) => getEvent(requestCtx(request), request.params.id));

  /** Official of the region: edit (the fields sent). 400; 403; 404; 409 EVENTS_NOT_EDITABLE / EVENTS_CAPACITY_BELOW_REGISTRATIONS. */
  app.patch('/:id', { config: { regionResource: 'event' }, schema: { params: Id, body: UpdateEvent } }, async (request) =>
    updateEvent(roleCtx(request, ['official']), request.params.id, request.body),
  );

  /** publish / close_registration / reopen_registration / finish / cancel (reason). 400; 403; 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED. */
  app.post(
    '/:id/transitions/:action',
    { config: { regionResource: 'event' }, schema: { params: Action, body: TransitionBody.default({}), headers: IdempotencyHeader } },
    async (request) => {
      const ctx = roleCtx(request, ['official']);
      const { id, action } = request.params;
      return idempotent(ctx, `event.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionEvent({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );

  /** Talent: register (idempotent: an active registration comes back as it is). 404; 409 EVENTS_REGISTRATION_CLOSED. */
  app.post('/:id/registration', { config: { regionResource: 'event' }, schema: { params: Id } }, async (request) =>
    register(roleCtx(request, ['talent']), request.params.id),
  );

  /** Talent: cancel the own registration; the first on the waitlist gets the seat. 404. */
  app.post('/:id/registration/cancel', { config: { regionResource: 'event' }, schema: { params: Id } }, async (request) =>
    cancelRegistration(roleCtx(request, ['talent']), request.params.id),
  );

  /** Official of the region: registrations, names and phones masked (read audited). 401; 403; 404. */
  app.get('/:id/registrations', { config: { regionResource: 'event' }, schema: { params: Id, querystring: RegistrationsQuery } }, async (request) =>
    listRegistrations(roleCtx(request, ['official']), request.params.id, request.query),
  );

  /**
   * Employer: apply with own published postings; official of the region: invite `orgId`. 201; 400
   * EVENTS_JOB_NOT_PUBLISHED; 403 EVENTS_ORG_NOT_VERIFIED; 404; 409 EVENTS_NOT_OPEN_TO_EMPLOYERS / EVENTS_PARTICIPATION_EXISTS.
   */
  app.post('/:id/participants', { config: { regionResource: 'event' }, schema: { params: Id, body: ParticipateBody } }, async (request, reply) =>
    reply.status(201).send(await participate(roleCtx(request, ['employer', 'official']), request.params.id, request.body)),
  );

  /** approve / reject (official, reason) / accept / decline / withdraw / reapply (employer). 400; 403; 404; 409. */
  app.post(
    '/participants/:id/transitions/:action',
    { config: { regionResource: 'eventParticipant' }, schema: { params: Action, body: TransitionBody.default({}) } },
    async (request) => transitionParticipant(roleCtx(request, ['employer', 'official']), request.params.id, request.params.action, request.body),
  );

  /**
   * Official of the region: the walk-in headcount of a digital-literacy activity (the total, replacing the
   * previous one; audited). 400; 403; 404; 409 EVENTS_HEADCOUNT_NOT_APPLICABLE / EVENTS_HEADCOUNT_CLOSED.
   */
  app.post(
    '/:id/headcount',
    {
      // role and region before the body is validated: an outsider learns nothing from a malformed request
      preValidation: async (request) => assertManagesEvent(roleCtx(request, ['official']), (request.params as { id: string }).id),
      config: { regionResource: 'event' },
      schema: { params: Id, body: HeadcountBody },
    },
    async (request) => recordHeadcount(roleCtx(request, ['official']), request.params.id, request.body),
  );

  /**
   * Official of the region: check a ticket in by QR token or short code. 200 {result}; 404; 409
   * EVENTS_TICKET_OTHER_EVENT / EVENTS_TICKET_CANCELLED / EVENTS_TICKET_WAITLISTED / EVENTS_NOT_RUNNING; 422 EVENTS_TICKET_INVALID.
   */
  app.post('/:id/check-in', { config: { regionResource: 'event' }, schema: { params: Id, body: CheckInBody } }, async (request) =>
    checkIn(roleCtx(request, ['official']), request.params.id, request.body),
  );
};
