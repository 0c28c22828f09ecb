/** The posting journey over HTTP: draft → vetting → review → published → found by search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { expireJobs } from './jobs.service.js';
import { jobBody } from './jobs.test-support.js';

let t: TestApp;
let employer: Session;
let official: Session;
let nanchang: Session;
let jobId: string;

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.signIn('employer.ganzhou');
  official = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
});
afterAll(async () => t?.close());

const transition = (s: Session, id: string, action: string, payload: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/jobs/${id}/transitions/${action}`, payload });

describe('job posting journey', () => {
  it('creates a draft, normalising skills and flagging discriminatory wording', async () => {
    const res = await employer.request({
      method: 'POST',
      url: '/api/jobs',
      payload: jobBody(t.clock.now(), { description: '负责业务数据的采集、清洗与分析。限男性，能适应出差。' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    jobId = job.id;
    expect(job.status).toBe('draft');
    expect(job.isDigital).toBe(true);
    expect(job.requiredSkills).toEqual([
      { skillId: 'python', name: 'Python', level: 'proficient' },
      { skillId: 'sql', name: 'SQL', level: null },
    ]);
    expect(job.preferredSkills).toEqual([{ skillId: null, name: 'Tableau 可视化', level: null }]);
    expect(job.vetting.findings).toEqual([expect.objectContaining({ field: 'description', category: 'gender', phrase: '限男性' })]);
    expect(job.allowedActions).toEqual(['submit', 'close']);
  });

  it('keeps drafts out of public reach', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs?q=数据分析' })).json().total).toBe(0);
  });

  it('submits; the official sees the finding and cannot approve without an override', async () => {
    expect((await transition(employer, jobId, 'submit')).json().status).toBe('pending_review');
    const queue = (await official.request({ method: 'GET', url: '/api/jobs/review' })).json();
    const item = queue.items.find((j: { id: string }) => j.id === jobId);
    expect(item.vetting.findings[0].phrase).toBe('限男性');
    expect(item.allowedActions).toEqual(['approve', 'return', 'close']);
    const refused = await transition(official, jobId, 'approve');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('JOBS_VETTING_FINDINGS');
    expect(refused.json().params.findings[0]).toMatchObject({ category: 'gender', phrase: '限男性' });
  });

  it('hides the job from another region’s official', async () => {
    expect((await nanchang.request({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await transition(nanchang, jobId, 'approve', { reason: 'x' })).statusCode).toBe(404);
    const queue = (await nanchang.request({ method: 'GET', url: '/api/jobs/review' })).json();
    expect(queue.items.map((j: { id: string }) => j.id)).not.toContain(jobId);
  });

  it('is returned, edited, resubmitted and approved', async () => {
    expect((await transition(official, jobId, 'return')).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await transition(official, jobId, 'return', { reason: '请删除性别限制' })).json().status).toBe('returned');
    const edited = await employer.request({
      method: 'PATCH',
      url: `/api/jobs/${jobId}`,
      payload: { description: '负责业务数据的采集、清洗与分析，男女不限，能适应出差。' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().vetting.findings).toEqual([]);
    expect((await transition(employer, jobId, 'submit')).json().status).toBe('pending_review');
    expect((await employer.request({ method: 'PATCH', url: `/api/jobs/${jobId}`, payload: { headcount: 3 } })).json().code).toBe('JOBS_NOT_EDITABLE');
    expect((await transition(employer, jobId, 'approve')).statusCode).toBe(403);
    const approved = await transition(official, jobId, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('published');
    expect(approved.json().publishedAt).toBeTruthy();
  });

  it('is public once published', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toBe('大数据分析师');
    expect(res.json().vetting).toBeUndefined();
    const own = (await employer.request({ method: 'GET', url: '/api/jobs/mine' })).json();
    expect(own.items.map((j: { id: string }) => j.id)).toContain(jobId);
  });

  it('is found by a Chinese query and by filters', async () => {
    const search = async (qs: string) => (await t.app.inject({ method: 'GET', url: `/api/jobs?${qs}` })).json();
    const hit = await search(`q=${encodeURIComponent('数据分析')}`);
    expect(hit.total).toBe(1);
    expect(hit.match).toBe('fulltext');
    expect(hit.items[0].highlight.title).toBe('大<mark>数据分析</mark>师');
    expect(hit.items[0], JSON.stringify(hit.items[0])).toMatchObject({ orgName: '赣州云智信息技术有限公司', regionName: '章贡区', skills: ['Python', 'SQL'] });
    for (const qs of ['city=360700', 'county=360702', 'occupation=2-02', 'digital=true', 'salaryMin=1200000', 'education=21', 'postedWithin=1']) {
      expect((await search(qs)).total, qs).toBe(1);
    }
    for (const qs of ['city=360100', 'county=360703', 'occupation=4', 'digital=false', 'salaryMin=1200001', 'education=31']) {
      const none = await search(qs);
      expect(none.total, qs).toBe(0);
      expect(none.code).toBe('JOBS_NO_MATCH');
    }
  });

  it('finds a partial word through the title fallback', async () => {
    const res = (await t.app.inject({ method: 'GET', url: `/api/jobs?q=${encodeURIComponent('据分析')}` })).json();
    expect(res.match).toBe('partial');
    expect(res.total).toBe(1);
    expect(res.items[0].highlight.title).toBe('大<mark>数据分析</mark>师'.replace('<mark>数据分析</mark>', '数<mark>据分析</mark>'));
  });

  it('blocks a duplicate posting of the same employer unless confirmed', async () => {
    const dup = await employer.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { title: '大数据 分析师（8-12K）' }) });
    const id = dup.json().id;
    const refused = await transition(employer, id, 'submit');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'JOBS_DUPLICATE', params: { duplicateOf: jobId } });
    const confirmed = await transition(employer, id, 'submit', { confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().duplicateOf).toBe(jobId);
  });

  it('expires postings after their validity', async () => {
    t.clock.advance(40 * 86_400_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs' })).json().total).toBe(0);
    expect(await expireJobs(t.ctx())).toBe(1);
    const official2 = await t.signIn('official.ganzhou');
    expect((await official2.request({ method: 'GET', url: `/api/jobs/${jobId}` })).json().status).toBe('expired');
  });
});

describe('who may post, and validation', () => {
  beforeAll(async () => {
    employer = await t.signIn('employer.ganzhou');
  });

  it('refuses an employer whose organisation is not verified', async () => {
    const pending = await t.signIn('employer.pending');
    const res = await pending.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { regionCode: '360703' }) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('JOBS_ORG_NOT_VERIFIED');
  });

  it('refuses other roles and anonymous callers', async () => {
    const talent = await t.signIn('talent.ganzhou');
    expect((await talent.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now()) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now()) })).statusCode).toBe(401);
  });

  it('names the failing field', async () => {
    const bad = await employer.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { salaryMinFen: 900_000, salaryMaxFen: 800_000 }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([expect.objectContaining({ path: 'body/salaryMinFen' })]);
    const occ = await employer.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { occupationCode: '2-02-38-99' }) });
    expect(occ.json()).toMatchObject({ code: 'CATALOG_UNKNOWN_CODE', params: { field: 'occupationCode' } });
    const skill = await employer.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { requiredSkills: [{ skillId: 'no-such' }] }) });
    expect(skill.json()).toMatchObject({ code: 'CATALOG_UNKNOWN_CODE', params: { field: 'requiredSkills.0.skillId' } });
    const search = await t.app.inject({ method: 'GET', url: '/api/jobs?pageSize=51' });
    expect(search.statusCode).toBe(400);
  });
});
