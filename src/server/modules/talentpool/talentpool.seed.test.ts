/** The seed leaves a talent pool to search: profiles for most generated talents, many opened to employers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { seedBulk } from '../../seed/bulk.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedBulk(t.ctx(), { talents: 300, organisations: 10, jobs: 0 }, () => {});
});
afterAll(async () => t?.close());

describe('seeded talent pool', () => {
  it('gives a realistic share of profiles, opened to employers or public', async () => {
    const rows = await t.database.query<{ visibility: string; n: number }>(`select visibility, count(*)::int as n from talent_profiles group by visibility`);
    const by = Object.fromEntries(rows.map((r) => [r.visibility, r.n]));
    const total = rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThan(130);
    expect(total).toBeLessThan(230);
    expect((by.employers ?? 0) + (by.public ?? 0)).toBeGreaterThan(total * 0.5);
    expect(by.private ?? 0).toBeGreaterThan(total * 0.2);
    // a second run adds nothing
    await seedBulk(t.ctx(), { talents: 300, organisations: 10, jobs: 0 }, () => {});
    const [again] = await t.database.query<{ n: number }>(`select count(*)::int as n from talent_profiles`);
    expect(again?.n).toBe(total);
  });

  it('is searchable by a verified employer with text and filters', async () => {
    const employer = await t.signIn('employer.ganzhou');
    const all = (await employer.request({ method: 'GET', url: '/api/talent-pool/search?pageSize=50' })).json();
    expect(all.total).toBeGreaterThan(60);
    const text = (await employer.request({ method: 'GET', url: `/api/talent-pool/search?q=${encodeURIComponent('工程师')}` })).json();
    expect(text.total).toBeGreaterThan(0);
    expect(text.total).toBeLessThan(all.total);
    const city = (await employer.request({ method: 'GET', url: '/api/talent-pool/search?city=360700' })).json();
    for (const item of city.items) expect(item.desiredCities.some((c: string) => c.startsWith('3607'))).toBe(true);
  });
});
