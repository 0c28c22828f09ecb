import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConsentPurpose } from '../../../shared/consent.js';
import { OrgSize } from '../../../shared/organisations.js';
import { OrgKind } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import { requestCtx, requireActor } from '../../plugins/request-context.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session.js';
import { record } from '../audit/audit.service.js';
import { registerOrganisation } from '../organisations/organisations.service.js';
import { accountSummary, login, registerTalent } from './auth.service.js';
import { destroySession } from './sessions.service.js';
import { Me, meResponse } from './me.js';

const Username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.@-]+$/);
const Password = z.string().min(1).max(128);
const DisplayName = z.string().trim().min(1).max(50);
const Consents = z.array(ConsentPurpose).max(10);
const Region = z.string().regex(/^\d{6}$/);

async function signedIn(ctx: Ctx, reply: FastifyReply, s: { userId: string; token: string; expiresAt: Date; csrfToken: string; idleMinutes: number }) {
  setSessionCookie(reply, s.token, s.expiresAt);
  return meResponse(await accountSummary(ctx, s.userId), s.csrfToken, s.idleMinutes, s.expiresAt);
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  /** 200 signed in; 401 AUTH_INVALID_CREDENTIALS | AUTH_TOTP_REQUIRED | AUTH_TOTP_INVALID; 423 AUTH_ACCOUNT_LOCKED; 429. */
  app.post(
    '/login',
    {
      config: { public: true, rateLimit: { max: app.platform.config.rateLimit.loginPerMinute, timeWindow: 60_000 } },
      schema: { body: z.object({ username: z.string().trim().min(1).max(64), password: Password, totp: z.string().max(8).optional() }), response: { 200: Me } },
    },
    async (request, reply) => signedIn(requestCtx(request), reply, await login(requestCtx(request), request.body)),
  );

  app.post('/logout', { schema: {} }, async (request, reply) => {
    const actor = requireActor(request);
    const ctx = requestCtx(request);
    await ctx.db.transaction(async (tx) => {
      await destroySession({ ...ctx, db: tx as never }, actor.sessionId);
      await record({ ...ctx, db: tx as never }, { action: 'auth.logout', objectType: 'user', objectId: actor.userId, regionCode: actor.regionCode });
    });
    clearSessionCookie(reply);
    reply.header('clear-site-data', '"cache"'); // browser storage holds only the language choice
    return reply.status(204).send();
  });

  async function currentMe(request: FastifyRequest, actor: Actor) {
    const ctx = requestCtx(request);
    const session = await ctx.db.query.sessions.findFirst({ where: (s, { eq }) => eq(s.id, actor.sessionId) });
    return meResponse(await accountSummary(ctx, actor.userId), request.csrfToken ?? '', session?.idleMinutes ?? 30, session?.expiresAt ?? ctx.now);
  }

  app.get('/me', { schema: { response: { 200: Me } } }, async (request) => currentMe(request, requireActor(request)));

  /** Who is signed in, for the web app's first load: 200 with `me: null` for visitors (no 401 in the console). */
  app.get('/session', { config: { public: true }, schema: { response: { 200: z.object({ me: Me.nullable() }) } } }, async (request) => ({
    me: request.actor ? await currentMe(request, request.actor) : null,
  }));

  app.post(
    '/register/talent',
    {
      config: { public: true },
      schema: {
        body: z.object({
          username: Username,
          password: Password,
          displayName: DisplayName,
          regionCode: Region,
          idNumber: z.string().max(40),
          phone: z.string().max(20),
          consents: Consents,
        }),
        response: { 201: Me },
      },
    },
    async (request, reply) => {
      const ctx = requestCtx(request);
      const me = await signedIn(ctx, reply, await registerTalent(ctx, request.body));
      return reply.status(201).send(me);
    },
  );

  app.post(
    '/register/organisation',
    {
      config: { public: true },
      schema: {
        body: z.object({
          org: z.object({
            kind: OrgKind,
            name: z.string().trim().min(2).max(100),
            uscc: z.string().max(30),
            regionCode: Region,
            industryCode: z.string().max(8).optional(),
            size: OrgSize.optional(),
            address: z.string().trim().max(200).optional(),
            contactName: z.string().trim().min(1).max(50),
            contactPhone: z.string().max(20),
          }),
          account: z.object({ username: Username, password: Password, displayName: DisplayName }),
          consents: Consents,
        }),
        response: { 201: Me },
      },
    },
    async (request, reply) => {
      const ctx = requestCtx(request);
      const me = await signedIn(ctx, reply, await registerOrganisation(ctx, request.body));
      return reply.status(201).send(me);
    },
  );
};
