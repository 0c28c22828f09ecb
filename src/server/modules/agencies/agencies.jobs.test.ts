/** 受托招聘: an approved agency posts for a client employer through the jobs module, under the same vetting as employers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { jobBody } from '../jobs/jobs.test-support.js';
import { profileBody } from '../profiles/profiles.test-support.js';
import { approveAgency } from './agencies.test-support.js';

let t: TestApp;
let agency: Session;
let nanchang: Session;
let ganzhou: Session;
let regId: string;
let jobId: string;

beforeAll(async () => {
  t = await createTestApp();
  agency = await t.signIn('agency.nanchang');
  nanchang = await t.signIn('official.nanchang');
  ganzhou = await t.signIn('official.ganzhou');
});
afterAll(async () => t?.close());

const body = (overrides: Record<string, unknown> = {}) =>
  jobBody(t.clock.now(), {
    title: '数据标注员',
    description: '负责图像与文本数据的标注和质检，限男性，35岁以下。',
    occupationCode: '4-04-05-05',
    regionCode: '360102',
    clientEmployerName: '南昌智数科技有限公司',
    ...overrides,
  });
const transition = (s: Session, action: string, payload: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/jobs/${jobId}/transitions/${action}`, payload });

describe('agency postings', () => {
  it('need an approved registration', async () => {
    const res = await agency.request({ method: 'POST', url: '/api/jobs', payload: body() });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AGENCIES_NOT_APPROVED', params: { registrationStatus: 'none' } });
    regId = await approveAgency(agency, nanchang, t.clock.now());
  });

  it('name the client employer and are vetted like any posting', async () => {
    const missing = await agency.request({ method: 'POST', url: '/api/jobs', payload: body({ clientEmployerName: undefined }) });
    expect(missing.json()).toMatchObject({ code: 'JOBS_CLIENT_EMPLOYER_REQUIRED', params: { field: 'clientEmployerName' } });
    const res = await agency.request({ method: 'POST', url: '/api/jobs', payload: body() });
    expect(res.statusCode, res.body).toBe(201);
    jobId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', clientEmployerName: '南昌智数科技有限公司', allowedActions: ['submit', 'close'] });
    expect(
      res
        .json()
        .vetting.findings.map((f: { category: string }) => f.category)
        .sort(),
    ).toEqual(['age', 'gender']);
    const mine = (await agency.request({ method: 'GET', url: '/api/jobs/mine' })).json();
    expect(mine.items.map((j: { id: string }) => j.id)).toEqual([jobId]);
  });

  it('are not public until an official of the posting’s region approves them', async () => {
    expect((await transition(agency, 'submit')).json().status).toBe('pending_review');
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs?q=数据标注' })).json().total).toBe(0);
    expect((await transition(ganzhou, 'approve', { reason: 'x' })).statusCode).toBe(404);
    const queue = (await nanchang.request({ method: 'GET', url: '/api/jobs/review' })).json();
    const item = queue.items.find((j: { id: string }) => j.id === jobId);
    expect(item).toMatchObject({ clientEmployerName: '南昌智数科技有限公司', orgName: '江西赣才人力资源服务有限公司' });
    const refused = await transition(nanchang, 'approve');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('JOBS_VETTING_FINDINGS');
    expect((await transition(nanchang, 'return', { reason: '请删除性别和年龄限制' })).json().status).toBe('returned');
    const edited = await agency.request({
      method: 'PATCH',
      url: `/api/jobs/${jobId}`,
      payload: { description: '负责图像与文本数据的标注和质检，男女不限。' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ clientEmployerName: '南昌智数科技有限公司', vetting: { findings: [] } });
    expect((await transition(agency, 'submit')).json().status).toBe('pending_review');
    expect((await transition(nanchang, 'approve')).json().status).toBe('published');
    const seen = await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ clientEmployerName: '南昌智数科技有限公司', orgName: '江西赣才人力资源服务有限公司' });
  });

  it('receive applications the agency handles like an employer; another organisation’s employer cannot see them', async () => {
    const talent = await t.signIn('talent.ganzhou');
    expect((await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody() })).statusCode).toBe(200);
    const applied = await talent.request({ method: 'POST', url: '/api/applications', payload: { jobId } });
    expect(applied.statusCode, applied.body).toBe(201);
    const applicationId = applied.json().id;
    const received = (await agency.request({ method: 'GET', url: '/api/applications/received' })).json();
    expect(received.items.map((a: { id: string }) => a.id)).toEqual([applicationId]);
    const opened = await agency.request({ method: 'GET', url: `/api/applications/${applicationId}` });
    expect(opened.json()).toMatchObject({ status: 'viewed', allowedActions: expect.arrayContaining(['interview', 'reject']) });
    const interview = await agency.request({
      method: 'POST',
      url: `/api/applications/${applicationId}/transitions/interview`,
      payload: { reason: '请于周三上午到客户单位面试' },
    });
    expect(interview.json().status).toBe('interview');
    const employer = await t.signIn('employer.ganzhou');
    expect((await employer.request({ method: 'GET', url: `/api/applications/${applicationId}` })).statusCode).toBe(404);
    expect((await employer.request({ method: 'GET', url: '/api/applications/received' })).json().items).toEqual([]);
  });

  it('stop when the registration is suspended, and its open postings are taken down', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(200);
    const suspended = await nanchang.request({ method: 'POST', url: `/api/agencies/${regId}/transitions/suspend`, payload: { reason: '核查投诉' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const res = await agency.request({ method: 'POST', url: '/api/jobs', payload: body({ title: '数据质检员' }) });
    expect(res.json()).toMatchObject({ code: 'AGENCIES_NOT_APPROVED', params: { registrationStatus: 'suspended' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs?q=数据标注' })).json().total).toBe(0);
    const own = (await agency.request({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(own.status).toBe('closed');
    expect(own.history.at(-1)).toMatchObject({
      action: 'close',
      fromState: 'published',
      toState: 'closed',
      actorRole: 'official',
      reason: '人力资源服务机构备案已暂停：核查投诉',
    });
    const audit = await t.database.query<{ detail: { count: number; ids: string[] } }>(
      `select detail from audit_log where action = 'job.takedown' and actor_role = 'official' order by seq desc limit 1`,
    );
    expect(audit[0]?.detail).toMatchObject({ count: 1, ids: [jobId] });
  });

  it('are not open to unregistered roles', async () => {
    const talent = await t.signIn('talent.ganzhou');
    expect((await talent.request({ method: 'POST', url: '/api/jobs', payload: body() })).statusCode).toBe(403);
    const provider = await t.signIn('provider.ganzhou');
    expect((await provider.request({ method: 'GET', url: '/api/jobs/mine' })).statusCode).toBe(403);
  });
});
