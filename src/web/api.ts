/**
 * The one way the web app talks to the server: JSON over same-origin fetch.
 * The CSRF token comes from /api/auth/me and lives in memory only; it is sent on every non-GET request.
 * Error bodies `{ code, params, issues, requestId }` become ApiError; the UI translates `errors.<code>`.
 */
import type { ErrorIssue } from '../shared/errors.js';
import type { Me } from './api-types.js';

export class ApiError extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly issues: ErrorIssue[];
  readonly status: number;
  readonly requestId: string | undefined;
  constructor(code: string, params: Record<string, unknown> = {}, issues: ErrorIssue[] = [], status = 0, requestId?: string) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
    this.issues = issues;
    this.status = status;
    this.requestId = requestId;
  }
}

let csrfToken: string | null = null;
let sessionLostHandler: ((code: string) => void) | null = null;

/** Set after /api/auth/me, login or registration; cleared on logout. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a signed-in user's request answers 401 AUTH_SESSION_EXPIRED / AUTH_REQUIRED. */
export function onSessionLost(handler: ((code: string) => void) | null) {
  sessionLostHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw request body (imports); its content-type goes in `headers`. */
  rawBody?: Blob;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const SESSION_LOST = new Set(['AUTH_SESSION_EXPIRED', 'AUTH_REQUIRED']);

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    const b = body as { code: string; params?: Record<string, unknown>; issues?: ErrorIssue[]; requestId?: string };
    return new ApiError(b.code, b.params ?? {}, b.issues ?? [], res.status, b.requestId);
  }
  return new ApiError(res.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL', {}, [], res.status);
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: string | Blob | undefined;
  if (method !== 'GET') {
    if (opts.rawBody) body = opts.rawBody;
    else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body ?? {});
    }
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('SERVICE_UNAVAILABLE');
  }
}

/** Who is signed in: GET /api/auth/session answers `{ me: null }` for visitors (no 401 in the console). */
export async function fetchMe(): Promise<Me | null> {
  const res = await send('/api/auth/session', {});
  if (!res.ok) throw await toApiError(res);
  const { me } = (await res.json()) as { me: Me | null };
  setCsrfToken(me ? me.csrfToken : null);
  return me;
}

export async function api<T>(path: string, opts: RequestOptions = {}, retried = false): Promise<T> {
  const res = await send(path, opts);
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
  const err = await toApiError(res);
  if (err.code === 'CSRF_INVALID' && !retried) {
    // the token can be stale after signing in from another tab: fetch a fresh one and try once more
    if (await fetchMe().catch(() => null)) return api<T>(path, opts, true);
  }
  if (res.status === 401 && SESSION_LOST.has(err.code) && csrfToken !== null) {
    setCsrfToken(null);
    sessionLostHandler?.(err.code);
  }
  throw err;
}

/** A random v4 UUID, also in insecure contexts where crypto.randomUUID is missing. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
