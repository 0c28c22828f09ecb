/**
 * No 身份证号 or phone number in plain text in any table, in any log line, or in any API response of a
 * role that has not revealed it (SECURITY.md T-09, T-20). Data subject rights: export and closure (T-14).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/shared/identifiers.js';
import { buildApp } from '../src/server/app.js';
import { silentProgress } from '../src/server/lib/progress.js';
import { seed } from '../src/server/seed/seed.js';
import { DEMO_ACCOUNTS } from '../src/server/seed/demo-accounts.js';
import { createTestApp, sessionFrom, type TestApp } from './helpers.js';

const ID_NUMBER = /[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** UUIDs and long hex strings (request ids, digests) can hold 11 digits in a row by chance: drop them first. */
const withoutIds = (text: string) =>
  text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>').replace(/\b[0-9a-f]{32,}\b/gi, '<hex>');

let t: TestApp;
const logLines: string[] = [];
const idNumber = `36072219880808123${idNumberCheckChar('36072219880808123')}`;
const phone = '13979712345';

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.ctx(), 'ci', silentProgress);
});
afterAll(async () => t?.close());

describe('personal identifiers at rest', () => {
  it('appear in no text or JSON column of any table', async () => {
    const columns = await t.database.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying', 'ARRAY')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    // hex digests and random tokens can contain 11-digit runs by chance; they hold no identifier
    const digest = (c: { table_name: string; column_name: string }) =>
      /(^|_)(hash|bidx|seal)$|^csrf_token$|^request_hash$/.test(c.column_name) ||
      (c.table_name === 'sessions' && c.column_name === 'id') ||
      (c.table_name === 'login_throttle' && c.column_name === 'key');
    for (const c of columns.filter((col) => !digest(col))) {
      const rows = await t.database.query<{ v: string }>(`select "${c.column_name}"::text as v from "${c.table_name}" where "${c.column_name}" is not null`);
      for (const r of rows) {
        expect(ID_NUMBER.test(withoutIds(r.v)) && !/^v1\./.test(r.v), `${c.table_name}.${c.column_name}`).toBe(false);
        expect(MOBILE.test(withoutIds(r.v)) && !/^v1\./.test(r.v), `${c.table_name}.${c.column_name}: ${r.v.slice(0, 40)}`).toBe(false);
      }
    }
  });
});

describe('personal identifiers in logs and responses', () => {
  it('are never logged, even when sent in a URL or a failing body', async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      database: t.database,
      config: { ...t.app.platform.config, logLevel: 'info' },
      clock: t.clock,
      logStream: stream,
      startTasks: false,
    });
    await app.inject({ method: 'GET', url: `/api/organisations?q=${idNumber}&phone=${phone}` });
    await app.inject({
      method: 'POST',
      url: '/api/auth/register/talent',
      payload: {
        username: 'logcheck',
        password: 'Jiangxi#2026',
        displayName: '测试',
        regionCode: '360722',
        idNumber,
        phone,
        consents: ['privacy_policy', 'sensitive_pi'],
      },
    });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'logcheck', password: 'Jiangxi#2026' } });
    await app.close();
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(100);
    expect(withoutIds(log)).not.toMatch(ID_NUMBER);
    expect(withoutIds(log)).not.toMatch(MOBILE);
    expect(log).not.toContain('Jiangxi#2026');
  });

  it('are masked in every GET response of every role', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':') && r.url.startsWith('/api/') && !r.url.includes('docs'));
    expect(routes.length).toBeGreaterThan(8);
    for (const account of DEMO_ACCOUNTS) {
      const s = await t.signIn(account.username);
      for (const r of routes) {
        const res = await s.request({ method: 'GET', url: r.url });
        expect(withoutIds(res.body), `${account.username} GET ${r.url}`).not.toMatch(ID_NUMBER);
        expect(withoutIds(res.body), `${account.username} GET ${r.url}`).not.toMatch(MOBILE);
      }
    }
  }, 180_000); // every role × every list route: grows with the platform
});

describe('data subject rights', () => {
  it('exports everything held about a person after re-authentication, then closes the account leaving no identifier', async () => {
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/talent',
      payload: {
        username: 'leaver',
        password: 'Jiangxi#2026',
        displayName: '离开者',
        regionCode: '360722',
        idNumber: `36072219900101111${idNumberCheckChar('36072219900101111')}`,
        phone: '13979700000',
        consents: ['privacy_policy', 'sensitive_pi', 'recommendations'],
      },
    });
    const s = sessionFrom(t.app, reg);
    const profile = { workHistory: [{ employerName: '赣州某科技公司', title: '数据分析', fromMonth: '2020-01' }], visibility: 'private' };
    const saved = await s.request({ method: 'PUT', url: '/api/profiles/me', payload: profile });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await s.request({ method: 'POST', url: '/api/account/export', payload: { password: 'wrong' } })).statusCode).toBe(401);
    const exported = await s.request({ method: 'POST', url: '/api/account/export', payload: { password: 'Jiangxi#2026' } });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().account.phone).toBe('13979700000');
    expect(exported.json().consents.map((c: { purpose: string }) => c.purpose)).toContain('recommendations');
    expect(exported.json().profile.workHistory[0].employerName).toBe('赣州某科技公司');
    expect(exported.json().profile).not.toHaveProperty('searchTokens');
    expect(exported.json().invitations).toEqual([]);
    expect(exported.json().eventRegistrations).toEqual([]);

    const withdraw = await s.request({ method: 'POST', url: '/api/account/consents', payload: { purpose: 'recommendations', granted: false } });
    expect(withdraw.json().consents.find((c: { purpose: string }) => c.purpose === 'recommendations').withdrawnAt).not.toBeNull();

    const closed = await s.request({ method: 'POST', url: '/api/account/close', payload: { password: 'Jiangxi#2026' } });
    expect(closed.statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    const [row] = await t.database.query<Record<string, unknown>>(`select * from users where id = $1`, [reg.json().user.id]);
    expect(row?.id_number_enc).toBeNull();
    expect(row?.phone_enc).toBeNull();
    expect(row?.username).not.toBe('leaver');
    expect(await t.database.query('select 1 from talent_profiles where user_id = $1', [reg.json().user.id])).toEqual([]);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leaver', password: 'Jiangxi#2026' } });
    expect(login.statusCode).toBe(401);
  }, 180_000);
});

describe('password change', () => {
  it('needs the current password, applies the policy, and ends the other sessions', async () => {
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/talent',
      payload: {
        username: 'changer',
        password: 'Jiangxi#2026',
        displayName: '改密者',
        regionCode: '360722',
        idNumber: `36072219910101222${idNumberCheckChar('36072219910101222')}`,
        phone: '13979700001',
        consents: ['privacy_policy', 'sensitive_pi'],
      },
    });
    const first = sessionFrom(t.app, reg);
    const second = sessionFrom(
      t.app,
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'changer', password: 'Jiangxi#2026' } }),
    );
    const change = (currentPassword: string, newPassword: string) =>
      first.request({ method: 'POST', url: '/api/account/password', payload: { currentPassword, newPassword } });
    expect((await change('nope', 'Ganzhou#2027')).json().code).toBe('AUTH_REAUTH_REQUIRED');
    expect((await change('Jiangxi#2026', 'short')).json().code).toBe('AUTH_PASSWORD_POLICY');
    expect((await change('Jiangxi#2026', 'Ganzhou#2027')).statusCode).toBe(204);
    expect((await first.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await second.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'changer', password: 'Ganzhou#2027' } })).statusCode).toBe(200);
  });
});
