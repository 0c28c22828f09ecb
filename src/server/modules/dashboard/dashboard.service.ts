/**
 * Indicators, region breakdowns, monthly trends and occupation tables, all read from the rollup tables
 * (never a GROUP BY over the facts). Officials see their own region only: a region outside theirs answers
 * 404, the same as a region that does not exist (assertInRegion).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type BreakdownResponse,
  DEFAULT_PROVINCE_TARGETS,
  INDICATORS,
  type IndicatorDef,
  type IndicatorKey,
  IndicatorKey as IndicatorKeyEnum,
  METRIC_SOURCE,
  type MetricKey,
  type MetricSource,
  type OccupationResponse,
  type SummaryResponse,
  type TrendResponse,
} from '../../../shared/dashboard.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, PROVINCE_CODE } from '../access/region-scope.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { dashboardTargets } from './dashboard.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** The table whose presence means a source module has landed (its migrations ran). */
const SOURCE_TABLE: Record<MetricSource, string> = {
  jobs: 'job_postings',
  applications: 'job_applications',
  events: 'recruitment_events',
  auth: 'users',
  training: 'training_enrolments',
  certificates: 'certificates',
  subsidies: 'policy_claims',
  recognition: 'recognition_applications',
  stations: 'talent_stations',
  competitions: 'competitions',
  ventures: 'venture_projects',
};

const availability = new WeakMap<object, Promise<Set<MetricSource>>>();

/** Source modules installed in this database (checked once per database handle). */
export function installedSources(db: Db): Promise<Set<MetricSource>> {
  let found = availability.get(db);
  if (!found) {
    found = (async () => {
      const names = Object.values(SOURCE_TABLE);
      const res = (await db.execute(
        sql`select t.name from unnest(string_to_array(${names.join(',')}, ',')) as t(name) where to_regclass('public.' || t.name) is not null`,
      )) as unknown as { rows: Array<{ name: string }> };
      const present = new Set(res.rows.map((r) => r.name));
      return new Set((Object.keys(SOURCE_TABLE) as MetricSource[]).filter((s) => present.has(SOURCE_TABLE[s])));
    })();
    availability.set(db, found);
  }
  return found;
}

export const isAvailable = (installed: Set<MetricSource>, def: IndicatorDef) => installed.has(METRIC_SOURCE[def.metric]);

/** Officials (their region and below) and administrators (everything) read dashboards. */
export function assertMayRead(actor: Actor, regionCode: string) {
  if (actor.role !== 'official' && actor.role !== 'admin') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  assertInRegion(actor, regionCode);
}

const regionCache = new WeakMap<object, Promise<Array<{ code: string; name: string; parentCode: string | null }>>>();

/** The regions catalogue (static reference data, about 113 rows), read once per database handle. */
function allRegions(db: Db) {
  let found = regionCache.get(db);
  if (!found) {
    found = db.select({ code: regions.code, name: regions.name, parentCode: regions.parentCode }).from(regions).orderBy(regions.code);
    regionCache.set(db, found);
    found.catch(() => regionCache.delete(db));
  }
  return found;
}

export async function regionName(ctx: Ctx, code: string): Promise<string> {
  const row = (await allRegions(ctx.db)).find((r) => r.code === code);
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  return row.name;
}

/** First and last month ('YYYY-MM') of a period; a year is January to December. */
export type MonthRange = readonly [string, string];
const monthRange = (year: number): MonthRange => [`${year}-01`, `${year}-12`];

export interface Cell {
  metric: string;
  dimension: string;
  digital: boolean;
  count: number;
  amount: number;
}

export function valueFromCells(def: IndicatorDef, cells: Cell[]): number | null {
  const mine = cells.filter((c) => c.metric === def.metric && (!def.digitalOnly || c.digital) && (!def.dimensions || def.dimensions.includes(c.dimension)));
  switch (def.agg) {
    case 'count':
      if (def.nullWhenEmpty && mine.length === 0) return null;
      return mine.reduce((s, c) => s + c.count, 0);
    case 'amount':
      return mine.reduce((s, c) => s + c.amount, 0);
    case 'share': {
      const total = mine.reduce((s, c) => s + c.count, 0);
      if (total === 0) return null;
      const part = mine.filter((c) => c.dimension === def.shareOf).reduce((s, c) => s + c.count, 0);
      return Math.round((part / total) * 1000) / 10;
    }
    case 'median_days':
      throw new Error('median comes from the histogram');
  }
}

/** Exact median of whole-day observations from a histogram (mean of the two middle values when even). */
export function medianFromHistogram(hist: Array<{ days: number; count: number }>): number | null {
  const sorted = [...hist].filter((h) => h.count > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((s, h) => s + h.count, 0);
  if (n === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (k < seen) return h.days;
    }
    return sorted[sorted.length - 1]?.days ?? 0;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Sums of the monthly rollup per (region, metric, dimension, digital[, month]) for the given regions and months. */
export async function rollupCells(db: Db, metrics: MetricKey[], regionCodes: string[], months: MonthRange, byMonth: boolean) {
  const [from, to] = months;
  const res = (await db.execute(sql`
    select region_code, metric, dimension, digital, ${byMonth ? sql`month` : sql`''`} as month,
           sum(count)::bigint as count, sum(amount_fen)::bigint as amount
    from metric_rollups
    where metric in (${sql.join(
      metrics.map((m) => sql`${m}`),
      sql`, `,
    )})
      and region_code in (${sql.join(
        regionCodes.map((r) => sql`${r}`),
        sql`, `,
      )})
      and month between ${from} and ${to}
    group by 1, 2, 3, 4, 5`)) as unknown as {
    rows: Array<{ region_code: string; metric: string; dimension: string; digital: boolean; month: string; count: string | number; amount: string | number }>;
  };
  return res.rows.map((r) => ({
    region: r.region_code,
    month: r.month,
    metric: r.metric,
    dimension: r.dimension,
    digital: r.digital,
    count: Number(r.count),
    amount: Number(r.amount),
  }));
}

export async function histogram(db: Db, metrics: MetricKey[], regionCodes: string[], months: MonthRange, byMonth: boolean) {
  const [from, to] = months;
  const res = (await db.execute(sql`
    select metric, region_code, ${byMonth ? sql`month` : sql`''`} as month, days, sum(count)::bigint as count
    from metric_days_histogram
    where metric in (${sql.join(
      metrics.map((m) => sql`${m}`),
      sql`, `,
    )})
      and region_code in (${sql.join(
        regionCodes.map((r) => sql`${r}`),
        sql`, `,
      )})
      and month between ${from} and ${to}
    group by 1, 2, 3, 4`)) as unknown as { rows: Array<{ metric: string; region_code: string; month: string; days: number; count: string | number }> };
  return res.rows.map((r) => ({ metric: r.metric, region: r.region_code, month: r.month, days: Number(r.days), count: Number(r.count) }));
}

/** Targets for (indicator, year) in the given regions; the province falls back to the notice's figures. */
export async function targetsFor(db: Db, year: number, regionCodes: string[], indicators: IndicatorKey[]) {
  const rows = await db
    .select()
    .from(dashboardTargets)
    .where(and(eq(dashboardTargets.year, year), inArray(dashboardTargets.regionCode, regionCodes), inArray(dashboardTargets.indicator, indicators)));
  return (indicator: IndicatorKey, region: string): number | null => {
    const row = rows.find((r) => r.indicator === indicator && r.regionCode === region);
    if (row) return Number(row.value);
    if (region === PROVINCE_CODE) return DEFAULT_PROVINCE_TARGETS[indicator] ?? null;
    return null;
  };
}

/** Every indicator for one region and year. */
export async function summary(ctx: ActorCtx, regionCode: string, year: number): Promise<SummaryResponse> {
  assertMayRead(ctx.actor, regionCode);
  const defs = Object.values(INDICATORS);
  const metrics = [...new Set(defs.filter((d) => d.agg !== 'median_days').map((d) => d.metric))];
  const medianMetrics = [...new Set(defs.filter((d) => d.agg === 'median_days').map((d) => d.metric))];
  // independent reads: on PostgreSQL they run on separate pool connections at once
  const [name, installed, cells, hist, target] = await Promise.all([
    regionName(ctx, regionCode),
    installedSources(ctx.db),
    rollupCells(ctx.db, metrics, [regionCode], monthRange(year), false),
    histogram(ctx.db, medianMetrics, [regionCode], monthRange(year), false),
    targetsFor(ctx.db, year, [regionCode], IndicatorKeyEnum.options),
  ]);
  const hists = new Map(medianMetrics.map((m) => [m, medianFromHistogram(hist.filter((h) => h.metric === m))]));
  return {
    regionCode,
    regionName: name,
    year,
    asOf: ctx.now.toISOString(),
    indicators: defs.map((def) => {
      const available = isAvailable(installed, def);
      const value = !available ? null : def.agg === 'median_days' ? (hists.get(def.metric) ?? null) : valueFromCells(def, cells);
      return { key: def.key, value, available, target: def.targeted ? target(def.key, regionCode) : null };
    }),
  };
}

/** Child regions: the cities (and 赣江新区) of the province, the counties of a city. */
export async function childRegions(ctx: Ctx, regionCode: string) {
  return (await allRegions(ctx.db)).filter((r) => r.parentCode === regionCode);
}

/** One indicator for each child region (map and drill-down), plus what is recorded at the region itself. */
export async function breakdown(ctx: ActorCtx, regionCode: string, indicator: IndicatorKey, year: number): Promise<BreakdownResponse> {
  assertMayRead(ctx.actor, regionCode);
  await regionName(ctx, regionCode);
  const def = INDICATORS[indicator];
  const installed = await installedSources(ctx.db);
  const available = isAvailable(installed, def);
  const children = await childRegions(ctx, regionCode);
  const codes = [regionCode, ...children.map((c) => c.code)];
  const lookupValues = async (): Promise<(code: string) => number | null> => {
    if (!available) return () => null;
    if (def.agg === 'median_days') {
      const hist = await histogram(ctx.db, [def.metric], codes, monthRange(year), false);
      return (code) => medianFromHistogram(hist.filter((h) => h.region === code));
    }
    const cells = await rollupCells(ctx.db, [def.metric], codes, monthRange(year), false);
    return (code) =>
      valueFromCells(
        def,
        cells.filter((c) => c.region === code),
      );
  };
  const [value, target] = await Promise.all([lookupValues(), targetsFor(ctx.db, year, codes, [indicator])]);
  const rows = children.map((c) => ({ regionCode: c.code, regionName: c.name, value: value(c.code), target: def.targeted ? target(indicator, c.code) : null }));
  const additive = def.agg === 'count' || def.agg === 'amount';
  const parent = value(regionCode);
  const unattributed = available && additive && parent !== null ? parent - rows.reduce((s, r) => s + (r.value ?? 0), 0) : null;
  return { regionCode, indicator, year, rows, unattributed, available };
}

/** One indicator month by month through the year. */
export async function trend(ctx: ActorCtx, regionCode: string, indicator: IndicatorKey, year: number): Promise<TrendResponse> {
  assertMayRead(ctx.actor, regionCode);
  await regionName(ctx, regionCode);
  const def = INDICATORS[indicator];
  const available = isAvailable(await installedSources(ctx.db), def);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  if (!available) return { regionCode, indicator, year, available, points: months.map((month) => ({ month, value: null })) };
  if (def.agg === 'median_days') {
    const hist = await histogram(ctx.db, [def.metric], [regionCode], monthRange(year), true);
    return {
      regionCode,
      indicator,
      year,
      available,
      points: months.map((month) => ({ month, value: medianFromHistogram(hist.filter((h) => h.month === month)) })),
    };
  }
  const cells = await rollupCells(ctx.db, [def.metric], [regionCode], monthRange(year), true);
  return {
    regionCode,
    indicator,
    year,
    available,
    points: months.map((month) => ({
      month,
      value: valueFromCells(
        def,
        cells.filter((c) => c.month === month),
      ),
    })),
  };
}

/** Enrolments, completions and certificates by occupation (细类), for one region and year. */
export async function byOccupation(ctx: ActorCtx, regionCode: string, year: number): Promise<OccupationResponse> {
  assertMayRead(ctx.actor, regionCode);
  await regionName(ctx, regionCode);
  const installed = await installedSources(ctx.db);
  const res = (await ctx.db.execute(sql`
    select r.occupation_code,
           sum(r.count) filter (where r.metric = 'training.enrolled')::bigint as enrolled,
           sum(r.count) filter (where r.metric = 'training.completed')::bigint as completed,
           sum(r.count) filter (where r.metric = 'certificate.issued')::bigint as certified
    from metric_rollup_occupations r
    where r.metric in ('training.enrolled', 'training.completed', 'certificate.issued') and r.region_code = ${regionCode} and r.year = ${year}
    group by 1
    order by 3 desc nulls last, 2 desc nulls last, 1
    limit 200`)) as unknown as { rows: Array<{ occupation_code: string; enrolled: unknown; completed: unknown; certified: unknown }> };
  const codes = res.rows.map((r) => r.occupation_code);
  const names = codes.length
    ? await ctx.db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(inArray(occupations.code, codes))
    : [];
  return {
    regionCode,
    year,
    available: { training: installed.has('training'), certificates: installed.has('certificates') },
    rows: res.rows.map((r) => ({
      occupationCode: r.occupation_code,
      occupationName: names.find((n) => n.code === r.occupation_code)?.name ?? null,
      enrolled: Number(r.enrolled ?? 0),
      completed: Number(r.completed ?? 0),
      certified: Number(r.certified ?? 0),
    })),
  };
}
