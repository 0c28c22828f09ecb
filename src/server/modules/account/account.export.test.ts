/**
 * The data subject's export (PIPL art. 45) covers the person's records in every module — certificates,
 * evaluation, qualifications, policy facts and claims, contests, 人才认定 / 人才计划, the 人事档案, ventures —
 * and nobody else's: no other account's id, name, 身份证号 or mobile, no official who handled a record.
 * The demo talent's seeded records (contest entry, archive, venture project, policy facts, prefilled claims)
 * plus records made here through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../lib/progress.js';
import { seed } from '../../seed/seed.js';
import { ACCREDITED, accreditForEvaluation, dayFrom, orgIdOf, TINY_PDF } from '../certificates/certificates.test-support.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';

const ID_NUMBER = /[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const withoutIds = (text: string) =>
  text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>').replace(/\b[0-9a-f]{32,}\b/gi, '<hex>');
const PAYEE = { bankName: '中国工商银行赣州分行', account: '6222021508001234567' };

let t: TestApp;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.ctx(), 'ci', silentProgress);
  await accreditForEvaluation(t, await orgIdOf(t, 'evaluator.nanchang'), [ACCREDITED]);
  talent = await t.signIn('talent.ganzhou');
}, 300_000);
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  s.request({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const upload = (s: Session, url: string) => s.request({ method: 'POST', url, payload: TINY_PDF, headers: { 'content-type': 'application/pdf' } });
const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body || 'null');
};

/** The demo talent sits an evaluation (registration → scores → published → certificate issued). */
async function certify() {
  const evaluator = await t.signIn('evaluator.nanchang');
  const plan = ok(await post(evaluator, '/api/certificates/plans', { name: '大数据工程技术人员（三级）评价', ...ACCREDITED }), 201);
  const session = ok(
    await post(evaluator, `/api/certificates/plans/${plan.id}/sessions`, {
      examOn: dayFrom(t.clock.now(), 7),
      venue: '南昌市青山湖区评价中心考场',
      capacity: 30,
    }),
    201,
  );
  const candidate = ok(await post(talent, `/api/certificates/sessions/${session.id}/registration`));
  ok(await post(evaluator, `/api/certificates/sessions/${session.id}/transitions/close`));
  ok(
    await evaluator.request({
      method: 'PUT',
      url: `/api/certificates/sessions/${session.id}/results`,
      payload: { results: [{ candidateId: candidate.id, theoryScore: 82, practicalScore: 75 }] },
    }),
  );
  ok(await post(evaluator, `/api/certificates/sessions/${session.id}/transitions/publish_results`));
  const issued = ok(await post(evaluator, `/api/certificates/sessions/${session.id}/issue`, {}, { 'idempotency-key': `export-${session.id}` }));
  return issued.issued[0].number as string;
}

describe('export of my data', () => {
  it('has a section with my record of every module, and no other person in it', async () => {
    const certificateNumber = await certify();

    const evidence = ok(await upload(talent, '/api/certificates/qualifications/evidence?fileName=软考证书.pdf'), 201);
    ok(
      await post(talent, '/api/certificates/qualifications', {
        kind: 'ruankao',
        title: '系统架构设计师',
        level: 'senior',
        certificateNo: 'RK2025GJ0077',
        issuedOn: '2025-06-01',
        authority: '人力资源社会保障部 工业和信息化部',
        evidenceId: evidence.id,
      }),
      201,
    );

    const material = ok(await upload(talent, '/api/recognition/materials?fileName=认定申报材料.pdf'), 201);
    const recognition = ok(
      await post(
        talent,
        '/api/recognition/applications',
        { categoryCode: 'E', employerName: '赣州某数据服务公司', field: '数据治理', achievements: '主持市级政务数据治理项目。', materialIds: [material.id] },
        { 'idempotency-key': 'export-recognition' },
      ),
      201,
    );
    // the handling official accepts it: the export names neither the official nor their account
    const official = await t.signIn('official.ganzhou');
    ok(await post(official, `/api/recognition/applications/${recognition.id}/transitions/accept`));
    ok(
      await post(talent, '/api/recognition/programmes', {
        programme: 'ganpo_junior',
        employerName: '赣州某数据服务公司',
        projectTitle: '县域政务数据质量评估工具',
        summary: '面向县级政务数据的质量评估与修复工具。',
      }),
      201,
    );

    const claims = ok(await get(talent, '/api/policies/claims/mine'));
    const prefilled = (claims.items as { id: string; status: string }[]).find((c) => c.status === 'prefilled');
    expect(prefilled, 'the seed prepares a claim for the demo talent (免申即享)').toBeDefined();
    ok(await post(talent, `/api/policies/claims/${prefilled?.id}/confirm`, { payee: PAYEE }, { 'idempotency-key': 'export-confirm' }));

    const custodians = ok(await get(talent, '/api/archives/custodians'));
    const nanchangCentre = custodians.items.find((c: { name: string }) => c.name === '南昌市人才服务中心');
    ok(await post(talent, '/api/archives/mine/transfers', { toCustodianId: nanchangCentre.id, reason: '已到南昌就业' }), 201);

    const projects = ok(await get(talent, '/api/ventures/projects/mine'));
    const project = projects.items[0];
    const carriers = ok(await get(talent, '/api/ventures/carriers'));
    const carrier = carriers.items.find((c: { name: string }) => c.name.startsWith('赣州章贡数字产业孵化器'));
    ok(await post(talent, `/api/ventures/projects/${project.id}/incubations`, { carrierId: carrier.id, note: '希望入驻赣州孵化器。' }), 201);
    // the 赣州 incubator's operator (demo account host.ganzhou) has the application on its desk, free to accept or decline
    const desk = ok(await get(await t.signIn('host.ganzhou'), '/api/ventures/incubations'));
    expect(desk.items.find((i: { project: { id: string } }) => i.project.id === project.id)?.allowedActions).toEqual(
      expect.arrayContaining(['accept', 'decline']),
    );
    const investor = await t.signIn('investor.nanchang');
    ok(
      await post(
        investor,
        '/api/ventures/introductions',
        { projectId: project.id, message: '希望了解分拣系统的融资计划。' },
        { 'idempotency-key': 'export-intro' },
      ),
      201,
    );

    const res = await post(talent, '/api/account/export', { password: 'Gancai#2026' });
    const data = ok(res);

    expect(data.certificates).toEqual([expect.objectContaining({ number: certificateNumber, holderName: '刘晓琳', status: 'valid' })]);
    expect(data.evaluationCandidacies).toContainEqual(
      expect.objectContaining({ evaluationBody: '江西省数字技术工程师评价中心', result: 'passed', theoryScore: 82, practicalScore: 75 }),
    );
    expect(data.qualifications).toEqual([
      expect.objectContaining({
        title: '系统架构设计师',
        certificateNo: 'RK2025GJ0077',
        status: 'submitted',
        evidence: expect.objectContaining({ fileName: '软考证书.pdf' }),
      }),
    ]);
    expect(data.policyFacts).toMatchObject({ hukouRegionCode: '360502', insuredMonths: 14 });
    const claim = data.policyClaims.find((c: { id: string }) => c.id === prefilled?.id);
    expect(claim).toMatchObject({ payeeBank: PAYEE.bankName, payeeAccount: PAYEE.account });
    expect(Number.isInteger(claim.amountFen) && claim.amountFen > 0).toBe(true);
    expect(data.competitionEntries).toContainEqual(expect.objectContaining({ name: '赣南脐橙产销数据服务平台', role: 'leader' }));
    expect(data.recognitionApplications).toEqual([expect.objectContaining({ id: recognition.id, field: '数据治理', status: 'accepted' })]);
    expect(data.recognitionMaterials).toEqual([expect.objectContaining({ fileName: '认定申报材料.pdf', applicationId: recognition.id })]);
    expect(data.programmeApplications).toEqual([expect.objectContaining({ projectTitle: '县域政务数据质量评估工具' })]);
    expect(data.entitlements).toEqual([]);
    expect(data.archive).toMatchObject({ archiveNo: 'GZRC-2019-00317', custodian: { name: '赣州市人才服务中心' } });
    expect(data.archiveTransfers).toEqual([expect.objectContaining({ from: '赣州市人才服务中心', to: '南昌市人才服务中心', reason: '已到南昌就业' })]);
    expect(data.ventureProjects).toContainEqual(expect.objectContaining({ id: project.id, organisation: null, fundingSoughtFen: 300_000_000 }));
    expect(data.ventureIncubations).toContainEqual(expect.objectContaining({ projectId: project.id, status: 'applied', milestones: [] }));
    expect(data.ventureIntroductions).toContainEqual(expect.objectContaining({ projectId: project.id, investor: '江西赣江数字创业投资有限公司' }));
    expect(data.statusHistory).toContainEqual(
      expect.objectContaining({ workflow: 'recognition', recordId: recognition.id, action: 'accept', byRole: 'official' }),
    );
    expect(data.statusHistory).toContainEqual(expect.objectContaining({ workflow: 'policy_claim', recordId: prefilled?.id, action: 'confirm' }));
    expect(data.sessions.length).toBeGreaterThan(0);
    for (const staffOnly of ['reviewerProfile', 'reviewAssignments', 'competitionJudging', 'deadlineAlerts']) expect(data).toHaveProperty(staffOnly);

    // nobody else: no other account's id, no handler's or investor's name, only the person's own identifiers
    const others = await t.database.query<{ id: string }>(`select id from users where id <> $1`, [talent.userId]);
    expect(others.length).toBeGreaterThan(100);
    for (const o of others) expect(res.body).not.toContain(o.id);
    for (const name of ['赣州市人社局审核员', '罗文斌', '熊志远', '钟丽萍']) expect(res.body).not.toContain(name);
    expect(new Set(withoutIds(res.body).match(ID_NUMBER))).toEqual(new Set(['360702199703152427']));
    expect(new Set(withoutIds(res.body).match(MOBILE))).toEqual(new Set(['13907971234']));
  }, 180_000);

  it('gives a reviewer their own pool entry and scores, without the applicants', async () => {
    const reviewer = await t.signIn('reviewer');
    const res = await post(reviewer, '/api/account/export', { password: 'Gancai#2026' });
    const data = ok(res);
    expect(data.reviewerProfile).toMatchObject({ affiliationName: '南昌大学信息工程学院', active: true });
    expect(data.reviewAssignments).toContainEqual(expect.objectContaining({ subjectKind: 'recognition', score: 86 }));
    const applicants = await t.database.query<{ id: string; display_name: string }>(
      `select u.id, u.display_name from recognition_applications a join users u on u.id = a.talent_user_id`,
    );
    expect(applicants.length).toBeGreaterThan(0);
    for (const a of applicants) {
      expect(res.body).not.toContain(a.id);
      expect(res.body).not.toContain(a.display_name);
    }
  });
});
