import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateInvitation, InvitationListQuery, InvitationTransitionBody, TalentSearchQuery } from '../../../shared/talentpool.js';
import { roleCtx } from '../../plugins/request-context.js';
import { idempotent } from '../workflow/idempotency.js';
import { invitationDetail, listMyInvitations, listSentInvitations } from './talentpool.queries.js';
import { searchTalents } from './talentpool.search.js';
import { revealContact, sendInvitation, transitionInvitation } from './talentpool.service.js';

const Id = z.object({ id: z.uuid() });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const talentPoolRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Verified employer: search the profiles opened to employers (names masked). 400; 401; 403 (TALENTPOOL_ORG_NOT_VERIFIED). */
  app.get('/search', { schema: { querystring: TalentSearchQuery } }, async (request) => searchTalents(roleCtx(request, ['employer']), request.query));

  /**
   * Verified employer: invite a talent (to a live own posting, or to talk). 201 new; 200 the same open invitation
   * already sent; 400; 401; 403; 404; 409 TALENTPOOL_JOB_NOT_OPEN; 422 IDEMPOTENCY_KEY_REUSED; 429 TALENTPOOL_DAILY_LIMIT.
   */
  app.post('/invitations', { schema: { body: CreateInvitation, headers: IdempotencyHeader } }, async (request, reply) => {
    const ctx = roleCtx(request, ['employer']);
    const result = await idempotent(ctx, 'invitation.send', request.headers['idempotency-key'], request.body, (c) =>
      sendInvitation({ ...c, actor: ctx.actor }, request.body),
    );
    return reply.status(result.created ? 201 : 200).send(result);
  });

  /** Talent: own invitations, newest first. 401; 403. */
  app.get('/invitations/mine', { schema: { querystring: InvitationListQuery } }, async (request) =>
    listMyInvitations(roleCtx(request, ['talent']), request.query),
  );

  /** Employer: the organisation's invitations, talent masked. 401; 403. */
  app.get('/invitations/sent', { schema: { querystring: InvitationListQuery } }, async (request) =>
    listSentInvitations(roleCtx(request, ['employer']), request.query),
  );

  /** The invited talent or the inviting organisation. 401; 403; 404. */
  app.get('/invitations/:id', { config: { regionResource: 'invitation' }, schema: { params: Id } }, async (request) =>
    invitationDetail(roleCtx(request, ['talent', 'employer']), request.params.id),
  );

  /**
   * accept (talent; `apply: true` also applies to the job) / decline (talent) / withdraw (employer).
   * 400; 401; 403; 404; 409 WORKFLOW_TRANSITION_NOT_ALLOWED (also past expiry) / APPLICATIONS_*.
   */
  app.post(
    '/invitations/:id/transitions/:action',
    {
      config: { regionResource: 'invitation' },
      schema: { params: Id.extend({ action: z.string().regex(/^[a-z_]{2,30}$/) }), body: InvitationTransitionBody.default({}), headers: IdempotencyHeader },
    },
    async (request) => {
      const ctx = roleCtx(request, ['talent', 'employer']);
      const { id, action } = request.params;
      return idempotent(ctx, `invitation.${action}:${id}`, request.headers['idempotency-key'], request.body, (c) =>
        transitionInvitation({ ...c, actor: ctx.actor }, id, action, request.body),
      );
    },
  );

  /** Inviting employer, after acceptance: the talent's real name and phone (audited reveal). 401; 403; 404; 409 TALENTPOOL_CONTACT_LOCKED. */
  app.post('/invitations/:id/contact', { config: { regionResource: 'invitation' }, schema: { params: Id } }, async (request) =>
    revealContact(roleCtx(request, ['employer']), request.params.id),
  );
};
