/**
 * `npm run bench:dashboard -- --size ci|province [--runs 30] [--raw-runs 3]`
 *
 * Dashboard tiles at province scale (issue 7). A FRESH database (DATABASE_URL: a new PostgreSQL database,
 * dropped afterwards; otherwise file-backed PGlite in a temporary directory) is migrated and loaded with
 * the catalogues, then `metric_events` is filled inside the database by generate_series (ci: 100,000 facts;
 * province: 10,000,000) over the real county codes and digital occupations, three years, every metric.
 * Then, in the same run:
 *  - full rebuild of the rollups from the facts (`rebuildRollups`, what `npx gancai dashboard rebuild` runs);
 *  - ten tiles (summaries at province / city / county, map breakdowns, drill-down, monthly trends, a median,
 *    the occupation table) through the dashboard service, `--runs` times each: p50 / p95 per tile and overall;
 *  - the same tiles by raw GROUP BY over the facts, `--raw-runs` times each, and a check that both agree;
 *  - freshness: facts recorded with recordMetric (the write path every module uses) are visible to the
 *    tiles as soon as the recording transaction commits; the time from commit to a tile showing them, and
 *    recordMetric's own latency.
 * The last stdout line is one JSON object. `--keep` keeps the PostgreSQL database (for EXPLAIN) and logs its URL;
 * `--existing <url>` reuses such a database (no load; the rebuild and everything after run again).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import type { Actor, Ctx } from '../src/server/context.js';
import { systemCtx } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/client.js';
import type { Db } from '../src/server/db/client.js';
import { rebuildRollups, recordMetric } from '../src/server/modules/dashboard/dashboard.metrics.js';
import { breakdown, byOccupation, summary, trend } from '../src/server/modules/dashboard/dashboard.service.js';
import type { IndicatorKey } from '../src/shared/dashboard.js';
import { benchPlatform, freshDatabase } from './seed.js';

function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1]) return args[i + 1] as string;
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}
const log = (m: string) => process.stderr.write(`[bench:dashboard] ${m}\n`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number) : 0;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

const SIZES = { ci: 100_000, province: 10_000_000 } as const;
const YEAR = 2026;

/** Facts by generate_series: metric mix, county, month (2024–2026), occupation, digital flag, amounts, days. */
async function load(total: number, query: (sql: string) => Promise<unknown>) {
  const metrics = [
    ['job.published', 14],
    ['application.submitted', 30],
    ['hire', 6],
    ['talent.registered', 12],
    ['event.held', 1],
    ['event.registered', 5],
    ['training.enrolled', 10],
    ['training.completed', 8],
    ['certificate.issued', 6],
    ['subsidy.applied', 4],
    ['subsidy.approved', 2],
    ['subsidy.paid', 2],
  ] as const;
  const wheel = metrics.flatMap(([m, w]) => Array(w).fill(m) as string[]);
  const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;
  const chunk = 500_000;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    const t0 = performance.now();
    await query(`
      with c as (select array_agg(code order by code) as counties from regions where level = 'county'),
           o as (select array_agg(code order by code) as occs from (select code from occupations where is_digital and level = 4 order by code limit 120) x)
      insert into metric_events (metric, subject_id, region_code, month, occurred_at, occupation_code, dimension, digital, amount_fen, days)
      select m.metric, 'b' || g, c.counties[1 + abs(hashint8(g * 5 + 1)) % array_length(c.counties, 1)],
             to_char(ts, 'YYYY-MM'), ts at time zone 'Asia/Shanghai',
             case when m.metric like 'training.%' or m.metric in ('certificate.issued', 'job.published', 'application.submitted', 'hire')
                  then o.occs[1 + abs(hashint8(g * 5 + 2)) % array_length(o.occs, 1)] end,
             case when m.metric like 'training.%' then (array['digital_skills','digital_engineer','advanced_seminar','entrepreneur'])[1 + abs(hashint8(g * 5 + 3)) % 4]
                  when m.metric like 'subsidy.%' then 'training' else '' end,
             abs(hashint8(g * 5 + 4)) % 3 <> 0,
             case when m.metric like 'subsidy.%' then 50000 + (g % 20) * 10000 end,
             case when m.metric in ('hire', 'subsidy.paid') then (g * 31) % 45 end
      from generate_series(${from}::bigint, ${to}::bigint) g
      cross join c cross join o
      cross join lateral (select (${arr(wheel)})[1 + abs(hashint8(g * 5)) % ${wheel.length}] as metric) m
      cross join lateral (select timestamp '2024-01-01' + ((abs(hashint8(g * 5 + 1)::bigint) * 65537 + g) % (1096 * 86400)) * interval '1 second' as ts) t`);
    log(`loaded ${to.toLocaleString()} / ${total.toLocaleString()} facts (${Math.round(performance.now() - t0)} ms)`);
  }
}

interface Tile {
  name: string;
  run: (ctx: Ctx & { actor: Actor }) => Promise<unknown>;
  raw: () => Promise<unknown>;
  /** The tile's headline number from the service answer and from the raw answer, to check they agree. */
  fromTile: (a: unknown) => number | null;
  fromRaw: (a: unknown) => number | null;
}

function tiles(query: <T>(text: string) => Promise<T[]>): Tile[] {
  const yr = `month between '${YEAR}-01' and '${YEAR}-12'`;
  const ind = (a: unknown, k: IndicatorKey) =>
    (a as { indicators: Array<{ key: string; value: number | null }> }).indicators.find((i) => i.key === k)?.value ?? null;
  const where = (region: string) =>
    region === '360000' ? 'true' : region.endsWith('00') ? `region_code like '${region.slice(0, 4)}%'` : `region_code = '${region}'`;
  const rawCount = async (region: string, metric: string, extra = 'true') =>
    Number(
      (await query<{ n: string }>(`select count(*) as n from metric_events where ${where(region)} and metric = '${metric}' and ${yr} and ${extra}`))[0]?.n,
    );
  const rawSummary = (region: string) => async () =>
    query(`select metric, dimension, digital, count(*), sum(amount_fen) from metric_events where ${where(region)} and ${yr} group by 1, 2, 3`).then(
      async (rows) => ({
        rows,
        hires: await rawCount(region, 'hire'),
      }),
    );
  const rawBreakdown =
    (metric: string, extra = 'true') =>
    async () =>
      query<{ city: string; n: string }>(
        `select left(region_code, 4) || '00' as city, count(*) as n from metric_events where metric = '${metric}' and ${yr} and ${extra} group by 1 order by 1`,
      );
  const cityOf = (rows: unknown, code: string) => Number((rows as Array<{ city: string; n: string }>).find((r) => r.city === code)?.n ?? 0);
  const bdValue = (a: unknown, code: string) =>
    (a as { rows: Array<{ regionCode: string; value: number | null }> }).rows.find((r) => r.regionCode === code)?.value ?? null;
  return [
    {
      name: 'summary_province',
      run: (c) => summary(c, '360000', YEAR),
      raw: rawSummary('360000'),
      fromTile: (a) => ind(a, 'hires'),
      fromRaw: (a) => (a as { hires: number }).hires,
    },
    {
      name: 'summary_city',
      run: (c) => summary(c, '360700', YEAR),
      raw: rawSummary('360700'),
      fromTile: (a) => ind(a, 'hires'),
      fromRaw: (a) => (a as { hires: number }).hires,
    },
    {
      name: 'summary_county',
      run: (c) => summary(c, '360702', YEAR),
      raw: rawSummary('360702'),
      fromTile: (a) => ind(a, 'hires'),
      fromRaw: (a) => (a as { hires: number }).hires,
    },
    {
      name: 'map_digital_jobs',
      run: (c) => breakdown(c, '360000', 'digital_jobs_published', YEAR),
      raw: rawBreakdown('job.published', 'digital'),
      fromTile: (a) => bdValue(a, '360700'),
      fromRaw: (a) => cityOf(a, '360700'),
    },
    {
      name: 'map_hires',
      run: (c) => breakdown(c, '360000', 'hires', YEAR),
      raw: rawBreakdown('hire'),
      fromTile: (a) => bdValue(a, '360100'),
      fromRaw: (a) => cityOf(a, '360100'),
    },
    {
      name: 'map_technicians',
      run: (c) => breakdown(c, '360000', 'digital_technicians_trained', YEAR),
      raw: rawBreakdown('training.completed', `dimension in ('advanced_seminar', 'digital_engineer')`),
      fromTile: (a) => bdValue(a, '360400'),
      fromRaw: (a) => cityOf(a, '360400'),
    },
    {
      name: 'drill_city_counties',
      run: (c) => breakdown(c, '360700', 'applications_submitted', YEAR),
      raw: () =>
        query<{ region_code: string; n: string }>(
          `select region_code, count(*) as n from metric_events where metric = 'application.submitted' and region_code like '3607%' and ${yr} group by 1`,
        ),
      fromTile: (a) => bdValue(a, '360702'),
      fromRaw: (a) => Number((a as Array<{ region_code: string; n: string }>).find((r) => r.region_code === '360702')?.n ?? 0),
    },
    {
      name: 'trend_province_jobs',
      run: (c) => trend(c, '360000', 'jobs_published', YEAR),
      raw: () =>
        query<{ month: string; n: string }>(`select month, count(*) as n from metric_events where metric = 'job.published' and ${yr} group by 1 order by 1`),
      fromTile: (a) => (a as { points: Array<{ value: number | null }> }).points[2]?.value ?? null,
      fromRaw: (a) => Number((a as Array<{ month: string; n: string }>).find((r) => r.month === `${YEAR}-03`)?.n ?? 0),
    },
    {
      name: 'median_days_to_hire_city',
      run: (c) => summary(c, '360100', YEAR),
      raw: () =>
        query<{ m: string }>(
          `select percentile_cont(0.5) within group (order by days) as m from metric_events where metric = 'hire' and region_code like '3601%' and ${yr}`,
        ),
      fromTile: (a) => ind(a, 'median_days_to_hire'),
      fromRaw: (a) => {
        const m = (a as Array<{ m: string | null }>)[0]?.m;
        return m === null || m === undefined ? null : Number(m);
      },
    },
    {
      name: 'occupations_province',
      run: (c) => byOccupation(c, '360000', YEAR),
      raw: () =>
        query(
          `select occupation_code, count(*) filter (where metric = 'training.completed') as completed from metric_events
           where metric in ('training.enrolled', 'training.completed', 'certificate.issued') and ${yr} and occupation_code is not null group by 1 order by 2 desc limit 200`,
        ),
      fromTile: (a) => (a as { rows: Array<{ completed: number }> }).rows[0]?.completed ?? null,
      fromRaw: (a) => Number((a as Array<{ completed: string }>)[0]?.completed),
    },
  ];
}

async function main() {
  const size = arg('size', 'ci') as keyof typeof SIZES;
  if (!(size in SIZES)) throw new Error('--size must be ci or province');
  const runs = Number(arg('runs', '30'));
  const rawRuns = Number(arg('raw-runs', size === 'province' ? '2' : '5'));
  const existing = arg('existing', '');
  const fresh = existing
    ? { label: 'postgresql-existing', url: existing, dataDir: os.tmpdir(), open: () => openDatabase({ url: existing }), dispose: async () => {} }
    : await freshDatabase(process.env.DATABASE_URL, 'gancai-dash');
  const database = await fresh.open();
  try {
    const platform = await benchPlatform(database, fresh.dataDir);
    const db = database.db;
    /** Long statements (loading, raw GROUP BY over 10M rows) run without the pool's 15 s statement timeout. */
    const query = async <T>(text: string): Promise<T[]> =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 0`);
        return ((await tx.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
      });
    const started = performance.now();
    if (!existing) await load(SIZES[size], (s) => query(s));
    else await query("delete from metric_events where subject_id like 'fresh-%'");
    const loadSeconds = (performance.now() - started) / 1000;
    await database.query('analyze metric_events');
    log('rebuilding rollups…');
    const rebuild = await rebuildRollups(db);
    for (const t of ['metric_rollups', 'metric_rollup_occupations', 'metric_days_histogram']) await database.query(`analyze ${t}`);
    log(`rebuilt in ${rebuild.ms} ms: ${rebuild.rollupRows} rollup rows from ${rebuild.events} facts`);

    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'bench.province',
      role: 'official',
      regionCode: '360000',
      department: 'hrss',
      orgId: null,
      sessionId: 'bench',
    };
    const ctx = { ...systemCtx(platform), actor };
    const list = tiles(query);
    const perTile: Record<string, { p50: number; p95: number; raw_p50: number; agree: boolean; value: number | null; raw_value: number | null }> = {};
    const all: number[] = [];
    const rawAll: number[] = [];
    for (const tile of list) {
      await tile.run(ctx); // warm
      const times: number[] = [];
      let answer: unknown;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        answer = await tile.run(ctx);
        times.push(performance.now() - t0);
      }
      const rawTimes: number[] = [];
      let rawAnswer: unknown;
      for (let i = 0; i < rawRuns; i++) {
        const t0 = performance.now();
        rawAnswer = await tile.raw();
        rawTimes.push(performance.now() - t0);
      }
      all.push(...times);
      rawAll.push(...rawTimes);
      const value = tile.fromTile(answer);
      const rawValue = tile.fromRaw(rawAnswer);
      perTile[tile.name] = {
        p50: r1(pct(times, 50)),
        p95: r1(pct(times, 95)),
        raw_p50: r1(pct(rawTimes, 50)),
        agree: value === rawValue,
        value,
        raw_value: rawValue,
      };
      log(
        `${tile.name}: p95 ${r1(pct(times, 95))} ms (raw GROUP BY p50 ${r1(pct(rawTimes, 50))} ms) ${value === rawValue ? 'agree' : `DISAGREE ${value} vs ${rawValue}`}`,
      );
    }

    // freshness: facts recorded the way every module records them, then read back through a tile
    const writeTimes: number[] = [];
    const freshness: number[] = [];
    const hiresNow = async () => (await summary(ctx, '360702', YEAR)).indicators.find((i) => i.key === 'hires')?.value ?? 0;
    let expected = await hiresNow();
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        await recordMetric(tx as unknown as Db, {
          metric: 'hire',
          subjectId: `fresh-${i}`,
          regionCode: '360702',
          occurredAt: new Date(Date.UTC(YEAR, 5, 15)),
          occupationCode: null,
          digital: true,
          days: 7,
        });
      });
      const committed = performance.now();
      writeTimes.push(committed - t0);
      expected += 1;
      let seen = await hiresNow();
      while (seen < expected) seen = await hiresNow();
      freshness.push(performance.now() - committed);
    }

    const line = {
      bench: 'dashboard',
      size,
      database: fresh.label,
      facts: rebuild.events,
      rollup_rows: rebuild.rollupRows,
      load_s: r1(loadSeconds),
      full_rebuild_ms: rebuild.ms,
      tiles: list.length,
      runs_per_tile: runs,
      tile_p50_ms: r1(pct(all, 50)),
      tile_p95_ms: r1(pct(all, 95)),
      tile_goal_ms: 50,
      tile_goal_met: pct(all, 95) <= 50,
      raw_group_by_p50_ms: r1(pct(rawAll, 50)),
      raw_group_by_p95_ms: r1(pct(rawAll, 95)),
      tiles_agree_with_raw: Object.values(perTile).every((t) => t.agree),
      freshness_p95_ms: r1(pct(freshness, 95)),
      freshness_goal_ms: 60_000,
      record_metric_p95_ms: r1(pct(writeTimes, 95)),
      per_tile: perTile,
      cpus: os.cpus().length,
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await database.close();
    if (process.argv.includes('--keep') && fresh.url) log(`kept ${fresh.url}`);
    else await fresh.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
