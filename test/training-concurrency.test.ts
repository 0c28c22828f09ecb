/**
 * Training enrolment races, on PostgreSQL only (PGlite has one connection and hides races).
 * Runs when DATABASE_URL is set, as in `.ci/run`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTalents } from '../src/server/modules/events/events.test-support.js';
import { classBody, publishedClass, seedTrainingPrerequisites } from '../src/server/modules/training/training.test-support.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let provider: Session;
let talents: Session[] = [];
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  await seedTrainingPrerequisites(t);
  provider = await t.signIn('provider.ganzhou');
  talents = await newTalents(t, 30, 21);
}, 120_000);
afterAll(async () => t?.close());

const seats = async (classId: string) =>
  Object.fromEntries(
    (
      await t.database.query<{ status: string; n: number }>('select status, count(*)::int as n from training_enrolments where class_id = $1 group by status', [
        classId,
      ])
    ).map((r) => [r.status, r.n]),
  );
/**
 * One enrolment request, sent again while the answer is 503 SERVICE_UNAVAILABLE (with Retry-After), as a
 * client does: 30 requests queue for 10 pooled connections, and on a loaded machine some wait longer than
 * the 3 s connection timeout. Capacity must hold whatever the interleaving of first tries and retries.
 */
async function enrol(s: Session, id: string, key?: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await s.request({ method: 'POST', url: `/api/training/classes/${id}/enrolment`, payload: {}, headers: key ? { 'idempotency-key': key } : {} });
    if (res.statusCode !== 503 || attempt >= 5) return res;
    expect(res.headers['retry-after']).toBeDefined();
  }
}

describe.skipIf(!onPostgres)('training enrolment on PostgreSQL', () => {
  it('never seats more than the capacity when 30 talents enrol at once', async () => {
    const id = await publishedClass(provider, classBody(t.clock.now(), { name: '并发报名测试培训班', capacity: 8 }));
    const results = await Promise.all(talents.map((s) => enrol(s, id)));
    expect(results.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    expect(await seats(id)).toEqual({ enrolled: 8, waitlisted: 22 });
    const positions = results.map((r) => r.json().waitlistPosition).filter((p) => p !== null);
    expect(positions).toHaveLength(22);
    const metrics = await t.database.query<{ n: number }>(
      `select count(*)::int as n from metric_events m join training_enrolments e on e.id::text = m.subject_id where m.metric = 'training.enrolled' and e.class_id = $1`,
      [id],
    );
    expect(metrics[0]?.n).toBe(8);
  });

  it('enrols once when the same talent enrols 10 times at once, with or without one Idempotency-Key', async () => {
    const id = await publishedClass(provider, classBody(t.clock.now(), { name: '并发重复报名测试班', capacity: 5 }));
    const [one, two] = talents;
    if (!one || !two) throw new Error('talents');
    const plain = await Promise.all(Array.from({ length: 10 }, () => enrol(one, id)));
    expect(plain.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    expect(new Set(plain.map((r) => r.json().id)).size).toBe(1);
    const keyed = await Promise.all(Array.from({ length: 10 }, () => enrol(two, id, 'same-key-12345')));
    expect(keyed.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    expect(new Set(keyed.map((r) => r.json().id)).size).toBe(1);
    expect(await seats(id)).toEqual({ enrolled: 2 });
  });

  it('keeps the seats full and exact when withdrawals and enrolments race', async () => {
    const id = await publishedClass(provider, classBody(t.clock.now(), { name: '并发退出测试培训班', capacity: 5 }));
    const first = talents.slice(0, 15);
    for (const s of first) await enrol(s, id);
    const leaving = first.slice(0, 5);
    const late = talents.slice(15, 25);
    await Promise.all([
      ...leaving.map(async (s) => {
        for (let attempt = 0; ; attempt++) {
          const res = await s.request({ method: 'POST', url: `/api/training/classes/${id}/enrolment/withdraw`, payload: {} });
          if (res.statusCode !== 503 || attempt >= 5) return res;
        }
      }),
      ...late.map((s) => enrol(s, id)),
    ]);
    expect(await seats(id)).toEqual({ enrolled: 5, waitlisted: 15, withdrawn: 5 });
  });
});
