/**
 * Turns any thrown value into a sentence in the current language: `errors.<code>` with its params
 * made readable (times in local time, field names, password problems, workflow states).
 */
import dayjs from 'dayjs';
import { ApiError } from '../api.js';
import type { I18n } from './I18nProvider.js';

/** `body/org/uscc` → `uscc`; the last path segment names the field. */
export function fieldOfPath(path: string): string {
  const parts = path.split(/[/.]/).filter((p) => p && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

export function fieldLabel(i18n: I18n, field: string): string {
  return i18n.tx(`fields.${field}`, field);
}

function localTime(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : undefined;
}

function readableParams(i18n: I18n, err: ApiError): Record<string, unknown> {
  const p = err.params;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (err.code) {
    case 'AUTH_ACCOUNT_LOCKED':
      return { until: localTime(p.until) ?? i18n.t('common.later') };
    case 'AUTH_PASSWORD_POLICY':
      return { problem: i18n.tx(`auth.password.${str(p.problem)}`, i18n.t('auth.password.hint')) };
    case 'WORKFLOW_TRANSITION_NOT_ALLOWED':
      return {
        status: i18n.tx(`orgStatus.${str(p.status)}`, i18n.tx(`jobs.status.${str(p.status)}`, str(p.status))),
        action: i18n.tx(`workflowActions.${str(p.action)}`, str(p.action)),
      };
    case 'CATALOG_UNKNOWN_CODE':
      return { field: fieldLabel(i18n, str(p.field) || 'code') };
    default:
      return p;
  }
}

function details(i18n: I18n, err: ApiError): string[] {
  const out: string[] = [];
  const sep = i18n.t('common.listSeparator');
  if (err.code === 'VALIDATION_FAILED') {
    const paths = err.issues.length > 0 ? err.issues.map((i) => i.path) : typeof err.params.field === 'string' ? [err.params.field] : [];
    const names = [...new Set(paths.map((p) => fieldLabel(i18n, fieldOfPath(p))))];
    if (names.length > 0) out.push(i18n.t('common.checkFields', { fields: names.join(sep) }));
  }
  if (err.code === 'WORKFLOW_TRANSITION_NOT_ALLOWED' && Array.isArray(err.params.allowed)) {
    const allowed = err.params.allowed.map((a) => i18n.tx(`workflowActions.${String(a)}`, String(a)));
    out.push(allowed.length ? i18n.t('common.allowedActions', { allowed: allowed.join(sep) }) : i18n.t('common.noActions'));
  }
  if (err.status >= 500 && err.requestId) out.push(i18n.t('common.requestId', { requestId: err.requestId }));
  return out;
}

export function formatError(i18n: I18n, err: unknown): string {
  if (!(err instanceof ApiError)) return i18n.t('errors.INTERNAL');
  const main = i18n.tx(`errors.${err.code}`, i18n.t('errors.INTERNAL'), readableParams(i18n, err));
  return [main, ...details(i18n, err)].join(' ');
}

/** The form field an error belongs to, when the server named one (params.field or a single issue). */
export function errorField(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (typeof err.params.field === 'string') return err.params.field;
  const first = err.issues[0];
  return err.issues.length === 1 && first ? fieldOfPath(first.path) : undefined;
}
