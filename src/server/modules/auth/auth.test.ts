import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFrom, type TestApp } from '../../../../test/helpers.js';
import { idNumberCheckChar } from '../../../shared/identifiers.js';
import { buildApp } from '../../app.js';
import { systemCtx } from '../../context.js';
import { DEMO_PASSWORD, demoAccountInfo, seedDemoAccounts } from '../../seed/demo-accounts.js';
import { currentTotp } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });

async function totpSecret(username: string) {
  const info = (await demoAccountInfo(t.ctx())).find((a) => a.username === username);
  return info?.totpSecret ?? '';
}

describe('sign-in', () => {
  it('signs a talent in with a password and returns masked identifiers', async () => {
    const res = await login({ username: 'talent.ganzhou', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.idNumberMasked).toBe('3607**********2427');
    expect(body.user.phoneMasked).toBe('139****1234');
    expect(res.body).not.toContain('360702199703152427');
    const cookie = res.cookies.find((c) => c.name === 'gancai_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown user and a wrong password identically', async () => {
    const a = await login({ username: 'nobody-here', password: 'Wrong#2026x' });
    const b = await login({ username: 'employer.ganzhou', password: 'Wrong#2026x' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    const strip = (s: string) => ({ ...JSON.parse(s), requestId: undefined });
    expect(strip(a.body)).toEqual(strip(b.body));
    expect(a.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('requires the second factor of officials, and refuses a replayed code', async () => {
    const first = await login({ username: 'official.nanchang', password: DEMO_PASSWORD });
    expect(first.statusCode).toBe(401);
    expect(first.json().code).toBe('AUTH_TOTP_REQUIRED');
    t.clock.advance(31_000);
    const code = currentTotp(await totpSecret('official.nanchang'), t.clock.now());
    expect((await login({ username: 'official.nanchang', password: DEMO_PASSWORD, totp: code })).statusCode).toBe(200);
    const replay = await login({ username: 'official.nanchang', password: DEMO_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_TOTP_INVALID');
  });

  it('locks a name after 5 failures for 30 minutes, even with the right password, and the lock survives a restart', async () => {
    for (let i = 0; i < 4; i++) expect((await login({ username: 'agency.nanchang', password: 'Wrong#2026x' })).statusCode).toBe(401);
    const fifth = await login({ username: 'agency.nanchang', password: 'Wrong#2026x' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    // a new app process on the same database still refuses
    const restarted = await buildApp({ database: t.database, config: t.app.platform.config, clock: t.clock, logger: false, startTasks: false });
    const sixth = await restarted.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agency.nanchang', password: DEMO_PASSWORD } });
    expect(sixth.statusCode).toBe(423);
    await restarted.close();
    t.clock.advance(31 * 60_000);
    expect((await login({ username: 'agency.nanchang', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('locks unknown names the same way (no enumeration through the lockout)', async () => {
    for (let i = 0; i < 4; i++) await login({ username: 'ghost.user', password: 'Wrong#2026x' });
    expect((await login({ username: 'ghost.user', password: 'Wrong#2026x' })).statusCode).toBe(423);
  });

  it('validates the body and names the field', async () => {
    const res = await login({ username: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().issues[0].path).toContain('username');
  });
});

describe('sessions', () => {
  it('expires after 30 idle minutes for a talent, and logout kills the session', async () => {
    const s = await t.signIn('talent.ganzhou');
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await s.request({ method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('AUTH_SESSION_EXPIRED');

    const s2 = await t.signIn('talent.ganzhou');
    expect((await s2.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await s2.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers GET /session with me: null for visitors and after expiry, and with the account when signed in', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ me: null });
    const s = await t.signIn('talent.ganzhou');
    const signed = await s.request({ method: 'GET', url: '/api/auth/session' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().me.user.username).toBe('talent.ganzhou');
    expect(signed.json().me.csrfToken).toBeTruthy();
    t.clock.advance(31 * 60_000);
    const expired = await s.request({ method: 'GET', url: '/api/auth/session' });
    expect(expired.statusCode).toBe(200);
    expect(expired.json()).toEqual({ me: null });
  });

  it('expires an official after 15 idle minutes and anyone after 12 hours', async () => {
    const official = await t.signIn('official.ganzhou');
    t.clock.advance(16 * 60_000);
    expect((await official.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const talent = await t.signIn('talent.ganzhou');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      const r = await talent.request({ method: 'GET', url: '/api/auth/me' });
      if (i < 24) expect(r.statusCode).toBe(200);
      else expect(r.statusCode).toBe(401);
    }
  });

  it('refuses a state change without the CSRF token', async () => {
    const s = await t.signIn('talent.ganzhou');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
  });
});

describe('talent registration', () => {
  const body = {
    username: 'newtalent01',
    password: 'Jiangxi#2026',
    displayName: '李明',
    regionCode: '360702',
    idNumber: `36070219950101001${idNumberCheckChar('36070219950101001')}`,
    phone: '13812345678',
    consents: ['privacy_policy', 'sensitive_pi'],
  };
  it('registers and signs in, with identifiers sealed', async () => {
    const fixed = body;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/talent', payload: fixed });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.idNumberMasked).toMatch(/^3607\*{10}\d{3}[\dX]$/);
    const s = sessionFrom(t.app, res);
    expect((await s.request({ method: 'GET', url: '/api/account' })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/register/talent', payload: fixed });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('AUTH_USERNAME_TAKEN');
    const sameId = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/talent',
      payload: { ...fixed, username: 'newtalent02', phone: '13812345679' },
    });
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json().code).toBe('AUTH_ID_NUMBER_REGISTERED');
  });

  it.each([
    [{ idNumber: '360702199501010011' }, 'PI_ID_NUMBER_CHECKSUM'],
    [{ idNumber: '12345' }, 'PI_ID_NUMBER_INVALID'],
    [{ phone: '12345678901' }, 'PI_PHONE_INVALID'],
    [{ password: 'password' }, 'AUTH_PASSWORD_POLICY'],
    [{ regionCode: '110101' }, 'CATALOG_UNKNOWN_CODE'],
    [{ consents: ['privacy_policy'] }, 'VALIDATION_FAILED'],
  ])('refuses %o with %s', async (change, code) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/talent', payload: { ...body, username: 'badtalent', ...change } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });
});

describe('demo accounts', () => {
  it('joins an organisation an earlier seed created without an account, instead of failing on its USCC', async () => {
    const [before] = await t.database.query<{ org_id: string }>(`select org_id from users where username = 'host.ganzhou'`);
    expect(before?.org_id).toBeTruthy();
    // as a database seeded before host.ganzhou existed: the operator's company is there, the account is not
    await t.database.query(`update users set username = 'host.ganzhou.earlier' where username = 'host.ganzhou'`);
    await seedDemoAccounts(systemCtx(t.app.platform));
    const [after] = await t.database.query<{ org_id: string }>(`select org_id from users where username = 'host.ganzhou'`);
    expect(after?.org_id).toBe(before?.org_id);
  });
});
