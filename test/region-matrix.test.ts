/**
 * Cross-region access matrix (SECURITY.md T-07): every route that names a region-owned record is called
 * by every role from another region, and must never answer 2xx. The route table is walked, so a new
 * route with an id is covered (or must say why it is not region-owned).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar, usccCheckChar } from '../src/shared/identifiers.js';
import { eventBody } from '../src/server/modules/events/events.test-support.js';
import { seedPolicies } from '../src/server/modules/policies/index.js';
import { nanchangProviderRecords } from '../src/server/modules/providers/providers.test-support.js';
import { nanchangCompetitionRecords } from '../src/server/modules/competitions/competitions.test-support.js';
import { nanchangArchiveRecords } from '../src/server/modules/archives/archives.test-support.js';
import { nanchangVentureRecords } from '../src/server/modules/ventures/ventures.test-support.js';
import { nanchangAgencyRecords } from '../src/server/modules/agencies/agencies.test-support.js';
import { nanchangDashboardReport } from '../src/server/modules/dashboard/dashboard.reports.test-support.js';
import { nanchangRecognitionRecords } from '../src/server/modules/recognition/recognition.test-support.js';
import { nanchangWageSurvey } from '../src/server/modules/wages/wages.test-support.js';
import { DEMO_ACCOUNTS } from '../src/server/seed/demo-accounts.js';
import { createTestApp, sessionFrom, type Session, type TestApp } from './helpers.js';

/** Routes with an id that are not region-owned, and why. */
const NOT_REGION_OWNED: Record<string, string> = {
  '/api/tasks/:id': 'visible to the task owner only',
  '/api/imports/:id': 'visible to the importer only (rejected rows carry identifiers)',
  '/api/imports/:id/rejected': 'visible to the importer only (rejected rows carry identifiers)',
  '/api/admin/users/:id/status': 'administrators only',
  '/api/catalog/occupations/:code': 'public reference data',
  '/api/policies/:id': 'public policy catalogue',
  '/api/providers/communities/:id': 'public directory of 产教融合共同体 (changes are region-owned: …/members, …/programmes, …/bases)',
  '/api/certificates/plans/:id/sessions': 'evaluation plans belong to their body (other bodies 404); certificates.test.ts',
  '/api/certificates/sessions/:id': 'evaluation sessions belong to their body; officials region-scoped (certificates.test.ts)',
  '/api/certificates/sessions/:id/transitions/:action': 'evaluation sessions belong to their body; officials region-scoped',
  '/api/certificates/sessions/:id/registration': 'open sessions are public; any talent may register',
  '/api/certificates/sessions/:id/eligible-trainees': 'evaluation sessions belong to their body',
  '/api/certificates/sessions/:id/trainees': 'evaluation sessions belong to their body',
  '/api/certificates/sessions/:id/results': 'evaluation sessions belong to their body',
  '/api/certificates/sessions/:id/issue': 'evaluation sessions belong to their body',
  '/api/certificates/:id': 'holder, issuing body, or officials of the holder region (certificates.test.ts checks the other city)',
  '/api/certificates/:id/certificate.pdf': 'holder, issuing body, or officials of the holder region',
  '/api/certificates/:id/transitions/revoke': 'issuing body, or officials of the holder region (certificates.test.ts checks the other city)',
  '/api/training/classes/:id': 'published classes are public; drafts and edits belong to the owning provider (others 404; training.test.ts)',
  '/api/training/classes/:id/transitions/:action': 'the owning provider only (others 404)',
  '/api/training/classes/:id/enrolment': 'published classes are open to any talent',
  '/api/training/classes/:id/enrolment/withdraw': "the talent's own enrolment",
  '/api/training/classes/:id/offer/accept': "the talent's own sponsored place",
  '/api/training/classes/:id/offer/decline': "the talent's own sponsored place",
  '/api/training/classes/:id/sponsorships': 'published classes are open to any verified employer',
  '/api/training/classes/:id/roster': 'the owning provider only (others 404); names and phones masked',
  '/api/training/classes/:id/check-in': 'the owning provider only (others 404)',
  '/api/training/classes/:id/exam-results': 'the owning provider only (others 404)',
  '/api/training/classes/:id/rating': "the talent's own completed enrolment",
  '/api/training/providers/:id': 'public provider page',
  '/api/competitions/:id': 'published competitions are public; drafts 404 outside the region (competitions.service.ts)',
  '/api/competitions/:id/results': 'published results are public; 404 before publication',
  '/api/competitions/:id/entries': 'any talent may register for a published competition (drafts 404)',
  '/api/competitions/rounds/:id/entries/:entryId/score': 'judges assigned to the round only (others 403 COMPETITIONS_NOT_JUDGE; competitions.test.ts)',
  '/api/archives/custody/verify/:code': 'public check of a custody certificate code (holder masked)',
  '/api/recognition/reviewers/:id': 'the province-wide reviewer pool: officials whose region covers the reviewer account (recognition.pool.test.ts)',
};

let t: TestApp;
const sessions = new Map<string, Session>();
const nanchang: Record<string, string> = {};
const nanchangIdNumber = `36010219900101123${idNumberCheckChar('36010219900101123')}`;

beforeAll(async () => {
  t = await createTestApp();
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/talent',
    payload: {
      username: 'nc.talent',
      password: 'Nanchang#2026',
      displayName: '南昌人',
      regionCode: '360102',
      idNumber: nanchangIdNumber,
      phone: '13607910001',
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  nanchang.person = reg.json().user.id;
  const orgReg = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/organisation',
    payload: {
      org: {
        kind: 'employer',
        name: '南昌测试软件有限公司',
        uscc: `91360102MA35N0001${usccCheckChar('91360102MA35N0001')}`,
        regionCode: '360102',
        contactName: '王五',
        contactPhone: '13607910002',
      },
      account: { username: 'nc.hr', password: 'Nanchang#2026', displayName: '王五' },
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  nanchang.organisation = orgReg.json().user.organisation.id;
  sessions.set('nc.talent', sessionFrom(t.app, reg));
  for (const a of DEMO_ACCOUNTS) sessions.set(a.username, await t.signIn(a.username));
  // a draft job posting of the 南昌 employer (verified first, so that it may post)
  await sessions.get('official.nanchang')?.request({ method: 'POST', url: `/api/organisations/${nanchang.organisation}/transitions/verify`, payload: {} });
  const job = await sessionFrom(t.app, orgReg).request({
    method: 'POST',
    url: '/api/jobs',
    payload: {
      title: '数据标注员',
      description: '负责图像与文本数据的标注和质检。',
      occupationCode: '4-04-05-05',
      regionCode: '360102',
      salaryMinFen: 400_000,
      salaryMaxFen: 600_000,
      validFrom: '2026-01-01',
      validUntil: '2099-12-31',
    },
  });
  nanchang.job = job.json().id;
  nanchang.application = await nanchangApplication(sessionFrom(t.app, orgReg), sessionFrom(t.app, reg));
  // a draft recruitment event of 南昌 (invisible outside), with the 南昌 employer invited
  const event = await sessions
    .get('official.nanchang')
    ?.request({ method: 'POST', url: '/api/events', payload: eventBody(t.clock.now(), { regionCode: '360102' }) });
  nanchang.event = event?.json().id;
  const invited = await sessions
    .get('official.nanchang')
    ?.request({ method: 'POST', url: `/api/events/${nanchang.event}/participants`, payload: { orgId: nanchang.organisation } });
  nanchang.eventParticipant = invited?.json().id;
  nanchang.invitation = await nanchangInvitation(sessionFrom(t.app, orgReg), sessionFrom(t.app, reg));
  // a 南昌 subsidy claim of the 南昌 talent and a 南昌 payment batch (policies module)
  await seedPolicies(t.ctx());
  const [claim] = await t.database.query<{ id: string }>(
    `insert into policy_claims (policy_id, applicant_user_id, applicant_key, region_code, status, subject_kind, amount_fen, created_at, submitted_at, updated_at)
     select id, $1::uuid, $1::text, '360102', 'submitted', 'certificate', 50000, now(), now(), now() from policies where code = 'skill-evaluation-subsidy' returning id`,
    [nanchang.person],
  );
  nanchang.policyClaim = claim?.id ?? '';
  const [batch] = await t.database.query<{ id: string }>(
    `insert into payment_batches (number, region_code, status, claim_count, total_fen, created_at) values ('ZF-NC-TEST', '360100', 'open', 0, 0, now()) returning id`,
  );
  nanchang.paymentBatch = batch?.id ?? '';
  Object.assign(nanchang, await nanchangProviderRecords(t, sessions.get('official.nanchang') as Session, nanchang.organisation as string));
  nanchang.wageSurvey = await nanchangWageSurvey(sessions.get('official.nanchang') as Session);
  Object.assign(nanchang, await nanchangCompetitionRecords(t, sessions.get('official.nanchang') as Session, nanchang.person as string));
  Object.assign(nanchang, await nanchangArchiveRecords(t, nanchang.person as string));
  // 助创业: a draft project of the 南昌 talent, a carrier, incubation, milestone, interest and introduction of non-demo 南昌 organisations, a 小巨人 entry
  Object.assign(
    nanchang,
    await nanchangVentureRecords(t, sessions.get('official.nanchang') as Session, sessions.get('nc.talent') as Session, nanchang.organisation as string),
  );
  // a 南昌 agency's registration under review and its submitted annual report
  Object.assign(nanchang, await nanchangAgencyRecords(t));
  Object.assign(nanchang, await nanchangDashboardReport(t.database));
  // a professional qualification declared by the 南昌 talent, with its evidence file
  const evidence = await sessionFrom(t.app, reg).request({
    method: 'POST',
    url: '/api/certificates/qualifications/evidence',
    payload: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'),
    headers: { 'content-type': 'application/pdf' },
  });
  const declared = await sessionFrom(t.app, reg).request({
    method: 'POST',
    url: '/api/certificates/qualifications',
    payload: {
      kind: 'ruankao',
      title: '软件设计师',
      level: 'intermediate',
      certificateNo: '2023RK0001',
      issuedOn: '2023-12-20',
      authority: '人力资源社会保障部',
      evidenceId: evidence.json().id,
    },
  });
  nanchang.qualification = declared.json().id;
  // 高层次人才认定: a recognised application of the 南昌 talent (material, review, entitlement), a programme application, a station
  Object.assign(
    nanchang,
    await nanchangRecognitionRecords(t, {
      official: sessions.get('official.nanchang') as Session,
      talent: sessions.get('nc.talent') as Session,
      admin: sessions.get('admin') as Session,
      host: sessions.get('host.nanchang') as Session,
    }),
  );
});

/** A second 南昌 posting, published, and the 南昌 talent's application to it (the draft above stays unpublished). */
async function nanchangApplication(hr: Session, talent: Session): Promise<string> {
  const created = await hr.request({
    method: 'POST',
    url: '/api/jobs',
    payload: {
      title: '数据清洗员',
      description: '负责业务数据的清洗、核对和入库。',
      occupationCode: '4-04-05-05',
      regionCode: '360102',
      salaryMinFen: 400_000,
      salaryMaxFen: 600_000,
      validFrom: '2026-01-01',
      validUntil: '2099-12-31',
    },
  });
  const id = created.json().id;
  await hr.request({ method: 'POST', url: `/api/jobs/${id}/transitions/submit`, payload: { confirmNotDuplicate: true } });
  await sessions.get('official.nanchang')?.request({ method: 'POST', url: `/api/jobs/${id}/transitions/approve`, payload: { reason: '测试' } });
  await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: { skills: [{ name: '数据标注' }] } });
  const applied = await talent.request({ method: 'POST', url: '/api/applications', payload: { jobId: id } });
  expect(applied.statusCode, applied.body).toBe(201);
  return applied.json().id;
}
/** The 南昌 talent opens the profile to employers; the 南昌 employer invites them from the talent pool. */
async function nanchangInvitation(hr: Session, talent: Session): Promise<string> {
  await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: { skills: [{ name: '数据标注' }], visibility: 'employers' } });
  const sent = await hr.request({ method: 'POST', url: '/api/talent-pool/invitations', payload: { talentId: nanchang.person, message: '您好，想和您聊聊。' } });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().invitation.id;
}
afterAll(async () => t?.close());

/** Actors who must not reach 南昌's records: everyone in 赣州, and non-official accounts anywhere (except the owner). */
const OUTSIDERS = DEMO_ACCOUNTS.filter((a) => !['official.nanchang', 'official.province', 'admin'].includes(a.username)).map((a) => a.username);

function fill(url: string, id: string) {
  return url.replace(':id', id).replace(':action', 'verify');
}

describe('cross-region access', () => {
  it('declares every route with an id as region-owned or explains why not', () => {
    const withId = t.app.routeTable.filter((r) => /:(id|code)\b/.test(r.url) && r.method !== 'HEAD');
    expect(withId.length).toBeGreaterThan(3);
    for (const r of withId) {
      if (!r.config.regionResource) expect(NOT_REGION_OWNED[r.url], `${r.method} ${r.url} lacks regionResource`).toBeDefined();
    }
  });

  it('never answers 2xx to an outsider on a 南昌 record, through any route', async () => {
    const routes = t.app.routeTable.filter((r) => r.config.regionResource && r.method !== 'HEAD');
    let calls = 0;
    for (const r of routes) {
      const id = nanchang[r.config.regionResource as string];
      expect(id, `fixture for ${r.config.regionResource}`).toBeTruthy();
      for (const who of [...OUTSIDERS, 'anonymous']) {
        const url = fill(r.url, id as string);
        const payload = r.method === 'GET' ? undefined : { reason: '越权测试', field: 'idNumber', password: 'Gancai#2026' };
        const res =
          who === 'anonymous'
            ? await t.app.inject({ method: r.method as 'GET', url, payload })
            : await sessions.get(who)?.request({ method: r.method as 'GET', url, payload });
        calls++;
        expect([401, 403, 404], `${who} ${r.method} ${url} → ${res?.statusCode} ${res?.body}`).toContain(res?.statusCode);
        expect(res?.body ?? '').not.toContain(nanchangIdNumber.slice(6, 14));
      }
    }
    expect(calls).toBeGreaterThan(40);
  });

  it('lets the 南昌 official and the province official read them', async () => {
    for (const who of ['official.nanchang', 'official.province']) {
      const s = sessions.get(who);
      expect((await s?.request({ method: 'GET', url: `/api/organisations/${nanchang.organisation}` }))?.statusCode).toBe(200);
      expect((await s?.request({ method: 'GET', url: `/api/people/${nanchang.person}` }))?.statusCode).toBe(200);
      expect((await s?.request({ method: 'GET', url: `/api/applications/${nanchang.application}` }))?.statusCode).toBe(200);
    }
  });

  it('lists only the actor region’s rows', async () => {
    const ganzhou = sessions.get('official.ganzhou');
    const orgs = (await ganzhou?.request({ method: 'GET', url: '/api/organisations?pageSize=100' }))?.json();
    expect(orgs.items.length).toBeGreaterThan(0);
    for (const o of orgs.items) expect(o.regionCode).toMatch(/^3607/);
    const search = (await ganzhou?.request({ method: 'POST', url: '/api/people/search', payload: { idNumber: nanchangIdNumber } }))?.json();
    expect(search.items).toEqual([]);
    const own = (
      await sessions.get('official.nanchang')?.request({ method: 'POST', url: '/api/people/search', payload: { idNumber: nanchangIdNumber } })
    )?.json();
    expect(own.items).toHaveLength(1);
    expect(own.items[0].idNumberMasked).toBe(`3601**********${nanchangIdNumber.slice(-4)}`);
  });

  it('ignores region and status fields smuggled into a body (no mass assignment)', async () => {
    const official = sessions.get('official.ganzhou');
    const res = await official?.request({
      method: 'POST',
      url: `/api/organisations/${nanchang.organisation}/transitions/suspend`,
      payload: { reason: 'x', regionCode: '360700', status: 'verified' },
    });
    expect(res?.statusCode).toBe(404);
  });

  it('reveals a full identifier only to an official of the region, with a reason, and audits it', async () => {
    const s = sessions.get('official.nanchang');
    const noReason = await s?.request({
      method: 'POST',
      url: `/api/people/${nanchang.person}/reveal`,
      payload: { field: 'idNumber', reason: '', password: 'Gancai#2026' },
    });
    expect(noReason?.json().code).toBe('PI_REVEAL_REASON_REQUIRED');
    const noPassword = await s?.request({
      method: 'POST',
      url: `/api/people/${nanchang.person}/reveal`,
      payload: { field: 'idNumber', reason: '核对补贴申请身份', password: 'wrong' },
    });
    expect(noPassword?.json().code).toBe('AUTH_REAUTH_REQUIRED');
    const ok = await s?.request({
      method: 'POST',
      url: `/api/people/${nanchang.person}/reveal`,
      payload: { field: 'idNumber', reason: '核对补贴申请身份', password: 'Gancai#2026' },
    });
    expect(ok?.statusCode).toBe(200);
    expect(ok?.json().value).toBe(nanchangIdNumber);
    expect(ok?.headers['cache-control']).toBe('no-store');
    const audit = await t.database.query<{ detail: { reason: string } }>(`select detail from audit_log where action = 'person.reveal' and object_id = $1`, [
      nanchang.person,
    ]);
    expect(audit.map((a) => a.detail.reason)).toContain('核对补贴申请身份');
  });
});
