/** Accreditation (资质申报) through the workflow, region scope, expiry, suspension, assertAccredited; categories; communities. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../shared/identifiers.js';
import { createTestApp, sessionFrom, type Session, type TestApp } from '../../../../test/helpers.js';
import { chinaDate } from '../skillcatalog/skillcatalog.lookup.js';
import { assertAccredited, findAccreditation } from './providers.accreditation.js';
import { seedSkillCatalogues } from '../skillcatalog/skillcatalog.seed.js';
import { expireAccreditations } from './providers.service.js';
import { seedProviders } from './providers.seed.js';

let t: TestApp;
let provider: Session;
let ganzhou: Session;
let nanchang: Session;
let province: Session;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-12T02:00:00Z'));
  provider = await t.signIn('provider.ganzhou');
  ganzhou = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
  province = await t.signIn('official.province');
  orgId = (await provider.request({ method: 'GET', url: '/api/providers/me' })).json().id;
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const today = () => chinaDate(t.clock.now());
const q = (occupationCode: string, levelCode: string, on = today()) => ({ organisationId: orgId, purpose: 'training' as const, occupationCode, levelCode, on });
const auditActions = async (objectId: string) =>
  (await t.database.query<{ action: string }>(`select action from audit_log where object_id = $1 order by seq`, [objectId])).map((r) => r.action);

async function applyFor(items: { occupationCode: string; levelCode: string }[], purpose = 'training'): Promise<string> {
  const res = await post(provider, '/api/providers/accreditations', { purpose, items, statement: '具备专职教师 12 人、实训机房 3 间，申请开展培训。' });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ status: 'submitted', regionCode: '360702', allowedActions: ['withdraw'] });
  return res.json().id;
}

describe('provider profile', () => {
  it('sets the category of the own organisation, audited; others may not', async () => {
    const res = await provider.request({
      method: 'PUT',
      url: '/api/providers/me',
      payload: { category: 'dte_cultivation', description: '数字技术工程师培育机构' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ category: 'dte_cultivation', name: '赣州市数字技能职业培训学校', regionName: '章贡区' });
    expect(await auditActions(orgId)).toContain('provider.profile');
    const employer = await t.signIn('employer.ganzhou');
    expect((await get(employer, '/api/providers/me')).statusCode).toBe(403);
    const list = (await get(ganzhou, '/api/providers')).json().items;
    expect(list.find((o: { id: string }) => o.id === orgId)).toMatchObject({ category: 'dte_cultivation' });
    expect((await get(nanchang, '/api/providers')).json().items.map((o: { id: string }) => o.id)).not.toContain(orgId);
  });
});

describe('accreditation workflow', () => {
  it('is approved by the city official only, then counts until valid_until', async () => {
    const id = await applyFor([
      { occupationCode: '4-04-05-05', levelCode: '5' },
      { occupationCode: '4-04-05-05', levelCode: '4' },
      { occupationCode: '2-02-38-01', levelCode: '5' },
    ]);
    await expect(assertAccredited(t.database.db, q('4-04-05-05', '5'))).rejects.toMatchObject({ code: 'ACCREDITATION_REQUIRED', status: 409 });
    // the review queue of 赣州 has it, 南昌's does not; 南昌 cannot approve it (region scope: 404)
    const queue = (await get(ganzhou, '/api/providers/accreditations/review?status=submitted')).json();
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await get(nanchang, '/api/providers/accreditations/review?status=submitted')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    const crossCity = await post(nanchang, `/api/providers/accreditations/${id}/transitions/approve`);
    expect(crossCity.statusCode).toBe(404);
    expect((await get(nanchang, `/api/providers/accreditations/${id}`)).statusCode).toBe(404);
    // the provider may not approve its own application
    expect((await post(provider, `/api/providers/accreditations/${id}/transitions/approve`)).statusCode).toBe(403);
    const tooLong = await post(ganzhou, `/api/providers/accreditations/${id}/transitions/approve`, { validUntil: '2040-01-01' });
    expect(tooLong.json().code).toBe('PROVIDERS_VALID_UNTIL_INVALID');
    const approved = await post(ganzhou, `/api/providers/accreditations/${id}/transitions/approve`, { validUntil: '2026-12-31' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', validUntil: '2026-12-31', inForce: true, allowedActions: ['suspend'] });
    expect(approved.json().history.map((h: { action: string }) => h.action)).toEqual(['approve']);

    await expect(assertAccredited(t.database.db, q('4-04-05-05', '5'))).resolves.toBeUndefined();
    expect(await findAccreditation(t.database.db, q('2-02-38-01', '5'))).toEqual({ id, regionCode: '360702', validUntil: '2026-12-31' });
    // another level, another occupation, another purpose: not accredited
    expect(await findAccreditation(t.database.db, q('4-04-05-05', '3'))).toBeNull();
    expect(await findAccreditation(t.database.db, q('4-04-05-01', '5'))).toBeNull();
    expect(await findAccreditation(t.database.db, { ...q('4-04-05-05', '5'), purpose: 'evaluation' })).toBeNull();
    // lookups respect valid_until even before the expiry task has run
    expect(await findAccreditation(t.database.db, q('4-04-05-05', '5', '2027-01-01'))).toBeNull();

    // suspension (reason required) stops it at once; reinstatement brings it back
    expect((await post(ganzhou, `/api/providers/accreditations/${id}/transitions/suspend`)).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const suspended = await post(ganzhou, `/api/providers/accreditations/${id}/transitions/suspend`, { reason: '师资不达标，限期整改' });
    expect(suspended.json()).toMatchObject({ status: 'suspended', inForce: false });
    expect(await findAccreditation(t.database.db, q('4-04-05-05', '5'))).toBeNull();
    const reinstated = await post(ganzhou, `/api/providers/accreditations/${id}/transitions/reinstate`, { reason: '整改完成' });
    expect(reinstated.json().status).toBe('approved');
    expect(await findAccreditation(t.database.db, q('4-04-05-05', '5'))).not.toBeNull();
    expect(await auditActions(id)).toEqual([
      'accreditation.submit',
      'accreditation.approve',
      'accreditation.valid_until',
      'accreditation.suspend',
      'accreditation.reinstate',
    ]);

    // the daily task expires it after valid_until
    const saved = t.clock.now();
    t.clock.set(new Date('2027-01-01T02:00:00Z'));
    expect(await expireAccreditations(t.ctx())).toBeGreaterThanOrEqual(1);
    expect(await expireAccreditations(t.ctx())).toBe(0);
    // (no HTTP while the clock is moved: the sessions would lapse)
    t.clock.set(saved);
    const after = (await get(ganzhou, `/api/providers/accreditations/${id}`)).json();
    expect(after).toMatchObject({ status: 'expired', allowedActions: [] });
    expect(after.history.map((h: { action: string }) => h.action)).toEqual(['approve', 'suspend', 'reinstate', 'expire']);
    expect(await findAccreditation(t.database.db, q('4-04-05-05', '5'))).toBeNull();
  });

  it('is returned for correction, resubmitted with new items, or rejected with a reason', async () => {
    const id = await applyFor([{ occupationCode: '4-01-06-01', levelCode: '3' }]);
    expect((await post(ganzhou, `/api/providers/accreditations/${id}/transitions/return`)).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const returned = await post(ganzhou, `/api/providers/accreditations/${id}/transitions/return`, { reason: '请补充三级实训设备清单' });
    expect(returned.json()).toMatchObject({ status: 'returned' });
    expect((await get(provider, `/api/providers/accreditations/${id}`)).json().allowedActions).toEqual(['resubmit', 'withdraw']);
    const resubmitted = await post(provider, `/api/providers/accreditations/${id}/transitions/resubmit`, {
      items: [
        { occupationCode: '4-01-06-01', levelCode: '5' },
        { occupationCode: '4-01-06-01', levelCode: '4' },
      ],
      statement: '已补充实训设备清单，申请五级、四级。',
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json().items.map((i: { levelCode: string }) => i.levelCode)).toEqual(['5', '4']);
    expect(resubmitted.json().status).toBe('submitted');
    // the province official may decide too
    const rejected = await post(province, `/api/providers/accreditations/${id}/transitions/reject`, { reason: '场地不符合要求' });
    expect(rejected.json().status).toBe('rejected');
    expect((await post(ganzhou, `/api/providers/accreditations/${id}/transitions/approve`)).json().code).toBe('WORKFLOW_TRANSITION_NOT_ALLOWED');
    expect(await findAccreditation(t.database.db, q('4-01-06-01', '5'))).toBeNull();
    const mine = (await get(provider, '/api/providers/accreditations/mine')).json().items;
    expect(mine.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'rejected' });
    expect(await auditActions(id)).toEqual([
      'accreditation.submit',
      'accreditation.return',
      'accreditation.resubmit',
      'accreditation.items',
      'accreditation.reject',
    ]);
  });

  it('refuses unknown occupations, unverified organisations and other organisations', async () => {
    const bad = await post(provider, '/api/providers/accreditations', {
      purpose: 'training',
      items: [{ occupationCode: '9-99-99-99', levelCode: '5' }],
      statement: '申请一个不存在的职业的资质。',
    });
    expect(bad.json().code).toBe('CATALOG_UNKNOWN_CODE');
    const uscc = '52360702MJD477013';
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/organisation',
      payload: {
        org: {
          kind: 'provider',
          name: '赣州新办职业培训学校',
          uscc: `${uscc}${usccCheckChar(uscc)}`,
          regionCode: '360702',
          contactName: '李四',
          contactPhone: '13607970002',
        },
        account: { username: 'gz.newschool', password: 'Ganzhou#2026', displayName: '李四' },
        consents: ['privacy_policy', 'sensitive_pi'],
      },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const pending = sessionFrom(t.app, reg);
    const refused = await post(pending, '/api/providers/accreditations', {
      purpose: 'training',
      items: [{ occupationCode: '4-04-05-05', levelCode: '5' }],
      statement: '新办学校申请培训资质。',
    });
    expect(refused.json().code).toBe('PROVIDERS_ORG_NOT_VERIFIED');
    const id = await applyFor([{ occupationCode: '4-04-05-02', levelCode: '5' }]);
    expect((await get(pending, `/api/providers/accreditations/${id}`)).statusCode).toBe(404);
    expect((await post(pending, `/api/providers/accreditations/${id}/transitions/withdraw`)).statusCode).toBe(404);
    const withdrawn = await post(provider, `/api/providers/accreditations/${id}/transitions/withdraw`);
    expect(withdrawn.json().status).toBe('withdrawn');
  });
});

describe('产教融合共同体', () => {
  it('is created by the region official, extended by its lead organisation, and public', async () => {
    const employerOrg = (await get(ganzhou, '/api/organisations?pageSize=100'))
      .json()
      .items.find((o: { kind: string; status: string }) => o.kind === 'employer' && o.status === 'verified');
    const created = await post(ganzhou, '/api/providers/communities', {
      name: '赣州数字经济产教融合共同体',
      leadOrgId: orgId,
      description: '培训学校与软件企业共建课程和实训基地。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const member = await post(provider, `/api/providers/communities/${id}/members`, { orgId: employerOrg.id, memberRole: 'enterprise' });
    expect(member.statusCode, member.body).toBe(200);
    expect((await post(provider, `/api/providers/communities/${id}/members`, { orgId: employerOrg.id, memberRole: 'enterprise' })).json().code).toBe(
      'PROVIDERS_COMMUNITY_MEMBER_EXISTS',
    );
    await post(provider, `/api/providers/communities/${id}/programmes`, { name: '软件测试订单班', description: '企业出题、学校授课、联合考核。' });
    await post(ganzhou, `/api/providers/communities/${id}/bases`, {
      name: '章贡区软件实训基地',
      address: '赣州市章贡区红旗大道 1 号',
      hostOrgId: employerOrg.id,
    });
    expect((await post(nanchang, `/api/providers/communities/${id}/programmes`, { name: '越权项目', description: '不应成功的项目。' })).statusCode).toBe(404);
    const pub = (await t.app.inject({ url: `/api/providers/communities/${id}` })).json();
    expect(pub).toMatchObject({ name: '赣州数字经济产教融合共同体', regionName: '赣州市', canManage: false });
    expect(pub.members.map((m: { memberRole: string }) => m.memberRole)).toEqual(['school', 'enterprise']);
    expect(pub.programmes).toHaveLength(1);
    expect(pub.bases[0]).toMatchObject({ name: '章贡区软件实训基地', hostName: employerOrg.name });
    expect(await auditActions(id)).toEqual(['community.create', 'community.member_add', 'community.programme_add', 'community.base_add']);
  });
});

describe('demo data', () => {
  // a database of its own: the demo accreditations would change what the tests above expect
  let d: TestApp;
  beforeAll(async () => {
    d = await createTestApp();
  });
  afterAll(async () => d?.close());

  it('accredits the demo provider for training and the demo evaluator for evaluation, digital occupations at 五/四/三级', async () => {
    expect(await seedSkillCatalogues(d.ctx())).toBeGreaterThan(0);
    expect(await seedProviders(d.ctx())).toBe(3);
    expect(await seedProviders(d.ctx())).toBe(0);
    const db = d.database.db;
    const on = chinaDate(d.clock.now());
    const orgOf = async (uscc: string) => (await d.database.query<{ id: string }>(`select id from organisations where uscc = $1`, [uscc]))[0]?.id as string;
    const providerOrg = await orgOf('52360702MJD47651XR');
    const evaluatorOrg = await orgOf('12360000MB1C856219');
    const training = (occupationCode: string, levelCode: string) => ({
      organisationId: providerOrg,
      purpose: 'training' as const,
      occupationCode,
      levelCode,
      on,
    });
    for (const level of ['5', '4', '3']) {
      // 数字技术工程师 (人工智能工程技术人员) and a digital skill occupation, both in the subsidy catalogue
      await expect(assertAccredited(db, training('2-02-38-01', level))).resolves.toBeUndefined();
      await expect(assertAccredited(db, training('4-04-05-05', level))).resolves.toBeUndefined();
      await expect(
        assertAccredited(db, { organisationId: evaluatorOrg, purpose: 'evaluation', occupationCode: '2-02-38-01', levelCode: level, on }),
      ).resolves.toBeUndefined();
    }
    await expect(assertAccredited(db, training('2-02-38-01', '2'))).rejects.toMatchObject({ code: 'ACCREDITATION_REQUIRED' });
    const official = await d.signIn('official.ganzhou');
    const queue = (await official.request({ method: 'GET', url: '/api/providers/accreditations/review?status=submitted' })).json().items;
    expect(queue.some((a: { items: { occupationCode: string }[] }) => a.items.some((i) => i.occupationCode === '4-04-05-13'))).toBe(true);
    // the reference loader may still replace the occupations table (no foreign key holds it): the delete succeeds, then rolls back
    const replaced = d.database.db.transaction(async (tx) => {
      await tx.execute(sql`delete from occupations`);
      throw new Error('rolled back');
    });
    await expect(replaced).rejects.toThrow('rolled back');
    const communities = (await d.app.inject({ url: '/api/providers/communities' })).json().items;
    expect(communities.map((c: { name: string }) => c.name)).toContain('赣州电子信息产业产教融合共同体');
  });
});
