/**
 * 认定配置 over HTTP: taking a reviewer out of the pool (officials whose region covers the reviewer's account —
 * the province for the province-wide pool —, audited, refused with RECOGNITION_REVIEWER_HAS_OPEN_REVIEWS while an
 * assignment waits for its score, racing an assignment on PostgreSQL), and the supervisor of each city.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { seedRecognitionCategories } from './recognition.seed.js';
import { newReviewer, PDF, upload } from './recognition.test-support.js';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedRecognitionCategories(t.ctx());
  for (const u of ['talent.ganzhou', 'official.ganzhou', 'official.province', 'admin']) s[u] = await t.signIn(u);
});
afterAll(async () => t?.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
  (s[who] as Session).request({ method, url, ...(payload ? { payload } : {}) });
type PoolItem = { userId: string; name: string; canRemove: boolean };
const pool = async (who: string) => (await call(who, 'GET', '/api/recognition/reviewers')).json().items as PoolItem[];
const audit = (action: string, id: string) =>
  t.database.query<{ detail: Record<string, unknown>; actor_id: string }>(`select detail, actor_id from audit_log where action = $1 and object_id = $2`, [
    action,
    id,
  ]);

async function addToPool(username: string, name: string): Promise<Session> {
  const reviewer = await newReviewer(t, s.admin as Session, username, name);
  const added = await call('official.ganzhou', 'PUT', '/api/recognition/reviewers', {
    userId: reviewer.userId,
    affiliationName: '江西师范大学',
    expertise: '数据',
  });
  expect(added.statusCode, added.body).toBe(200);
  return reviewer;
}

/** An application of the 赣州 talent, accepted by official.ganzhou (reviewers can be assigned). */
async function acceptedApplication(): Promise<string> {
  const m = await upload(s['talent.ganzhou'] as Session, PDF);
  const applied = await call('talent.ganzhou', 'POST', '/api/recognition/applications', {
    categoryCode: 'E',
    employerName: '赣州测试科技有限公司',
    field: '人工智能',
    achievements: '主持智能客服系统建设。',
    materialIds: [m.json().id],
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const id = applied.json().id as string;
  expect((await call('official.ganzhou', 'POST', `/api/recognition/applications/${id}/transitions/accept`, {})).statusCode).toBe(200);
  return id;
}

describe('removing a reviewer from the pool', () => {
  let reviewer: Session;
  let applicationId: string;
  let reviewId: string;

  it('is offered to the province official only (the pool is province-wide) and refused to a city official', async () => {
    reviewer = await addToPool('pool.reviewer', '周专家');
    expect((await pool('official.province')).find((r) => r.userId === reviewer.userId)).toMatchObject({ name: '周专家', canRemove: true });
    expect((await pool('official.ganzhou')).find((r) => r.userId === reviewer.userId)).toMatchObject({ canRemove: false });
    const refused = await call('official.ganzhou', 'DELETE', `/api/recognition/reviewers/${reviewer.userId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN_REGION');
    expect((await call('talent.ganzhou', 'DELETE', `/api/recognition/reviewers/${reviewer.userId}`)).statusCode).toBe(403);
    expect((await call('official.province', 'DELETE', '/api/recognition/reviewers/not-a-uuid')).statusCode).toBe(400);
  });

  it('is refused with a clear code while an assignment waits for its score', async () => {
    applicationId = await acceptedApplication();
    const assigned = await call('official.ganzhou', 'POST', `/api/recognition/applications/${applicationId}/reviewers`, { reviewerId: reviewer.userId });
    expect(assigned.statusCode, assigned.body).toBe(201);
    reviewId = assigned.json().id;
    const refused = await call('official.province', 'DELETE', `/api/recognition/reviewers/${reviewer.userId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'RECOGNITION_REVIEWER_HAS_OPEN_REVIEWS', params: { open: 1 } });
    expect((await pool('official.province')).map((r) => r.userId)).toContain(reviewer.userId);
  });

  it('succeeds once the review is scored: audited, gone from the pool, no longer assignable; adding restores', async () => {
    expect((await call('official.ganzhou', 'POST', `/api/recognition/applications/${applicationId}/transitions/start_review`, {})).statusCode).toBe(200);
    const scored = await reviewer.request({ method: 'POST', url: `/api/recognition/reviews/${reviewId}/score`, payload: { score: 82, comment: '同意。' } });
    expect(scored.statusCode, scored.body).toBe(200);
    const removed = await call('official.province', 'DELETE', `/api/recognition/reviewers/${reviewer.userId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ userId: reviewer.userId, removed: true });
    const [entry] = await audit('recognition.reviewer_remove', reviewer.userId);
    expect(entry).toMatchObject({ actor_id: s['official.province']?.userId, detail: { affiliation: '江西师范大学' } });
    expect((await pool('official.ganzhou')).map((r) => r.userId)).not.toContain(reviewer.userId);
    expect((await call('official.province', 'DELETE', `/api/recognition/reviewers/${reviewer.userId}`)).statusCode).toBe(404);
    // the finished review keeps its reviewer and affiliation
    const view = await call('official.ganzhou', 'GET', `/api/recognition/applications/${applicationId}`);
    expect(JSON.stringify(view.json())).toContain('江西师范大学');
    // a removed reviewer cannot be assigned again
    const again = await call('official.ganzhou', 'POST', `/api/recognition/applications/${applicationId}/reviewers`, { reviewerId: reviewer.userId });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('RECOGNITION_NOT_A_REVIEWER');
    const back = await call('official.ganzhou', 'PUT', '/api/recognition/reviewers', {
      userId: reviewer.userId,
      affiliationName: '江西师范大学',
      expertise: '数据',
    });
    expect(back.statusCode).toBe(200);
    expect((await pool('official.ganzhou')).map((r) => r.userId)).toContain(reviewer.userId);
  });

  it.runIf(process.env.DATABASE_URL)('never leaves a removed reviewer with an open assignment when removal and assignment race (PostgreSQL)', async () => {
    for (let round = 0; round < 3; round++) {
      const r = await addToPool(`race.reviewer${round}`, `赛专家${round}`);
      const withdrawn = await call('talent.ganzhou', 'POST', `/api/recognition/applications/${applicationId}/transitions/withdraw`, {});
      expect([200, 409]).toContain(withdrawn.statusCode);
      const id = await acceptedApplication();
      const [assign, remove] = await Promise.all([
        call('official.ganzhou', 'POST', `/api/recognition/applications/${id}/reviewers`, { reviewerId: r.userId }),
        call('official.province', 'DELETE', `/api/recognition/reviewers/${r.userId}`),
      ]);
      const outcome = `${assign.statusCode}/${remove.statusCode}`;
      expect(['201/409', '422/200'], `${outcome} ${assign.body} ${remove.body}`).toContain(outcome);
      applicationId = id;
    }
  });
});

type SupervisorRow = { regionCode: string; regionName: string; level: string; supervisor: { userId: string; username: string } | null };

describe('supervisors in 认定配置', () => {
  it('shows every city with its supervisor (or none) and the province fallback; cities see their own', async () => {
    const before = (await call('official.province', 'GET', '/api/recognition/supervisors')).json();
    // the 11 设区市 and 赣江新区 (its own escalation area)
    expect(before.items.filter((r: SupervisorRow) => r.level === 'city')).toHaveLength(11);
    expect(before.items.map((r: SupervisorRow) => r.regionCode)).toContain('369900');
    expect(before.items.find((r: SupervisorRow) => r.regionCode === '360700')).toMatchObject({ regionName: '赣州市', supervisor: null });
    expect(before.fallback).toMatchObject({ userId: s['official.province']?.userId, username: 'official.province' });

    const ganzhou = s['official.ganzhou']?.userId;
    expect((await call('official.province', 'PUT', '/api/recognition/supervisors', { regionCode: '360700', userId: ganzhou })).statusCode).toBe(200);
    expect((await call('official.province', 'PUT', '/api/recognition/supervisors', { regionCode: '360702', userId: ganzhou })).statusCode).toBe(200);
    const after = (await call('official.province', 'GET', '/api/recognition/supervisors')).json().items as SupervisorRow[];
    expect(after.find((r) => r.regionCode === '360700')?.supervisor).toMatchObject({ userId: ganzhou, username: 'official.ganzhou' });
    expect(after.find((r) => r.regionCode === '360702')).toMatchObject({ regionName: '章贡区', supervisor: { userId: ganzhou } });
    expect(after.find((r) => r.regionCode === '360100')?.supervisor).toBeNull();

    const own = (await call('official.ganzhou', 'GET', '/api/recognition/supervisors')).json().items as SupervisorRow[];
    expect(own.map((r) => r.regionCode)).toEqual(['360700', '360702']);
    expect((await call('talent.ganzhou', 'GET', '/api/recognition/supervisors')).statusCode).toBe(403);
  });
});
