/**
 * Competitions over HTTP: a team registers for the 数据要素× contest, three judges (none from its organisation)
 * score blind, the ranking equals the configured aggregation computed by hand; a judge never scores an entry
 * of their own organisation; a skills-contest winner's certificate verifies publicly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { newTalents } from '../events/events.test-support.js';
import { createPublished, dataContestBody, newJudges, orgIdOf, skillsContestBody, transition } from './competitions.test-support.js';

let t: TestApp;
let official: Session;
beforeAll(async () => {
  t = await createTestApp();
  official = await t.signIn('official.province');
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const score = (s: Session, roundId: string, entryId: string, innovation: number, value: number, feasibility: number) =>
  s.request({ method: 'PUT', url: `/api/competitions/rounds/${roundId}/entries/${entryId}/score`, payload: { scores: { innovation, value, feasibility } } });

describe('数据要素× contest', () => {
  it('ranks by the trimmed mean of three judges, refuses a conflicted judge, advances the top entry and publishes results', async () => {
    const { id, rounds } = await createPublished(official, dataContestBody(t.clock.now()));
    const [pre, fin] = rounds;
    if (!pre || !fin) throw new Error('rounds');
    const employerOrg = await orgIdOf(t, 'employer.ganzhou');
    const hostOrg = await orgIdOf(t, 'host.nanchang');
    const [a1, a2, b1, c1] = await newTalents(t, 4, 21);
    if (!a1 || !a2 || !b1 || !c1) throw new Error('talents');

    // team A (two members, 赣州云智) registers as a new user would; B and C individually
    const regA = await post(a1, `/api/competitions/${id}/entries`, {
      name: '赣南脐橙产销数据平台',
      groupCode: 'agriculture',
      memberUsernames: ['ev.21.1'],
      orgId: employerOrg,
      summary: '打通种植、冷链和销售数据。',
    });
    expect(regA.statusCode, regA.body).toBe(201);
    expect(regA.json().code).toBe('SJ-001');
    const dup = await post(a2, `/api/competitions/${id}/entries`, { name: '重复报名', groupCode: 'agriculture' });
    expect(dup.json().code).toBe('COMPETITIONS_ALREADY_REGISTERED');
    const notTalent = await post(b1, `/api/competitions/${id}/entries`, {
      name: '带企业账号的团队',
      groupCode: 'industry',
      memberUsernames: ['employer.ganzhou'],
    });
    expect(notTalent.json()).toMatchObject({ code: 'COMPETITIONS_MEMBER_NOT_TALENT', params: { username: 'employer.ganzhou' } });
    const regB = await post(b1, `/api/competitions/${id}/entries`, { name: '工业设备预测性维护', groupCode: 'industry' });
    const regC = await post(c1, `/api/competitions/${id}/entries`, { name: '基层医疗影像数据共享', groupCode: 'health', orgId: hostOrg });
    const [A, B, C] = [regA.json().id, regB.json().id, regC.json().id] as string[];
    if (!A || !B || !C) throw new Error('entries');
    const upload = await a1.request({
      method: 'POST',
      url: `/api/competitions/entries/${A}/materials?fileName=plan.pdf`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fake = await a1.request({
      method: 'POST',
      url: `/api/competitions/entries/${A}/materials?fileName=x.pdf`,
      payload: Buffer.from('MZ not a pdf'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(fake.json().code).toBe('COMPETITIONS_FILE_TYPE');

    const [j1, j2, j3, jx] = await newJudges(t, ['judge.one', 'judge.two', 'judge.three', 'judge.yunzhi']);
    if (!j1 || !j2 || !j3 || !jx) throw new Error('judges');
    const assigned = await post(official, `/api/competitions/rounds/${pre.id}/judges`, {
      judges: [
        { username: 'judge.one' },
        { username: 'judge.two', affiliationOrgId: hostOrg },
        { username: 'judge.three' },
        { username: 'judge.yunzhi', affiliationOrgId: employerOrg },
      ],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await post(official, `/api/competitions/rounds/${pre.id}/judges`, { judges: [{ username: 'talent.ganzhou' }] })).json().code).toBe(
      'COMPETITIONS_JUDGE_NOT_REVIEWER',
    );
    await transition(official, `/api/competitions/${id}/transitions/close_registration`);
    await transition(official, `/api/competitions/${id}/transitions/start_judging`);
    await transition(official, `/api/competitions/rounds/${pre.id}/transitions/open_scoring`);

    // blind: the judge sees codes, groups and materials, never team names, members or organisations
    const queue = await j1.request({ method: 'GET', url: '/api/competitions/judging' });
    expect(queue.statusCode).toBe(200);
    expect(queue.body).not.toContain('赣南脐橙');
    expect(queue.body).not.toContain('赣州云智');
    expect(queue.body).not.toContain('ev.21');
    const codes = queue.json().rounds[0].entries.map((e: { code: string }) => e.code);
    expect(codes).toEqual(['SJ-001', 'SJ-002', 'SJ-003']);
    expect(queue.json().rounds[0].entries[0].materials).toHaveLength(1);

    // conflict: the 赣州云智-affiliated judge cannot score team A (and C is refused to judge.two, who is from its host)
    const conflict = await score(jx, pre.id, A, 90, 90, 90);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('COMPETITIONS_JUDGE_CONFLICT');
    expect((await score(j2, pre.id, C, 90, 90, 90)).json().code).toBe('COMPETITIONS_JUDGE_CONFLICT');
    const denied = await t.database.query<{ object_id: string }>(`select object_id from audit_log where action = 'competition.score' and result = 'denied'`);
    expect(denied.map((r) => r.object_id).sort()).toEqual([A, C].sort());
    const jxQueue = (await jx.request({ method: 'GET', url: '/api/competitions/judging' })).json();
    expect(jxQueue.rounds[0].entries.find((e: { id: string }) => e.id === A)).toMatchObject({ conflict: true, materials: [] });

    // C needs a third judge from outside its host: judge.yunzhi (affiliated with 赣州云智, not with C's host) may score C
    // weights 30/40/30 sum to 100, so a judge's total in hundredths is Σ score × weight.
    // A: j1 80·30+90·40+70·30 = 8100, j2 60·30+70·40+80·30 = 7000, j3 95 → 9500
    // B: j1 85 → 8500, j2 90·30+80·40+70·30 = 8000, j3 70 → 7000
    // C: j1 50·30+60·40+70·30 = 6000, jx 100 → 10000, j3 81 → 8100
    const sheets: [Session, string, number, number, number][] = [
      [j1, A, 80, 90, 70],
      [j2, A, 60, 70, 80],
      [j3, A, 95, 95, 95],
      [j1, B, 85, 85, 85],
      [j2, B, 90, 80, 70],
      [j3, B, 70, 70, 70],
      [j1, C, 50, 60, 70],
      [jx, C, 100, 100, 100],
      [j3, C, 81, 81, 81],
    ];
    for (const [s, e, x, y, z] of sheets) {
      const r = await score(s, pre.id, e, x, y, z);
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(
      (await j1.request({ method: 'PUT', url: `/api/competitions/rounds/${pre.id}/entries/${A}/score`, payload: { scores: { innovation: 80 } } })).json().code,
    ).toBe('COMPETITIONS_SCORES_INCOMPLETE');
    await transition(official, `/api/competitions/rounds/${pre.id}/transitions/close`);
    expect((await score(j1, pre.id, A, 1, 1, 1)).json().code).toBe('COMPETITIONS_ROUND_NOT_SCORING');

    // trimmed (3 judges ≥ trimMinJudges 3): drop highest and lowest, i.e. the middle total.
    // A 8100 (7000, 8100, 9500), C 8100 (6000, 8100, 10000), B 8000 (7000, 8000, 8500).
    // A and C tie at 81.00: the plain mean breaks it, A 24600/3 = 8200 > C 24100/3 = 8033; so A, C, B.
    const manage = (await official.request({ method: 'GET', url: `/api/competitions/${id}/manage` })).json();
    const prelim = manage.results.rounds[0].results.map((r: Record<string, unknown>) => [r.code, r.rank, r.aggregate, r.mean, r.tied, r.advanced]);
    expect(prelim).toEqual([
      ['SJ-001', 1, 8100, 8200, true, true],
      ['SJ-003', 2, 8100, 8033, true, false],
      ['SJ-002', 3, 8000, 7833, false, false],
    ]);

    // final: only A takes part; one judge (fewer than 3: plain mean)
    await post(official, `/api/competitions/rounds/${fin.id}/judges`, { judges: [{ username: 'judge.one' }] });
    await transition(official, `/api/competitions/rounds/${fin.id}/transitions/open_scoring`);
    expect((await score(j1, fin.id, B, 90, 90, 90)).json().code).toBe('COMPETITIONS_ENTRY_NOT_IN_ROUND');
    expect((await score(j1, fin.id, A, 88, 92, 90)).json().total).toBe(9020);
    expect((await post(official, `/api/competitions/${id}/transitions/publish_results`)).json().code).toBe('COMPETITIONS_ROUNDS_OPEN');
    await transition(official, `/api/competitions/rounds/${fin.id}/transitions/close`);
    await transition(official, `/api/competitions/${id}/transitions/publish_results`);

    const pub = await t.app.inject({ url: `/api/competitions/${id}/results` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().awards.map((a: { awardName: string; code: string }) => [a.awardName, a.code])).toEqual([['一等奖', 'SJ-001']]);
    expect(pub.json().rounds[1].results[0]).toMatchObject({ code: 'SJ-001', name: '赣南脐橙产销数据平台', aggregate: 9020, rank: 1 });
    const mine = (await a2.request({ method: 'GET', url: '/api/competitions/entries/mine' })).json();
    expect(mine.items[0]).toMatchObject({ code: 'SJ-001', award: { name: '一等奖' } });
    expect(mine.items[0].results.map((r: { rank: number }) => r.rank)).toEqual([1, 1]);
  });
});

describe('skills contest', () => {
  it('grants the winner the level through a contest certificate that verifies publicly; eligibility is checked', async () => {
    const { id, rounds } = await createPublished(official, skillsContestBody(t.clock.now()));
    const [fin] = rounds;
    if (!fin) throw new Error('round');
    const [w, r] = await newTalents(t, 2, 22);
    if (!w || !r) throw new Error('talents');
    const team = await post(w, `/api/competitions/${id}/entries`, { name: '两人组', groupCode: 'staff', memberUsernames: ['ev.22.1'] });
    expect(team.json()).toMatchObject({ code: 'COMPETITIONS_INELIGIBLE', params: { rule: 'individual_only' } });
    const win = await post(w, `/api/competitions/${id}/entries`, { name: '选手甲', groupCode: 'staff' });
    const run = await post(r, `/api/competitions/${id}/entries`, { name: '选手乙', groupCode: 'staff' });
    const [judge] = await newJudges(t, ['judge.skills']);
    if (!judge) throw new Error('judge');
    await post(official, `/api/competitions/rounds/${fin.id}/judges`, { judges: [{ username: 'judge.skills' }] });
    await transition(official, `/api/competitions/${id}/transitions/close_registration`);
    await transition(official, `/api/competitions/${id}/transitions/start_judging`);
    await transition(official, `/api/competitions/rounds/${fin.id}/transitions/open_scoring`);
    const sheet = (entry: string, theory: number, practice: number) =>
      judge.request({ method: 'PUT', url: `/api/competitions/rounds/${fin.id}/entries/${entry}/score`, payload: { scores: { theory, practice } } });
    expect((await sheet(win.json().id, 90, 95)).statusCode).toBe(200);
    expect((await sheet(run.json().id, 80, 85)).statusCode).toBe(200);
    await transition(official, `/api/competitions/rounds/${fin.id}/transitions/close`);
    const published = await transition(official, `/api/competitions/${id}/transitions/publish_results`);
    const award = published.results.awards[0];
    expect(award).toMatchObject({ awardName: '一等奖', code: 'JN-001', grantsLevel: true });
    expect((await post(await t.signIn('official.nanchang'), `/api/competitions/awards/${award.id}/grant`)).statusCode).toBe(404);
    const granted = await post(official, `/api/competitions/awards/${award.id}/grant`);
    expect(granted.statusCode, granted.body).toBe(200);
    const [cert] = granted.json().certificates;
    expect(cert).toMatchObject({ levelCode: '3', promotion: false });
    expect((await post(official, `/api/competitions/awards/${award.id}/grant`)).json().certificates).toEqual([cert]);
    const verify = await t.app.inject({ url: `/api/certificates/verify/${cert.number}` });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ result: 'valid', certificate: { occupationCode: '4-04-05-05', levelCode: '3' } });
    const [row] = await t.database.query<{ source: string; holder_user_id: string }>('select source, holder_user_id from certificates where number = $1', [
      cert.number,
    ]);
    expect(row).toEqual({ source: 'contest', holder_user_id: w.userId });
  });

  it('checks group rules as declared (初创组: company at most 5 years old)', async () => {
    const now = t.clock.now();
    const { id } = await createPublished(
      official,
      dataContestBody(now, {
        kind: 'innovation',
        title: '中国创新创业大赛（江西赛区）',
        groups: [
          { code: 'startup', name: '初创组', rule: { maxCompanyAgeYears: 5 } },
          { code: 'growth', name: '成长组', rule: { minCompanyAgeYears: 1 } },
        ],
        categories: [{ code: 'ngit', name: '新一代信息技术' }],
      }),
    );
    const [p] = await newTalents(t, 1, 23);
    if (!p) throw new Error('talent');
    const old = new Date(now.getTime() - 8 * 365 * 86_400_000).toISOString().slice(0, 10);
    const body = { name: '工业视觉检测', groupCode: 'startup', categoryCode: 'ngit', companyFoundedOn: old };
    expect((await post(p, `/api/competitions/${id}/entries`, body)).json()).toMatchObject({
      code: 'COMPETITIONS_INELIGIBLE',
      params: { rule: 'company_too_old' },
    });
    expect((await post(p, `/api/competitions/${id}/entries`, { ...body, categoryCode: null })).statusCode).toBe(400);
    expect((await post(p, `/api/competitions/${id}/entries`, { ...body, groupCode: 'growth' })).statusCode).toBe(201);
  });
});
