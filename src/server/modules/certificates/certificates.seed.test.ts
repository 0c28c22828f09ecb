/** The demo seed: an open 数字技术工程师 session, certificates for graduates (not the demo talent), one revoked, a 软考 declaration waiting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { silentProgress } from '../../lib/progress.js';
import { seedBulk } from '../../seed/bulk.js';
import { seedProviders } from '../providers/index.js';
import { seedSkillCatalogues } from '../skillcatalog/index.js';
import { seedTraining } from '../training/index.js';
import { seedCertificates } from './certificates.seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // the seed's order (seed.ts), with a small population: talents in 赣州 graduate from the finished class
  await seedBulk(t.ctx(), { talents: 60, organisations: 6, jobs: 6 }, silentProgress);
  await seedSkillCatalogues(t.ctx());
  await seedProviders(t.ctx());
  await seedTraining(t.ctx());
  expect(await seedCertificates(t.ctx())).toMatchObject({ sessions: 3 });
  expect(await seedCertificates(t.ctx())).toEqual({ sessions: 0, certificates: 0 });
});
afterAll(async () => t?.close());

describe('seedCertificates', () => {
  it('seeds sessions, signed certificates (one revoked) and a waiting qualification, none for the demo talent', async () => {
    const open = (await t.app.inject({ url: '/api/certificates/sessions/open' })).json();
    expect(open.map((s: { occupationCode: string; levelCode: string }) => `${s.occupationCode}/${s.levelCode}`)).toEqual(
      expect.arrayContaining(['2-02-38-01/5', '4-04-05-05/5']),
    );
    const certs = await t.database.query<{ number: string; status: string; holder: string }>(
      `select c.number, c.status, u.username as holder from certificates c join users u on u.id = c.holder_user_id`,
    );
    expect(certs.length).toBeGreaterThan(3);
    expect(certs.filter((c) => c.status === 'revoked')).toHaveLength(1);
    expect(certs.map((c) => c.holder)).not.toContain('talent.ganzhou');
    const answers = await Promise.all(certs.map(async (c) => (await t.app.inject({ url: `/api/certificates/verify/${c.number}` })).json().result));
    expect(answers.sort()).toEqual(certs.map((c) => c.status).sort());
    const ganzhou = await t.signIn('official.ganzhou');
    const queue = (await ganzhou.request({ method: 'GET', url: '/api/certificates/qualifications/queue' })).json();
    expect(queue).toHaveLength(1);
    const evaluator = await t.signIn('evaluator.nanchang');
    const plans = (await evaluator.request({ method: 'GET', url: '/api/certificates/plans' })).json();
    const next = plans
      .flatMap((p: { sessions: { id: string; status: string; occupationCode: string }[] }) => p.sessions)
      .find((s: { status: string; occupationCode: string }) => s.status === 'open' && s.occupationCode === '4-04-05-05');
    const trainees = (await evaluator.request({ method: 'GET', url: `/api/certificates/sessions/${next.id}/eligible-trainees` })).json();
    expect(trainees.map((e: { name: string }) => e.name)).toContain('刘晓琳');
  });
});
