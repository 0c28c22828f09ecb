/** The application journey over HTTP: profile → apply → employer views, interviews, offers, hires; and the refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { profileBody } from '../profiles/profiles.test-support.js';
import { remindStaleApplications } from './applications.service.js';

let t: TestApp;
let talent: Session;
let employer: Session;
let official: Session;
let jobId: string;
let otherJobId: string;
let applicationId: string;

beforeAll(async () => {
  t = await createTestApp();
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  official = await t.signIn('official.ganzhou');
  jobId = await publishJob(employer, official, jobBody(t.clock.now()));
  otherJobId = await publishJob(employer, official, jobBody(t.clock.now(), { title: '数据可视化工程师' }));
});
afterAll(async () => t?.close());

const apply = (s: Session, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  s.request({ method: 'POST', url: '/api/applications', payload, headers });
const transition = (s: Session, id: string, action: string, payload: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/applications/${id}/transitions/${action}`, payload });
const auditActions = async (id: string) =>
  (await t.database.query<{ action: string }>(`select action from audit_log where object_id = $1 order by seq`, [id])).map((r) => r.action);

describe('application journey', () => {
  it('needs a profile first', async () => {
    const res = await apply(talent, { jobId });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('APPLICATIONS_PROFILE_REQUIRED');
  });

  it('applies once (idempotently) and refuses a second open application', async () => {
    expect((await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody() })).statusCode).toBe(200);
    const headers = { 'idempotency-key': 'apply-0001-abcdef' };
    const res = await apply(talent, { jobId, coverNote: '期待加入贵公司。' }, headers);
    expect(res.statusCode, res.body).toBe(201);
    applicationId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'submitted',
      jobTitle: '大数据分析师',
      orgName: '赣州云智信息技术有限公司',
      stale: false,
      allowedActions: ['withdraw'],
    });
    const replay = await apply(talent, { jobId, coverNote: '期待加入贵公司。' }, headers);
    expect(replay.json().id).toBe(applicationId);
    const dup = await apply(talent, { jobId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'APPLICATIONS_DUPLICATE', params: { applicationId } });
  });

  it('shows the employer the applicant with the name masked and no contact details', async () => {
    const res = await employer.request({ method: 'GET', url: `/api/applications/received?jobId=${jobId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(1);
    const item = res.json().items[0];
    expect(item.applicant.displayName).toMatch(/^.\*+$/);
    expect(item.applicant.education[0].school).toBe('江西理工大学');
    expect(item.applicant.skills.map((s: { name: string }) => s.name)).toEqual(['Python', '需求分析']);
    expect(item.allowedActions).toEqual(['view', 'interview', 'reject']);
    expect(res.body).not.toMatch(/phone|idNumber|1[3-9]\d{9}/);
  });

  it('is marked viewed the first time the employer opens it', async () => {
    const res = await employer.request({ method: 'GET', url: `/api/applications/${applicationId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('viewed');
    expect(res.json().viewedAt).toBeTruthy();
    expect(res.json().history).toEqual([expect.objectContaining({ action: 'view', fromState: 'submitted', toState: 'viewed', actorRole: 'employer' })]);
    expect((await employer.request({ method: 'GET', url: `/api/applications/${applicationId}` })).json().history).toHaveLength(1);
  });

  it('goes through interview and offer to hired', async () => {
    expect((await transition(employer, applicationId, 'hire')).statusCode).toBe(409);
    expect((await transition(talent, applicationId, 'interview')).statusCode).toBe(403);
    expect((await transition(employer, applicationId, 'interview', { reason: '周三上午面试' })).json().status).toBe('interview');
    expect((await transition(employer, applicationId, 'offer')).json().status).toBe('offer');
    const hired = await transition(employer, applicationId, 'hire');
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json()).toMatchObject({ status: 'hired', allowedActions: [] });
    expect(hired.json().hiredAt).toBeTruthy();
    expect(await auditActions(applicationId)).toEqual([
      'application.submit',
      'application.view',
      'application.read',
      'application.read',
      'application.interview',
      'application.offer',
      'application.hire',
    ]);
    const events = await t.database.query<{ action: string }>(
      `select action from workflow_events where workflow = 'application' and entity_id = $1 order by id`,
      [applicationId],
    );
    expect(events.map((e) => e.action)).toEqual(['view', 'interview', 'offer', 'hire']);
  });

  it('shows the talent the outcome with its history', async () => {
    const mine = (await talent.request({ method: 'GET', url: '/api/applications/mine' })).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: applicationId, status: 'hired', jobTitle: '大数据分析师', stale: false });
    expect(mine.items[0].history.map((h: { toState: string }) => h.toState)).toEqual(['viewed', 'interview', 'offer', 'hired']);
  });

  it('lets the talent withdraw another application', async () => {
    const other = (await apply(talent, { jobId: otherJobId })).json();
    expect((await transition(employer, other.id, 'withdraw')).statusCode).toBe(403);
    const res = await transition(talent, other.id, 'withdraw');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', applicant: null });
    expect((await transition(employer, other.id, 'reject', { reason: '岗位已满' })).statusCode).toBe(409);
    // withdrawn no longer blocks a new application
    const again = await apply(talent, { jobId: otherJobId });
    expect(again.statusCode, again.body).toBe(201);
    expect((await transition(employer, again.json().id, 'reject')).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await transition(employer, again.json().id, 'reject', { reason: '经验不符' })).json().status).toBe('rejected');
  });
});

describe('who may see and act', () => {
  it('hides applications from another employer', async () => {
    const other = await t.signIn('employer.pending');
    expect((await other.request({ method: 'GET', url: `/api/applications/${applicationId}` })).statusCode).toBe(404);
    expect((await transition(other, applicationId, 'reject', { reason: 'x' })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: '/api/applications/received' })).json().total).toBe(0);
  });

  it('lets the region’s official read but not act, and hides it from another region', async () => {
    const read = await official.request({ method: 'GET', url: `/api/applications/${applicationId}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().allowedActions).toEqual([]);
    expect(read.json().applicant.displayName).toMatch(/^.\*+$/);
    expect((await transition(official, applicationId, 'reject', { reason: 'x' })).statusCode).toBe(403);
    const nanchang = await t.signIn('official.nanchang');
    expect((await nanchang.request({ method: 'GET', url: `/api/applications/${applicationId}` })).statusCode).toBe(404);
  });

  it('refuses wrong roles, anonymous callers and bad input', async () => {
    expect((await apply(employer, { jobId })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/applications', payload: { jobId } })).statusCode).toBe(401);
    expect((await talent.request({ method: 'GET', url: '/api/applications/received' })).statusCode).toBe(403);
    const bad = await apply(talent, { jobId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([expect.objectContaining({ path: 'body/jobId' })]);
    expect((await apply(talent, { jobId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});

describe('no black hole', () => {
  it('flags waiting applications as stale after 7 days and reminds once a day', async () => {
    const third = await publishJob(employer, official, jobBody(t.clock.now(), { title: '数据治理专员' }));
    const talent2 = await t.signIn('talent.ganzhou');
    const id = (await apply(talent2, { jobId: third })).json().id;
    expect(await remindStaleApplications(t.ctx())).toBe(0);
    t.clock.advance(8 * 86_400_000);
    const fresh = await t.signIn('talent.ganzhou');
    const mine = (await fresh.request({ method: 'GET', url: '/api/applications/mine' })).json();
    expect(mine.items.find((a: { id: string }) => a.id === id).stale).toBe(true);
    expect(mine.items.find((a: { id: string }) => a.id === applicationId).stale).toBe(false);
    const hr = await t.signIn('employer.ganzhou');
    const received = (await hr.request({ method: 'GET', url: `/api/applications/received?jobId=${third}` })).json();
    expect(received.items[0].stale).toBe(true);
    expect(await remindStaleApplications(t.ctx())).toBe(1);
    expect(await remindStaleApplications(t.ctx())).toBe(0);
    t.clock.advance(86_400_000 + 1000);
    expect(await remindStaleApplications(t.ctx())).toBe(1);
    expect((await auditActions(id)).filter((a) => a === 'application.reminder')).toHaveLength(2);
  });
});
