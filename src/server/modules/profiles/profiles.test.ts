/** 求职者档案 over HTTP: create, replace, validation naming the field, roles, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { profileBody } from './profiles.test-support.js';

let t: TestApp;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  talent = await t.signIn('talent.ganzhou');
});
afterAll(async () => t?.close());

const put = (s: Session, payload: unknown) => s.request({ method: 'PUT', url: '/api/profiles/me', payload: payload as Record<string, unknown> });

describe('talent profile', () => {
  it('is empty until saved', async () => {
    const res = await talent.request({ method: 'GET', url: '/api/profiles/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ profile: null });
  });

  it('is created with normalised skills, unverified certificates and the account region', async () => {
    const res = await put(talent, profileBody());
    expect(res.statusCode, res.body).toBe(200);
    const { profile } = res.json();
    expect(profile.regionCode).toMatch(/^3607/);
    expect(profile.skills[0]).toEqual({ skillId: 'python', name: 'Python', level: 'proficient' });
    expect(profile.certificates[0]).toMatchObject({ name: '数据分析师（三级）', verified: false });
    expect(profile.visibility).toBe('employers');
    expect((await talent.request({ method: 'GET', url: '/api/profiles/me' })).json().profile.education[0].school).toBe('江西理工大学');
  });

  it('is replaced as a whole, and every save is audited', async () => {
    const res = await put(talent, { education: [], visibility: 'private' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().profile).toMatchObject({ education: [], skills: [], desiredCities: [], visibility: 'private', desiredSalaryMinFen: null });
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where object_type = 'profile' and object_id = $1 order by seq`, [
      talent.userId,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['profile.create', 'profile.update']);
  });

  it('names the failing field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ visibility: 'everyone' }, 'body/visibility'],
      [{ workHistory: [{ employerName: '某公司', title: '开发', fromMonth: '2024-05', toMonth: '2023-01' }] }, 'body/workHistory/0/toMonth'],
      [{ education: [{ educationCode: '2', school: '某大学', graduationYear: 2020 }] }, 'body/education/0/educationCode'],
      [{ desiredSalaryMinFen: -1 }, 'body/desiredSalaryMinFen'],
      [{ desiredOccupations: ['2-02-30'] }, 'body/desiredOccupations/0'],
    ];
    for (const [patch, path] of cases) {
      const res = await put(talent, profileBody(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    const codes: [Record<string, unknown>, string][] = [
      [{ education: [{ educationCode: '99', school: '某大学', graduationYear: 2020 }] }, 'education.0.educationCode'],
      [{ desiredOccupations: ['2-02-30-99'] }, 'desiredOccupations.0'],
      [{ desiredCities: ['360700', '369999'] }, 'desiredCities.1'],
      [{ skills: [{ skillId: 'no-such' }] }, 'skills.0.skillId'],
    ];
    for (const [patch, field] of codes) {
      const res = await put(talent, profileBody(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'CATALOG_UNKNOWN_CODE', params: { field } });
    }
  });

  it('is for talents only', async () => {
    const employer = await t.signIn('employer.ganzhou');
    expect((await employer.request({ method: 'GET', url: '/api/profiles/me' })).statusCode).toBe(403);
    expect((await put(employer, profileBody())).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/profiles/me' })).statusCode).toBe(401);
  });
});
