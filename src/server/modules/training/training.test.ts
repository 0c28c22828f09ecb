/** Training over HTTP: a provider runs classes, talents enrol and attend, employers sponsor, officials count. */
import jsqrModule from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { newTalents } from '../events/events.test-support.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { subsidyStandardFor } from '../skillcatalog/index.js';
import { finishEndedClasses, judge } from './training.outcomes.js';
import { classesCovering, completedEnrolmentsOf } from './training.records.js';
import { classBody, publishedClass, seedTrainingPrerequisites } from './training.test-support.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;

let t: TestApp;
let provider: Session;
let talent: Session;
let employer: Session;
let official: Session;
let trainees: Session[] = [];

/** Moves the clock and signs everyone in again (sessions expire after 30 idle minutes). */
async function advance(ms: number) {
  t.clock.advance(ms);
  provider = await t.signIn('provider.ganzhou');
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  official = await t.signIn('official.ganzhou');
  trainees = await Promise.all(trainees.map((_, i) => t.signIn(`ev.9.${i}`, { password: 'Ganzhou#2026' })));
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTrainingPrerequisites(t);
  provider = await t.signIn('provider.ganzhou');
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  official = await t.signIn('official.ganzhou');
  trainees = await newTalents(t, 4, 9);
}, 120_000);
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  s.request({ method: 'POST', url, payload, headers });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const auditRows = async (action: string) =>
  t.database.query<{ object_id: string; result: string; detail: Record<string, unknown> }>(
    'select object_id, result, detail from audit_log where action = $1 order by seq',
    [action],
  );

async function decodeQr(dataUrl: string): Promise<string | null> {
  const { PNG } = (await import('pngjs' as string)) as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } };
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('classes', () => {
  it('creates a subsidised draft hidden until published, then lists it by filters', async () => {
    const created = await post(provider, '/api/training/classes', classBody(t.clock.now(), { name: '章贡区人工智能工程技术人员初级班' }));
    expect(created.statusCode, created.body).toBe(201);
    const cls = created.json();
    const expected = await subsidyStandardFor(t.database.db, { occupationCode: '2-02-38-01', levelCode: '5', on: cls.startsOn, regionCode: '360702' });
    expect(expected?.subsidyFen).toBeGreaterThan(0);
    expect(cls).toMatchObject({
      status: 'draft',
      subsidyEligible: true,
      subsidyFen: expected?.subsidyFen,
      digital: true,
      allowedActions: ['publish', 'cancel'],
    });
    expect(cls.sessions).toHaveLength(2);
    expect((await t.app.inject({ url: `/api/training/classes/${cls.id}` })).statusCode).toBe(404);
    expect((await get(talent, `/api/training/classes/${cls.id}`)).statusCode).toBe(404);
    const published = await post(provider, `/api/training/classes/${cls.id}/transitions/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', enrolmentOpen: true, seatsLeft: 30 });
    const ids = async (qs: string) => (await t.app.inject({ url: `/api/training/classes?${qs}` })).json().items.map((c: { id: string }) => c.id);
    expect(await ids('programmeType=digital_engineer&city=360700&subsidised=true&open=true')).toContain(cls.id);
    expect(await ids('occupationCode=2-02-38-01')).toContain(cls.id);
    expect(await ids('city=360100')).not.toContain(cls.id);
    expect(await ids('programmeType=entrepreneur')).not.toContain(cls.id);
    expect((await auditRows('training_class.publish')).map((a) => a.object_id)).toContain(cls.id);
    const patched = await provider.request({ method: 'PATCH', url: `/api/training/classes/${cls.id}`, payload: { capacity: 5 } });
    expect(patched.json().code).toBe('TRAINING_NOT_EDITABLE');
  });

  it('refuses to publish for an occupation or level the provider is not accredited for', async () => {
    for (const extra of [{ occupationCode: '4-04-04-02', levelCode: '5', programmeType: 'digital_skills', engineerGrade: null }, { levelCode: '1' }]) {
      const created = await post(provider, '/api/training/classes', classBody(t.clock.now(), extra));
      expect(created.statusCode, created.body).toBe(201);
      const res = await post(provider, `/api/training/classes/${created.json().id}/transitions/publish`);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'ACCREDITATION_REQUIRED', params: { occupationCode: extra.occupationCode ?? '2-02-38-01' } });
      expect((await get(provider, `/api/training/classes/${created.json().id}`)).json().status).toBe('draft');
    }
  });

  it('freezes the subsidy standard in force on the start date', async () => {
    const now = t.clock.now();
    const body = (startsAt: Date) =>
      classBody(now, {
        programmeType: 'digital_skills',
        engineerGrade: null,
        occupationCode: '4-04-05-05',
        levelCode: '5',
        // 南昌 has no city catalogue: the province's applies, and its second version changes this standard next month
        regionCode: '360111',
        venue: '南昌市青山湖区 实训中心',
        sessions: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR_MS).toISOString(), topic: '数据标注' }],
      });
    const nextMonth = new Date(`${new Date(now.getTime() + 8 * HOUR_MS).toISOString().slice(0, 7)}-01T02:00:00Z`);
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
    const thisMonthClass = (await post(provider, '/api/training/classes', body(new Date(now.getTime() + HOUR_MS)))).json();
    const nextMonthClass = (await post(provider, '/api/training/classes', body(new Date(nextMonth.getTime() + 5 * DAY_MS)))).json();
    const standard = async (on: string) =>
      (await subsidyStandardFor(t.database.db, { occupationCode: '4-04-05-05', levelCode: '5', on, regionCode: '360111' }))?.subsidyFen;
    expect(thisMonthClass.subsidyFen).toBe(await standard(thisMonthClass.startsOn));
    expect(nextMonthClass.subsidyFen).toBe(await standard(nextMonthClass.startsOn));
    expect(thisMonthClass.subsidyFen).not.toBe(nextMonthClass.subsidyFen);
    await post(provider, `/api/training/classes/${thisMonthClass.id}/transitions/publish`);
    // a later edit of the catalogue leaves the published class as it was
    await t.database.query(`update catalogue_entries set subsidy_fen = 1 where occupation_code = '4-04-05-05'`);
    expect((await get(provider, `/api/training/classes/${thisMonthClass.id}`)).json().subsidyFen).toBe(thisMonthClass.subsidyFen);
  });

  it('validates input and keeps other roles and providers out', async () => {
    const bad = await post(provider, '/api/training/classes', classBody(t.clock.now(), { occupationCode: null }));
    expect(bad.statusCode).toBe(400);
    const unknownSkill = await post(provider, '/api/training/classes', classBody(t.clock.now(), { skillIds: ['no-such-skill'] }));
    expect(unknownSkill.json()).toMatchObject({ code: 'CATALOG_UNKNOWN_CODE', params: { field: 'skillIds' } });
    expect((await post(talent, '/api/training/classes', classBody(t.clock.now()))).statusCode).toBe(403);
    const id = (await post(provider, '/api/training/classes', classBody(t.clock.now()))).json().id;
    expect((await post(employer, `/api/training/classes/${id}/transitions/publish`)).statusCode).toBe(403);
    expect((await get(await t.signIn('evaluator.nanchang'), `/api/training/classes/${id}/roster`)).statusCode).toBe(403);
  });
});

describe('enrolment', () => {
  it('seats up to capacity, waitlists the rest, promotes on withdrawal, and replays an Idempotency-Key', async () => {
    const id = await publishedClass(provider, classBody(t.clock.now(), { capacity: 2, name: '小班容量测试' }));
    const [a, b, c] = trainees as [Session, Session, Session];
    const first = await post(a, `/api/training/classes/${id}/enrolment`, {}, { 'idempotency-key': 'enrol-key-0001' });
    expect(first.json()).toMatchObject({ status: 'enrolled', ticket: { code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) } });
    const replay = await post(a, `/api/training/classes/${id}/enrolment`, {}, { 'idempotency-key': 'enrol-key-0001' });
    expect(replay.json().id).toBe(first.json().id);
    expect((await post(a, `/api/training/classes/${id}/enrolment`)).json().id).toBe(first.json().id);
    expect((await post(b, `/api/training/classes/${id}/enrolment`)).json().status).toBe('enrolled');
    const waiting = (await post(c, `/api/training/classes/${id}/enrolment`)).json();
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, ticket: null });
    const withdrawn = await post(a, `/api/training/classes/${id}/enrolment/withdraw`, { reason: '工作冲突' });
    expect(withdrawn.json().status).toBe('withdrawn');
    const mine = (await get(c, '/api/training/enrolments/mine')).json().items.find((e: { classId: string }) => e.classId === id);
    expect(mine).toMatchObject({ status: 'enrolled', ticket: { token: expect.stringMatching(/^GTT1\./) } });
    expect((await auditRows('training_enrolment.promote')).map((r) => r.object_id)).toContain(waiting.id);
    const metrics = await t.database.query<{ subject_id: string }>(`select subject_id from metric_events where metric = 'training.enrolled'`);
    expect(metrics.map((m) => m.subject_id)).toEqual(expect.arrayContaining([first.json().id, waiting.id]));
    // re-enrolling after a withdrawal is a new enrolment; the class is full so it waits
    expect((await post(a, `/api/training/classes/${id}/enrolment`)).json()).toMatchObject({ status: 'waitlisted' });
    const counts = (await get(provider, `/api/training/classes/${id}`)).json().counts;
    expect(counts).toMatchObject({ enrolled: 2, waitlisted: 1 });
  });

  it('lets an employer sponsor an employee, who accepts or declines', async () => {
    const id = await publishedClass(provider, classBody(t.clock.now(), { name: '企业委托培训测试班' }));
    const unknown = await post(employer, `/api/training/classes/${id}/sponsorships`, { phone: '13900000000' });
    expect(unknown.json().code).toBe('TRAINING_SPONSEE_NOT_FOUND');
    const offered = await post(employer, `/api/training/classes/${id}/sponsorships`, { phone: '13907971234', note: '公司承担培训费' });
    expect(offered.statusCode, offered.body).toBe(201);
    expect(offered.json()).toMatchObject({ status: 'offered', nameMasked: '刘**' });
    expect((await post(employer, `/api/training/classes/${id}/sponsorships`, { phone: '13907971234' })).json().code).toBe('TRAINING_ALREADY_ENROLLED');
    const detail = (await get(talent, `/api/training/classes/${id}`)).json();
    expect(detail.myEnrolment).toMatchObject({ status: 'offered', sponsored: true, ticket: null });
    const accepted = await post(talent, `/api/training/classes/${id}/offer/accept`);
    expect(accepted.json()).toMatchObject({ status: 'enrolled', sponsored: true });
    expect((await get(employer, '/api/training/sponsorships')).json().items[0]).toMatchObject({ classId: id, status: 'enrolled', nameMasked: '刘**' });
    const other = await publishedClass(provider, classBody(t.clock.now(), { name: '企业委托谢绝测试班' }));
    await post(employer, `/api/training/classes/${other}/sponsorships`, { phone: '13907971234' });
    expect((await post(talent, `/api/training/classes/${other}/offer/decline`, { reason: '时间冲突' })).json().status).toBe('declined');
  });
});

describe('attendance, completion and rating', () => {
  it('checks tickets in per session, judges completion on finish, and takes one rating', async () => {
    const start = t.clock.now().getTime() + 30 * 60_000;
    const body = classBody(t.clock.now(), {
      name: '签到结业测试班',
      sessions: [
        { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR_MS).toISOString(), topic: '第一课' },
        { startsAt: new Date(start + 3 * HOUR_MS).toISOString(), endsAt: new Date(start + 5 * HOUR_MS).toISOString(), topic: '第二课' },
      ],
    });
    const id = await publishedClass(provider, body);
    const [s1, s2] = (await get(provider, `/api/training/classes/${id}`)).json().sessions as { id: string }[] as [{ id: string }, { id: string }];
    let [a, b, c] = trainees as [Session, Session, Session];
    const ea = (await post(a, `/api/training/classes/${id}/enrolment`)).json();
    const eb = (await post(b, `/api/training/classes/${id}/enrolment`)).json();
    const ec = (await post(c, `/api/training/classes/${id}/enrolment`)).json();
    const token = await decodeQr(ea.ticket.qrDataUrl);
    expect(token).toBe(ea.ticket.token);
    const checkIn = (payload: Record<string, unknown>) => post(provider, `/api/training/classes/${id}/check-in`, payload);
    const tooEarly = await checkIn({ sessionId: s2.id, token });
    expect(tooEarly.json().code).toBe('TRAINING_SESSION_NOT_RUNNING');
    expect((await checkIn({ sessionId: s1.id, token })).json()).toMatchObject({ result: 'checked_in', present: 1 });
    expect((await checkIn({ sessionId: s1.id, token })).json()).toMatchObject({ result: 'already_checked_in' });
    expect((await checkIn({ sessionId: s1.id, code: eb.ticket.code.toLowerCase() })).json()).toMatchObject({ result: 'checked_in', present: 2 });
    expect((await checkIn({ sessionId: s1.id, code: ec.ticket.code })).json().result).toBe('checked_in');
    const forged = `${token?.slice(0, -3)}AAA`;
    expect((await checkIn({ sessionId: s1.id, token: forged })).statusCode).toBe(422);
    const otherClass = await publishedClass(provider, classBody(t.clock.now(), { name: '其他培训班级' }));
    const foreign = (await post(a, `/api/training/classes/${otherClass}/enrolment`)).json();
    expect((await checkIn({ sessionId: s1.id, token: foreign.ticket.token })).json().code).toBe('TRAINING_TICKET_OTHER_CLASS');
    expect((await auditRows('training_enrolment.check_in')).filter((r) => r.result === 'denied').length).toBeGreaterThanOrEqual(3);

    expect((await post(provider, `/api/training/classes/${id}/transitions/finish`)).json().code).toBe('TRAINING_NOT_ENDED');
    await advance(3.5 * HOUR_MS);
    [a, b, c] = trainees as [Session, Session, Session];
    expect((await checkIn({ sessionId: s2.id, token })).json().result).toBe('checked_in');
    expect((await checkIn({ sessionId: s2.id, code: ec.ticket.code })).json().result).toBe('checked_in');
    const exams = await post(provider, `/api/training/classes/${id}/exam-results`, {
      results: [
        { enrolmentId: ea.id, passed: true, score: 88 },
        { enrolmentId: eb.id, passed: true, score: 90 },
        { enrolmentId: ec.id, passed: false, score: 41 },
      ],
    });
    expect(exams.json()).toEqual({ recorded: 3 });
    expect((await post(a, `/api/training/classes/${id}/rating`, { stars: 5 })).json().code).toBe('TRAINING_RATING_NOT_ALLOWED');
    const finished = await post(provider, `/api/training/classes/${id}/transitions/finish`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({ status: 'finished', counts: { completed: 1, notCompleted: 2 } });
    const roster = (await get(provider, `/api/training/classes/${id}/roster`)).json();
    const byId = Object.fromEntries(roster.items.map((r: { id: string }) => [r.id, r]));
    expect(byId[ea.id]).toMatchObject({ status: 'completed', outcomeReason: null });
    expect([...byId[ea.id].attendedSessionIds].sort()).toEqual([s1.id, s2.id].sort());
    expect(byId[eb.id]).toMatchObject({ status: 'not_completed', outcomeReason: 'attendance_below_threshold' });
    expect(byId[ec.id]).toMatchObject({ status: 'not_completed', outcomeReason: 'exam_failed' });
    expect(roster.items[0].nameMasked).toContain('*');
    const completedMetric = await t.database.query<{ subject_id: string; dimension: string; digital: boolean }>(
      `select subject_id, dimension, digital from metric_events where metric = 'training.completed'`,
    );
    expect(completedMetric).toContainEqual({ subject_id: ea.id, dimension: 'digital_engineer', digital: true });

    const rated = await post(a, `/api/training/classes/${id}/rating`, { stars: 4, comment: '实训很充分' });
    expect(rated.json()).toMatchObject({ rating: { stars: 4, comment: '实训很充分' }, canRate: false });
    expect((await post(a, `/api/training/classes/${id}/rating`, { stars: 1 })).json()).toMatchObject({
      code: 'TRAINING_RATING_NOT_ALLOWED',
      params: { reason: 'already_rated' },
    });
    expect((await post(b, `/api/training/classes/${id}/rating`, { stars: 1 })).json()).toMatchObject({ params: { reason: 'not_completed' } });

    const records = await completedEnrolmentsOf(t.database.db, a.userId);
    expect(records).toContainEqual(
      expect.objectContaining({ enrolmentId: ea.id, classId: id, programmeType: 'digital_engineer', occupationCode: '2-02-38-01', subsidyEligible: true }),
    );

    // the completer is hired within six months: the provider's public page counts it
    const official = await t.signIn('official.ganzhou');
    const jobId = await publishJob(employer, official, jobBody(t.clock.now(), { title: '人工智能算法助理' }));
    await a.request({ method: 'PUT', url: '/api/profiles/me', payload: { skills: [{ name: 'Python' }] } });
    const applied = await post(a, '/api/applications', { jobId });
    expect(applied.statusCode, applied.body).toBe(201);
    for (const step of ['interview', 'offer', 'hire']) {
      const r = await post(employer, `/api/applications/${applied.json().id}/transitions/${step}`);
      expect(r.statusCode, r.body).toBe(200);
    }
    const orgId = (await get(provider, `/api/training/classes/${id}`)).json().providerOrgId;
    const page = (await t.app.inject({ url: `/api/training/providers/${orgId}` })).json();
    expect(page.figures).toMatchObject({ completed: 1, judged: 3, hiredWithinWindow: 1, employmentRate: 1, ratings: 1, ratingAvg: 4 });
    expect(page.figures.completionRate).toBeCloseTo(1 / 3);
    expect(page.comments[0]).toMatchObject({ stars: 4, comment: '实训很充分' });
  });

  it('finishes ended classes daily and lets waiting people lapse', async () => {
    const start = t.clock.now().getTime() + HOUR_MS;
    const id = await publishedClass(
      provider,
      classBody(t.clock.now(), {
        name: '自动结业测试班',
        capacity: 1,
        hasExam: false,
        sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR_MS).toISOString(), topic: '唯一一课' }],
      }),
    );
    const [a, b] = trainees as [Session, Session];
    const ea = (await post(a, `/api/training/classes/${id}/enrolment`)).json();
    const eb = (await post(b, `/api/training/classes/${id}/enrolment`)).json();
    const [s] = (await get(provider, `/api/training/classes/${id}`)).json().sessions;
    await advance(HOUR_MS);
    expect((await post(provider, `/api/training/classes/${id}/check-in`, { sessionId: s.id, token: ea.ticket.token })).json().result).toBe('checked_in');
    await advance(2 * DAY_MS);
    const ctx = { ...t.ctx(), now: t.clock.now() };
    expect(await finishEndedClasses(ctx)).toBeGreaterThanOrEqual(1);
    const cls = (await get(provider, `/api/training/classes/${id}`)).json();
    expect(cls.status).toBe('finished');
    const statuses = await t.database.query<{ id: string; status: string }>('select id, status from training_enrolments where class_id = $1', [id]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({ [ea.id]: 'completed', [eb.id]: 'expired' });
    expect(await finishEndedClasses(ctx)).toBe(0);
  });

  it('judges the completion rule at its edges', () => {
    const c = { attendanceThreshold: 80, hasExam: true };
    expect(judge(c, { attended: 4, total: 5, examPassed: true })).toEqual({ completed: true });
    expect(judge(c, { attended: 3, total: 5, examPassed: true })).toEqual({ completed: false, reason: 'attendance_below_threshold' });
    expect(judge(c, { attended: 5, total: 5, examPassed: null })).toEqual({ completed: false, reason: 'exam_missing' });
    expect(judge({ ...c, hasExam: false }, { attended: 5, total: 5, examPassed: null })).toEqual({ completed: true });
  });
});

describe('figures for other modules and officials', () => {
  it('finds open classes covering skills or occupations, nearest first', async () => {
    const id = await publishedClass(provider, classBody(t.clock.now(), { name: '技能覆盖测试班', skillIds: ['pytorch'] }));
    const today = new Date(t.clock.now().getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
    const bySkill = await classesCovering(t.database.db, { skillIds: ['pytorch'], occupationCodes: [], regionCode: '360702', on: today, limit: 10 });
    expect(bySkill.map((c) => c.classId)).toContain(id);
    expect(bySkill[0]).toMatchObject({ providerName: '赣州市数字技能职业培训学校', skillIds: ['pytorch'] });
    const byOcc = await classesCovering(t.database.db, { skillIds: [], occupationCodes: ['2-02-38-01'], regionCode: '360102', on: today, limit: 50 });
    expect(byOcc.map((c) => c.classId)).toContain(id);
    expect(await classesCovering(t.database.db, { skillIds: ['no-such'], occupationCodes: [], regionCode: '360702', on: today, limit: 5 })).toEqual([]);
  });

  it('counts person-times by programme, city and occupation for officials of the region only', async () => {
    const year = new Date(t.clock.now().getTime() + 8 * HOUR_MS).getUTCFullYear();
    const ganzhou = (await get(official, `/api/training/stats?year=${year}`)).json();
    expect(ganzhou.totals.enrolled).toBeGreaterThan(0);
    expect(ganzhou.totals.completed).toBeGreaterThanOrEqual(2);
    expect(ganzhou.byCity[0]).toMatchObject({ key: '360700', label: '赣州市' });
    expect(ganzhou.byProgramme.map((p: { key: string }) => p.key)).toContain('digital_engineer');
    expect(ganzhou.targets.digitalTechnicians).toMatchObject({ target: 10_000 });
    expect(ganzhou.targets.digitalTechnicians.completed).toBeGreaterThanOrEqual(1);
    const nanchang = (await get(await t.signIn('official.nanchang'), `/api/training/stats?year=${year}`)).json();
    expect(nanchang.totals).toEqual({ enrolled: 0, completed: 0 });
    expect((await get(talent, '/api/training/stats')).statusCode).toBe(403);
  });
});

describe('demo seed', () => {
  it('seeds the demo classes once, with the subsidy standard in force and a finished class with outcomes', async () => {
    const { seedTraining } = await import('./training.seed.js');
    await t.database.query('delete from training_attendance');
    await t.database.query('delete from training_enrolments');
    await t.database.query('delete from training_sessions');
    await t.database.query('delete from training_classes');
    expect(await seedTraining(t.ctx())).toBe(5);
    expect(await seedTraining(t.ctx())).toBe(0);
    const classes = await t.database.query<{
      programme_type: string;
      status: string;
      subsidy_fen: number | null;
      starts_on: string;
      occupation_code: string | null;
    }>('select programme_type, status, subsidy_fen, starts_on, occupation_code from training_classes order by starts_at');
    const engineer = classes.find((c) => c.programme_type === 'digital_engineer');
    const standard = await subsidyStandardFor(t.database.db, {
      occupationCode: '2-02-38-01',
      levelCode: '5',
      on: engineer?.starts_on ?? '',
      regionCode: '360702',
    });
    expect(engineer?.subsidy_fen).toBe(standard?.subsidyFen ?? null);
    const outcomes = await t.database.query<{ status: string; n: number }>(
      `select e.status, count(*)::int as n from training_enrolments e join training_classes c on c.id = e.class_id where c.status = 'finished' group by e.status`,
    );
    // the test template has no generated talents: only the demo talent took the finished class
    expect(Object.fromEntries(outcomes.map((o) => [o.status, o.n]))).toEqual({ completed: 1 });
    const demo = await t.database.query<{ status: string }>(
      `select e.status from training_enrolments e join users u on u.id = e.talent_id where u.username = 'talent.ganzhou' and e.status = 'completed'`,
    );
    expect(demo).toHaveLength(1);
  });
});
