/** The anomaly screening rules on their own: bursts from one provider or one address, and a completion-rate outlier. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { anomalyFlags } from './policies.anomalies.js';
import { policyClaims } from './policies.tables.js';
import { seedCatalogueAndPolicies } from './policies.test-support.js';

let t: TestApp;
let policyIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogueAndPolicies(t);
  const list = (await t.app.inject({ url: '/api/policies' })).json();
  policyIds = Object.fromEntries(list.items.map((p: { code: string; id: string }) => [p.code, p.id]));
}, 120_000);
afterAll(async () => t?.close());

describe('anomaly screening rules', () => {
  it('flags bursts from one provider or one address, and a provider whose completion rate is far above its peers', async () => {
    const ctx = t.ctx();
    const providers = await t.database.query<{ id: string }>(
      `insert into organisations (kind, name, uscc, region_code, status)
       select 'provider', '异常测试培训学校' || g, '91360702TEST' || lpad(g::text, 6, '0'), '360702', 'verified' from generate_series(1, 3) g returning id`,
    );
    const [suspect, peerA, peerB] = providers.map((p) => p.id);
    // outcomes: the suspect passes all 20 trainees, its two peers half of theirs
    for (const [provider, completed] of [
      [suspect, 20],
      [peerA, 10],
      [peerB, 10],
    ] as const) {
      await t.database.query(
        `with c as (insert into training_classes (provider_org_id, name, programme_type, capacity, mode, region_code, fee_fen, description,
                                                  starts_on, ends_on, starts_at, ends_at, last_session_starts_at, status, created_at, updated_at)
                    values ($1, '测试班', 'digital_skills', 30, 'offline', '360702', 0, '测试', '2026-01-01', '2026-01-31', now(), now(), now(), 'finished', now(), now())
                    returning id),
              u as (select id from users where username = 'talent.ganzhou')
         insert into training_enrolments (class_id, talent_id, region_code, status, ticket_nonce, ticket_code, enrolled_at, updated_at)
         select c.id, u.id, '360702', case when g <= $2 then 'completed' else 'not_completed' end, 'n', 'A' || g, now(), now()
         from c, u, generate_series(1, 20) g`,
        [provider, completed],
      );
    }
    // 30 claims naming the suspect provider from one address within the hour
    await t.database.query(
      `insert into policy_claims (policy_id, applicant_key, region_code, status, subject_kind, subject_ref, amount_fen, provider_org_id, submit_ip, created_at, submitted_at, updated_at)
       select $1, gen_random_uuid()::text, '360702', 'submitted', 'enrolment', 'burst-' || g, 0, $2, '10.9.8.7', $3, $3, $3 from generate_series(1, 30) g`,
      [policyIds['vocational-training-subsidy'], suspect, ctx.now],
    );
    const [probe] = await t.database.query<{ id: string }>(`select id from policy_claims where subject_ref = 'burst-1'`);
    const [row] = await ctx.db
      .select()
      .from(policyClaims)
      .where(eq(policyClaims.id, String(probe?.id)));
    if (!row) throw new Error('probe');
    const flags = await anomalyFlags(ctx, row);
    expect(flags.map((f) => f.code).sort()).toEqual(['address_burst', 'provider_burst', 'provider_completion_outlier']);
    expect(flags.find((f) => f.code === 'provider_completion_outlier')?.params).toEqual({ ratePct: 100, peerPct: 50, outcomes: 20, peers: 2 });
    expect(flags.find((f) => f.code === 'provider_burst')?.params).toEqual({ count: 30, hours: 24 });
    // an hour and a day later the bursts are over; the completion outlier stays
    const later = await anomalyFlags({ ...ctx, now: new Date(ctx.now.getTime() + 25 * 3_600_000) }, row);
    expect(later.map((f) => f.code)).toEqual(['provider_completion_outlier']);
  });
});
