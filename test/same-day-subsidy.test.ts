/**
 * 免申即享 the same day: issuing a certificate queues the prefill for its holder at once (not at the next
 * hourly run), so the person finds the evaluation-subsidy claim waiting as soon as the certificate exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCREDITED, accreditForEvaluation, dayFrom, orgIdOf } from '../src/server/modules/certificates/certificates.test-support.js';
import { seedPolicies } from '../src/server/modules/policies/policies.seed.js';
import { seedSkillCatalogues } from '../src/server/modules/skillcatalog/index.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let evaluator: Session;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedSkillCatalogues(t.ctx());
  await seedPolicies(t.ctx());
  await accreditForEvaluation(t, await orgIdOf(t, 'evaluator.nanchang'), [ACCREDITED]);
  evaluator = await t.signIn('evaluator.nanchang');
  talent = await t.signIn('talent.ganzhou');
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
type Claim = { policyCode: string; status: string; occupationCode: string; levelCode: string; amountFen: number };
const claims = async () => (await talent.request({ method: 'GET', url: '/api/policies/claims/mine' })).json() as { items?: Claim[] } | Claim[];
const list = (c: { items?: Claim[] } | Claim[]) => (Array.isArray(c) ? c : (c.items ?? []));

describe('免申即享 right after a certificate is issued', () => {
  it('prepares the evaluation-subsidy claim for the new holder without anyone applying', async () => {
    expect(list(await claims()).filter((c) => c.policyCode === 'skill-evaluation-subsidy')).toEqual([]);
    const plan = await post(evaluator, '/api/certificates/plans', { name: '大数据工程技术人员（三级）评价', ...ACCREDITED });
    expect(plan.statusCode, plan.body).toBe(201);
    const session = await post(evaluator, `/api/certificates/plans/${plan.json().id}/sessions`, {
      examOn: dayFrom(t.clock.now(), 7),
      venue: '南昌市青山湖区评价中心考场',
      capacity: 30,
    });
    const sid = session.json().id as string;
    const reg = await post(talent, `/api/certificates/sessions/${sid}/registration`);
    expect(reg.statusCode, reg.body).toBe(200);
    expect((await post(evaluator, `/api/certificates/sessions/${sid}/transitions/close`)).statusCode).toBe(200);
    const results = await evaluator.request({
      method: 'PUT',
      url: `/api/certificates/sessions/${sid}/results`,
      payload: { results: [{ candidateId: reg.json().id, theoryScore: 86, practicalScore: 80 }] },
    });
    expect(results.statusCode, results.body).toBe(200);
    expect((await post(evaluator, `/api/certificates/sessions/${sid}/transitions/publish_results`)).statusCode).toBe(200);
    const issued = await post(evaluator, `/api/certificates/sessions/${sid}/issue`);
    expect(issued.json().issued).toHaveLength(1);

    // the prefill runs as a background task (pg-boss on PostgreSQL): wait until it has been queued and has finished
    for (let i = 0; i < 150; i++) {
      const [row] = await t.database.query<{ queued: number; done: number }>(
        `select count(*) filter (where status in ('queued', 'running'))::int as queued, count(*) filter (where status = 'succeeded')::int as done
         from tasks where kind = 'policies.prefill'`,
      );
      if (row && row.done > 0 && row.queued === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const prepared = list(await claims()).filter((c) => c.policyCode === 'skill-evaluation-subsidy');
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toMatchObject({ status: 'prefilled', occupationCode: ACCREDITED.occupationCode, levelCode: ACCREDITED.levelCode });
    expect(prepared[0]?.amountFen).toBeGreaterThan(0);
  });
});
