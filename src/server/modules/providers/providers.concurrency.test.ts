/**
 * Races on PostgreSQL only (PGlite has one connection and hides them): two drafts of the same catalogue
 * and region published at once, and two officials deciding one application at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { chinaDate } from '../skillcatalog/skillcatalog.lookup.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let official: Session;
let province: Session;
let provider: Session;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  official = await t.signIn('official.ganzhou');
  province = await t.signIn('official.province');
  provider = await t.signIn('provider.ganzhou');
}, 120_000);
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });

describe.skipIf(!onPostgres)('catalogues and accreditations on PostgreSQL', () => {
  it('publishes only one of two same-day drafts of one catalogue and region sent at once', async () => {
    const on = chinaDate(t.clock.now());
    const ids: string[] = [];
    for (const label of ['赣州并发版本甲', '赣州并发版本乙']) {
      const res = await post(official, '/api/skill-catalogues/versions', { kind: 'key_industry_demand', label, effectiveFrom: on });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      await post(official, `/api/skill-catalogues/versions/${res.json().id}/entries`, { occupationCode: '4-04-05-05' });
    }
    const results = await Promise.all([
      post(official, `/api/skill-catalogues/versions/${ids[0]}/transitions/publish`),
      post(province, `/api/skill-catalogues/versions/${ids[1]}/transitions/publish`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('CATALOGUE_EFFECTIVE_FROM_NOT_AFTER_CURRENT');
    const published = await t.database.query<{ n: number }>(
      `select count(*)::int as n from catalogue_versions where kind = 'key_industry_demand' and region_code = '360700' and status = 'published'`,
    );
    expect(published[0]?.n).toBe(1);
  });

  it('takes one decision when two officials decide the same application at once', async () => {
    const applied = await post(provider, '/api/providers/accreditations', {
      purpose: 'training',
      items: [{ occupationCode: '4-04-05-05', levelCode: '5' }],
      statement: '并发审核测试用的资质申报说明。',
    });
    const id = applied.json().id;
    const results = await Promise.all([
      post(official, `/api/providers/accreditations/${id}/transitions/approve`),
      post(province, `/api/providers/accreditations/${id}/transitions/reject`, { reason: '同时审核' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.database.query<{ n: number }>(`select count(*)::int as n from workflow_events where entity_id = $1`, [id]);
    expect(events[0]?.n).toBe(1);
  });
});
