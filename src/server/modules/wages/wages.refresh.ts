/**
 * Rebuilds `wage_stats` (docs/open-data.md). One SQL statement per source: observations → cells by
 * occupation × city × year plus the province (360000) per occupation × year → percentile_cont (linear
 * interpolation, see src/shared/wages.ts) → cells under 10 observations stored with null percentiles.
 *
 * Postings: one observation per posting that was published (published_at set, any later status), of an
 * S-marked (数字职业) occupation, with a stated pay (salary_min_fen > 0). Its value is the midpoint of the
 * monthly range (salary_min_fen + salary_max_fen) / 2; postings store monthly pay only (src/shared/jobs.ts),
 * so nothing is converted, and 面议 postings (no minimum) are left out. Year = year of first publication,
 * Asia/Shanghai. Not weighted by headcount.
 * Survey: every row of batches not withdrawn, already converted to monthly pay at upload.
 */
import { type SQL, sql } from 'drizzle-orm';
import { PROVINCE_CODE, WAGE_MIN_OBSERVATIONS } from '../../../shared/wages.js';
import type { Db } from '../../db/client.js';

const CITY_OF_REGION = sql.raw(`case when region_code = '369900' then region_code else substr(region_code, 1, 4) || '00' end`);

/** INSERT … of the cells computed from `obs(occ, city, year, v)`. */
function insertCells(source: 'postings' | 'survey', obs: SQL, now: Date): SQL {
  const min = WAGE_MIN_OBSERVATIONS;
  return sql`
    with obs as (${obs}),
    cells as (
      select occ, city, year, count(*)::int as n,
             percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]) within group (order by v) as p
        from obs where city <> ${PROVINCE_CODE} group by occ, city, year
      union all
      select occ, ${PROVINCE_CODE}, year, count(*)::int,
             percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]) within group (order by v)
        from obs group by occ, year
    )
    insert into wage_stats (source, occupation_code, city_code, year, observations, p10_fen, p25_fen, p50_fen, p75_fen, p90_fen, suppressed, computed_at)
    select ${source}, occ, city, year, n,
           case when n >= ${min} then round(p[1])::int end,
           case when n >= ${min} then round(p[2])::int end,
           case when n >= ${min} then round(p[3])::int end,
           case when n >= ${min} then round(p[4])::int end,
           case when n >= ${min} then round(p[5])::int end,
           case when n < ${min} then 'fewer_than_10_observations' end,
           ${now.toISOString()}::timestamptz
      from cells`;
}

/** Recomputes every postings cell. Call inside a transaction (the task does) so readers never see a half table. */
export async function refreshPostingWages(db: Db, now: Date): Promise<number> {
  await db.execute(sql`delete from wage_stats where source = 'postings'`);
  const obs = sql`
    select j.occupation_code as occ, ${CITY_OF_REGION} as city,
           extract(year from j.published_at at time zone 'Asia/Shanghai')::int as year,
           (j.salary_min_fen + j.salary_max_fen) / 2.0 as v
      from job_postings j
      join occupations o on o.code = j.occupation_code and o.is_digital
     where j.published_at is not null and j.salary_min_fen > 0`;
  await db.execute(insertCells('postings', obs, now));
  return countCells(db, 'postings');
}

/** Recomputes the survey cells of the given years (after an upload or a withdrawal). */
export async function refreshSurveyWages(db: Db, years: readonly number[], now: Date): Promise<void> {
  for (const year of new Set(years)) {
    await db.execute(sql`delete from wage_stats where source = 'survey' and year = ${year}`);
    const obs = sql`
      select r.occupation_code as occ, r.city_code as city, r.year, r.monthly_fen::float8 as v
        from wage_survey_rows r join wage_survey_batches b on b.id = r.batch_id and b.withdrawn_at is null
       where r.year = ${year}`;
    await db.execute(insertCells('survey', obs, now));
  }
}

/** Every survey year from scratch (the periodic task, so a failed on-demand refresh heals). */
export async function refreshAllSurveyWages(db: Db, now: Date): Promise<number> {
  const rows = await db.execute(sql`select distinct year from wage_survey_rows`);
  await db.execute(sql`delete from wage_stats where source = 'survey'`);
  await refreshSurveyWages(
    db,
    rowsOf<{ year: number }>(rows).map((r) => Number(r.year)),
    now,
  );
  return countCells(db, 'survey');
}

async function countCells(db: Db, source: string): Promise<number> {
  const rows = await db.execute(sql`select count(*)::int as n from wage_stats where source = ${source}`);
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}

/** db.execute returns `{ rows }` on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
