/**
 * Evaluation-session registration and certificate issuance races, on PostgreSQL only (PGlite has one
 * connection and hides races). Runs when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCREDITED, accreditForEvaluation, dayFrom, orgIdOf } from '../src/server/modules/certificates/certificates.test-support.js';
import { newTalents } from '../src/server/modules/events/events.test-support.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let evaluator: Session;
let talents: Session[] = [];
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  await accreditForEvaluation(t, await orgIdOf(t, 'evaluator.nanchang'), [ACCREDITED]);
  evaluator = await t.signIn('evaluator.nanchang');
  talents = await newTalents(t, 12, 26);
}, 120_000);
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });

describe.skipIf(!onPostgres)('evaluation sessions on PostgreSQL', () => {
  it('never takes more candidates than the capacity, and issues each certificate once under concurrent requests', async () => {
    const plan = await post(evaluator, '/api/certificates/plans', { name: '并发测试评价计划', ...ACCREDITED });
    const sid = (
      await post(evaluator, `/api/certificates/plans/${plan.json().id}/sessions`, { examOn: dayFrom(t.clock.now(), 5), venue: '并发测试考场', capacity: 4 })
    ).json().id;
    const results = await Promise.all(talents.map((s) => post(s, `/api/certificates/sessions/${sid}/registration`)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(4);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'CERTIFICATES_SESSION_FULL')).toBe(true);
    const [count] = await t.database.query<{ n: number }>('select count(*)::int as n from evaluation_candidates where session_id = $1', [sid]);
    expect(count?.n).toBe(4);

    await post(evaluator, `/api/certificates/sessions/${sid}/transitions/close`);
    const ids = results.filter((r) => r.statusCode === 200).map((r) => r.json().id as string);
    await evaluator.request({
      method: 'PUT',
      url: `/api/certificates/sessions/${sid}/results`,
      payload: { results: ids.map((candidateId) => ({ candidateId, theoryScore: 75, practicalScore: 70 })) },
    });
    await post(evaluator, `/api/certificates/sessions/${sid}/transitions/publish_results`);
    const issued = await Promise.all(Array.from({ length: 5 }, () => post(evaluator, `/api/certificates/sessions/${sid}/issue`)));
    const numbers = issued.filter((r) => r.statusCode === 200).flatMap((r) => r.json().issued.map((i: { number: string }) => i.number));
    const [certs] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from certificates where source = 'evaluation' and source_ref in (select 'evaluation_candidate:' || id from evaluation_candidates where session_id = $1)`,
      [sid],
    );
    expect(certs?.n).toBe(4);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
