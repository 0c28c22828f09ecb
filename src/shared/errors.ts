import { z } from 'zod';

/**
 * Every error the server can send. The server never sends prose: the web app
 * translates `errors.<code>` with `params` (see src/web/i18n).
 * Codes are prefixed by the module that raises them.
 */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'INTERNAL',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_ACCOUNT_LOCKED',
  'AUTH_ACCOUNT_DISABLED',
  'AUTH_TOTP_REQUIRED',
  'AUTH_TOTP_INVALID',
  'AUTH_TOTP_ENROLMENT_REQUIRED',
  'AUTH_SESSION_EXPIRED',
  'AUTH_PASSWORD_POLICY',
  'AUTH_USERNAME_TAKEN',
  'AUTH_ID_NUMBER_REGISTERED',
  'AUTH_REAUTH_REQUIRED',
  'CSRF_INVALID',
  'FORBIDDEN',
  'FORBIDDEN_REGION',
  'PI_ID_NUMBER_INVALID',
  'PI_ID_NUMBER_CHECKSUM',
  'PI_ID_NUMBER_LEGACY',
  'PI_PHONE_INVALID',
  'PI_REVEAL_REASON_REQUIRED',
  'ORG_USCC_INVALID',
  'ORG_USCC_TAKEN',
  'WORKFLOW_TRANSITION_NOT_ALLOWED',
  'WORKFLOW_REASON_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'CATALOG_UNKNOWN_CODE',
  'TASK_NOT_FOUND',
  'ACCOUNT_CLOSED',
  'JOBS_ORG_NOT_VERIFIED',
  'JOBS_NOT_EDITABLE',
  'JOBS_VETTING_FINDINGS',
  'JOBS_DUPLICATE',
  'JOBS_NO_MATCH',
  'APPLICATIONS_DUPLICATE',
  'APPLICATIONS_PROFILE_REQUIRED',
  'APPLICATIONS_JOB_NOT_OPEN',
  'EVENTS_NOT_EDITABLE',
  'EVENTS_CAPACITY_BELOW_REGISTRATIONS',
  'EVENTS_REGISTRATION_CLOSED',
  'EVENTS_ORG_NOT_VERIFIED',
  'EVENTS_JOB_NOT_PUBLISHED',
  'EVENTS_NOT_OPEN_TO_EMPLOYERS',
  'EVENTS_PARTICIPATION_EXISTS',
  'EVENTS_TICKET_INVALID',
  'EVENTS_TICKET_OTHER_EVENT',
  'EVENTS_TICKET_CANCELLED',
  'EVENTS_TICKET_WAITLISTED',
  'EVENTS_NOT_RUNNING',
  'IMPORT_FILE_EMPTY',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_HEADER_MISSING',
  'IMPORT_NOT_FINISHED',
  'TALENTPOOL_ORG_NOT_VERIFIED',
  'TALENTPOOL_JOB_NOT_OPEN',
  'TALENTPOOL_DAILY_LIMIT',
  'TALENTPOOL_CONTACT_LOCKED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), code: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z.object({
  code: ErrorCode,
  params: z.record(z.string(), z.unknown()).optional(),
  issues: z.array(ErrorIssue).optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Thrown by services; mapped to HTTP by the one error handler. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, opts: { status?: number; params?: Record<string, unknown> } = {}) {
    super(code);
    this.code = code;
    this.status = opts.status ?? 400;
    this.params = opts.params;
  }
}
