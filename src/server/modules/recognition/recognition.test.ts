/**
 * 高层次人才认定 over HTTP (and the deadline task): uploads, the statutory clock on the 2026 holiday calendar,
 * 补正 pausing it, reviewer conflicts and single scores, reminders and escalation, benefits by department,
 * programmes, 柔性引才 and stations, and region scope. The test clock starts on Thursday 2026-09-24 (China),
 * the day before the 中秋 and 国庆 holidays, and only moves forward.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import type { Actor } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { watchDeadlines } from './recognition.alerts.js';
import { departmentBenefits, transitionBenefit } from './recognition.benefits.js';
import { clockView, deadlineOf, pausedDays } from './recognition.deadline.js';
import { seedRecognitionCategories } from './recognition.seed.js';
import { newReviewer, PDF, PNG, reviewerLogin, upload } from './recognition.test-support.js';

let t: TestApp;
const s: Record<string, Session> = {};
let employerOrgId: string;

/** 10:00 China time on `day`. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function moveTo(day: string, who: string[]) {
  t.clock.set(at(day));
  for (const u of who) s[u] = await t.signIn(u);
}
const post = (who: string, url: string, payload: Record<string, unknown> = {}) => s[who]!.request({ method: 'POST', url, payload });
const get = (who: string, url: string) => s[who]!.request({ method: 'GET', url });
const audit = async (action: string, id: string) =>
  t.database.query<{ detail: Record<string, unknown> }>(`select detail from audit_log where action = $1 and object_id = $2 order by seq`, [action, id]);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(at('2026-09-24'));
  await seedRecognitionCategories(t.ctx());
  for (const u of ['talent.ganzhou', 'official.ganzhou', 'official.nanchang', 'official.province', 'admin', 'reviewer', 'host.nanchang', 'employer.ganzhou'])
    s[u] = await t.signIn(u);
  const [org] = await t.ctx().db.select().from(organisations).where(eq(organisations.uscc, '91360702MA35X8KQ16'));
  employerOrgId = org?.id as string;
});
afterAll(async () => t?.close());

describe('deadline arithmetic (2026 holiday calendar)', () => {
  it('skips weekends, 中秋 and 国庆 and counts the adjusted working Saturday', () => {
    // 15 working days from Thu 24 Sep: 28–30 Sep, 8–9 Oct, Sat 10 Oct (调休), 12–16 Oct, 19–22 Oct
    expect(deadlineOf('2026-09-24', 15, 0)).toBe('2026-10-22');
    // 20 working days from Fri 13 Feb 2026: Sat 14 Feb (调休), 春节 15–23 Feb off, 24–27 Feb, Sat 28 Feb (调休), 2–6, 9–13, 16–19 Mar
    expect(deadlineOf('2026-02-13', 20, 0)).toBe('2026-03-19');
  });
  it('moves the deadline by the working days paused for 补正', () => {
    expect(pausedDays('2026-09-29', '2026-10-09')).toBe(3); // 30 Sep, 8 Oct, 9 Oct
    expect(deadlineOf('2026-09-24', 15, 3)).toBe('2026-10-27');
  });
  it('shows overdue only while the clock runs and the deadline has passed', () => {
    const a = { status: 'in_review', acceptedOn: '2026-09-24', limitWorkingDays: 15, pausedWorkingDays: 0, pausedSince: null, deadline: '2026-10-22' };
    expect(clockView(a, '2026-10-22')).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    expect(clockView(a, '2026-10-26')).toMatchObject({ overdue: true, workingDaysLeft: -2 });
    expect(clockView({ ...a, status: 'supplement' }, '2026-10-26')).toMatchObject({ overdue: false, paused: true, workingDaysLeft: null });
  });
});

describe('materials', () => {
  it('refuses files whose content is not PDF/PNG/JPEG, empty files and files over 10 MB', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    expect((await upload(s['talent.ganzhou']!, exe, 'application/pdf')).json().code).toBe('RECOGNITION_MATERIAL_TYPE');
    expect((await upload(s['talent.ganzhou']!, exe, 'application/octet-stream')).statusCode).toBe(415);
    expect((await upload(s['talent.ganzhou']!, PNG, 'application/pdf')).statusCode).toBe(415); // declared type disagrees with the content
    expect((await upload(s['talent.ganzhou']!, Buffer.from('hello'), 'text/plain')).statusCode).toBe(415);
    expect((await upload(s['talent.ganzhou']!, Buffer.alloc(0))).statusCode).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(s['talent.ganzhou']!, big)).statusCode).toBe(413);
    const ok = await upload(s['talent.ganzhou']!, PNG, 'image/png', '照片.png');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'image/png', fileName: '照片.png' });
    const back = await get('talent.ganzhou', `/api/recognition/materials/${ok.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(PNG)).toBe(true);
    // not readable by officials before it belongs to an application, nor by other people
    expect((await get('official.ganzhou', `/api/recognition/materials/${ok.json().id}`)).statusCode).toBe(404);
    expect((await get('reviewer', `/api/recognition/materials/${ok.json().id}`)).statusCode).toBe(404);
  });
});

describe('recognition from application to benefits', () => {
  let id: string;
  let materialId: string;
  let reviewTwo: Session;
  let conflicted: Session;

  it('the talent applies once (a replay returns the same application); the clock starts at acceptance', async () => {
    const m = await upload(s['talent.ganzhou']!, PDF);
    materialId = m.json().id;
    const body = {
      categoryCode: 'E',
      employerOrgId,
      employerName: '赣州云智信息技术有限公司',
      field: '大数据',
      achievements: '博士，主持政务数据平台建设。',
      materialIds: [materialId],
    };
    const first = await s['talent.ganzhou']!.request({
      method: 'POST',
      url: '/api/recognition/applications',
      payload: body,
      headers: { 'idempotency-key': 'apply-recog-0001' },
    });
    expect(first.statusCode, first.body).toBe(201);
    id = first.json().id;
    const replay = await s['talent.ganzhou']!.request({
      method: 'POST',
      url: '/api/recognition/applications',
      payload: body,
      headers: { 'idempotency-key': 'apply-recog-0001' },
    });
    expect(replay.json().id).toBe(id);
    const m2 = await upload(s['talent.ganzhou']!, PDF);
    const second = await post('talent.ganzhou', '/api/recognition/applications', { ...body, materialIds: [m2.json().id] });
    expect(second.json().code).toBe('RECOGNITION_APPLICATION_OPEN');
    expect(first.json().clock).toMatchObject({ deadline: null, workingDaysLeft: null });
    // region scope: 南昌 cannot see it, 赣州 and the province can
    expect((await get('official.nanchang', `/api/recognition/applications/${id}`)).statusCode).toBe(404);
    expect((await get('official.nanchang', '/api/recognition/applications')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await get('official.province', `/api/recognition/applications/${id}`)).statusCode).toBe(200);
    expect((await post('official.nanchang', `/api/recognition/applications/${id}/transitions/accept`)).statusCode).toBe(404);
    const accepted = await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().clock).toMatchObject({ acceptedOn: '2026-09-24', deadline: '2026-10-22', workingDaysLeft: 15, overdue: false });
    // the official reads the material (audited)
    expect((await get('official.ganzhou', `/api/recognition/materials/${materialId}`)).statusCode).toBe(200);
    expect(await audit('recognition.material_read', materialId)).toHaveLength(1);
  });

  it('补正 pauses the clock until the talent resubmits; the deadline moves by the paused working days', async () => {
    await moveTo('2026-09-29', ['official.ganzhou', 'talent.ganzhou']);
    const noReason = await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/request_supplement`);
    expect(noReason.json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const asked = await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/request_supplement`, { reason: '请补充博士学位证书。' });
    expect(asked.json()).toMatchObject({ status: 'supplement', clock: { paused: true, overdue: false, workingDaysLeft: null } });
    // paused across 国庆: never overdue while waiting
    await moveTo('2026-10-09', ['official.ganzhou', 'talent.ganzhou', 'admin', 'reviewer']);
    const mine = await get('talent.ganzhou', '/api/recognition/applications/mine');
    expect(mine.json().items[0]).toMatchObject({ status: 'supplement', allowedActions: expect.arrayContaining(['resubmit']) });
    const extra = await upload(s['talent.ganzhou']!, PDF, 'application/pdf', '学位证书.pdf');
    const back = await post('talent.ganzhou', `/api/recognition/applications/${id}/transitions/resubmit`, { materialIds: [extra.json().id] });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'accepted', clock: { pausedWorkingDays: 3, deadline: '2026-10-27', paused: false } });
    expect(back.json().materials.map((m: { fileName: string }) => m.fileName)).toContain('学位证书.pdf');
    expect((await audit('recognition.clock_resumed', id))[0]?.detail).toMatchObject({ pausedWorkingDays: 3, deadline: '2026-10-27' });
  });

  it('reviewers: a conflict of interest is refused, each reviewer scores once, the decision waits for all scores', async () => {
    conflicted = await newReviewer(t, s.admin!, 'rev.conflict', '钱工');
    reviewTwo = await newReviewer(t, s.admin!, 'rev.two', '李教授');
    const reviewerId = (await t.ctx().db.select().from(users).where(eq(users.username, 'reviewer')))[0]?.id;
    for (const [userId, affiliationName, affiliationOrgId] of [
      [conflicted.userId, '赣州云智信息技术有限公司', employerOrgId],
      [reviewTwo.userId, '江西理工大学', null],
      [reviewerId, '南昌大学', null],
    ] as const) {
      const r = await s['official.ganzhou']!.request({
        method: 'PUT',
        url: '/api/recognition/reviewers',
        payload: { userId, affiliationName, affiliationOrgId, expertise: '大数据' },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/start_review`)).json().code).toBe('RECOGNITION_NO_REVIEWERS');
    const conflict = await post('official.ganzhou', `/api/recognition/applications/${id}/reviewers`, { reviewerId: conflicted.userId });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'RECOGNITION_REVIEWER_CONFLICT', params: { affiliation: '赣州云智信息技术有限公司' } });
    const a1 = await post('official.ganzhou', `/api/recognition/applications/${id}/reviewers`, { reviewerId });
    expect(a1.statusCode, a1.body).toBe(201);
    expect((await post('official.ganzhou', `/api/recognition/applications/${id}/reviewers`, { reviewerId })).json().code).toBe('RECOGNITION_REVIEWER_ASSIGNED');
    const a2 = await post('official.ganzhou', `/api/recognition/applications/${id}/reviewers`, { reviewerId: reviewTwo.userId });
    expect(a2.statusCode).toBe(201);
    // not yet in review: no scoring
    expect((await post('reviewer', `/api/recognition/reviews/${a1.json().id}/score`, { score: 85, comment: '好' })).json().code).toBe(
      'RECOGNITION_NOT_IN_REVIEW',
    );
    expect((await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/start_review`)).json().status).toBe('in_review');
    // assigned reviewers read the application and its materials; others do not
    expect((await get('reviewer', `/api/recognition/applications/${id}`)).statusCode).toBe(200);
    expect((await get('reviewer', `/api/recognition/materials/${materialId}`)).statusCode).toBe(200);
    expect((await conflicted.request({ method: 'GET', url: `/api/recognition/materials/${materialId}` })).statusCode).toBe(404);
    expect(
      (await conflicted.request({ method: 'POST', url: `/api/recognition/reviews/${a1.json().id}/score`, payload: { score: 10, comment: 'x' } })).statusCode,
    ).toBe(404);
    expect((await post('reviewer', `/api/recognition/reviews/${a1.json().id}/score`, { score: 88, comment: '成果突出。' })).statusCode).toBe(200);
    expect((await post('reviewer', `/api/recognition/reviews/${a1.json().id}/score`, { score: 99, comment: '改分' })).json().code).toBe(
      'RECOGNITION_ALREADY_SCORED',
    );
    const early = await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/recognise`);
    expect(early.json()).toMatchObject({ code: 'RECOGNITION_REVIEW_INCOMPLETE', params: { open: 1 } });
    const mine = await reviewTwo.request({ method: 'GET', url: '/api/recognition/reviews/mine' });
    expect(mine.json().items[0]).toMatchObject({ subjectId: id, score: null, subject: { applicant: expect.stringMatching(/^刘\*+$/) } });
  });

  it('reminds the handling official before the deadline and escalates to the supervisor once it has passed', async () => {
    await moveTo('2026-10-21', []);
    expect(await watchDeadlines(t.ctx())).toEqual({ reminders: 0, escalations: 0 }); // 4 working days left
    await moveTo('2026-10-22', ['official.ganzhou']);
    expect(await watchDeadlines(t.ctx())).toEqual({ reminders: 1, escalations: 0 });
    expect(await watchDeadlines(t.ctx())).toEqual({ reminders: 0, escalations: 0 });
    const alerts = await get('official.ganzhou', '/api/recognition/alerts');
    expect(alerts.json().items[0]).toMatchObject({ kind: 'reminder', applicationId: id, deadline: '2026-10-27', workingDaysLeft: 3 });
    expect((await get('official.ganzhou', '/api/recognition/overdue')).json().total).toBe(0);
    await moveTo('2026-10-28', ['official.ganzhou', 'official.province', 'official.nanchang', 'talent.ganzhou']);
    expect(await watchDeadlines(t.ctx())).toEqual({ reminders: 0, escalations: 1 });
    const overdue = await get('official.province', '/api/recognition/overdue');
    expect(overdue.json().items).toEqual([
      expect.objectContaining({ id, escalated: true, clock: expect.objectContaining({ overdue: true, workingDaysLeft: -1 }) }),
    ]);
    expect((await get('official.province', '/api/recognition/alerts')).json().items[0]).toMatchObject({ kind: 'escalation', applicationId: id });
    expect((await get('official.ganzhou', '/api/recognition/overdue')).json().total).toBe(1);
    expect((await get('official.nanchang', '/api/recognition/overdue')).json().total).toBe(0);
    expect((await get('official.ganzhou', '/api/recognition/applications?overdue=true')).json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await get('talent.ganzhou', '/api/recognition/applications/mine')).json().items[0].clock.overdue).toBe(true);
  });

  it('recognises once every reviewer has scored and creates the benefits, each tracked by its department', async () => {
    reviewTwo = await reviewerLogin(t, 'rev.two');
    const reviews = (await reviewTwo.request({ method: 'GET', url: '/api/recognition/reviews/mine' })).json().items;
    expect(
      (await reviewTwo.request({ method: 'POST', url: `/api/recognition/reviews/${reviews[0].id}/score`, payload: { score: 80, comment: '同意认定。' } }))
        .statusCode,
    ).toBe(200);
    const decided = await post('official.ganzhou', `/api/recognition/applications/${id}/transitions/recognise`, { reason: '符合E类条件。' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'recognised', grantedCategoryCode: 'E', reviews: { allScored: true, average: 84 } });
    expect((await get('official.province', '/api/recognition/overdue')).json().total).toBe(0);
    const benefits = (await get('talent.ganzhou', '/api/recognition/benefits/mine')).json().items;
    expect(benefits.map((b: { benefit: string; department: string; status: string }) => `${b.benefit}:${b.department}:${b.status}`).sort()).toEqual([
      'housing:org:pending',
      'position_allowance:finance:pending',
      'transport_tourism:org:pending',
    ]);
    const facts = await t.database.query<{ days: number; dimension: string }>(
      `select days, dimension from metric_events where metric = 'recognition.decided' and subject_id = $1`,
      [id],
    );
    expect(facts[0]).toMatchObject({ dimension: 'late', days: 16 });

    // officials of the fulfilling departments (组织部, 财政) in 赣州, one 组织部 official in 南昌
    const mk = async (username: string, department: string, regionCode: string): Promise<Actor> => {
      const [u] = await t.ctx().db.insert(users).values({ username, role: 'official', displayName: username, regionCode, department }).returning();
      return { userId: u!.id, username, role: 'official', regionCode, department: department as Actor['department'], orgId: null, sessionId: 'test' };
    };
    const org = await mk('gz.org', 'org', '360700');
    const fin = await mk('gz.finance', 'finance', '360700');
    const ncOrg = await mk('nc.org', 'org', '360100');
    const ctxOf = (actor: Actor) => ({ ...t.ctx(), actor });
    const orgQueue = await departmentBenefits(ctxOf(org), {});
    expect(orgQueue.items.map((b) => b.benefit).sort()).toEqual(['housing', 'transport_tourism']);
    expect((await departmentBenefits(ctxOf(ncOrg), {})).items).toEqual([]);
    expect((await get('official.ganzhou', '/api/recognition/benefits')).json().items).toEqual([]); // 人社 fulfils none of E's
    const housing = orgQueue.items.find((b) => b.benefit === 'housing')!;
    await expect(transitionBenefit(ctxOf(fin), housing.id, 'grant', {})).rejects.toMatchObject({ code: 'RECOGNITION_WRONG_DEPARTMENT' });
    await expect(transitionBenefit(ctxOf(ncOrg), housing.id, 'grant', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await post('official.ganzhou', `/api/recognition/benefits/${housing.id}/transitions/grant`)).json().code).toBe('RECOGNITION_WRONG_DEPARTMENT');
    expect(await transitionBenefit(ctxOf(org), housing.id, 'grant', { reason: '已安排人才公寓一套。' })).toMatchObject({
      status: 'granted',
      note: '已安排人才公寓一套。',
    });
    const allowance = (await departmentBenefits(ctxOf(fin), {})).items[0]!;
    await expect(transitionBenefit(ctxOf(fin), allowance.id, 'decline', {})).rejects.toMatchObject({ code: 'WORKFLOW_REASON_REQUIRED' });
    await transitionBenefit(ctxOf(fin), allowance.id, 'decline', { reason: '已在原单位享受同类补贴。' });
    const mine = (await get('talent.ganzhou', '/api/recognition/benefits/mine')).json().items;
    expect(Object.fromEntries(mine.map((b: { benefit: string; status: string }) => [b.benefit, b.status]))).toEqual({
      housing: 'granted',
      position_allowance: 'declined',
      transport_tourism: 'pending',
    });
    expect(mine.find((b: { benefit: string }) => b.benefit === 'position_allowance').note).toBe('已在原单位享受同类补贴。');
    for (const action of [
      'recognition.accept',
      'recognition.request_supplement',
      'recognition.resubmit',
      'recognition.start_review',
      'recognition.recognise',
      'recognition.deadline_escalation',
    ])
      expect(await audit(action, id), action).toHaveLength(1);
    expect(await audit('recognition.review_score', id)).toHaveLength(2);
  });
});

describe('programmes, 柔性引才 and stations', () => {
  it('赣鄱俊才支持计划: returned for changes, resubmitted, reviewed and approved', async () => {
    const applied = await post('talent.ganzhou', '/api/recognition/programmes', {
      programme: 'ganpo_junior',
      employerName: '赣州云智信息技术有限公司',
      employerOrgId,
      projectTitle: '稀土产线数字孪生',
      summary: '研发产线数字孪生系统。',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const pid = applied.json().id;
    expect((await get('official.nanchang', `/api/recognition/programmes/${pid}`)).statusCode).toBe(404);
    expect((await post('official.ganzhou', `/api/recognition/programmes/${pid}/transitions/return`, { reason: '请补充预算。' })).json().status).toBe(
      'returned',
    );
    expect((await post('talent.ganzhou', `/api/recognition/programmes/${pid}/transitions/resubmit`)).json().status).toBe('submitted');
    const reviewer = (await t.ctx().db.select().from(users).where(eq(users.username, 'reviewer')))[0]!;
    const conflicted = (await t.ctx().db.select().from(users).where(eq(users.username, 'rev.conflict')))[0]!;
    expect((await post('official.ganzhou', `/api/recognition/programmes/${pid}/reviewers`, { reviewerId: conflicted.id })).json().code).toBe(
      'RECOGNITION_REVIEWER_CONFLICT',
    );
    const assigned = await post('official.ganzhou', `/api/recognition/programmes/${pid}/reviewers`, { reviewerId: reviewer.id });
    expect((await post('official.ganzhou', `/api/recognition/programmes/${pid}/transitions/start_review`)).json().status).toBe('in_review');
    s.reviewer = await t.signIn('reviewer');
    expect((await post('reviewer', `/api/recognition/reviews/${assigned.json().id}/score`, { score: 90, comment: '项目可行。' })).statusCode).toBe(200);
    const approved = await post('official.ganzhou', `/api/recognition/programmes/${pid}/transitions/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', reviews: { average: 90 } });
    expect((await get('official.ganzhou', '/api/recognition/programmes?status=approved')).json().total).toBe(1);
  });

  it('records 柔性引才 in the own region; hosts record for their own organisation only', async () => {
    s['host.nanchang'] = await t.signIn('host.nanchang');
    s['employer.ganzhou'] = await t.signIn('employer.ganzhou');
    const body = {
      personName: '周明远',
      kind: 'tech_vice_president',
      hostName: '赣州云智',
      homeInstitution: '江西理工大学',
      regionCode: '360702',
      startsOn: '2026-11-01',
      endsOn: '2028-10-31',
    };
    expect((await post('official.ganzhou', '/api/recognition/flexible', body)).statusCode).toBe(201);
    expect((await post('official.ganzhou', '/api/recognition/flexible', { ...body, regionCode: '360102' })).statusCode).toBe(403);
    expect((await post('official.ganzhou', '/api/recognition/flexible', { ...body, endsOn: '2026-01-01' })).statusCode).toBe(400);
    const own = await post('employer.ganzhou', '/api/recognition/flexible', {
      ...body,
      kind: 'industry_professor',
      hostName: '别的单位',
      regionCode: '360102',
    });
    expect(own.json()).toMatchObject({ hostOrgId: employerOrgId, hostName: '赣州云智信息技术有限公司', regionCode: '360702' });
    expect((await get('official.ganzhou', '/api/recognition/flexible')).json().total).toBe(2);
    expect((await get('official.nanchang', '/api/recognition/flexible')).json().total).toBe(0);
    expect((await get('employer.ganzhou', '/api/recognition/flexible')).json().total).toBe(1);
  });

  it('a host registers a station; officials of its region confirm it and it may then claim the build subsidy', async () => {
    const created = await post('host.nanchang', '/api/recognition/stations', {
      kind: 'postdoc_workstation',
      name: '江西智算博士后科研工作站',
      field: '人工智能',
      digitalEconomy: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'applied', regionCode: '360102', subsidyPolicyCode: null });
    const again = await post('host.nanchang', '/api/recognition/stations', {
      kind: 'postdoc_workstation',
      name: '江西智算博士后科研工作站',
      field: '人工智能',
      digitalEconomy: true,
    });
    expect(again.json().code).toBe('RECOGNITION_STATION_EXISTS');
    expect((await post('official.ganzhou', `/api/recognition/stations/${created.json().id}/transitions/approve`)).statusCode).toBe(404);
    expect((await post('host.nanchang', `/api/recognition/stations/${created.json().id}/transitions/approve`)).statusCode).toBe(403);
    const approved = await post('official.nanchang', `/api/recognition/stations/${created.json().id}/transitions/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedOn: '2026-10-28', subsidyPolicyCode: 'postdoc-station-subsidy' });
    expect((await get('host.nanchang', '/api/recognition/stations')).json().items).toHaveLength(1);
    expect((await get('official.ganzhou', '/api/recognition/stations')).json().items).toHaveLength(0);
  });

  it('only the province names supervisors, and only officials whose region covers the city', async () => {
    const gz = (await t.ctx().db.select().from(users).where(eq(users.username, 'official.ganzhou')))[0]!;
    const nc = (await t.ctx().db.select().from(users).where(eq(users.username, 'official.nanchang')))[0]!;
    const put = (who: string, payload: Record<string, unknown>) => s[who]!.request({ method: 'PUT', url: '/api/recognition/supervisors', payload });
    expect((await put('official.ganzhou', { regionCode: '360700', userId: gz.id })).statusCode).toBe(403);
    expect((await put('official.province', { regionCode: '360700', userId: nc.id })).statusCode).toBe(400);
    expect((await put('official.province', { regionCode: '360700', userId: gz.id })).statusCode).toBe(200);
    expect((await audit('recognition.supervisor_set', '360700')).length).toBe(1);
  });

  it('only the province configures categories', async () => {
    const c = { code: 'F', name: 'F类 测试', rank: 6, criteria: ['测试条件'], limitWorkingDays: 10, benefits: ['housing'], active: false };
    expect((await s['official.ganzhou']!.request({ method: 'PUT', url: '/api/recognition/categories', payload: c })).statusCode).toBe(403);
    expect((await s['official.province']!.request({ method: 'PUT', url: '/api/recognition/categories', payload: c })).statusCode).toBe(200);
    const publicList = await t.app.inject({ method: 'GET', url: '/api/recognition/categories' });
    expect(publicList.json().items.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('offers officials staff accounts to pick (reviewers; 人社/组织部 officials), without identifiers, and nobody else', async () => {
    for (const u of ['official.ganzhou', 'talent.ganzhou']) s[u] = await t.signIn(u);
    const reviewers = await get('official.ganzhou', '/api/recognition/accounts?kind=reviewer');
    expect(reviewers.statusCode, reviewers.body).toBe(200);
    expect(reviewers.json().items.map((a: { username: string }) => a.username)).toContain('reviewer');
    expect(Object.keys(reviewers.json().items[0]).sort()).toEqual(['department', 'name', 'regionCode', 'userId', 'username']);
    const officials = (await get('official.ganzhou', '/api/recognition/accounts?kind=official')).json().items as { username: string }[];
    expect(officials.map((a) => a.username)).toEqual(expect.arrayContaining(['official.ganzhou', 'official.province']));
    expect((await get('official.ganzhou', '/api/recognition/accounts?kind=talent')).statusCode).toBe(400);
    expect((await get('talent.ganzhou', '/api/recognition/accounts?kind=reviewer')).statusCode).toBe(403);
  });
});
