/**
 * Budget and duplicate races, on PostgreSQL only (PGlite has one connection and hides races).
 * Runs when DATABASE_URL is set, as in `.ci/run`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import type { AppError } from '../../../shared/errors.js';
import { addDays, chinaDate } from '../../lib/workdays.js';
import { transitionClaim } from './policies.claims.js';
import { actorOf, issueCert, newTalent, PAYEE, seedCatalogueAndPolicies } from './policies.test-support.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let policyId = '';

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  await seedCatalogueAndPolicies(t);
  const [p] = await t.database.query<{ id: string }>(`select id from policies where code = 'skill-evaluation-subsidy'`);
  policyId = p?.id ?? '';
}, 120_000);
afterAll(async () => t?.close());

describe.skipIf(!onPostgres)('policy claims on PostgreSQL', () => {
  it('approves exactly 100 of 200 concurrent approvals against a budget for exactly 100', async () => {
    const today = chinaDate(t.clock.now());
    const year = Number(today.slice(0, 4));
    const amount = 50_000;
    await t.database.query(
      `update policy_budgets set total_fen = $1, committed_fen = 0, paid_fen = 0 where policy_id = $2 and region_code = '360700' and year = $3`,
      [100 * amount, policyId, year],
    );
    const ids = await t.database.query<{ id: string }>(
      `insert into policy_claims (policy_id, applicant_key, region_code, status, subject_kind, subject_ref, occupation_code, level_code, amount_fen,
                                  notice_from, notice_until, created_at, submitted_at, updated_at)
       select $1, gen_random_uuid()::text, '360702', 'public_notice', 'certificate', 'race-' || g, '4-04-05-05', '4', $2, $3::date, $4::date, now(), now(), now()
       from generate_series(1, 200) g returning id`,
      [policyId, amount, addDays(today, -8), addDays(today, -1)],
    );
    expect(ids).toHaveLength(200);
    const actor = await actorOf(t, 'official.ganzhou');
    // 200 transactions queue for the pool's 10 connections (the audit chain serialises them too); the 3 s
    // wait that makes a live server answer 503 quickly would cut the queue short, so this test waits longer
    const pool = t.database.pool as unknown as { options: { connectionTimeoutMillis: number } };
    const waitBefore = pool.options.connectionTimeoutMillis;
    pool.options.connectionTimeoutMillis = 120_000;
    const results = await Promise.allSettled(ids.map(({ id }) => transitionClaim({ ...t.ctx(), actor, requestId: `race-${id}` }, id, 'approve', {}))).finally(
      () => {
        pool.options.connectionTimeoutMillis = waitBefore;
      },
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(100);
    for (const r of refused) expect((r.reason as AppError).code, String(r.reason)).toBe('POLICIES_BUDGET_EXHAUSTED');
    const [budget] = await t.database.query<{ total_fen: number; committed_fen: number }>(
      `select total_fen::int, committed_fen::int from policy_budgets where policy_id = $1 and region_code = '360700' and year = $2`,
      [policyId, year],
    );
    expect(budget).toEqual({ total_fen: 100 * amount, committed_fen: 100 * amount });
    const [approved] = await t.database.query<{ n: number }>(
      `select count(*)::int n from policy_claims where status = 'approved' and subject_ref like 'race-%'`,
    );
    expect(approved?.n).toBe(100);
  }, 120_000);

  it('creates one claim when the same person submits 10 times at once without a key', async () => {
    const s = await newTalent(t, 50, 'race');
    await issueCert(t, s.userId, '4-04-05-01', '4', chinaDate(t.clock.now()), 'race-cert-1');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => s.request({ method: 'POST', url: '/api/policies/claims', payload: { policyId, payee: PAYEE } })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(['POLICIES_CLAIM_EXISTS', 'POLICIES_NOT_ELIGIBLE']).toContain(r.json().code);
    const [n] = await t.database.query<{ n: number }>('select count(*)::int n from policy_claims where applicant_key = $1', [s.userId]);
    expect(n?.n).toBe(1);
  }, 60_000);
});
