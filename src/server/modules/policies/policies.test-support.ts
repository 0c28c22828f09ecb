/** Shared by the policies tests (PGlite and PostgreSQL): actors, certificates, talents, the demo catalogue. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { sessionFrom, type Session, type TestApp } from '../../../../test/helpers.js';
import { idNumberCheckChar } from '../../../shared/identifiers.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { users } from '../auth/auth.tables.js';
import { issueCertificate } from '../certificates/certificates.issue.js';
import { seedSkillCatalogues } from '../skillcatalog/index.js';
import { seedPolicies } from './policies.seed.js';

/** The actor of a demo account, for calling services directly (as a request would build it). */
export async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const [u] = await t.ctx().db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(username);
  return {
    userId: u.id,
    username,
    role: u.role as Role,
    regionCode: u.regionCode,
    department: (u.department as Actor['department']) ?? null,
    orgId: u.orgId,
    sessionId: 'test',
  };
}

export async function seedCatalogueAndPolicies(t: TestApp) {
  await seedSkillCatalogues(t.ctx());
  await seedPolicies(t.ctx());
}

/** A certificate issued by the 赣州 official (a contest award needs no accreditation). */
export async function issueCert(t: TestApp, holderUserId: string, occupationCode: string, levelCode: string, issuedOn: string, ref: string) {
  const actor = await actorOf(t, 'official.ganzhou');
  const ctx: Ctx = t.ctx();
  return ctx.db.transaction((tx) =>
    issueCertificate(
      { ...ctx, db: tx as unknown as Db, actor },
      { holderUserId, occupationCode, levelCode, issuerOrgId: null, source: 'contest', sourceRef: ref, issuedOn },
    ),
  );
}

/** Registers a talent in 赣州 章贡区; `n` (0–99) keeps identifiers apart. */
export async function newTalent(t: TestApp, n: number, tag = 'pol'): Promise<Session> {
  const body17 = `36070219950203${String(n).padStart(3, '0')}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/talent',
    payload: {
      username: `${tag}.${n}`,
      password: 'Ganzhou#2026',
      displayName: `申请人${n}`,
      regionCode: '360702',
      idNumber: `${body17}${idNumberCheckChar(body17)}`,
      phone: `1390797${String(n).padStart(4, '0')}`,
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return sessionFrom(t.app, res);
}

export const PAYEE = { bankName: '中国工商银行赣州分行', account: '6222 0215 0800 1234 567' };
