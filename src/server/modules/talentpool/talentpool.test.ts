/** 人才库 over HTTP: who appears, filters, masking, invitations through the workflow, contact reveal, limits, expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, sessionFrom, type TestApp } from '../../../../test/helpers.js';
import { idNumberCheckChar } from '../../../shared/identifiers.js';
import { INVITATION_EXPIRY_DAYS, TALENTPOOL_DAILY_INVITATION_LIMIT } from '../../../shared/talentpool.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { reindexProfileTokens } from '../profiles/index.js';
import { profileBody } from '../profiles/profiles.test-support.js';
import { systemCtx } from '../../context.js';
import { countHits } from './talentpool.search.js';
import { expireInvitations } from './talentpool.service.js';

let t: TestApp;
let talent: Session;
let employer: Session;
let jobId: string;
let privateTalent: Session;
let publicTalent: Session;

async function registerTalent(username: string, displayName: string, seq: string, phone: string): Promise<Session> {
  const body17 = `36070219950101${seq}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/talent',
    payload: {
      username,
      password: 'Talent#2026x',
      displayName,
      regionCode: '360702',
      idNumber: body17 + idNumberCheckChar(body17),
      phone,
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return sessionFrom(t.app, res);
}

const put = (s: Session, payload: Record<string, unknown>) => s.request({ method: 'PUT', url: '/api/profiles/me', payload });
const search = (s: Session, query: string) => s.request({ method: 'GET', url: `/api/talent-pool/search?${query}` });
const invite = (payload: Record<string, unknown>) => employer.request({ method: 'POST', url: '/api/talent-pool/invitations', payload });
const act = (s: Session, id: string, action: string, payload: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/talent-pool/invitations/${id}/transitions/${action}`, payload });

beforeAll(async () => {
  t = await createTestApp();
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  expect((await put(talent, profileBody())).statusCode).toBe(200);
  privateTalent = await registerTalent('pool.private', '王秘密', '101', '13907970001');
  expect((await put(privateTalent, profileBody({ visibility: 'private' }))).statusCode).toBe(200);
  publicTalent = await registerTalent('pool.public', '赵公开', '103', '13907970002');
  const publicProfile = profileBody({
    visibility: 'public',
    education: [{ educationCode: '31', school: '赣州职业技术学院', major: '电子商务', graduationYear: 2022 }],
    workHistory: [{ employerName: '南康某家具公司', title: '网店运营', fromMonth: '2022-07', toMonth: '2024-06' }],
    skills: [{ name: '直播运营', level: 'familiar' }],
    desiredOccupations: ['4-01-06-02'],
    desiredCities: ['360703'],
  });
  expect((await put(publicTalent, publicProfile)).statusCode).toBe(200);
  const official = await t.signIn('official.ganzhou');
  jobId = await publishJob(employer, official, jobBody(t.clock.now()));
});
afterAll(async () => t?.close());

describe('talent pool search', () => {
  it('counts hits exactly up to the cap and says when there are more', async () => {
    const ctx = systemCtx(t.app.platform);
    const exact = await countHits(ctx, undefined, 1_000_000);
    expect(exact.capped).toBe(false);
    expect(exact.total).toBeGreaterThan(2);
    expect(await countHits(ctx, undefined, exact.total)).toEqual({ total: exact.total, capped: false });
    expect(await countHits(ctx, undefined, exact.total - 1)).toEqual({ total: exact.total - 1, capped: true });
  });

  it('finds open profiles by Chinese text, masked, never private ones', async () => {
    const res = await search(employer, 'q=数据分析');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { displayName: string }) => i.displayName)).toEqual(['刘**']);
    expect(body.items[0]).toMatchObject({ talentId: talent.userId, experienceYears: 4, desiredCities: ['360700', '360100'] });
    expect(body.items[0].skills[0]).toMatchObject({ skillId: 'python', level: 'proficient' });
    expect(res.body).not.toContain('13907971234');
    expect(res.body).not.toContain('刘晓琳');
    expect(body.names.education['21']).toBe('大学本科毕业');
    const all = (await search(employer, '')).json();
    expect(all.total).toBe(2);
    expect(all.totalCapped).toBe(false);
    expect(all.items.map((i: { displayName: string }) => i.displayName).sort()).toEqual(['刘**', '赵**']);
    expect(res.body + JSON.stringify(all)).not.toContain('王');
  });

  it.each([
    ['city=360700', ['刘**', '赵**']],
    ['city=360100', ['刘**']],
    ['city=360703', ['赵**']],
    ['city=361000', []],
    ['skills=python', ['刘**']],
    ['skills=python,sql', []],
    ['education=30', ['刘**', '赵**']],
    ['education=20', ['刘**']],
    ['education=10', []],
    ['occupation=2-02', ['刘**']],
    ['occupation=4', ['赵**']],
    ['experienceYears=2', ['刘**', '赵**']],
    ['experienceYears=4', ['刘**']],
    ['experienceYears=5', []],
    ['q=运营&city=360700', ['赵**']],
  ])('filters %s', async (query, names) => {
    const res = await search(employer, query);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { displayName: string }) => i.displayName)
        .sort(),
    ).toEqual(names);
  });

  it('leaves a profile made private out, and audits searches', async () => {
    expect((await put(publicTalent, profileBody({ visibility: 'private' }))).statusCode).toBe(200);
    expect((await search(employer, '')).json().total).toBe(1);
    const audit = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'talentpool.search'`);
    expect(audit[0]?.n).toBeGreaterThan(10);
  });

  it('finds profiles saved before the search tokens existed once they are reindexed', async () => {
    await t.database.query(`update talent_profiles set search_tokens = '' where user_id = $1`, [talent.userId]);
    expect((await search(employer, 'q=数据分析')).json().total).toBe(0);
    expect(await reindexProfileTokens(t.ctx())).toBe(1);
    expect(await reindexProfileTokens(t.ctx())).toBe(0);
    expect((await search(employer, 'q=数据分析')).json().total).toBe(1);
  });

  it('is for verified employers only', async () => {
    expect((await search(await t.signIn('employer.pending'), '')).json().code).toBe('TALENTPOOL_ORG_NOT_VERIFIED');
    expect((await search(talent, '')).statusCode).toBe(403);
    expect((await search(await t.signIn('official.ganzhou'), '')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/talent-pool/search' })).statusCode).toBe(401);
    expect((await search(employer, 'education=2')).statusCode).toBe(400);
  });
});

describe('invitations', () => {
  let invitationId: string;

  it('sends once per employer, talent and job (idempotent)', async () => {
    const first = await invite({ talentId: talent.userId, jobId, message: '您好，诚邀您应聘大数据分析师。' });
    expect(first.statusCode, first.body).toBe(201);
    invitationId = first.json().invitation.id;
    expect(first.json().invitation).toMatchObject({ status: 'sent', jobId, allowedActions: ['withdraw'] });
    const again = await invite({ talentId: talent.userId, jobId, message: '再次邀请' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, invitation: { id: invitationId } });
    const search1 = (await search(employer, 'q=数据分析')).json();
    expect(search1.items[0].invitations[0]).toMatchObject({ id: invitationId, status: 'sent' });
  });

  it('refuses private profiles, other employers’ jobs and bad input', async () => {
    expect((await invite({ talentId: privateTalent.userId, jobId: null, message: '您好' })).statusCode).toBe(404);
    expect((await invite({ talentId: talent.userId, jobId: '00000000-0000-4000-8000-000000000000', message: '您好' })).statusCode).toBe(404);
    expect((await invite({ talentId: talent.userId, message: '' })).statusCode).toBe(400);
    expect(
      (await talent.request({ method: 'POST', url: '/api/talent-pool/invitations', payload: { talentId: talent.userId, message: '您好' } })).statusCode,
    ).toBe(403);
  });

  it('keeps the contact locked until the talent accepts, then reveals it to that employer only, audited', async () => {
    const locked = await employer.request({ method: 'POST', url: `/api/talent-pool/invitations/${invitationId}/contact` });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('TALENTPOOL_CONTACT_LOCKED');
    const mine = (await talent.request({ method: 'GET', url: '/api/talent-pool/invitations/mine' })).json();
    expect(mine.items[0]).toMatchObject({
      id: invitationId,
      orgName: '赣州云智信息技术有限公司',
      jobTitle: '大数据分析师',
      allowedActions: ['accept', 'decline'],
    });
    const accepted = await act(talent, invitationId, 'accept', { apply: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', allowedActions: [] });
    expect(accepted.json().applicationId).toBeTruthy();
    const applications = (await talent.request({ method: 'GET', url: '/api/applications/mine' })).json();
    expect(applications.items.map((a: { jobId: string }) => a.jobId)).toContain(jobId);
    const contact = await employer.request({ method: 'POST', url: `/api/talent-pool/invitations/${invitationId}/contact` });
    expect(contact.statusCode, contact.body).toBe(200);
    expect(contact.json()).toEqual({ name: '刘晓琳', phone: '13907971234' });
    const sent = (await employer.request({ method: 'GET', url: '/api/talent-pool/invitations/sent' })).json();
    expect(sent.items[0].talent.displayName).toBe('刘**');
    expect(JSON.stringify(sent)).not.toContain('13907971234');
    const audit = await t.database.query<{ action: string }>(
      `select action from audit_log where object_id in ($1, $2) and action like 'invitation.%' order by seq`,
      [invitationId, talent.userId],
    );
    expect(audit.map((a) => a.action)).toEqual(['invitation.send', 'invitation.accept', 'invitation.contact_reveal']);
    // other parties: not the invited talent, not other roles
    expect((await publicTalent.request({ method: 'GET', url: `/api/talent-pool/invitations/${invitationId}` })).statusCode).toBe(404);
    expect(
      (await (await t.signIn('official.ganzhou')).request({ method: 'POST', url: `/api/talent-pool/invitations/${invitationId}/contact` })).statusCode,
    ).toBe(403);
  });

  it('lets the employer withdraw and the talent decline; answered invitations are final', async () => {
    const talk = (await invite({ talentId: talent.userId, jobId: null, message: '想和您聊聊数据岗位。' })).json().invitation.id;
    expect((await act(talent, talk, 'withdraw')).statusCode).toBe(403);
    expect((await act(employer, talk, 'withdraw')).json().status).toBe('withdrawn');
    const res = await act(talent, talk, 'accept');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'WORKFLOW_TRANSITION_NOT_ALLOWED', params: { status: 'withdrawn' } });
    const again = (await invite({ talentId: talent.userId, jobId: null, message: '想和您聊聊数据岗位。' })).json().invitation.id;
    expect(again).not.toBe(talk);
    expect((await act(talent, again, 'decline', { reason: '暂不考虑' })).json().status).toBe('declined');
    expect((await employer.request({ method: 'POST', url: `/api/talent-pool/invitations/${again}/contact` })).statusCode).toBe(409);
  });

  it('expires unanswered invitations after the period', async () => {
    const id = (await invite({ talentId: talent.userId, jobId: null, message: '您好，期待交流。' })).json().invitation.id;
    t.clock.advance((INVITATION_EXPIRY_DAYS + 1) * 86_400_000);
    talent = await t.signIn('talent.ganzhou');
    employer = await t.signIn('employer.ganzhou');
    const late = await act(talent, id, 'accept');
    expect(late.statusCode).toBe(409);
    expect((await talent.request({ method: 'GET', url: `/api/talent-pool/invitations/${id}` })).json()).toMatchObject({
      status: 'expired',
      allowedActions: [],
    });
    expect(await expireInvitations(t.ctx())).toBe(1);
    expect(await expireInvitations(t.ctx())).toBe(0);
    const events = await t.database.query<{ to_state: string }>(`select to_state from workflow_events where workflow = 'invitation' and entity_id = $1`, [id]);
    expect(events.map((e) => e.to_state)).toEqual(['expired']);
  });

  it(`allows at most ${TALENTPOOL_DAILY_INVITATION_LIMIT} invitations a day per employer`, async () => {
    const [org] = await t.database.query<{ org_id: string; sender_id: string }>(`select org_id, sender_id from talent_invitations limit 1`);
    await t.database.query(
      `insert into talent_invitations (org_id, sender_id, talent_id, region_code, status, message, sent_at, expires_at, updated_at)
       select $1, $2, $3, '360702', 'withdrawn', '测试', $4, $4, $4 from generate_series(1, ${TALENTPOOL_DAILY_INVITATION_LIMIT})`,
      [org?.org_id, org?.sender_id, talent.userId, t.clock.now().toISOString()],
    );
    const res = await invite({ talentId: talent.userId, jobId: null, message: '您好' });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'TALENTPOOL_DAILY_LIMIT', params: { limit: TALENTPOOL_DAILY_INVITATION_LIMIT } });
    t.clock.advance(86_400_000);
    employer = await t.signIn('employer.ganzhou');
    expect((await invite({ talentId: talent.userId, jobId: null, message: '您好' })).statusCode).toBe(201);
  });
});
