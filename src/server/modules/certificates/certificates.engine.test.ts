/**
 * Verified certificates reach the matching engine: an employer's recommended talents show the talent's
 * certificate as verified after it is issued (engine refresh), and no longer after it is revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { matchingEngine } from '../matching/index.js';
import { ACCREDITED, accreditForEvaluation, dayFrom, orgIdOf } from './certificates.test-support.js';

let t: TestApp;
let evaluator: Session;
let talent: Session;
let employer: Session;
let jobId = '';

beforeAll(async () => {
  t = await createTestApp();
  await accreditForEvaluation(t, await orgIdOf(t, 'evaluator.nanchang'), [ACCREDITED]);
  evaluator = await t.signIn('evaluator.nanchang');
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  const saved = await talent.request({
    method: 'PUT',
    url: '/api/profiles/me',
    payload: { skills: [{ name: 'Hadoop', level: 'proficient' }, { name: 'SQL' }], desiredOccupations: [ACCREDITED.occupationCode], visibility: 'employers' },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  jobId = await publishJob(
    employer,
    await t.signIn('official.ganzhou'),
    jobBody(t.clock.now(), {
      title: '大数据开发工程师',
      occupationCode: ACCREDITED.occupationCode,
      requiredSkills: [{ name: 'Hadoop' }, { name: 'SQL' }],
      preferredSkills: [],
      educationCode: null,
      experienceYearsMin: 0,
    }),
  );
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });

async function certificatesSeenByEmployer(): Promise<{ name: string; verified: boolean }[]> {
  await matchingEngine(t.app.platform).refresh();
  const res = await employer.request({ method: 'GET', url: `/api/matching/jobs/${jobId}/talents` });
  expect(res.statusCode, res.body).toBe(200);
  const mine = res.json().items.find((i: { talent: { id: string } }) => i.talent.id === talent.userId);
  expect(mine).toBeDefined();
  return mine.reasons.certificates;
}

describe('verified certificates in the matching engine', () => {
  it('appear after issuance and disappear after revocation', async () => {
    expect(await certificatesSeenByEmployer()).toEqual([]);
    const plan = await post(evaluator, '/api/certificates/plans', { name: '大数据工程技术人员（三级）评价', ...ACCREDITED });
    const sid = (
      await post(evaluator, `/api/certificates/plans/${plan.json().id}/sessions`, { examOn: dayFrom(t.clock.now(), 3), venue: '南昌考场', capacity: 5 })
    ).json().id;
    const cand = (await post(talent, `/api/certificates/sessions/${sid}/registration`)).json().id;
    await post(evaluator, `/api/certificates/sessions/${sid}/transitions/close`);
    await evaluator.request({
      method: 'PUT',
      url: `/api/certificates/sessions/${sid}/results`,
      payload: { results: [{ candidateId: cand, theoryScore: 80, practicalScore: 80 }] },
    });
    await post(evaluator, `/api/certificates/sessions/${sid}/transitions/publish_results`);
    t.clock.advance(1_000);
    const number = (await post(evaluator, `/api/certificates/sessions/${sid}/issue`)).json().issued[0].number;
    expect(await certificatesSeenByEmployer()).toEqual([{ name: '职业技能等级证书 大数据工程技术人员 三级', verified: true }]);

    const [row] = await t.database.query<{ id: string }>('select id from certificates where number = $1', [number]);
    t.clock.advance(1_000);
    expect((await post(evaluator, `/api/certificates/${row?.id}/transitions/revoke`, { reason: '测试撤销' })).statusCode).toBe(200);
    expect(await certificatesSeenByEmployer()).toEqual([]);
  });
});
