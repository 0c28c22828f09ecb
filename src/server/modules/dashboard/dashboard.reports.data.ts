/**
 * What a monthly report says, computed by the dashboard service's own readers (rollupCells, histogram,
 * valueFromCells, medianFromHistogram, targetsFor over the same rollup tables the tiles read), so every figure
 * equals the dashboard's for the same region and period: the month, the year to date, the last 12 months,
 * the sub-regions, the digital occupations and the subsidies.
 */
import { sql } from 'drizzle-orm';
import { INDICATORS, type IndicatorDef, type IndicatorKey, IndicatorKey as IndicatorKeys, type MetricKey } from '../../../shared/dashboard.js';
import { monthMinus, monthsBetween } from '../../../shared/dashboard-reports.js';
import type { Actor, Ctx } from '../../context.js';
import {
  assertMayRead,
  type Cell,
  childRegions,
  histogram,
  installedSources,
  isAvailable,
  medianFromHistogram,
  type MonthRange,
  regionName,
  rollupCells,
  targetsFor,
  valueFromCells,
} from './dashboard.service.js';

type ActorCtx = Ctx & { actor: Actor };
type Value = number | null;

export interface ReportIndicator {
  key: IndicatorKey;
  unit: IndicatorDef['unit'];
  available: boolean;
  month: Value;
  ytd: Value;
  target: Value;
  /** ytd / target in percent, one decimal; null without a target. */
  progress: Value;
}

export interface OccupationLine {
  code: string;
  name: string | null;
  postings: number;
  enrolled: number;
  certified: number;
}

export interface SubsidyLine {
  policyCode: string;
  policyName: string | null;
  applied: number;
  appliedFen: number;
  approved: number;
  approvedFen: number;
  paid: number;
  paidFen: number;
}

export interface ReportData {
  regionCode: string;
  regionName: string;
  month: string;
  year: number;
  generatedAt: Date;
  indicators: ReportIndicator[];
  trend: { months: string[]; rows: Array<{ key: IndicatorKey; available: boolean; values: Value[] }> };
  subRegions: Array<{ regionCode: string; regionName: string; values: Record<IndicatorKey, Value> }>;
  occupations: { available: { jobs: boolean; training: boolean; certificates: boolean }; rows: OccupationLine[] };
  subsidies: { available: boolean; month: SubsidyLine; ytd: SubsidyLine; byPolicy: SubsidyLine[] };
}

const DEFS = Object.values(INDICATORS);
const COUNT_METRICS = [...new Set(DEFS.filter((d) => d.agg !== 'median_days').map((d) => d.metric))];
const MEDIAN_METRICS = [...new Set(DEFS.filter((d) => d.agg === 'median_days').map((d) => d.metric))];
export const TOP_OCCUPATIONS = 10;

/** Every indicator of the given regions over a period, per region (and per month when byMonth). */
async function valuesOver(ctx: Ctx, regionCodes: string[], months: MonthRange, byMonth: boolean) {
  const [installed, cells, hist] = await Promise.all([
    installedSources(ctx.db),
    rollupCells(ctx.db, COUNT_METRICS, regionCodes, months, byMonth),
    histogram(ctx.db, MEDIAN_METRICS, regionCodes, months, byMonth),
  ]);
  const cellsBy = new Map<string, Cell[]>();
  for (const c of cells) {
    const k = `${c.region}|${c.month}`;
    cellsBy.set(k, [...(cellsBy.get(k) ?? []), c]);
  }
  return (key: IndicatorKey, region: string, month = ''): Value => {
    const def = INDICATORS[key];
    if (!isAvailable(installed, def)) return null;
    if (def.agg === 'median_days') return medianFromHistogram(hist.filter((h) => h.metric === def.metric && h.region === region && h.month === month));
    return valueFromCells(def, cellsBy.get(`${region}|${month}`) ?? []);
  };
}

/** Digital occupations (细类) of the region's year by postings, then enrolments and certificates (yearly occupation rollup). */
async function digitalOccupations(ctx: Ctx, regionCode: string, year: number): Promise<OccupationLine[]> {
  const res = (await ctx.db.execute(sql`
    select r.occupation_code as code, o.name,
           coalesce(sum(r.count) filter (where r.metric = 'job.published'), 0)::bigint as postings,
           coalesce(sum(r.count) filter (where r.metric = 'training.enrolled'), 0)::bigint as enrolled,
           coalesce(sum(r.count) filter (where r.metric = 'certificate.issued'), 0)::bigint as certified
    from metric_rollup_occupations r left join occupations o on o.code = r.occupation_code
    where r.metric in ('job.published', 'training.enrolled', 'certificate.issued') and r.region_code = ${regionCode}
      and r.year = ${year} and r.digital
    group by 1, 2
    order by 3 desc, 4 desc, 5 desc, 1
    limit ${TOP_OCCUPATIONS}`)) as unknown as { rows: Array<{ code: string; name: string | null; postings: unknown; enrolled: unknown; certified: unknown }> };
  return res.rows.map((r) => ({ code: r.code, name: r.name, postings: Number(r.postings), enrolled: Number(r.enrolled), certified: Number(r.certified) }));
}

const SUBSIDY_METRICS: MetricKey[] = ['subsidy.applied', 'subsidy.approved', 'subsidy.paid'];

function subsidyLine(policyCode: string, policyName: string | null, cells: Cell[]): SubsidyLine {
  const sum = (metric: MetricKey, field: 'count' | 'amount') => cells.filter((c) => c.metric === metric).reduce((s, c) => s + c[field], 0);
  return {
    policyCode,
    policyName,
    applied: sum('subsidy.applied', 'count'),
    appliedFen: sum('subsidy.applied', 'amount'),
    approved: sum('subsidy.approved', 'count'),
    approvedFen: sum('subsidy.approved', 'amount'),
    paid: sum('subsidy.paid', 'count'),
    paidFen: sum('subsidy.paid', 'amount'),
  };
}

/** Applied / approved / paid counts and amounts (分): the month, the year to date, and each policy (the fact's dimension) to date. */
async function subsidies(ctx: Ctx, regionCode: string, month: string, ytd: MonthRange, available: boolean): Promise<ReportData['subsidies']> {
  if (!available) {
    const empty = subsidyLine('', null, []);
    return { available, month: empty, ytd: empty, byPolicy: [] };
  }
  const [monthCells, ytdCells] = await Promise.all([
    rollupCells(ctx.db, SUBSIDY_METRICS, [regionCode], [month, month], false),
    rollupCells(ctx.db, SUBSIDY_METRICS, [regionCode], ytd, false),
  ]);
  const codes = [...new Set(ytdCells.map((c) => c.dimension))].sort();
  const names = new Map<string, string>();
  if (codes.length) {
    const res = (await ctx.db.execute(
      sql`select code, name from policies where code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    )) as unknown as { rows: Array<{ code: string; name: string }> };
    for (const r of res.rows) names.set(r.code, r.name);
  }
  return {
    available,
    month: subsidyLine('', null, monthCells),
    ytd: subsidyLine('', null, ytdCells),
    byPolicy: codes.map((code) =>
      subsidyLine(
        code,
        names.get(code) ?? null,
        ytdCells.filter((c) => c.dimension === code),
      ),
    ),
  };
}

/** Everything the report prints, for one region and month ('YYYY-MM'). 403/404 as the dashboard (assertMayRead). */
export async function reportData(ctx: ActorCtx, regionCode: string, month: string, step?: (done: number) => Promise<void>): Promise<ReportData> {
  assertMayRead(ctx.actor, regionCode);
  const year = Number(month.slice(0, 4));
  const ytd: MonthRange = [`${year}-01`, month];
  const trendMonths = monthsBetween(monthMinus(month, 11), month);
  const [name, children, installed] = await Promise.all([regionName(ctx, regionCode), childRegions(ctx, regionCode), installedSources(ctx.db)]);
  const [inMonth, toDate, target] = await Promise.all([
    valuesOver(ctx, [regionCode], [month, month], false),
    valuesOver(ctx, [regionCode, ...children.map((c) => c.code)], ytd, false),
    targetsFor(ctx.db, year, [regionCode], IndicatorKeys.options),
  ]);
  const indicators = DEFS.map((def): ReportIndicator => {
    const ytdValue = toDate(def.key, regionCode);
    const goal = def.targeted ? target(def.key, regionCode) : null;
    return {
      key: def.key,
      unit: def.unit,
      available: isAvailable(installed, def),
      month: inMonth(def.key, regionCode),
      ytd: ytdValue,
      target: goal,
      progress: goal && ytdValue !== null ? Math.round((ytdValue / goal) * 1000) / 10 : null,
    };
  });
  await step?.(1);
  const monthly = await valuesOver(ctx, [regionCode], [trendMonths[0] as string, month], true);
  const trend = {
    months: trendMonths,
    rows: DEFS.map((def) => ({ key: def.key, available: isAvailable(installed, def), values: trendMonths.map((m) => monthly(def.key, regionCode, m)) })),
  };
  await step?.(2);
  const subRegions = children.map((c) => ({
    regionCode: c.code,
    regionName: c.name,
    values: Object.fromEntries(DEFS.map((d) => [d.key, toDate(d.key, c.code)])) as Record<IndicatorKey, Value>,
  }));
  await step?.(3);
  const occupations = {
    available: { jobs: installed.has('jobs'), training: installed.has('training'), certificates: installed.has('certificates') },
    rows: await digitalOccupations(ctx, regionCode, year),
  };
  await step?.(4);
  const subsidyData = await subsidies(ctx, regionCode, month, ytd, installed.has('subsidies'));
  await step?.(5);
  return { regionCode, regionName: name, month, year, generatedAt: ctx.now, indicators, trend, subRegions, occupations, subsidies: subsidyData };
}
