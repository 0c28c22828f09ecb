/**
 * Invitation races, on PostgreSQL only (PGlite has one connection and hides races): concurrent sends of
 * the same invitation make one row; concurrent sends near the daily limit never pass it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { TALENTPOOL_DAILY_INVITATION_LIMIT } from '../../../shared/talentpool.js';
import { profileBody } from '../profiles/profiles.test-support.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let talent: Session;
let employer: Session;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  expect((await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody() })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const send = (message: string) => employer.request({ method: 'POST', url: '/api/talent-pool/invitations', payload: { talentId: talent.userId, message } });

describe.skipIf(!onPostgres)('invitation races (PostgreSQL)', () => {
  it('makes one open invitation out of simultaneous identical sends', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => send('您好，想和您聊聊。')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().invitation.id)).size).toBe(1);
  });

  it('never passes the daily limit, however many senders race', async () => {
    const [row] = await t.database.query<{ org_id: string; sender_id: string }>(`select org_id, sender_id from talent_invitations limit 1`);
    await t.database.query(
      `insert into talent_invitations (org_id, sender_id, talent_id, region_code, status, message, sent_at, expires_at, updated_at)
       select $1, $2, $3, '360702', 'withdrawn', '测试', $4, $4, $4 from generate_series(1, ${TALENTPOOL_DAILY_INVITATION_LIMIT - 3})`,
      [row?.org_id, row?.sender_id, talent.userId, t.clock.now().toISOString()],
    );
    // six more talents in the pool, each invited at the same moment: two slots remain (limit − 3 − the first test's one)
    const others = await t.database.query<{ id: string }>(
      `insert into users (username, role, display_name, region_code) select 'race.talent' || g, 'talent', '并发' || g, '360702' from generate_series(1, 6) g returning id`,
    );
    for (const o of others) {
      await t.database.query(`insert into talent_profiles (user_id, region_code, visibility) values ($1, '360702', 'employers')`, [o.id]);
    }
    const racing = await Promise.all(
      others.map((o) => employer.request({ method: 'POST', url: '/api/talent-pool/invitations', payload: { talentId: o.id, message: '您好' } })),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 201, 429, 429, 429, 429]);
    const [count] = await t.database.query<{ n: number }>(`select count(*)::int as n from talent_invitations`);
    expect(count?.n).toBe(TALENTPOOL_DAILY_INVITATION_LIMIT);
  });
});
