import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConsentPurpose } from '../../../shared/consent.js';
import { clearSessionCookie } from '../../plugins/session.js';
import { requestCtx, requireActor } from '../../plugins/request-context.js';
import { changeMyPassword, closeMyAccount, exportMyData, myData } from './account.service.js';
import { setConsent } from './consents.service.js';

const Reauth = z.object({ password: z.string().min(1).max(128) });

/** The signed-in person's own data. Responses are personal: never cached. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctxOf = (request: Parameters<typeof requireActor>[0]) => ({ ...requestCtx(request), actor: requireActor(request) });

  app.get('/', async (request) => myData(ctxOf(request)));

  app.post('/consents', { schema: { body: z.object({ purpose: ConsentPurpose, granted: z.boolean() }) } }, async (request) => {
    const ctx = ctxOf(request);
    await setConsent(ctx, ctx.actor.userId, request.body.purpose, request.body.granted);
    return myData(ctx);
  });

  app.post('/export', { schema: { body: Reauth } }, async (request, reply) => {
    const data = await exportMyData(ctxOf(request), request.body.password);
    reply.header('content-disposition', 'attachment; filename="gancai-my-data.json"');
    return data;
  });

  app.post(
    '/password',
    { schema: { body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }) } },
    async (request, reply) => {
      await changeMyPassword(ctxOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );

  app.post('/close', { schema: { body: Reauth } }, async (request, reply) => {
    await closeMyAccount(ctxOf(request), request.body.password);
    clearSessionCookie(reply);
    reply.header('clear-site-data', '"cache"'); // browser storage holds only the language choice
    return reply.status(204).send();
  });
};
