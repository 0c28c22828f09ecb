/**
 * Training supply and certificates by digital occupation × city × year, read from the dashboard's yearly
 * occupation rollup (`metric_rollup_occupations`, metrics training.enrolled / training.completed /
 * certificate.issued, recorded by the training and certificates modules when the fact happens).
 * These count people, so counts from 1 to 4 are withheld (null + reason). Only city rows are published:
 * with a province total beside them, one withheld city could be worked out by subtraction.
 * Until that rollup exists the dataset is empty with a note, never made up.
 */
import { sql } from 'drizzle-orm';
import { COUNT_SUPPRESS_BELOW, type OpenTrainingQuery } from '../../../shared/wages.js';
import type { Db } from '../../db/client.js';

export interface TrainingCell {
  year: number;
  cityCode: string;
  cityName: string;
  occupationCode: string;
  occupationName: string;
  enrolled: number | null;
  completed: number | null;
  certificatesIssued: number | null;
  /** Fields withheld because 1 ≤ count < 5. */
  suppressed: ('enrolled' | 'completed' | 'certificatesIssued')[];
}

const METRICS = { enrolled: 'training.enrolled', completed: 'training.completed', certificatesIssued: 'certificate.issued' } as const;

export function suppressCount(n: number): number | null {
  return n > 0 && n < COUNT_SUPPRESS_BELOW ? null : n;
}

async function rollupExists(db: Db): Promise<boolean> {
  const r = await db.execute(sql`select to_regclass('public.metric_rollup_occupations') is not null as ok`);
  return Boolean((r as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok);
}

interface Raw {
  year: number;
  city: string;
  occ: string;
  city_name: string | null;
  occ_name: string | null;
  enrolled: string | number;
  completed: string | number;
  certs: string | number;
}

export async function queryTraining(db: Db, q: OpenTrainingQuery): Promise<{ available: boolean; total: number; items: TrainingCell[] }> {
  if (!(await rollupExists(db))) return { available: false, total: 0, items: [] };
  const grouped = sql`
    select r.year, r.region_code as city, r.occupation_code as occ, reg.name as city_name, o.name as occ_name,
           coalesce(sum(r.count) filter (where r.metric = ${METRICS.enrolled}), 0) as enrolled,
           coalesce(sum(r.count) filter (where r.metric = ${METRICS.completed}), 0) as completed,
           coalesce(sum(r.count) filter (where r.metric = ${METRICS.certificatesIssued}), 0) as certs
      from metric_rollup_occupations r
      join occupations o on o.code = r.occupation_code and o.is_digital
      left join regions reg on reg.code = r.region_code
     where r.metric in (${METRICS.enrolled}, ${METRICS.completed}, ${METRICS.certificatesIssued})
       and (r.region_code = '369900' or (r.region_code like '36__00' and r.region_code <> '360000'))
       ${q.year !== undefined ? sql`and r.year = ${q.year}` : sql``}
       ${q.city ? sql`and r.region_code = ${q.city}` : sql``}
       ${q.occupation ? sql`and r.occupation_code like ${`${q.occupation}%`}` : sql``}
     group by r.year, r.region_code, r.occupation_code, reg.name, o.name`;
  const counted = await db.execute(sql`select count(*)::int as n from (${grouped}) g`);
  const total = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  const result = await db.execute(sql`${grouped} order by r.year desc, r.occupation_code, r.region_code limit ${q.limit} offset ${q.offset}`);
  const rows = (result as unknown as { rows: Raw[] }).rows;
  const items = rows.map((r): TrainingCell => {
    const counts = { enrolled: Number(r.enrolled), completed: Number(r.completed), certificatesIssued: Number(r.certs) };
    const shown = {
      enrolled: suppressCount(counts.enrolled),
      completed: suppressCount(counts.completed),
      certificatesIssued: suppressCount(counts.certificatesIssued),
    };
    return {
      year: Number(r.year),
      cityCode: r.city,
      cityName: r.city_name ?? r.city,
      occupationCode: r.occ,
      occupationName: r.occ_name ?? r.occ,
      ...shown,
      suppressed: (Object.keys(shown) as (keyof typeof shown)[]).filter((k) => shown[k] === null),
    };
  });
  return { available: true, total, items };
}
