/** Shared by the agencies tests and the cross-region matrix (test/region-matrix.test.ts). */
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';
import { usccCheckChar } from '../../../shared/identifiers.js';

/** A registration body valid on `now` (licence from two years ago, valid three more years). */
export function registrationBody(now: Date, overrides: Record<string, unknown> = {}) {
  const year = now.getUTCFullYear();
  return {
    licenceNumber: `(赣)人服证字〔${year - 2}〕第0100001号`,
    issuingAuthority: '南昌市人力资源和社会保障局',
    validFrom: `${year - 2}-06-15`,
    validTo: `${year + 3}-06-14`,
    businessScope: '职业介绍；人力资源供求信息的收集和发布；人才测评；人力资源服务外包',
    services: ['internet_recruitment', 'ai_recruitment', 'talent_assessment'],
    description: '测试用人力资源服务机构。',
    ...overrides,
  };
}

export function reportBody(year: number, overrides: Record<string, unknown> = {}) {
  return {
    year,
    personsServed: 1200,
    employersServed: 80,
    placements: 310,
    eventsHeld: 6,
    revenueBand: 'from_1m_to_10m',
    staffCount: 25,
    aiServices: '智能人岗匹配系统，全年推荐 5,000 次。',
    ...overrides,
  };
}

/** agency.nanchang registers and official.nanchang approves; returns the registration id. */
export async function approveAgency(agency: Session, official: Session, now: Date, overrides: Record<string, unknown> = {}): Promise<string> {
  const reg = await agency.request({ method: 'POST', url: '/api/agencies/registration', payload: registrationBody(now, overrides) });
  expect(reg.statusCode, reg.body).toBe(201);
  const id = reg.json().registration.id as string;
  const ok = await official.request({ method: 'POST', url: `/api/agencies/${id}/transitions/approve`, payload: {} });
  expect(ok.statusCode, ok.body).toBe(200);
  return id;
}

/**
 * A 南昌 agency organisation other than the demo one, its submitted registration and its submitted report for the
 * last year (rows inserted directly). Keys are the routes' regionResource names.
 */
export async function nanchangAgencyRecords(t: TestApp) {
  const q = async (sql: string, params: unknown[]) => (await t.database.query<{ id: string }>(sql, params))[0]?.id ?? '';
  const first17 = '91360102MA3A8Q7T1';
  const org = await q(
    `insert into organisations (kind, name, uscc, region_code, status, created_at, updated_at)
     values ('agency', '南昌测试人力资源服务有限公司', $1, '360102', 'verified', now(), now()) returning id`,
    [`${first17}${usccCheckChar(first17)}`],
  );
  const agencyRegistration = await q(
    `insert into agency_registrations (org_id, region_code, status, licence_number, issuing_authority, valid_from, valid_to, business_scope, services, submitted_at, created_at, updated_at)
     values ($1, '360102', 'submitted', '（赣）人服证字〔2024〕第0109999号', '南昌市人力资源和社会保障局', '2024-01-01', '2099-12-31', '职业介绍', array['headhunting'], now(), now(), now()) returning id`,
    [org],
  );
  const agencyReport = await q(
    `insert into agency_annual_reports (registration_id, org_id, region_code, year, status, persons_served, employers_served, placements, events_held, revenue_band, staff_count, submitted_at, first_submitted_at, created_at, updated_at)
     values ($1, $2, '360102', 2024, 'submitted', 10, 2, 1, 0, 'under_1m', 3, now(), now(), now(), now()) returning id`,
    [agencyRegistration, org],
  );
  return { agencyRegistration, agencyReport };
}
