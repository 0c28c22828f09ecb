/** Reads of the computed wage table (public): cells with reference names, and what has data. */
import { and, asc, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { OpenWagesQuery, WageCell, WageOptions, WageSource } from '../../../shared/wages.js';
import type { Db } from '../../db/client.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { wageStats } from './wages.tables.js';

function conditions(q: Omit<OpenWagesQuery, 'limit' | 'offset' | 'format'>): SQL | undefined {
  return and(
    q.year !== undefined ? eq(wageStats.year, q.year) : undefined,
    q.city ? eq(wageStats.cityCode, q.city) : undefined,
    q.occupation ? like(wageStats.occupationCode, `${q.occupation}%`) : undefined,
    q.source ? eq(wageStats.source, q.source) : undefined,
  );
}

export async function queryWages(db: Db, q: OpenWagesQuery): Promise<{ total: number; items: WageCell[] }> {
  const where = conditions(q);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(wageStats).where(where);
  const rows = await db
    .select({ s: wageStats, occupationName: occupations.name, cityName: regions.name })
    .from(wageStats)
    .leftJoin(occupations, eq(occupations.code, wageStats.occupationCode))
    .leftJoin(regions, eq(regions.code, wageStats.cityCode))
    .where(where)
    .orderBy(desc(wageStats.year), asc(wageStats.occupationCode), asc(wageStats.cityCode), asc(wageStats.source))
    .limit(q.limit)
    .offset(q.offset);
  return {
    total: Number(n),
    items: rows.map(({ s, occupationName, cityName }) => ({
      source: s.source as WageSource,
      year: s.year,
      cityCode: s.cityCode,
      cityName: cityName ?? s.cityCode,
      occupationCode: s.occupationCode,
      occupationName: occupationName ?? s.occupationCode,
      observations: s.observations,
      p10Fen: s.p10Fen,
      p25Fen: s.p25Fen,
      p50Fen: s.p50Fen,
      p75Fen: s.p75Fen,
      p90Fen: s.p90Fen,
      suppressed: s.suppressed as WageCell['suppressed'],
      computedAt: s.computedAt.toISOString(),
    })),
  };
}

/** Years, cities and occupations that have at least one cell (suppressed or not), for the page's pickers. */
export async function wageOptions(db: Db): Promise<WageOptions> {
  const years = await db.selectDistinct({ year: wageStats.year, source: wageStats.source }).from(wageStats).orderBy(desc(wageStats.year));
  const cities = await db
    .selectDistinct({ code: wageStats.cityCode, name: regions.name })
    .from(wageStats)
    .leftJoin(regions, eq(regions.code, wageStats.cityCode))
    .orderBy(asc(wageStats.cityCode));
  const occ = await db
    .selectDistinct({ code: wageStats.occupationCode, name: occupations.name })
    .from(wageStats)
    .leftJoin(occupations, eq(occupations.code, wageStats.occupationCode))
    .orderBy(asc(wageStats.occupationCode));
  return {
    years: [...new Set(years.map((y) => y.year))],
    yearsBySource: {
      postings: years.filter((y) => y.source === 'postings').map((y) => y.year),
      survey: years.filter((y) => y.source === 'survey').map((y) => y.year),
    },
    cities: cities.map((c) => ({ code: c.code, name: c.name ?? c.code })),
    occupations: occ.map((o) => ({ code: o.code, name: o.name ?? o.code })),
  };
}
