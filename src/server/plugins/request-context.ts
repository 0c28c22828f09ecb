/** Builds the service context from a request, and the role guards routes call first. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import type { Actor, Ctx, Platform } from '../context.js';

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The region-owned resource named by this route's `:id`, for the cross-region test matrix. */
    regionResource?: string;
    /** Routes that accept a state change without a session (login, registration). */
    public?: boolean;
  }
}

export function requestCtx(request: FastifyRequest): Ctx {
  const platform = request.server.platform;
  return {
    db: platform.database.db,
    platform,
    actor: request.actor,
    now: platform.clock.now(),
    requestId: request.id,
    ip: request.ip ?? null,
  };
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED', { status: 401 });
  return request.actor;
}

export function requireRole(request: FastifyRequest, roles: readonly Role[]): Actor {
  const actor = requireActor(request);
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  return actor;
}

/** Context for a signed-in actor of one of `roles`. */
export function roleCtx(request: FastifyRequest, roles: readonly Role[]): Ctx & { actor: Actor } {
  const actor = requireRole(request, roles);
  return { ...requestCtx(request), actor };
}
