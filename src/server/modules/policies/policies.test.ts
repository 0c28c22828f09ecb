/** Policies over HTTP: catalogue, eligibility, 免申即享, the claim workflow to paid, duplicates, idempotency, anomalies (the screening rules themselves: policies.anomalies.test.ts). */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { addWorkingDays, chinaDate } from '../../lib/workdays.js';
import { issueCert, newTalent, PAYEE, seedCatalogueAndPolicies } from './policies.test-support.js';

let t: TestApp;
let talent: Session;
let official: Session;
let province: Session;
let nanchang: Session;
let policyIds: Record<string, string> = {};
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogueAndPolicies(t);
  talent = await t.signIn('talent.ganzhou');
  official = await t.signIn('official.ganzhou');
  province = await t.signIn('official.province');
  nanchang = await t.signIn('official.nanchang');
  const list = (await t.app.inject({ url: '/api/policies' })).json();
  policyIds = Object.fromEntries(list.items.map((p: { code: string; id: string }) => [p.code, p.id]));
  today = chinaDate(t.clock.now());
}, 120_000);
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  s.request({ method: 'POST', url, payload, headers });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const claimsOf = async (s: Session) => (await get(s, '/api/policies/claims/mine')).json().items as Array<Record<string, unknown>>;
/** Waits for a background task (in-process on PGlite, pg-boss on PostgreSQL) through its status route. */
async function waitForTask(s: Session, taskId: string) {
  for (let i = 0; i < 600; i++) {
    await t.app.platform.tasks.idle();
    const status = (await get(s, `/api/tasks/${taskId}`)).json().status;
    if (status === 'succeeded') return;
    if (status === 'failed') throw new Error(`task ${taskId} failed`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`task ${taskId} did not finish`);
}
const count = async (sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0]?.n ?? 0;

describe('catalogue', () => {
  it('lists the seeded policies publicly as { items, total } and shows one with explanation, Q&A and budgets', async () => {
    const res = await t.app.inject({ url: '/api/policies' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.items.length);
    expect(body.items.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['职业培训补贴', '职业技能评价补贴', '失业保险技能提升补贴', '博士后科研工作站建站补贴']),
    );
    const one = (await t.app.inject({ url: `/api/policies/${policyIds['unemployment-insurance-skill-upgrade']}` })).json();
    expect(one.explanation).toContain('简单说');
    expect(one.qa.length).toBeGreaterThan(0);
    expect(one.conditions.text).toBe('同时满足以下条件');
    expect(one.conditions.children.map((c: { text: string }) => c.text)).toEqual([
      '满足以下条件之一',
      '失业保险累计缴费月数不少于12个月',
      '证书等级属于五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师',
      '在证书核发之日起 12 个月内申请',
      '同一政策、职业和等级已享受或在办的补贴为0次',
    ]);
    expect(one.conditions.children[0].children.map((c: { text: string }) => c.text)).toEqual(['常住地在江西省', '就业地在江西省']);
    expect(one.legalBasis[0].title).toContain('江西省加快数字人才培育支撑数字经济发展行动若干举措');
    expect(one.budgets.find((b: { regionCode: string }) => b.regionCode === '360700')).toMatchObject({ regionName: '赣州市', committedFen: 0 });
    const orgs = (await t.app.inject({ url: '/api/policies?applicantKind=organisation' })).json();
    expect(orgs.items.map((p: { code: string }) => p.code)).toEqual(['postdoc-station-subsidy', 'startup-guaranteed-loan-interest-sme']);
    expect((await t.app.inject({ url: '/api/policies/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});

describe('eligibility and 免申即享', () => {
  it('says "not yet" and names the failing condition with what would change it', async () => {
    const res = await get(talent, '/api/policies/eligibility/mine');
    expect(res.statusCode, res.body).toBe(200);
    const upgrade = res.json().items.find((p: { code: string }) => p.code === 'unemployment-insurance-skill-upgrade');
    expect(upgrade.verdict).toBe('not_yet');
    // the demo talent has declared 14 insured months (seed) but holds no certificate yet
    const noCert = upgrade.failing.find((f: { text: string }) => f.text === '在证书核发之日起 12 个月内申请');
    expect(noCert).toMatchObject({ actual: '当前：未知', final: false, remedy: '取得职业技能等级证书' });
    expect(upgrade.failing.map((f: { text: string }) => f.text)).not.toContain('失业保险累计缴费月数不少于12个月');
    expect((await get(official, '/api/policies/eligibility/mine')).statusCode).toBe(403);
  });

  it('explains insured months that are too few, then prefills claims once the talent qualifies', async () => {
    await issueCert(t, talent.userId, '4-04-05-05', '4', today, 'policy-test-1');
    const declared = await talent.request({
      method: 'PUT',
      url: '/api/policies/facts/me',
      payload: { hukouRegionCode: '360502', workplaceRegionCode: '360702', insuredMonths: 8 },
    });
    expect(declared.json()).toMatchObject({ insuredMonths: 8, verified: false });
    const items = (await get(talent, '/api/policies/eligibility/mine')).json().items;
    const upgrade = items.find((p: { code: string }) => p.code === 'unemployment-insurance-skill-upgrade');
    expect(upgrade.verdict).toBe('not_yet');
    expect(upgrade.failing).toEqual([{ text: '失业保险累计缴费月数不少于12个月', actual: '当前：8个月', remedy: '还差 4个月，满足后即可申请', final: false }]);
    const evaluation = items.find((p: { code: string }) => p.code === 'skill-evaluation-subsidy');
    expect(evaluation).toMatchObject({ verdict: 'eligible', amountFen: 50_000 });

    await talent.request({
      method: 'PUT',
      url: '/api/policies/facts/me',
      payload: { hukouRegionCode: '360502', workplaceRegionCode: '360702', insuredMonths: 14 },
    });
    const run = await post(official, '/api/policies/prefill');
    expect(run.statusCode).toBe(202);
    await waitForTask(official, run.json().taskId);
    const claims = await claimsOf(talent);
    expect(claims.map((c) => [c.policyCode, c.status, c.amountFen]).sort()).toEqual([
      ['skill-evaluation-subsidy', 'prefilled', 50_000],
      ['unemployment-insurance-skill-upgrade', 'prefilled', 150_000],
    ]);
    // a second run adds nothing
    await waitForTask(official, (await post(official, '/api/policies/prefill')).json().taskId);
    expect(await claimsOf(talent)).toHaveLength(2);
    // prefilled claims are the person's until confirmed: not in the review queue
    expect((await get(official, '/api/policies/claims?status=prefilled')).json().total).toBe(0);
  });
});

describe('the claim workflow', () => {
  let claimId = '';

  it('confirms a prefilled claim with the payee account only; a replay changes nothing; the account is masked', async () => {
    const claim = (await claimsOf(talent)).find((c) => c.policyCode === 'unemployment-insurance-skill-upgrade');
    claimId = String(claim?.id);
    const key = { 'idempotency-key': 'confirm-0001' };
    const first = await post(talent, `/api/policies/claims/${claimId}/confirm`, { payee: PAYEE }, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', payeeAccountMasked: '**** 4567', payeeBank: PAYEE.bankName });
    expect(first.body).not.toContain('62220215');
    const again = await post(talent, `/api/policies/claims/${claimId}/confirm`, { payee: PAYEE }, key);
    expect(again.json()).toEqual(first.json());
    expect(await count(`select count(*)::int n from workflow_events where entity_id = $1 and action = 'confirm'`, [claimId])).toBe(1);
    const stored = await t.database.query<{ payee_account_enc: string }>('select payee_account_enc from policy_claims where id = $1', [claimId]);
    expect(stored[0]?.payee_account_enc).not.toContain('6222');
  });

  it('is region-scoped and starts review with assignment, so two reviewers cannot collide', async () => {
    expect((await get(nanchang, `/api/policies/claims/${claimId}`)).statusCode).toBe(404);
    expect((await get(nanchang, '/api/policies/claims')).json().items.map((c: { id: string }) => c.id)).not.toContain(claimId);
    expect((await post(official, `/api/policies/claims/${claimId}/transitions/return`, { reason: '未认领' })).statusCode).toBe(409);
    const [a, b] = await Promise.all([
      post(official, `/api/policies/claims/${claimId}/transitions/assign`),
      post(province, `/api/policies/claims/${claimId}/transitions/assign`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const mine = a.statusCode === 200 ? official : province;
    const other = mine === official ? province : official;
    const taken = await post(other, `/api/policies/claims/${claimId}/transitions/start_notice`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('POLICIES_NOT_ASSIGNED');
    const notice = await post(mine, `/api/policies/claims/${claimId}/transitions/start_notice`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({ status: 'public_notice', noticeFrom: today, noticeUntil: addWorkingDays(today, 5) });
  });

  it('shows the 公示 publicly with the name masked, and approves only after the working days have passed', async () => {
    const notices = (await t.app.inject({ url: '/api/policies/notices' })).json();
    const line = notices.items.find((n: { id: string }) => n.id === claimId);
    expect(line).toMatchObject({ applicantName: '刘**', policyName: '失业保险技能提升补贴', amountFen: 150_000 });
    const early = await post(official, `/api/policies/claims/${claimId}/transitions/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('POLICIES_NOTICE_RUNNING');
    const until = addWorkingDays(today, 5);
    t.clock.set(new Date(`${until}T20:00:00+08:00`));
    official = await t.signIn('official.ganzhou');
    expect((await post(official, `/api/policies/claims/${claimId}/transitions/approve`)).statusCode).toBe(409);
    t.clock.set(new Date(`${until}T00:30:00+08:00`));
    t.clock.advance(86_400_000);
    // sessions idle out while the clock jumps: sign in again
    official = await t.signIn('official.ganzhou');
    province = await t.signIn('official.province');
    nanchang = await t.signIn('official.nanchang');
    talent = await t.signIn('talent.ganzhou');
    const ok = await post(official, `/api/policies/claims/${claimId}/transitions/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
    const budget = await t.database.query<{ committed_fen: number }>(
      `select committed_fen::int from policy_budgets b join policy_claims c on c.budget_id = b.id where c.id = $1`,
      [claimId],
    );
    expect(budget[0]?.committed_fen).toBe(150_000);
  });

  it('batches approved claims, exports Excel for finance with the full account, and records payment', async () => {
    const created = await post(official, '/api/policies/batches');
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json();
    expect(batch).toMatchObject({ claimCount: 1, totalFen: 150_000, status: 'open' });
    expect((await get(nanchang, `/api/policies/batches/${batch.id}`)).statusCode).toBe(404);
    const file = await get(official, `/api/policies/batches/${batch.id}/export`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(2).value).toBe('申请编号');
    expect(ws?.getRow(2).getCell(2).value).toBe(claimId);
    expect(ws?.getRow(2).getCell(6).value).toBe('6222021508001234567');
    expect(ws?.getRow(2).getCell(7).value).toBe('1500.00');
    expect(await count(`select count(*)::int n from audit_log where action = 'payment_batch.export'`)).toBe(1);
    // the finance system's answer comes back as the same sheet with 支付结果 filled in
    if (!ws) throw new Error('sheet');
    ws.getRow(2).getCell(9).value = '成功';
    const upload = await official.request({
      method: 'POST',
      url: `/api/policies/batches/${batch.id}/results-file`,
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json()).toMatchObject({ paid: 1, failed: 0, open: 0 });
    const mine = (await claimsOf(talent)).find((c) => c.id === claimId);
    expect(mine).toMatchObject({ status: 'paid' });
    const detail = (await get(talent, `/api/policies/claims/${claimId}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['confirm', 'assign', 'start_notice', 'approve', 'add_to_batch', 'mark_paid']);
    expect((await get(official, `/api/policies/batches/${batch.id}`)).json().status).toBe('closed');
    const paid = await t.database.query<{ paid_fen: number }>(
      'select paid_fen::int from policy_budgets b join policy_claims c on c.budget_id = b.id where c.id = $1',
      [claimId],
    );
    expect(paid[0]?.paid_fen).toBe(150_000);
    expect(await count(`select count(*)::int n from metric_events where subject_id = $1 and metric like 'subsidy.%'`, [claimId])).toBe(3);
  });

  it('refuses a second claim for the same policy, occupation and level, also when another city would handle it', async () => {
    await talent.request({
      method: 'PUT',
      url: '/api/policies/facts/me',
      payload: { hukouRegionCode: '360502', workplaceRegionCode: '360102', insuredMonths: 14 },
    });
    const res = await post(talent, '/api/policies/claims', { policyId: policyIds['unemployment-insurance-skill-upgrade'], payee: PAYEE });
    expect(res.statusCode).toBe(422); // judged again: the earlier claim makes the rule fail (final)
    expect(res.json().params.failing).toContain('同一政策、职业和等级已享受或在办的补贴为0次');
    // the unique index refuses it even when the rule would not (a race between two submissions)
    const dup = await t.database
      .query(
        `insert into policy_claims (policy_id, applicant_user_id, applicant_key, region_code, status, subject_kind, occupation_code, level_code, amount_fen, created_at, updated_at)
         select policy_id, applicant_user_id, applicant_key, '360102', 'submitted', subject_kind, occupation_code, level_code, amount_fen, now(), now() from policy_claims where id = $1`,
        [claimId],
      )
      .then(
        () => 'inserted',
        (e: { message: string }) => e.message,
      );
    expect(dup).toContain('policy_claims_once_uidx');
  });
});

describe('submission, anomalies, rejection and appeal', () => {
  it('creates one claim for a replayed submission (Idempotency-Key) and refuses a new one', async () => {
    const s = await newTalent(t, 1);
    await issueCert(t, s.userId, '4-04-05-01', '3', today, 'policy-test-2');
    const body = { policyId: policyIds['skill-evaluation-subsidy'], payee: { bankName: '中国银行', account: '6013821900012345678' } };
    const key = { 'idempotency-key': 'submit-claim-0001' };
    const [a, b] = [await post(s, '/api/policies/claims', body, key), await post(s, '/api/policies/claims', body, key)];
    expect(a.statusCode, a.body).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(a.json()).toMatchObject({ status: 'submitted', amountFen: 80_000, prefilled: false });
    expect(await count('select count(*)::int n from policy_claims where applicant_key = $1', [s.userId])).toBe(1);
    const third = await post(s, '/api/policies/claims', body, { 'idempotency-key': 'submit-claim-0002' });
    expect(third.statusCode).toBe(422);
    const reused = await post(s, '/api/policies/claims', { ...body, payee: { ...body.payee, account: '6013821900099999999' } }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('holds a claim whose payee account another claimant uses, and says why', async () => {
    const s = await newTalent(t, 2);
    await issueCert(t, s.userId, '4-04-05-01', '3', today, 'policy-test-3');
    const res = await post(s, '/api/policies/claims', {
      policyId: policyIds['skill-evaluation-subsidy'],
      payee: { bankName: '中国银行', account: '6013821900012345678' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'on_hold', flags: [{ code: 'shared_payee', params: { others: 1 } }] });
    const held = (await get(official, '/api/policies/claims?status=on_hold')).json();
    expect(held.items.map((c: { id: string }) => c.id)).toContain(res.json().id);
    const noReason = await post(official, `/api/policies/claims/${res.json().id}/transitions/release_hold`);
    expect(noReason.statusCode).toBe(400);
    const released = await post(official, `/api/policies/claims/${res.json().id}/transitions/release_hold`, { reason: '经核实为夫妻共用账户' });
    expect(released.json()).toMatchObject({ status: 'submitted', flags: [] });
  });

  it('flags a certificate issued before the end of the course it follows', async () => {
    const s = await newTalent(t, 3);
    // the H2 record of a completed class ending after the certificate date
    const ends = addWorkingDays(today, 10);
    await t.database.query(
      `with o as (select id from organisations where kind = 'provider' limit 1),
       c as (insert into training_classes (provider_org_id, name, programme_type, occupation_code, level_code, capacity, mode, region_code, fee_fen, description,
                                           starts_on, ends_on, starts_at, ends_at, last_session_starts_at, status, created_at, updated_at)
             select o.id, '人工智能训练师（四级）培训班', 'digital_skills', '4-04-05-05', '4', 30, 'offline', '360702', 200000, '测试班',
                    ($2::date - 30)::text, $2, now(), now() + interval '10 days', now() + interval '10 days', 'finished', now(), now() from o returning id)
       insert into training_enrolments (class_id, talent_id, region_code, status, ticket_nonce, ticket_code, enrolled_at, completed_at, updated_at)
       select c.id, $1, '360702', 'completed', 'n', 'C0DE0001', now(), now(), now() from c`,
      [s.userId, ends],
    );
    await issueCert(t, s.userId, '4-04-05-05', '4', today, 'policy-test-4');
    const res = await post(s, '/api/policies/claims', {
      policyId: policyIds['skill-evaluation-subsidy'],
      payee: { bankName: '建设银行', account: '6217002000012345678' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('on_hold');
    expect(res.json().flags).toEqual([{ code: 'certificate_before_course_end', params: expect.objectContaining({ issuedOn: today, classEndsOn: ends }) }]);
  });

  it('rejects with a reason, takes an appeal, and dismisses it with a reason', async () => {
    const s = await newTalent(t, 4);
    await issueCert(t, s.userId, '4-04-05-02', '5', today, 'policy-test-5');
    const c = (
      await post(s, '/api/policies/claims', {
        policyId: policyIds['skill-evaluation-subsidy'],
        payee: { bankName: '农业银行', account: '6228480000012345678' },
      })
    ).json();
    await post(official, `/api/policies/claims/${c.id}/transitions/assign`);
    expect((await post(official, `/api/policies/claims/${c.id}/transitions/reject`)).statusCode).toBe(400);
    const rejected = await post(official, `/api/policies/claims/${c.id}/transitions/reject`, { reason: '证书信息与评价记录不符' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', lastReason: '证书信息与评价记录不符' });
    expect((await post(s, `/api/policies/claims/${c.id}/transitions/appeal`, { reason: '证书为本人参赛所得，请复核' })).json().status).toBe('appealed');
    expect((await post(talent, `/api/policies/claims/${c.id}/transitions/appeal`, { reason: 'x' })).statusCode).toBe(404);
    const dismissed = await post(official, `/api/policies/claims/${c.id}/transitions/dismiss_appeal`, { reason: '复核维持原决定' });
    expect(dismissed.json().status).toBe('appeal_dismissed');
  });
});

describe('organisations and withdrawals', () => {
  it('lets a verified employer with an approved digital-economy station claim the build subsidy once; a talent may not', async () => {
    const employer = await t.signIn('employer.ganzhou');
    const body = { policyId: policyIds['postdoc-station-subsidy'], payee: { bankName: '赣州银行', account: '6223681100009876543' } };
    // no station yet: refused, and the explanation names the station condition
    const early = await post(employer, '/api/policies/claims', body);
    expect(early.json().code).toBe('POLICIES_NOT_ELIGIBLE');
    const before = (await get(employer, '/api/policies/eligibility/mine')).json();
    const station = before.items.find((i: { code: string }) => i.code === 'postdoc-station-subsidy');
    expect(JSON.stringify(station)).toContain('经批准的数字经济领域博士后工作站或创新实践基地');
    // the registry (modules/recognition) holds an approved station for the employer
    await t.database.query(
      `insert into talent_stations (host_org_id, kind, name, field, digital_economy, approved_on, region_code, status, created_by, created_at, updated_at)
       select org_id, 'postdoc_workstation', '赣州云智博士后科研工作站', '大数据与人工智能', true, '2026-01-10', region_code, 'approved', id, now(), now()
       from users where username = 'employer.ganzhou'`,
    );
    const first = await post(employer, '/api/policies/claims', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'submitted', amountFen: 50_000_000, applicantKind: 'organisation' });
    const again = await post(employer, '/api/policies/claims', body);
    expect(again.statusCode).toBe(422);
    expect((await post(talent, '/api/policies/claims', body)).json().code).toBe('POLICIES_WRONG_APPLICANT');
    const eligibility = (await get(employer, '/api/policies/eligibility/mine')).json();
    // (the start-up loan interest for small enterprises, module ventures, waits for a published project: not yet)
    expect(eligibility.items.map((i: { code: string; verdict: string }) => [i.code, i.verdict])).toEqual([
      ['startup-guaranteed-loan-interest-sme', 'not_yet'],
      ['postdoc-station-subsidy', 'not_eligible'],
    ]);
  });

  it('does not prepare a claim again after the person withdrew it', async () => {
    const s = await newTalent(t, 5);
    await issueCert(t, s.userId, '4-04-05-13', '5', today, 'policy-test-6');
    await waitForTask(official, (await post(official, '/api/policies/prefill')).json().taskId);
    const [claim] = await claimsOf(s);
    expect(claim).toMatchObject({ status: 'prefilled', policyCode: 'skill-evaluation-subsidy' });
    expect((await post(s, `/api/policies/claims/${claim?.id}/transitions/withdraw`)).json().status).toBe('withdrawn');
    await waitForTask(official, (await post(official, '/api/policies/prefill')).json().taskId);
    expect((await claimsOf(s)).map((c) => c.status)).toEqual(['withdrawn']);
  });
});
