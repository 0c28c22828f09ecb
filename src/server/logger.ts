/**
 * Structured logs (pino) with redaction: cookies, tokens, passwords and any 身份证号 or mobile number
 * that might appear in a URL are removed before a line is written.
 */
import type { FastifyRequest } from 'fastify';

const ID_NUMBER = /[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
// CR, LF and ESC would let input forge or colour log lines.
const CONTROL = new RegExp(`[${String.fromCharCode(13, 10, 27)}]`, 'g');

export function scrub(text: string): string {
  return text.replace(ID_NUMBER, '[id-number]').replace(MOBILE, '[phone]').replace(CONTROL, ' ');
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.idNumber',
        '*.phone',
        '*.totp',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: scrub(request.url), id: request.id, remoteAddress: request.ip };
      },
      err(err: Error & { code?: string }) {
        return { type: err.name, code: err.code, message: scrub(err.message), stack: err.stack ? scrub(err.stack) : '' };
      },
    },
  };
}
