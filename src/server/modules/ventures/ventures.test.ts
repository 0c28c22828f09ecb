/**
 * 助创业 over HTTP: the project workflow (submit → publish / return with reason → archive), region scope for
 * officials (another city's official gets 404), no personal data in public views, carriers and incubations
 * (manager rule, capacity, milestones and overdue flags), and start-up policies judged by the policy engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { seedPolicies } from '../policies/index.js';
import { carrierBody, newMaker, newOrg, projectBody, published } from './ventures.test-support.js';

let t: TestApp;
let ganzhou: Session;
let nanchang: Session;
let maker: Session;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-15T02:00:00Z'));
  ganzhou = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
  maker = await newMaker(t, 1);
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const audits = (objectId: string) =>
  t.database.query<{ action: string }>('select action from audit_log where object_id = $1 order by seq', [objectId]).then((r) => r.map((a) => a.action));

describe('project showcase', () => {
  it('goes draft → submitted → returned (reason) → submitted → published, audited, public without personal data', async () => {
    const created = await maker.request({
      method: 'POST',
      url: '/api/ventures/projects',
      payload: projectBody(),
      headers: { 'idempotency-key': 'venture-create-1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await maker.request({
      method: 'POST',
      url: '/api/ventures/projects',
      payload: projectBody(),
      headers: { 'idempotency-key': 'venture-create-1' },
    });
    expect(again.json().id).toBe(created.json().id);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ status: 'draft', allowedActions: ['submit', 'archive'], fundingSoughtFen: 200_000_000 });

    expect((await t.app.inject({ method: 'GET', url: `/api/ventures/projects/${id}` })).statusCode).toBe(404);
    expect((await post(maker, `/api/ventures/projects/${id}/transitions/submit`)).json().status).toBe('submitted');
    expect((await post(ganzhou, `/api/ventures/projects/${id}/transitions/return`)).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const returned = await post(ganzhou, `/api/ventures/projects/${id}/transitions/return`, { reason: '请补充团队成员和已取得的进展' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请补充团队成员和已取得的进展' });
    const edited = await maker.request({ method: 'PATCH', url: `/api/ventures/projects/${id}`, payload: { teamSize: 6 } });
    expect(edited.json().teamSize).toBe(6);
    await post(maker, `/api/ventures/projects/${id}/transitions/submit`);
    expect((await post(maker, `/api/ventures/projects/${id}/transitions/publish`)).statusCode).toBe(403);
    const pub = await post(ganzhou, `/api/ventures/projects/${id}/transitions/publish`);
    expect(pub.json()).toMatchObject({ status: 'published', returnReason: null });
    expect((await maker.request({ method: 'PATCH', url: `/api/ventures/projects/${id}`, payload: { teamSize: 7 } })).json().code).toBe('VENTURES_NOT_EDITABLE');

    const pubView = await t.app.inject({ method: 'GET', url: `/api/ventures/projects/${id}` });
    expect(pubView.statusCode).toBe(200);
    expect(pubView.json()).toMatchObject({ ownerKind: 'talent', orgName: null, regionName: '章贡区', industryName: '应用软件开发' });
    const list = await t.app.inject({ method: 'GET', url: '/api/ventures/projects?field=big_data&city=360700' });
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
    for (const body of [pubView.body, list.body]) {
      expect(body).not.toContain('创客1');
      expect(body).not.toMatch(/1367970\d{4}/);
      expect(body).not.toContain('ownerUserId');
    }
    expect(await audits(id)).toEqual([
      'venture_project.create',
      'venture_project.submit',
      'venture_project.return',
      'venture_project.update',
      'venture_project.submit',
      'venture_project.publish',
    ]);
    const [metric] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from metric_events where metric = 'venture.published' and subject_id = $1`,
      [id],
    );
    expect(metric?.n).toBe(1);
  });

  it('keeps another city’s official out (404) and lists only the own region', async () => {
    const created = await post(maker, '/api/ventures/projects', projectBody({ name: '赣州第二个项目' }));
    const id = created.json().id as string;
    await post(maker, `/api/ventures/projects/${id}/transitions/submit`);
    expect((await get(nanchang, `/api/ventures/projects/${id}`)).statusCode).toBe(404);
    expect((await post(nanchang, `/api/ventures/projects/${id}/transitions/publish`)).statusCode).toBe(404);
    const theirs = (await get(nanchang, '/api/ventures/manage/projects')).json().items as { regionCode: string }[];
    expect(theirs.every((p) => p.regionCode.startsWith('3601'))).toBe(true);
    const ours = (await get(ganzhou, '/api/ventures/manage/projects?status=submitted')).json().items as { id: string; allowedActions: string[] }[];
    expect(ours.find((p) => p.id === id)?.allowedActions).toEqual(['publish', 'return']);
    const province = await t.signIn('official.province');
    expect((await get(province, `/api/ventures/projects/${id}`)).statusCode).toBe(200);
    const other = await newMaker(t, 2);
    expect((await get(other, `/api/ventures/projects/${id}`)).statusCode).toBe(404);
    expect((await post(other, `/api/ventures/projects/${id}/transitions/archive`)).statusCode).toBe(404);
  });

  it('refuses bad input and wrong roles, and lets only verified employers publish for their organisation', async () => {
    expect((await post(maker, '/api/ventures/projects', { ...projectBody(), stage: 'unicorn' })).json().code).toBe('VALIDATION_FAILED');
    expect((await post(maker, '/api/ventures/projects', projectBody({ industryCode: '9999' }))).json().code).toBe('CATALOG_UNKNOWN_CODE');
    expect((await post(ganzhou, '/api/ventures/projects', projectBody())).statusCode).toBe(403);
    const pending = await t.signIn('employer.pending');
    expect((await post(pending, '/api/ventures/projects', projectBody())).json().code).toBe('VENTURES_ORG_NOT_VERIFIED');
    const employer = await t.signIn('employer.ganzhou');
    const created = await post(employer, '/api/ventures/projects', projectBody({ name: '企业项目', stage: 'growth' }));
    expect(created.json()).toMatchObject({ ownerKind: 'organisation', orgName: '赣州云智信息技术有限公司' });
  });
});

describe('carriers and incubation', () => {
  it('runs applied → accepted → incubating → graduated by the operating host only, within capacity, with milestones', async () => {
    const host = await newOrg(t, ganzhou, { n: 11, kind: 'host', industryCode: '7540', regionCode: '360702' });
    const notHost = await t.signIn('employer.ganzhou');
    const [employerOrg] = await t.database.query<{ uscc: string }>(
      `select o.uscc from organisations o join users u on u.org_id = o.id where u.username = 'employer.ganzhou'`,
    );
    expect((await post(ganzhou, '/api/ventures/carriers', carrierBody(employerOrg?.uscc ?? ''))).json().code).toBe('VENTURES_CARRIER_MANAGER_INVALID');
    expect((await post(nanchang, '/api/ventures/carriers', carrierBody(host.uscc))).json().code).toBe('FORBIDDEN_REGION');
    const carrier = await post(ganzhou, '/api/ventures/carriers', carrierBody(host.uscc));
    expect(carrier.statusCode, carrier.body).toBe(201);
    const carrierId = carrier.json().id as string;
    expect((await nanchang.request({ method: 'PATCH', url: `/api/ventures/carriers/${carrierId}`, payload: { capacity: 9 } })).statusCode).toBe(404);

    const draft = await post(maker, '/api/ventures/projects', projectBody({ name: '未发布项目' }));
    expect((await post(maker, `/api/ventures/projects/${draft.json().id}/incubations`, { carrierId })).json().code).toBe('VENTURES_PROJECT_NOT_PUBLISHED');
    const p1 = await published(maker, ganzhou, projectBody({ name: '孵化项目甲' }));
    const p2 = await published(maker, ganzhou, projectBody({ name: '孵化项目乙' }));
    const a1 = await post(maker, `/api/ventures/projects/${p1}/incubations`, { carrierId, note: '申请入驻' });
    expect(a1.statusCode, a1.body).toBe(201);
    expect((await post(maker, `/api/ventures/projects/${p1}/incubations`, { carrierId })).json().code).toBe('VENTURES_ALREADY_APPLIED');
    const a2 = await post(maker, `/api/ventures/projects/${p2}/incubations`, { carrierId });
    const [i1, i2] = [a1.json().id, a2.json().id] as string[];

    expect((await post(notHost, `/api/ventures/incubations/${i1}/transitions/accept`)).statusCode).toBe(403);
    expect((await post(notHost, `/api/ventures/incubations/${i1}/transitions/verify`)).statusCode).toBe(404);
    expect((await post(maker, `/api/ventures/incubations/${i1}/transitions/accept`)).statusCode).toBe(403);
    const otherHost = await t.signIn('host.nanchang');
    expect((await post(otherHost, `/api/ventures/incubations/${i1}/transitions/accept`)).statusCode).toBe(404);
    const queue = (await get(host.session, '/api/ventures/incubations')).json().items as { id: string; allowedActions: string[] }[];
    expect(queue.find((i) => i.id === i1)?.allowedActions).toEqual(['accept', 'decline']);
    await post(host.session, `/api/ventures/incubations/${i1}/transitions/accept`);
    await post(host.session, `/api/ventures/incubations/${i2}/transitions/accept`);
    expect((await post(host.session, `/api/ventures/incubations/${i1}/transitions/start`)).json().status).toBe('incubating');
    expect((await post(host.session, `/api/ventures/incubations/${i2}/transitions/start`)).json()).toMatchObject({
      code: 'VENTURES_CARRIER_FULL',
      params: { capacity: 1 },
    });

    const m1 = await post(host.session, `/api/ventures/incubations/${i1}/milestones`, { title: '完成样机', plannedOn: '2026-06-01' });
    await post(maker, `/api/ventures/incubations/${i1}/milestones`, { title: '首批客户签约', plannedOn: '2026-09-30' });
    const first = m1.json().milestones.find((m: { title: string }) => m.title === '完成样机');
    expect(first).toMatchObject({ overdue: true, doneOn: null });
    const done = await post(maker, `/api/ventures/milestones/${first.id}/done`, { doneOn: '2026-06-10', evidence: '样机测试报告已上传至项目资料' });
    expect(done.json().milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([false, false]);
    expect((await post(nanchang, `/api/ventures/milestones/${first.id}/done`, { doneOn: '2026-06-10', evidence: 'x' })).statusCode).toBe(403);
    expect((await post(otherHost, `/api/ventures/milestones/${first.id}/done`, { doneOn: '2026-06-10', evidence: 'x' })).statusCode).toBe(404);
    const oversight = (await get(ganzhou, `/api/ventures/incubations/${i1}`)).json();
    expect(oversight).toMatchObject({ status: 'incubating', allowedActions: [], canRecordMilestones: false });
    expect((await get(nanchang, `/api/ventures/incubations/${i1}`)).statusCode).toBe(404);

    expect((await post(host.session, `/api/ventures/incubations/${i1}/transitions/graduate`)).json().status).toBe('graduated');
    expect((await post(host.session, `/api/ventures/incubations/${i1}/milestones`, { title: '迟到', plannedOn: '2026-07-01' })).json().code).toBe(
      'VENTURES_MILESTONE_CLOSED',
    );
    expect((await post(maker, `/api/ventures/incubations/${i2}/transitions/withdraw`)).json().status).toBe('withdrawn');
    const [metric] = await t.database.query<{ n: number }>(`select count(*)::int as n from metric_events where metric = 'venture.incubated'`);
    expect(metric?.n).toBe(1);
    const publicList = (await t.app.inject({ method: 'GET', url: '/api/ventures/carriers?city=360700' })).json().items as { id: string; occupied: number }[];
    expect(publicList.find((c) => c.id === carrierId)?.occupied).toBe(0);
  });
});

describe('start-up policies through the policy engine', () => {
  it('judges each project: published and past the idea stage for the 一次性创业补贴, incubating for the loan interest', async () => {
    await seedPolicies(t.ctx());
    const owner = await newMaker(t, 3);
    const idea = await published(owner, ganzhou, projectBody({ name: '创意阶段项目', stage: 'idea' }));
    const verdicts = async (id: string) =>
      Object.fromEntries(
        ((await get(owner, `/api/ventures/projects/${id}/policies`)).json().items as { code: string; verdict: string }[]).map((i) => [i.code, i.verdict]),
      );
    expect(await verdicts(idea)).toEqual({ 'startup-guaranteed-loan-interest': 'not_yet', 'startup-once-subsidy': 'not_yet' });
    const startup = await published(owner, ganzhou, projectBody({ name: '初创阶段项目', stage: 'startup' }));
    expect(await verdicts(startup)).toEqual({ 'startup-guaranteed-loan-interest': 'not_yet', 'startup-once-subsidy': 'eligible' });
    const detail = (await get(owner, `/api/ventures/projects/${startup}/policies`))
      .json()
      .items.find((i: { code: string }) => i.code === 'startup-guaranteed-loan-interest');
    expect(detail.failing.map((f: { text: string }) => f.text)).toEqual(['创业项目正在孵化载体（孵化器、加速器、众创空间）孵化']);
    expect(detail.amountFen).toBe(0);
    // a claim through the policies module, on this project
    const claim = await post(owner, '/api/policies/claims', {
      policyId: (await get(owner, `/api/ventures/projects/${startup}/policies`)).json().items.find((i: { code: string }) => i.code === 'startup-once-subsidy')
        .policyId,
      subjectRef: startup,
      payee: { bankName: '中国工商银行赣州分行', account: '6222021508001234567' },
    });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json()).toMatchObject({ amountFen: 500_000 });
    expect((await verdicts(startup))['startup-once-subsidy']).toBe('not_eligible');
    expect((await get(maker, `/api/ventures/projects/${startup}/policies`)).statusCode).toBe(404);
    const employer = await t.signIn('employer.ganzhou');
    const orgProject = await published(employer, ganzhou, projectBody({ name: '企业创业项目', stage: 'growth' }));
    expect((await get(owner, `/api/ventures/projects/${orgProject}/policies`)).statusCode).toBe(404);
    const orgItems = (await get(employer, `/api/ventures/projects/${orgProject}/policies`)).json().items as { code: string; verdict: string }[];
    expect(orgItems).toEqual([expect.objectContaining({ code: 'startup-guaranteed-loan-interest-sme', verdict: 'eligible' })]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('capacity race (PostgreSQL)', () => {
  it('starts exactly one of two accepted projects at a one-place carrier when both start at once', async () => {
    const host = await newOrg(t, ganzhou, { n: 12, kind: 'host', industryCode: '7540', regionCode: '360702' });
    const carrier = await post(ganzhou, '/api/ventures/carriers', carrierBody(host.uscc, { name: '并发测试孵化器' }));
    const owner = await newMaker(t, 4);
    const ids: string[] = [];
    for (const name of ['并发项目一', '并发项目二']) {
      const p = await published(owner, ganzhou, projectBody({ name }));
      const a = await post(owner, `/api/ventures/projects/${p}/incubations`, { carrierId: carrier.json().id });
      await post(host.session, `/api/ventures/incubations/${a.json().id}/transitions/accept`);
      ids.push(a.json().id);
    }
    const codes = await Promise.all(ids.map(async (id) => (await post(host.session, `/api/ventures/incubations/${id}/transitions/start`)).statusCode));
    expect(codes.sort()).toEqual([200, 409]);
  });
});
