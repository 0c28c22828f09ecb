/** Shared by the ventures tests (PGlite and PostgreSQL) and the cross-region matrix: bodies, accounts, fixtures. */
import { expect } from 'vitest';
import { sessionFrom, type Session, type TestApp } from '../../../../test/helpers.js';
import { idNumberCheckChar, usccCheckChar } from '../../../shared/identifiers.js';
import type { ProjectInput } from '../../../shared/ventures.js';

export function projectBody(over: Partial<ProjectInput> = {}): ProjectInput {
  return {
    name: '赣南脐橙冷链数据服务',
    stage: 'startup',
    industryCode: '6513',
    digitalField: 'big_data',
    regionCode: '360702',
    summary: '打通果园、冷库和物流的数据，为合作社提供冷链温控和销售预测服务。',
    teamSize: 4,
    fundingSoughtFen: 200_000_000,
    needs: ['funding', 'market'],
    ...over,
  };
}

export function carrierBody(managerUscc: string, over: Record<string, unknown> = {}) {
  return {
    name: '测试数字经济孵化器',
    kind: 'incubator',
    level: 'municipal',
    regionCode: '360702',
    focusFields: ['big_data', 'ai'],
    capacity: 1,
    managerUscc,
    ...over,
  };
}

export const interestBody = (over: Record<string, unknown> = {}) => ({
  title: '数据方向早期项目',
  investorKind: 'vc',
  fields: ['big_data', 'ai'],
  stages: ['startup'],
  ticketMinFen: 100_000_000,
  ticketMaxFen: 300_000_000,
  regions: ['360700'],
  ...over,
});

/** A talent registered in `regionCode` (`n` 0–99 keeps identifiers apart). */
export async function newMaker(t: TestApp, n: number, regionCode = '360702', tag = 'vm'): Promise<Session> {
  const body17 = `${regionCode}19940506${String(n).padStart(3, '0')}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/talent',
    payload: {
      username: `${tag}.${n}`,
      password: 'Maker#2026x',
      displayName: `创客${n}`,
      regionCode,
      idNumber: `${body17}${idNumberCheckChar(body17)}`,
      phone: `1367970${String(n).padStart(4, '0')}`,
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return sessionFrom(t.app, res);
}

/** An organisation registered through the API and verified by `official`; returns its session, id and USCC. */
export async function newOrg(
  t: TestApp,
  official: Session,
  o: { n: number; kind: 'employer' | 'host'; industryCode: string; regionCode: string; tag?: string },
): Promise<{ session: Session; orgId: string; uscc: string }> {
  const body17 = `91${o.regionCode}MA3${o.kind === 'host' ? 'H' : 'E'}${String(o.n).padStart(5, '0')}`;
  const uscc = `${body17}${usccCheckChar(body17)}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/organisation',
    payload: {
      org: {
        kind: o.kind,
        name: `测试单位${o.n}有限公司`,
        uscc,
        regionCode: o.regionCode,
        industryCode: o.industryCode,
        contactName: '联系人',
        contactPhone: `1380791${String(o.n).padStart(4, '0')}`,
      },
      account: { username: `${o.tag ?? 'vo'}.${o.n}`, password: 'Organ#2026x', displayName: `经办人${o.n}` },
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const orgId = res.json().user.organisation.id as string;
  const verified = await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} });
  expect(verified.statusCode, verified.body).toBe(200);
  return { session: sessionFrom(t.app, res), orgId, uscc };
}

export async function published(owner: Session, official: Session, body: ProjectInput): Promise<string> {
  const created = await owner.request({ method: 'POST', url: '/api/ventures/projects', payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await owner.request({ method: 'POST', url: `/api/ventures/projects/${id}/transitions/submit`, payload: {} })).statusCode).toBe(200);
  const pub = await official.request({ method: 'POST', url: `/api/ventures/projects/${id}/transitions/publish`, payload: {} });
  expect(pub.statusCode, pub.body).toBe(200);
  return id;
}

/**
 * Fixtures for test/region-matrix.test.ts, keyed by the routes' regionResource names: a 南昌 draft project of
 * `person` (invisible to everyone else), and — with a non-demo host operating a 南昌 carrier and a non-demo
 * investor — an incubation with a milestone, an interest and an introduction, a 小巨人 entry, all of 南昌.
 */
export async function nanchangVentureRecords(t: TestApp, official: Session, person: Session, employerOrgId: string) {
  const draft = await person.request({ method: 'POST', url: '/api/ventures/projects', payload: projectBody({ name: '南昌测试项目', regionCode: '360102' }) });
  expect(draft.statusCode, draft.body).toBe(201);
  const host = await newOrg(t, official, { n: 901, kind: 'host', industryCode: '7540', regionCode: '360102', tag: 'nc-host' });
  const investor = await newOrg(t, official, { n: 902, kind: 'employer', industryCode: '6760', regionCode: '360113', tag: 'nc-inv' });
  const carrier = await official.request({
    method: 'POST',
    url: '/api/ventures/carriers',
    payload: carrierBody(host.uscc, { regionCode: '360102', capacity: 5 }),
  });
  expect(carrier.statusCode, carrier.body).toBe(201);
  const projectId = await published(person, official, projectBody({ name: '南昌已发布项目', regionCode: '360102', stage: 'startup' }));
  const applied = await person.request({ method: 'POST', url: `/api/ventures/projects/${projectId}/incubations`, payload: { carrierId: carrier.json().id } });
  expect(applied.statusCode, applied.body).toBe(201);
  await host.session.request({ method: 'POST', url: `/api/ventures/incubations/${applied.json().id}/transitions/accept`, payload: {} });
  const ms = await host.session.request({
    method: 'POST',
    url: `/api/ventures/incubations/${applied.json().id}/milestones`,
    payload: { title: '样机', plannedOn: '2026-01-01' },
  });
  expect(ms.statusCode, ms.body).toBe(201);
  const interest = await investor.session.request({ method: 'POST', url: '/api/ventures/interests', payload: interestBody({ regions: ['360000'] }) });
  expect(interest.statusCode, interest.body).toBe(201);
  const intro = await investor.session.request({ method: 'POST', url: '/api/ventures/introductions', payload: { projectId, message: '希望进一步了解' } });
  expect(intro.statusCode, intro.body).toBe(201);
  await person.request({ method: 'POST', url: `/api/ventures/introductions/${intro.json().id}/transitions/consent`, payload: {} });
  const [org] = await t.database.query<{ uscc: string }>('select uscc from organisations where id = $1', [employerOrgId]);
  const giant = await official.request({ method: 'POST', url: '/api/ventures/giants', payload: { uscc: org?.uscc, field: 'ai', year: 2026 } });
  expect(giant.statusCode, giant.body).toBe(201);
  return {
    ventureProject: draft.json().id as string,
    ventureCarrier: carrier.json().id as string,
    ventureIncubation: applied.json().id as string,
    ventureMilestone: ms.json().milestones[0].id as string,
    ventureInterest: interest.json().id as string,
    ventureIntroduction: intro.json().id as string,
    ventureGiant: giant.json().id as string,
  };
}
