/**
 * The naive way to answer a job search, for comparison only (bench/search.ts): `title LIKE '%…%' OR
 * description LIKE '%…%'` on the whole query text, the same filters as plain WHERE clauses, COUNT(*) for
 * the total and ORDER BY … LIMIT/OFFSET for the page. No facets, no segmentation, no index use.
 */
import type { Database } from '../src/server/db/client.js';
import { regionPrefix } from '../src/server/modules/access/region-scope.js';
import { chinaDate } from '../src/server/modules/jobs/index.js';
import type { JobSearchQuery } from '../src/shared/jobs.js';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Runs the count and the page; returns the total. */
export async function naiveSearch(database: Database, q: JobSearchQuery, now: Date): Promise<number> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const today = chinaDate(now);
  const where = [`status = 'published'`, `valid_from <= ${p(today)}::date`, `valid_until >= ${p(today)}::date`];
  if (q.q) {
    const like = p(`%${escapeLike(q.q)}%`);
    where.push(`(title like ${like} or description like ${like})`);
  }
  if (q.city) where.push(`region_code like ${p(`${regionPrefix(q.city)}%`)}`);
  if (q.county) where.push(`region_code = ${p(q.county)}`);
  if (q.occupation) where.push(`occupation_code like ${p(`${q.occupation}%`)}`);
  if (q.digital) where.push(`is_digital = ${p(q.digital === 'true')}`);
  if (q.education) where.push(q.education.endsWith('0') ? `education_code like ${p(`${q.education.slice(0, 1)}%`)}` : `education_code = ${p(q.education)}`);
  if (q.salaryMin !== undefined) where.push(`salary_max_fen >= ${p(q.salaryMin)}`);
  if (q.postedWithin) where.push(`published_at >= ${p(new Date(now.getTime() - q.postedWithin * 86_400_000).toISOString())}::timestamptz`);
  const order = q.sort === 'salary' ? 'salary_max_fen desc, salary_min_fen desc, published_at desc, id' : 'published_at desc, id';
  const clause = where.join(' and ');
  const [count] = await database.query<{ n: number }>(`select count(*)::int as n from job_postings where ${clause}`, params);
  await database.query(
    `select id, title, left(description, 120) as summary, region_code, salary_min_fen, salary_max_fen, published_at from job_postings
     where ${clause} order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return Number(count?.n ?? 0);
}
