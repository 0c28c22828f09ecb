/**
 * The one entry point for facts that feed the dashboards (contract for every module, see ADR 0015).
 * `recordMetric` appends the fact and updates the rollups in ONE statement, inside the caller's
 * transaction: the tiles are current the moment the caller commits, and a rolled-back business change
 * leaves no fact behind. Idempotent on (metric, subjectId).
 */
import { sql } from 'drizzle-orm';
import { type MetricFact, MetricKey } from '../../../shared/dashboard.js';
import type { Db } from '../../db/client.js';
import { cityOf, PROVINCE_CODE, regionLevel } from '../access/region-scope.js';

export type { MetricKey } from '../../../shared/dashboard.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM' of an instant in Asia/Shanghai (no daylight saving: a fixed +08:00). */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** Whole days between two instants (floor, never negative). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}

/** The region itself, its city and the province: the rollup rows one fact updates. */
export function rollupRegions(regionCode: string): string[] {
  const out = [regionCode];
  if (regionLevel(regionCode) === 'county') {
    const city = cityOf(regionCode);
    if (city) out.push(city);
  }
  if (regionCode !== PROVINCE_CODE) out.push(PROVINCE_CODE);
  return out;
}

/** Append one fact in the caller's transaction; idempotent on (metric, subjectId). Rollups pick it up. */
export async function recordMetric(db: Db, e: MetricFact): Promise<void> {
  await recordMetricReturning(db, e);
}

/** recordMetric, answering whether the fact was new. */
export async function recordMetricReturning(db: Db, e: MetricFact): Promise<boolean> {
  const metric = MetricKey.parse(e.metric);
  if (!/^\d{6}$/.test(e.regionCode)) throw new Error(`recordMetric: region code ${e.regionCode} is not a six-digit code`);
  if (e.amountFen != null && !Number.isSafeInteger(e.amountFen)) throw new Error('recordMetric: amountFen must be an integer (分)');
  if (e.days != null && (!Number.isInteger(e.days) || e.days < 0)) throw new Error('recordMetric: days must be a whole non-negative number');
  const month = shanghaiMonth(e.occurredAt);
  const regions = rollupRegions(e.regionCode).join(',');
  const result = (await db.execute(sql`
    with ins as (
      insert into metric_events (metric, subject_id, region_code, month, occurred_at, occupation_code, dimension, digital, amount_fen, days)
      values (${metric}, ${e.subjectId}, ${e.regionCode}, ${month}, ${e.occurredAt.toISOString()}::timestamptz, ${e.occupationCode ?? null},
              ${e.dimension ?? ''}, ${e.digital ?? false}, ${e.amountFen ?? null}::bigint, ${e.days ?? null}::int)
      on conflict do nothing
      returning metric, month, occupation_code, dimension, digital, amount_fen, days
    ),
    regs as (select unnest(string_to_array(${regions}, ',')) as region_code),
    r1 as (
      insert into metric_rollups (metric, region_code, month, dimension, digital, count, amount_fen)
      select ins.metric, regs.region_code, ins.month, ins.dimension, ins.digital, 1, coalesce(ins.amount_fen, 0)
      from ins cross join regs
      on conflict (metric, region_code, month, dimension, digital)
      do update set count = metric_rollups.count + 1, amount_fen = metric_rollups.amount_fen + excluded.amount_fen
      returning 1
    ),
    r2 as (
      insert into metric_rollup_occupations (metric, region_code, year, occupation_code, digital, count)
      select ins.metric, regs.region_code, substr(ins.month, 1, 4)::int, ins.occupation_code, ins.digital, 1
      from ins cross join regs where ins.occupation_code is not null
      on conflict (metric, region_code, year, occupation_code, digital)
      do update set count = metric_rollup_occupations.count + 1
      returning 1
    ),
    r3 as (
      insert into metric_days_histogram (metric, region_code, month, days, count)
      select ins.metric, regs.region_code, ins.month, ins.days, 1
      from ins cross join regs where ins.days is not null
      on conflict (metric, region_code, month, days)
      do update set count = metric_days_histogram.count + 1
      returning 1
    )
    select (select count(*) from ins)::int as inserted, (select count(*) from r1)::int as r1,
           (select count(*) from r2)::int as r2, (select count(*) from r3)::int as r3
  `)) as unknown as { rows: Array<{ inserted: number }> };
  return (result.rows[0]?.inserted ?? 0) > 0;
}

/** The SQL list of a fact's rollup regions, for set-based rebuilds (same rule as rollupRegions). */
const ANCESTORS_SQL = `(values (b.region_code),
  (case when b.region_code not in ('${PROVINCE_CODE}', '369900') and right(b.region_code, 2) <> '00' then left(b.region_code, 4) || '00' end),
  (case when b.region_code <> '${PROVINCE_CODE}' then '${PROVINCE_CODE}' end)) as r(code)`;

/**
 * Recomputes every rollup from metric_events in one transaction (`npx gancai dashboard rebuild`).
 * Aggregates per region first, then fans out to city and province, so the wide scan happens once. Rows are
 * written region by region, so one region's tiles read a few adjacent pages.
 */
export async function rebuildRollups(db: Db): Promise<{ events: number; rollupRows: number; ms: number }> {
  const started = performance.now();
  const out = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // a rebuild at province size outlasts the pool's statement timeout (15 s) by design
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`truncate metric_rollups, metric_rollup_occupations, metric_days_histogram`);
    await tx.execute(
      sql.raw(`
      insert into metric_rollups (metric, region_code, month, dimension, digital, count, amount_fen)
      select b.metric, r.code, b.month, b.dimension, b.digital, sum(b.c), sum(b.a)
      from (select metric, region_code, month, dimension, digital, count(*) as c, coalesce(sum(amount_fen), 0) as a
            from metric_events group by 1, 2, 3, 4, 5) b
      cross join lateral ${ANCESTORS_SQL}
      where r.code is not null
      group by 1, 2, 3, 4, 5
      order by 2, 1, 3, 4, 5`),
    );
    await tx.execute(
      sql.raw(`
      insert into metric_rollup_occupations (metric, region_code, year, occupation_code, digital, count)
      select b.metric, r.code, b.year, b.occupation_code, b.digital, sum(b.c)
      from (select metric, region_code, substr(month, 1, 4)::int as year, occupation_code, digital, count(*) as c
            from metric_events where occupation_code is not null group by 1, 2, 3, 4, 5) b
      cross join lateral ${ANCESTORS_SQL}
      where r.code is not null
      group by 1, 2, 3, 4, 5
      order by 2, 1, 3, 4, 5`),
    );
    await tx.execute(
      sql.raw(`
      insert into metric_days_histogram (metric, region_code, month, days, count)
      select b.metric, r.code, b.month, b.days, sum(b.c)
      from (select metric, region_code, month, days, count(*) as c
            from metric_events where days is not null group by 1, 2, 3, 4) b
      cross join lateral ${ANCESTORS_SQL}
      where r.code is not null
      group by 1, 2, 3, 4
      order by 2, 1, 3, 4`),
    );
    const counts = (await tx.execute(
      sql`select (select count(*) from metric_events)::bigint as events,
                 ((select count(*) from metric_rollups) + (select count(*) from metric_rollup_occupations)
                  + (select count(*) from metric_days_histogram))::bigint as rows`,
    )) as unknown as { rows: Array<{ events: string | number; rows: string | number }> };
    return { events: Number(counts.rows[0]?.events ?? 0), rollupRows: Number(counts.rows[0]?.rows ?? 0) };
  });
  return { ...out, ms: Math.round(performance.now() - started) };
}
