/**
 * `npm run bench:wages [-- --size 200000] [--survey-rows 50000] [--pglite] [--requests 300]`
 *
 * 工资价位 and open data at province size. A FRESH database (a new database on the DATABASE_URL server,
 * dropped afterwards; PGlite in a temporary directory with --pglite or without DATABASE_URL) is migrated,
 * loaded with the catalogues and the `ci` seed, then filled with `--size` published postings by the jobs
 * module's `seedJobs` and one wage survey of `--survey-rows` workers (built as an xlsx, parsed and checked
 * by the upload code, stored by `storeSurvey`). Measured: the xlsx parse, the survey store (incl. its
 * on-demand refresh), the full `wages.refresh` and `opendata.refresh`, and GET /api/open/wages and
 * /api/open/demand answered in-process (`inject`, sequential) — beside the same wage cell computed by a
 * raw percentile_cont over job_postings, which is what each request would cost without the table.
 * The last stdout line is one JSON object.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/server/app.js';
import { systemCtx } from '../src/server/context.js';
import { migrateDatabase } from '../src/server/db/client.js';
import { silentProgress } from '../src/server/lib/progress.js';
import { mulberry32 } from '../src/server/lib/random.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { seedJobs } from '../src/server/modules/jobs/index.js';
import { refreshDemand } from '../src/server/modules/opendata/index.js';
import { refreshWages } from '../src/server/modules/wages/index.js';
import { storeSurvey } from '../src/server/modules/wages/wages.survey.js';
import { parseSurveyRows, readSurveyWorkbook } from '../src/server/modules/wages/wages.survey-parse.js';
import { seed } from '../src/server/seed/seed.js';
import { benchConfig, freshDatabase } from './seed.js';

function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1] && !args[i + 1]?.startsWith('--')) return args[i + 1] as string;
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);
const log = (line: string) => process.stderr.write(`${line}\n`);
const r1 = (x: number) => Math.round(x * 10) / 10;
const secondsSince = (t: number) => Math.round((performance.now() - t) / 10) / 100;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Waits until the event loop is mostly idle (≤ 15 % busy over 2 s), at most 5 minutes. */
async function waitUntilQuiet(): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 300_000) {
    const before = performance.eventLoopUtilization();
    await new Promise((r) => setTimeout(r, 2000));
    if (performance.eventLoopUtilization(before).utilization < 0.15) break;
  }
  return Math.round((performance.now() - started) / 1000);
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: r1(pct(ms, 50)), p95: r1(pct(ms, 95)), max: r1(ms[ms.length - 1] ?? 0) };
}

/** An xlsx of `rows` workers in 赣州 counties, digital occupations, mixed pay periods. */
async function surveyWorkbook(rows: number, occupations: string[]): Promise<Buffer> {
  const rng = mulberry32(16);
  const counties = ['360702', '360703', '360704', '360722', '360723', '360781'];
  const periods: [string, number][] = [
    ['月', 1],
    ['年', 12],
    ['日', 1 / 21.75],
  ];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('薪酬调查');
  ws.addRow(['职业代码', '职业名称', '地区代码', '计薪周期', '工资（元）']);
  for (let i = 0; i < rows; i++) {
    const [period, factor] = periods[i % 10 === 0 ? 1 : i % 17 === 0 ? 2 : 0] as [string, number];
    const monthly = 4000 + Math.round(rng() * 12000);
    ws.addRow([occupations[i % occupations.length], '', counties[i % counties.length], period, Math.round(monthly * factor * 100) / 100]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const size = Number(arg('size', '200000'));
  const surveyRows = Number(arg('survey-rows', '50000'));
  const requests = Number(arg('requests', '300'));
  const usePglite = flag('pglite') || !process.env.DATABASE_URL;
  const fresh = await freshDatabase(usePglite ? undefined : process.env.DATABASE_URL, 'gancai-wages');
  const database = await fresh.open();
  try {
    await migrateDatabase(database);
    await loadReferenceCatalogs(database);
    const config = benchConfig(fresh.dataDir, { RATE_LIMIT_GLOBAL: '100000000', RATE_LIMIT_OPEN_DATA: '100000000' });
    const app = await buildApp({ database, config, logger: false, startTasks: false });
    const ctx = systemCtx(app.platform);
    let t = performance.now();
    await seed(ctx, 'ci', silentProgress);
    const { inserted } = await seedJobs(ctx, size, silentProgress);
    await database.query('analyze job_postings');
    log(`seeded ${inserted} postings in ${secondsSince(t)} s`);

    const occ = (await database.query<{ code: string }>(`select code from occupations where level = 4 and is_digital order by code limit 20`)).map(
      (o) => o.code,
    );
    const xlsx = await surveyWorkbook(surveyRows, occ);
    t = performance.now();
    const table = await readSurveyWorkbook(xlsx);
    const known = new Set(occ);
    const parsed = parseSurveyRows(table, { occupation: (c) => (known.has(c) ? 'digital' : null), regionProblem: () => null });
    const parseSeconds = secondsSince(t);
    if (parsed.errorCount) throw new Error(`survey rows invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    t = performance.now();
    await storeSurvey(ctx, { year: 2026, fileName: 'bench.xlsx', regionCode: '360700', rows: parsed.rows, skippedNotDigital: 0 });
    const storeSeconds = secondsSince(t);
    log(`survey: ${surveyRows} rows, ${(xlsx.length / 1e6).toFixed(1)} MB xlsx, parsed in ${parseSeconds} s, stored + refreshed in ${storeSeconds} s`);

    t = performance.now();
    const cells = await refreshWages(database.db, new Date());
    const refreshSeconds = secondsSince(t);
    t = performance.now();
    await refreshDemand(database.db, new Date());
    const demandSeconds = secondsSince(t);
    log(`wages.refresh ${refreshSeconds} s (${cells.postingCells} posting cells, ${cells.surveyCells} survey cells); demand ${demandSeconds} s`);

    // other modules' start-up work (search and matching indexes over the postings) runs now, as in production;
    // measure after it, with a warm-up
    await app.ready();
    const quietSeconds = await waitUntilQuiet();
    log(`server process quiet after ${quietSeconds} s (other modules' indexes)`);
    const [top] = await database.query<{ occupation_code: string; year: number }>(
      `select occupation_code, year from wage_stats where source = 'postings' and city_code = '360000' order by observations desc limit 1`,
    );
    if (!top) throw new Error('no wage cells');
    const wagesUrl = `/api/open/wages?year=${top.year}&occupation=${top.occupation_code}&limit=1000`;
    await timed(50, () => app.inject({ url: wagesUrl }));
    const wages = await timed(requests, () => app.inject({ url: wagesUrl }));
    const wagesCsv = await timed(requests, () => app.inject({ url: `${wagesUrl}&format=csv` }));
    const demand = await timed(requests, () => app.inject({ url: `/api/open/demand?occupation=${top.occupation_code}&limit=1000` }));
    const raw = await timed(Math.min(requests, 30), () =>
      database.query(
        `select case when region_code = '369900' then region_code else substr(region_code, 1, 4) || '00' end as city, count(*),
                percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]) within group (order by (salary_min_fen + salary_max_fen) / 2.0)
           from job_postings j join occupations o on o.code = j.occupation_code and o.is_digital
          where j.published_at is not null and j.salary_min_fen > 0 and j.occupation_code = $1
            and extract(year from j.published_at at time zone 'Asia/Shanghai') = $2
          group by 1`,
        [top.occupation_code, top.year],
      ),
    );
    const result = {
      bench: 'wages',
      database: fresh.label,
      postings: inserted,
      surveyRows,
      surveyXlsxMb: r1(xlsx.length / 1e6),
      surveyParseSeconds: parseSeconds,
      surveyStoreSeconds: storeSeconds,
      wagesRefreshSeconds: refreshSeconds,
      demandRefreshSeconds: demandSeconds,
      postingCells: cells.postingCells,
      surveyCells: cells.surveyCells,
      quietAfterSeconds: quietSeconds,
      openWagesJsonMs: wages,
      openWagesCsvMs: wagesCsv,
      openDemandJsonMs: demand,
      rawPercentileQueryMs: raw,
    };
    await app.close();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close().catch(() => {});
    await fresh.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
