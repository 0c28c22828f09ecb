/**
 * `npm run bench:search [-- --size 200000] [--pglite] [--duration 5] [--connections 1,8]`
 *
 * Public job search over HTTP at province size (issue 3). A FRESH database (with DATABASE_URL: a new
 * database `gancai_search_<ts>` on that server, dropped afterwards; with --pglite, or without
 * DATABASE_URL: file-backed PGlite in a temporary directory) is migrated, loaded with the catalogues and
 * the demo seed (verified employers), then filled with `--size` published postings by the jobs module's
 * own `seedJobs`. The real Fastify app listens on a random loopback port; autocannon drives each query
 * class for `--duration` seconds at each concurrency, then all classes mixed. Latencies are taken from
 * every response (exact percentiles, not autocannon's buckets); autocannon runs in a child process
 * (bench/search-load.mjs), so the client does not share the server's event loop.
 *
 * Beside it, in the same run and on the same data, every text query is also run in-process (no HTTP)
 * through the service without HTTP (`searchJobs`, cache off: wall time and the Node process's CPU time
 * per search, which a busy machine inflates less), the previous way (`searchWithSql`, the SQL definition the index replaces) and the naive way
 * (`title LIKE '%…%' OR description LIKE '%…%'` with COUNT(*) and ORDER BY published_at, page 1),
 * sequentially, `--naive-runs` times each. The last stdout line is one JSON object. `--keep` keeps the
 * PostgreSQL database (for EXPLAIN) and prints its URL; `--existing <url>` reuses such a database (no
 * seeding); `--warmup 15` seconds of mixed queries first; `--duration 0` skips the HTTP runs; `--no-cache` turns the answer cache off (GANCAI_SEARCH_CACHE=off).
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.js';
import { type Ctx, systemCtx } from '../src/server/context.js';
import { type Database, migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { silentProgress, terminalProgress } from '../src/server/lib/progress.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { seedJobs } from '../src/server/modules/jobs/index.js';
import { JobSearchQuery } from '../src/shared/jobs.js';
import { prepareSearchIndex, searchJobs, searchWithSql, setSearchCache } from '../src/server/modules/jobs/jobs.search.js';
import { seed } from '../src/server/seed/seed.js';
import { benchConfig, freshDatabase } from './seed.js';
import { naiveSearch } from './search-naive.js';

const run = promisify(execFile);
const e = encodeURIComponent;
/** Query classes: realistic Chinese searches over the seed's titles, descriptions and skills. */
const CLASSES: Record<string, string[]> = {
  common_word: [`q=${e('工程师')}`, `q=${e('开发')}`, `q=${e('数据')}`, `q=${e('负责')}`],
  less_common: [`q=${e('区块链')}`, `q=${e('直播')}`, `q=${e('嵌入式')}`, `q=${e('数据库管理员')}`],
  multi_word: [`q=${e('大数据开发工程师')}`, `q=${e('Java开发')}`, `q=${e('数据分析 python')}`, `q=${e('云计算 运维')}`],
  partial_word: [`q=${e('据分析')}`, `q=${e('维工程')}`, `q=${e('析师')}`, `q=${e('标注')}`],
  text_and_filters: [
    `q=${e('工程师')}&city=360700`,
    `q=${e('开发')}&digital=true&education=20`,
    `q=${e('数据')}&occupation=2-02&salaryMin=1000000`,
    `q=${e('运营')}&city=360100&postedWithin=7`,
  ],
  filters_only: ['city=360700', 'digital=true&education=20', 'occupation=2-02&salaryMin=1500000', 'county=360111&postedWithin=30'],
  sorted: [`q=${e('工程师')}&sort=salary`, 'sort=salary', 'sort=newest&education=30', `q=${e('数据')}&sort=newest`],
  deep_page: [`q=${e('开发')}&page=2`, 'page=10&pageSize=50', `q=${e('工程师')}&page=50`, 'city=360700&page=3'],
  no_match: [`q=${e('飞行员')}`, `q=${e('潜水')}&city=360700`],
};

function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1] && !args[i + 1]?.startsWith('--')) return args[i + 1] as string;
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const r1 = (x: number) => Math.round(x * 10) / 10;
interface LoadResult {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
  non2xx: number;
  errors: number;
}

/** autocannon in a child process (bench/search-load.mjs), so the client does not share the server's event loop. */
async function drive(url: string, paths: string[], connections: number, duration: number): Promise<LoadResult> {
  const script = path.join(import.meta.dirname, 'search-load.mjs');
  const { stdout } = await run(process.execPath, [script, JSON.stringify({ url, connections, duration, paths })], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}

/** The same text queries in-process: the previous SQL path and the naive LIKE, sequential. */
async function compare(ctx: Ctx, database: Database, runs: number) {
  const rows: Record<string, unknown>[] = [];
  const sqlAll: number[] = [];
  const naiveAll: number[] = [];
  const servedAll: number[] = [];
  const cpuAll: number[] = [];
  for (const [cls, paths] of Object.entries(CLASSES)) {
    for (const p of paths) {
      const q = JobSearchQuery.parse(Object.fromEntries(new URLSearchParams(p)));
      const sqlTimes: number[] = [];
      const naiveTimes: number[] = [];
      let naiveTotal = 0;
      let sqlTotal = 0;
      const served: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < Math.max(runs, 1) * 10; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await searchJobs(ctx, q);
        served.push(performance.now() - t0);
        const c1 = process.cpuUsage(c0);
        cpu.push((c1.user + c1.system) / 1000);
      }
      servedAll.push(...served);
      cpuAll.push(...cpu);
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        sqlTotal = (await searchWithSql(ctx, q)).counts.total;
        sqlTimes.push(performance.now() - t);
        t = performance.now();
        naiveTotal = await naiveSearch(database, q, ctx.now);
        naiveTimes.push(performance.now() - t);
      }
      sqlAll.push(...sqlTimes);
      naiveAll.push(...naiveTimes);
      const med = (xs: number[]) =>
        r1(
          percentile(
            [...xs].sort((a, b) => a - b),
            50,
          ),
        );
      rows.push({
        class: cls,
        query: decodeURIComponent(p),
        served_p50: med(served),
        node_cpu_ms: med(cpu),
        sql_total: sqlTotal,
        sql_p50: med(sqlTimes),
        naive_total: naiveTotal,
        naive_p50: med(naiveTimes),
      });
    }
  }
  const s = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { p50: r1(percentile(sorted, 50)), p95: r1(percentile(sorted, 95)), p99: r1(percentile(sorted, 99)) };
  };
  return { rows, served: s(servedAll), nodeCpu: s(cpuAll), previousSql: s(sqlAll), naiveLike: s(naiveAll) };
}

/** Waits (≤ 180 s) until this process's event loop is < 15 % busy over 2 s: other modules build their own indexes at start. */
async function waitUntilQuiet(): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 180_000) {
    const before = nodePerformance.eventLoopUtilization();
    await new Promise((r) => setTimeout(r, 2000));
    if (nodePerformance.eventLoopUtilization(before).utilization < 0.15) break;
  }
  return (performance.now() - started) / 1000;
}

async function main() {
  const size = Number(arg('size', '200000'));
  const duration = Number(arg('duration', '5'));
  const connections = arg('connections', '1,8').split(',').map(Number);
  const naiveRuns = Number(arg('naive-runs', '3'));
  const usePglite = flag('pglite') || !process.env.DATABASE_URL;
  const existing = arg('existing', '');
  const fresh = existing
    ? { label: 'postgresql-existing', dataDir: os.tmpdir(), url: existing, open: () => openDatabase({ url: existing }), dispose: async () => {} }
    : await freshDatabase(usePglite ? undefined : process.env.DATABASE_URL, 'gancai-search');
  const database = await fresh.open();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    await migrateDatabase(database);
    await loadReferenceCatalogs(database);
    const config = benchConfig(fresh.dataDir, { RATE_LIMIT_GLOBAL: '100000000' });
    const app = await buildApp({ database, config, logger: false, startTasks: false });
    const ctx = systemCtx(app.platform);
    let t = performance.now();
    let inserted = 0;
    if (!existing) {
      await seed(ctx, 'demo', silentProgress);
      const bar = terminalProgress();
      ({ inserted } = await seedJobs(ctx, Math.max(0, size - 1500), bar));
      bar.finish();
      await database.query('analyze job_postings');
    }
    const seedSeconds = (performance.now() - t) / 1000;
    const [{ n: published } = { n: 0 }] = await database.query<{ n: number }>("select count(*)::int as n from job_postings where status = 'published'");
    log(`seeded ${published} published postings (${inserted} by seedJobs) in ${seedSeconds.toFixed(1)} s`);
    await app.ready(); // other modules' start-up work (their own indexes) runs now, as in production
    t = performance.now();
    const index = await prepareSearchIndex(database);
    const indexSeconds = (index?.buildMs ?? performance.now() - t) / 1000; // the build itself (it may start during app.ready)
    log(`index: ${index?.size} postings, ${index?.terms.size} lexemes, built in ${indexSeconds.toFixed(1)} s`);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const quietSeconds = await waitUntilQuiet();
    log(`server process quiet after ${quietSeconds.toFixed(0)} s (other modules' start-up work, e.g. their own indexes)`);
    const warmup = Number(arg('warmup', '15'));
    if (warmup > 0) {
      const w = await drive(address, Object.values(CLASSES).flat(), 1, warmup);
      log(`warm-up ${warmup} s: p50 ${w.p50} ms, ${w.rps} req/s`);
    }
    const results: Record<string, unknown>[] = [];
    const overall: Record<string, unknown> = {};
    for (const c of duration > 0 ? connections : []) {
      setSearchCache(false);
      await drive(address, CLASSES.common_word as string[], c, 2); // warm-up
      for (const [cls, paths] of Object.entries(CLASSES)) {
        const s = await drive(address, paths, c, duration);
        results.push({ class: cls, connections: c, ...s });
        log(`c=${c} ${cls.padEnd(17)} p50 ${s.p50} ms  p95 ${s.p95}  p99 ${s.p99}  ${s.rps} req/s${s.non2xx ? `  non-2xx ${s.non2xx}` : ''}`);
      }
      for (const cache of [false, true]) {
        setSearchCache(cache);
        const mixed = await drive(address, Object.values(CLASSES).flat(), c, duration * 2);
        overall[`c${c}_${cache ? 'cache' : 'no_cache'}`] = mixed;
        log(`c=${c} ${`ALL mixed, ${cache ? 'cache' : 'no cache'}`.padEnd(17)} p50 ${mixed.p50} ms  p95 ${mixed.p95}  p99 ${mixed.p99}  ${mixed.rps} req/s`);
      }
    }
    await app.close();
    log(`in-process comparison (${naiveRuns} runs per query, sequential) ...`);
    setSearchCache(false);
    const before = await compare(ctx, database, naiveRuns);
    for (const row of before.rows)
      log(
        `  ${String(row.class).padEnd(17)} ${String(row.query).padEnd(34)} index ${row.served_p50} ms (Node CPU ${row.node_cpu_ms})  previous SQL ${row.sql_p50} ms (${row.sql_total})  naive LIKE ${row.naive_p50} ms (${row.naive_total})`,
      );
    log(`index via searchJobs (no HTTP, no cache) p50 ${before.served.p50} ms p95 ${before.served.p95}; Node CPU per search p50 ${before.nodeCpu.p50} ms`);
    log(
      `previous SQL path p50 ${before.previousSql.p50} ms p95 ${before.previousSql.p95}; naive LIKE p50 ${before.naiveLike.p50} ms p95 ${before.naiveLike.p95}`,
    );
    const line = {
      bench: 'search',
      db: fresh.label,
      postings: published,
      seed_seconds: r1(seedSeconds),
      index_build_seconds: r1(indexSeconds),
      index_lexemes: index?.terms.size ?? 0,
      duration_seconds: duration,
      http: results,
      overall,
      index_in_process: before.served,
      index_node_cpu_ms: before.nodeCpu,
      previous_sql_in_process: before.previousSql,
      naive_like_in_process: before.naiveLike,
      naive_rows: before.rows,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
      cpus: os.cpus().length,
      load_avg: os.loadavg().map(r1),
      date: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await database.close().catch(() => {});
    if (flag('keep') && fresh.url) log(`kept database ${fresh.url}`);
    else await fresh.dispose();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'search.ts')) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
