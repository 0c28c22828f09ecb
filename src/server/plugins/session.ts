/**
 * Loads the session named by the cookie into request.actor, and enforces CSRF:
 * every state-changing request of a signed-in user carries the session's token in `x-csrf-token`.
 * Requests without a session can only send JSON (other content types are refused with 415),
 * which a cross-site form cannot do.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { loadSession } from '../modules/auth/sessions.service.js';
import { requestCtx } from './request-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(production: boolean) {
  return production ? '__Host-gancai_sid' : 'gancai_sid';
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date) {
  const production = reply.server.platform.config.env === 'production';
  reply.setCookie(sessionCookieName(production), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: production,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  const production = reply.server.platform.config.env === 'production';
  reply.clearCookie(sessionCookieName(production), { path: '/', httpOnly: true, sameSite: 'strict', secure: production });
}

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerSession(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const name = sessionCookieName(app.platform.config.env === 'production');
    const token = request.cookies[name];
    if (!token) return;
    const loaded = await loadSession(requestCtx(request), token);
    if (loaded === 'missing' || loaded === 'expired') {
      request.sessionExpired = true;
      clearSessionCookie(reply);
      return;
    }
    request.actor = loaded.actor;
    request.csrfToken = loaded.csrfToken;
    if (!SAFE.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, loaded.csrfToken)) {
        throw new AppError('CSRF_INVALID', { status: 403, params: { reason: 'csrf' } });
      }
    }
  });
}
