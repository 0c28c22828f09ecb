import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('health and documentation', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/api/health/ready' })).json().status).toBe('ready');
  });

  it('serves the OpenAPI document outside production, and not in production', async () => {
    const doc = await t.app.inject({ url: '/api/openapi.json' });
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
    const prod = await buildApp({
      database: t.database,
      config: { ...t.app.platform.config, env: 'production', apiDocs: false },
      logger: false,
      startTasks: false,
    });
    expect((await prod.inject({ url: '/api/openapi.json' })).statusCode).toBe(404);
    expect((await prod.inject({ url: '/api/docs' })).statusCode).toBe(404);
    await prod.close();
  });
});

describe('bad input gets a clear error code', () => {
  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': contentType } });

  it.each([
    ['malformed JSON', () => post('{"username": '), 400, 'VALIDATION_FAILED'],
    ['a body over 1 MB', () => post(JSON.stringify({ username: 'a', password: 'x'.repeat(2_000_000) })), 413, 'PAYLOAD_TOO_LARGE'],
    ['a form post', () => post('username=a&password=b', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a wrong type', () => post(JSON.stringify({ username: 5, password: [] })), 400, 'VALIDATION_FAILED'],
    ['an unknown route', () => t.app.inject({ url: '/api/nothing-here' }), 404, 'NOT_FOUND'],
    ['a malformed id', () => t.app.inject({ url: '/api/organisations/1%27%20or%201=1' }), 400, 'VALIDATION_FAILED'],
  ])('%s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(body.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(res.body).not.toMatch(/at .+:\d+:\d+|node_modules|SELECT |Error:/);
  });

  it('does not let __proto__ keys pollute objects', async () => {
    const res = await post('{"username":"x","password":"y","__proto__":{"polluted":true}}');
    expect(res.statusCode).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('security headers', () => {
  it('sends CSP, HSTS, nosniff, frame-ancestors and no-store on the API', async () => {
    const res = await t.app.inject({ url: '/api/health/live' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED after 20 sign-in attempts a minute from one address', async () => {
    const app = await buildApp({
      database: t.database,
      config: { ...t.app.platform.config, rateLimit: { globalPerMinute: 1000, loginPerMinute: 20 } },
      logger: false,
      startTasks: false,
    });
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'Wrong#2026x' } })).statusCode);
    }
    await app.close();
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[21]).toBe(429);
  });
});

describe('background tasks', () => {
  it('runs the audit verification as a task whose progress its owner can read', async () => {
    const auditor = await t.signIn('auditor');
    const started = await auditor.request({ method: 'POST', url: '/api/audit/verify-task' });
    expect(started.statusCode).toBe(202);
    const { taskId } = started.json();
    await t.app.platform.tasks.idle();
    let task = (await auditor.request({ url: `/api/tasks/${taskId}` })).json();
    for (let i = 0; i < 50 && task.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      task = (await auditor.request({ url: `/api/tasks/${taskId}` })).json();
    }
    expect(task.status).toBe('succeeded');
    expect(task.result.ok).toBe(true);
    expect(task.progress).toBeGreaterThan(0);
    const other = await t.signIn('official.ganzhou');
    expect((await other.request({ url: `/api/tasks/${taskId}` })).statusCode).toBe(404);
  });
});
