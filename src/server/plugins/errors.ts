/**
 * The one error handler: AppError → its status and code; validation → 400 VALIDATION_FAILED with
 * the failing fields; everything else → 500 INTERNAL with the request id, details only in the log.
 * Denials (403, and 404s raised by the region scope) are written to the audit trail.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import { recordAlone } from '../modules/audit/audit.service.js';
import { requestCtx } from './request-context.js';

function send(reply: FastifyReply, status: number, body: Omit<ErrorBody, 'requestId'>) {
  return reply.status(status).send({ ...body, requestId: reply.request.id });
}

async function auditDenial(request: FastifyRequest, code: ErrorCode, reason: unknown) {
  const ctx = requestCtx(request);
  await recordAlone(ctx, {
    action: 'access.denied',
    result: 'denied',
    regionCode: ctx.actor?.regionCode ?? null,
    detail: { code, method: request.method, route: request.routeOptions.url ?? 'unknown', reason: String(reason ?? code) },
  }).catch((err) => request.log.error({ err }, 'audit of denial failed'));
}

const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_VALIDATION: { status: 400, code: 'VALIDATION_FAILED' },
};

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const regionDenial = error.code === 'NOT_FOUND' && error.params?.reason === 'region';
      if (error.status === 403 || regionDenial) await auditDenial(request, error.code, error.params?.reason);
      return send(reply, error.status, { code: error.code, ...(error.params && !regionDenial ? { params: error.params } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/^\//, '') || String(error.validationContext ?? ''),
        code: String(v.params?.issue && typeof v.params.issue === 'object' ? ((v.params.issue as { code?: string }).code ?? v.keyword) : v.keyword),
      }));
      return send(reply, 400, { code: 'VALIDATION_FAILED', issues });
    }
    const fe = error as FastifyError;
    if (fe.statusCode === 429) return send(reply, 429, { code: 'RATE_LIMITED' });
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) return send(reply, mapped.status, { code: mapped.code });
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return send(reply, fe.statusCode, { code: 'VALIDATION_FAILED' });
    if (isDatabaseUnavailable(error)) {
      reply.header('retry-after', '5');
      return send(reply, 503, { code: 'SERVICE_UNAVAILABLE' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { code: 'INTERNAL' });
  });
}

function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: string }).code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003'].includes(code)) return true;
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message)) return true;
  // Drizzle wraps driver errors; the cause says what happened.
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
