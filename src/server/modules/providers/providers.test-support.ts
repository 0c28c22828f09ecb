/** Fixtures for the cross-region matrix (test/region-matrix.test.ts): 南昌 records of the skillcatalog and providers modules. */
import { expect } from 'vitest';
import { usccCheckChar } from '../../../shared/identifiers.js';
import { sessionFrom, type Session, type TestApp } from '../../../../test/helpers.js';
import { chinaDate } from '../skillcatalog/skillcatalog.lookup.js';

/**
 * A 南昌 draft catalogue version, a 南昌 provider's accreditation application and a 南昌 产教融合共同体 led by
 * `leadOrgId` (a verified 南昌 organisation). Returns ids keyed by the routes' regionResource names.
 */
export async function nanchangProviderRecords(t: TestApp, official: Session, leadOrgId: string) {
  const version = await official.request({
    method: 'POST',
    url: '/api/skill-catalogues/versions',
    payload: { kind: 'shortage', label: '南昌市急需紧缺目录草稿', effectiveFrom: chinaDate(t.clock.now()) },
  });
  expect(version.statusCode, version.body).toBe(201);
  const uscc = '52360102MJD477021';
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/organisation',
    payload: {
      org: {
        kind: 'provider',
        name: '南昌测试职业培训学校',
        uscc: `${uscc}${usccCheckChar(uscc)}`,
        regionCode: '360102',
        contactName: '赵六',
        contactPhone: '13607910003',
      },
      account: { username: 'nc.school', password: 'Nanchang#2026', displayName: '赵六' },
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(reg.statusCode, reg.body).toBe(201);
  const school: Session = sessionFrom(t.app, reg);
  const orgId = reg.json().user.organisation.id;
  await official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} });
  const applied = await school.request({
    method: 'POST',
    url: '/api/providers/accreditations',
    payload: { purpose: 'training', items: [{ occupationCode: '4-04-05-05', levelCode: '5' }], statement: '南昌测试学校申请人工智能训练师培训资质。' },
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const community = await official.request({
    method: 'POST',
    url: '/api/providers/communities',
    payload: { name: '南昌测试产教融合共同体', leadOrgId, description: '南昌测试用的产教融合共同体。' },
  });
  expect(community.statusCode, community.body).toBe(201);
  return { catalogueVersion: version.json().id as string, accreditation: applied.json().id as string, community: community.json().id as string };
}
