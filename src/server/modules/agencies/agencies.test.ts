/** 人力资源服务机构登记 over HTTP: the licence rule, the review workflow, region scope, the public directory and expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { LicenceNumber, parseLicenceNumber } from '../../../shared/agencies.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { chinaDate } from '../jobs/jobs.views.js';
import { expireRegistrations } from './agencies.directory.js';
import { registrationBody } from './agencies.test-support.js';

let t: TestApp;
let agency: Session;
let employer: Session;
let nanchang: Session;
let ganzhou: Session;
let regId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-20T02:00:00Z'));
  agency = await t.signIn('agency.nanchang');
  employer = await t.signIn('employer.ganzhou');
  nanchang = await t.signIn('official.nanchang');
  ganzhou = await t.signIn('official.ganzhou');
});
afterAll(async () => t?.close());

const transition = (s: Session, action: string, payload: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/agencies/${regId}/transitions/${action}`, payload });

describe('licence number rule', () => {
  it.each([
    ['(赣)人服证字〔2023〕第0100001号', '（赣）人服证字〔2023〕第0100001号'],
    ['（赣）人服证字［2021］第3601120032号', '（赣）人服证字〔2021〕第3601120032号'],
    ['赣人服证字[2019]第360100001号', '（赣）人服证字〔2019〕第360100001号'],
    [' (赣) 人服证字 【2020】 第 0101000123 号 ', '（赣）人服证字〔2020〕第0101000123号'],
    ['3601002023000123', '3601002023000123'],
    ['３６０１００２０２３', '3601002023'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(parseLicenceNumber(raw)).toEqual({ ok: true, value: canonical });
    expect(LicenceNumber.parse(raw)).toBe(canonical);
  });

  it.each([
    '(粤)人服证字〔2023〕第0100001号',
    '(赣)人服证字〔1990〕第0100001号',
    '(赣)人服证字〔2023〕第01号',
    '(赣)人服证字2023第0100001号',
    '(赣)劳派字〔2023〕第0100001号',
    '12345',
    'GX-2023-001',
  ])('refuses %s', (raw) => {
    expect(parseLicenceNumber(raw)).toEqual({ ok: false, error: 'AGENCIES_LICENCE_NUMBER_INVALID' });
    expect(LicenceNumber.safeParse(raw).success).toBe(false);
  });
});

describe('registration', () => {
  it('refuses other roles, a malformed or expired licence', async () => {
    const body = registrationBody(t.clock.now());
    expect((await employer.request({ method: 'POST', url: '/api/agencies/registration', payload: body })).statusCode).toBe(403);
    const bad = await agency.request({ method: 'POST', url: '/api/agencies/registration', payload: { ...body, licenceNumber: '(赣)人服证字〔2023〕第01号' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'AGENCIES_LICENCE_NUMBER_INVALID', params: { field: 'licenceNumber' } });
    const expired = await agency.request({
      method: 'POST',
      url: '/api/agencies/registration',
      payload: { ...body, validFrom: '2020-01-01', validTo: '2025-12-31' },
    });
    expect(expired.json().code).toBe('AGENCIES_LICENCE_EXPIRED');
    const noService = await agency.request({ method: 'POST', url: '/api/agencies/registration', payload: { ...body, services: [] } });
    expect(noService.json().code).toBe('VALIDATION_FAILED');
  });

  it('registers once, with the canonical licence number', async () => {
    const res = await agency.request({ method: 'POST', url: '/api/agencies/registration', payload: registrationBody(t.clock.now()) });
    expect(res.statusCode, res.body).toBe(201);
    const reg = res.json().registration;
    regId = reg.id;
    expect(reg).toMatchObject({ status: 'submitted', licenceNumber: '（赣）人服证字〔2024〕第0100001号', regionCode: '360113', allowedActions: [] });
    const again = await agency.request({ method: 'POST', url: '/api/agencies/registration', payload: registrationBody(t.clock.now()) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('AGENCIES_REGISTRATION_EXISTS');
  });

  it('keeps it from another city’s official and from the public while under review', async () => {
    expect((await ganzhou.request({ method: 'GET', url: `/api/agencies/${regId}` })).statusCode).toBe(404);
    expect((await transition(ganzhou, 'approve')).statusCode).toBe(404);
    const queue = (await ganzhou.request({ method: 'GET', url: '/api/agencies/registrations?status=submitted' })).json();
    expect(queue.items.map((r: { id: string }) => r.id)).not.toContain(regId);
    expect((await t.app.inject({ method: 'GET', url: `/api/agencies/${regId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies' })).json().total).toBe(0);
  });

  it('is returned with a reason, resubmitted corrected and approved by the region’s official', async () => {
    const queue = (await nanchang.request({ method: 'GET', url: '/api/agencies/registrations?status=submitted' })).json();
    expect(queue.items.find((r: { id: string }) => r.id === regId).allowedActions).toEqual(['approve', 'return']);
    expect((await transition(nanchang, 'return')).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await transition(nanchang, 'return', { reason: '请补充人才测评服务的许可范围' })).json().status).toBe('returned');
    expect((await transition(agency, 'approve')).statusCode).toBe(403);
    const corrected = registrationBody(t.clock.now(), { services: ['internet_recruitment', 'ai_recruitment', 'talent_assessment', 'personnel_agency'] });
    const resubmitted = await transition(agency, 'resubmit', { registration: corrected });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', services: corrected.services });
    const approved = await transition(nanchang, 'approve', { reason: '与许可证原件核对一致' });
    expect(approved.json()).toMatchObject({ status: 'approved', licenceExpired: false, licenceExpiring: false });
    expect(approved.json().history.map((h: { action: string }) => h.action)).toEqual(['return', 'resubmit', 'approve']);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where object_id = $1 order by seq`, [regId]);
    expect(audit.map((a) => a.action)).toEqual([
      'agency_registration.submit',
      'agency_registration.return',
      'agency_registration.resubmit',
      'agency_registration.licence',
      'agency_registration.approve',
    ]);
  });

  it('lists approved agencies publicly, by region and service', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/agencies' })).json();
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({ orgName: '江西赣才人力资源服务有限公司', regionCode: '360113' });
    expect(all.items[0].allowedActions).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies?region=360100' })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies?region=360700' })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies?service=personnel_agency' })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies?service=labour_dispatch' })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/agencies/${regId}` })).json().history).toBeUndefined();
  });

  it('is suspended and reinstated only with reasons, and leaves the directory meanwhile', async () => {
    expect((await transition(nanchang, 'suspend')).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await transition(nanchang, 'suspend', { reason: '群众投诉虚假招聘，暂停核查' })).json().status).toBe('suspended');
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies' })).json().total).toBe(0);
    expect((await transition(nanchang, 'reinstate', { reason: '核查完毕' })).json().status).toBe('approved');
  });

  it('flags a licence close to its end and expires it once the end has passed, closing its postings', async () => {
    t.clock.set(new Date(`${t.clock.now().getUTCFullYear() + 3}-05-01T02:00:00Z`));
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies' })).json().items[0]).toMatchObject({ licenceExpiring: true, licenceExpired: false });
    // still licensed: the agency posts for a client (受托招聘), published until the licence ends
    const poster = await t.signIn('agency.nanchang');
    const jobId = await publishJob(
      poster,
      await t.signIn('official.nanchang'),
      jobBody(t.clock.now(), {
        regionCode: '360102',
        clientEmployerName: '南昌智数科技有限公司',
        validUntil: chinaDate(new Date(t.clock.now().getTime() + 90 * 86_400_000)),
      }),
    );
    t.clock.set(new Date(`${t.clock.now().getUTCFullYear()}-06-20T02:00:00Z`));
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies' })).json().items[0]).toMatchObject({ licenceExpired: true });
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(200);
    expect(await expireRegistrations(t.ctx())).toBe(1);
    expect(await expireRegistrations(t.ctx())).toBe(0);
    const view = (await (await t.signIn('official.nanchang')).request({ method: 'GET', url: `/api/agencies/${regId}` })).json();
    expect(view.status).toBe('expired');
    expect(view.history.at(-1)).toMatchObject({ action: 'expire', actorRole: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    const own = (await (await t.signIn('agency.nanchang')).request({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(own.status).toBe('closed');
    expect(own.history.at(-1)).toMatchObject({
      action: 'close',
      fromState: 'published',
      actorRole: null,
      reason: expect.stringContaining('人力资源服务许可证已于'),
    });
  });
});
