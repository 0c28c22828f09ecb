import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFrom, type Session, type TestApp } from '../../../../test/helpers.js';
import { usccCheckChar } from '../../../shared/identifiers.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

function uscc(body17: string) {
  return body17 + usccCheckChar(body17);
}

async function registerEmployer(n: number, regionCode = '360702'): Promise<{ session: Session; orgId: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/organisation',
    payload: {
      org: {
        kind: 'employer',
        name: `赣州测试科技有限公司${n}`,
        uscc: uscc(`91${regionCode}MA3${String(n).padStart(5, '0')}0`),
        regionCode,
        industryCode: '6513',
        size: 'small',
        contactName: '张三',
        contactPhone: '13907970001',
      },
      account: { username: `hr${n}`, password: 'Ganzhou#2026', displayName: '人事张三' },
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const session = sessionFrom(t.app, res);
  return { session, orgId: res.json().user.organisation.id };
}

describe('organisation verification workflow', () => {
  it('registers an employer as pending; the 赣州 official verifies it; history and audit are written', async () => {
    const { session, orgId } = await registerEmployer(1);
    const own = await session.request({ method: 'GET', url: `/api/organisations/${orgId}` });
    expect(own.json().status).toBe('pending');
    expect(own.json().allowedActions).toEqual([]);
    expect(own.json().contactPhoneMasked).toBe('139****0001');

    const official = await t.signIn('official.ganzhou');
    const list = await official.request({ method: 'GET', url: '/api/organisations?status=pending' });
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(orgId);
    const item = list.json().items.find((o: { id: string }) => o.id === orgId);
    expect(item.allowedActions).toEqual(['verify', 'return', 'reject']);

    const res = await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('verified');

    const detail = await official.request({ method: 'GET', url: `/api/organisations/${orgId}` });
    expect(detail.json().history).toEqual([expect.objectContaining({ action: 'verify', fromState: 'pending', toState: 'verified', actorRole: 'official' })]);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where object_id = $1 order by seq`, [orgId]);
    expect(audit.map((a) => a.action)).toEqual(['organisation.register', 'organisation.verify']);
  });

  it('answers 409 with the allowed actions for an illegal step, and 400 when a reason is missing', async () => {
    const { orgId } = await registerEmployer(2);
    const official = await t.signIn('official.ganzhou');
    const noReason = await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/return`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const bad = await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/reinstate`, payload: {} });
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toEqual(
      expect.objectContaining({
        code: 'WORKFLOW_TRANSITION_NOT_ALLOWED',
        params: { status: 'pending', action: 'reinstate', allowed: ['verify', 'return', 'reject'] },
      }),
    );
    const unknown = await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/approve_all`, payload: {} });
    expect(unknown.statusCode).toBe(409);
  });

  it('lets the organisation resubmit after a return, but never verify itself', async () => {
    const { session, orgId } = await registerEmployer(3);
    const official = await t.signIn('official.ganzhou');
    await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/return`, payload: { reason: '营业执照照片不清晰' } });
    const self = await session.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} });
    expect(self.statusCode).toBe(403);
    const resubmit = await session.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/resubmit`, payload: {} });
    expect(resubmit.json().status).toBe('pending');
  });

  it('keeps other cities out: 南昌 cannot list, read or verify a 赣州 organisation', async () => {
    const { orgId } = await registerEmployer(4);
    const nanchang = await t.signIn('official.nanchang');
    const list = await nanchang.request({ method: 'GET', url: '/api/organisations?pageSize=100' });
    for (const o of list.json().items) expect(o.regionCode.startsWith('3601')).toBe(true);
    expect((await nanchang.request({ method: 'GET', url: `/api/organisations/${orgId}` })).statusCode).toBe(404);
    const act = await nanchang.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} });
    expect(act.statusCode).toBe(404);
    const denials = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'access.denied' and actor_region = '360100'`,
    );
    expect(denials[0]?.n).toBeGreaterThanOrEqual(2);
    const province = await t.signIn('official.province');
    expect((await province.request({ method: 'GET', url: `/api/organisations/${orgId}` })).statusCode).toBe(200);
  });

  it('takes a suspended employer’s open postings down, with the official’s reason; drafts stay with the employer', async () => {
    const { session, orgId } = await registerEmployer(8);
    const official = await t.signIn('official.ganzhou');
    expect((await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} })).statusCode).toBe(200);
    const live = await publishJob(session, official, jobBody(t.clock.now(), { title: '数据治理工程师' }));
    const draft = (await session.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { title: '数据运维工程师' }) })).json().id;
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${live}` })).statusCode).toBe(200);
    const suspended = await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/suspend`, payload: { reason: '营业执照被吊销' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${live}` })).statusCode).toBe(404);
    const closed = (await official.request({ method: 'GET', url: `/api/jobs/${live}` })).json();
    expect(closed.status).toBe('closed');
    expect(closed.history.at(-1)).toMatchObject({ action: 'close', fromState: 'published', actorRole: 'official', reason: '单位资格已暂停：营业执照被吊销' });
    expect((await official.request({ method: 'GET', url: `/api/jobs/${draft}` })).json().status).toBe('draft');
  });

  it('replays an idempotent command without a second state change', async () => {
    const { orgId } = await registerEmployer(5);
    const official = await t.signIn('official.ganzhou');
    const send = (reason: string) =>
      official.request({
        method: 'POST',
        url: `/api/organisations/${orgId}/transitions/reject`,
        payload: { reason },
        headers: { 'idempotency-key': `key-${orgId}` },
      });
    const a = await send('材料与营业执照不符');
    const b = await send('材料与营业执照不符');
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    const events = await t.database.query<{ n: number }>(`select count(*)::int as n from workflow_events where entity_id = $1`, [orgId]);
    expect(events[0]?.n).toBe(1);
    const reused = await send('another reason');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses an invalid 统一社会信用代码 and a duplicate one', async () => {
    const payload = (code: string, user: string) => ({
      org: { kind: 'employer', name: '测试公司', uscc: code, regionCode: '360702', contactName: '李四', contactPhone: '13907970002' },
      account: { username: user, password: 'Ganzhou#2026', displayName: '李四' },
      consents: ['privacy_policy', 'sensitive_pi'],
    });
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/register/organisation', payload: payload('91360702MA35X8KQ17', 'hr-bad') });
    expect(bad.json().code).toBe('ORG_USCC_INVALID');
    const dup = await t.app.inject({ method: 'POST', url: '/api/auth/register/organisation', payload: payload('91360702MA35X8KQ16', 'hr-dup') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ORG_USCC_TAKEN');
  });
});
