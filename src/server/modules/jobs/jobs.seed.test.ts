import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { silentProgress } from '../../lib/progress.js';
import { seedJobs } from './jobs.seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seedJobs', () => {
  it('inserts searchable published postings with catalogue codes', async () => {
    const started = Date.now();
    const result = await seedJobs(t.ctx(), 2500, silentProgress);
    expect(result.inserted).toBe(2500);
    expect(Date.now() - started).toBeLessThan(30_000);
    const [check] = await t.database.query<{ unknown_occ: number; bad_salary: number; not_live: number; no_tsv: number }>(
      `select count(*) filter (where o.code is null or o.level <> 4)::int as unknown_occ,
              count(*) filter (where j.salary_min_fen > j.salary_max_fen or j.salary_min_fen % 100 <> 0)::int as bad_salary,
              count(*) filter (where j.status <> 'published' or j.valid_until < current_date)::int as not_live,
              count(*) filter (where j.search_tsv is null or length(j.search_tsv) = 0)::int as no_tsv
       from job_postings j left join occupations o on o.code = j.occupation_code`,
    );
    expect(check).toEqual({ unknown_occ: 0, bad_salary: 0, not_live: 0, no_tsv: 0 });
    const res = (await t.app.inject({ method: 'GET', url: `/api/jobs?q=${encodeURIComponent('工程师')}&digital=true` })).json();
    expect(res.total).toBeGreaterThan(100);
    expect(res.items).toHaveLength(20);
    expect(res.items[0].highlight.title).toContain('<mark>工程师</mark>');
    const skills = await t.ctx().db.execute(sql`select count(*)::int as n from job_postings where jsonb_array_length(required_skills) > 0`);
    expect(Number((skills as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBeGreaterThan(0);
  });
});
