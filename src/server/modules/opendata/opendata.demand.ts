/**
 * Digital-occupation demand (postings by occupation × city × month). `refreshDemand` rebuilds
 * `demand_monthly` from job_postings (published at least once, S-marked occupation, month of first
 * publication in Asia/Shanghai); `queryDemand` reads it. Postings are public adverts, not people, so the
 * counts are not suppressed.
 */
import { and, asc, count, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { OpenDemandQuery } from '../../../shared/wages.js';
import type { Db } from '../../db/client.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { demandMonthly } from './opendata.tables.js';

export interface DemandCell {
  month: string;
  cityCode: string;
  cityName: string;
  occupationCode: string;
  occupationName: string;
  postings: number;
  headcount: number;
  computedAt: string;
}

export async function refreshDemand(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from demand_monthly`);
    await tx.execute(sql`
      insert into demand_monthly (month, occupation_code, city_code, postings, headcount, computed_at)
      select to_char(j.published_at at time zone 'Asia/Shanghai', 'YYYY-MM'), j.occupation_code,
             case when j.region_code = '369900' then j.region_code else substr(j.region_code, 1, 4) || '00' end,
             count(*)::int, sum(j.headcount)::int, ${now.toISOString()}::timestamptz
        from job_postings j join occupations o on o.code = j.occupation_code and o.is_digital
       where j.published_at is not null
       group by 1, 2, 3`);
  });
}

function where(q: OpenDemandQuery): SQL | undefined {
  return and(
    q.month ? eq(demandMonthly.month, q.month) : undefined,
    q.year !== undefined && !q.month ? like(demandMonthly.month, `${q.year}-%`) : undefined,
    q.city ? eq(demandMonthly.cityCode, q.city) : undefined,
    q.occupation ? like(demandMonthly.occupationCode, `${q.occupation}%`) : undefined,
  );
}

export async function queryDemand(db: Db, q: OpenDemandQuery): Promise<{ total: number; items: DemandCell[] }> {
  const w = where(q);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(demandMonthly).where(w);
  const rows = await db
    .select({ d: demandMonthly, occupationName: occupations.name, cityName: regions.name })
    .from(demandMonthly)
    .leftJoin(occupations, eq(occupations.code, demandMonthly.occupationCode))
    .leftJoin(regions, eq(regions.code, demandMonthly.cityCode))
    .where(w)
    .orderBy(desc(demandMonthly.month), asc(demandMonthly.occupationCode), asc(demandMonthly.cityCode))
    .limit(q.limit)
    .offset(q.offset);
  return {
    total: Number(n),
    items: rows.map(({ d, occupationName, cityName }) => ({
      month: d.month,
      cityCode: d.cityCode,
      cityName: cityName ?? d.cityCode,
      occupationCode: d.occupationCode,
      occupationName: occupationName ?? d.occupationCode,
      postings: d.postings,
      headcount: d.headcount,
      computedAt: d.computedAt.toISOString(),
    })),
  };
}
