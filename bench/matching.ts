/**
 * `npm run bench:matching -- --size ci|medium|province [--queries 200] [--recall-queries N] [--fairness-queries N] [--evaluate off]
 *   [--http on|off] [--http-db postgres] [--http-seed demo|province] [--http-existing postgres://…/db]
 *   [--http-connections 1,8] [--http-duration 5] [--http-users 200] [--http-first-visits 2000]`
 *
 * Matching quality and speed on a seeded synthetic world (bench/matching-data.ts, PERFORMANCE.md §8):
 * the index is built in-process from the same features the server builds from rows, queried by the
 * served fast path (SideIndex.search + scoreMatch), checked against the exhaustive scorer (recall@20),
 * and judged against the HIDDEN graded fit function (nDCG@10, MAP@100), beside a BM25 baseline on the
 * rendered texts (skills appear as random aliases, as typed). Fairness: nDCG@10 of jobs-for-talent by
 * the talents' hidden gender and age band (never given to the scorer), over `--fairness-queries` talents
 * (untimed; 2,000 by default). The last stdout line is JSON. `--evaluate off`: the timed pass alone, for
 * repeated latency runs (quality figures null).
 * Over HTTP (`--http on`, the default at ci size; bench/matching-http.ts): the recommend endpoints under load,
 * on a database seeded as `gancai seed --size demo` (or `--http-seed province`: 1M talents, 200k postings).
 */
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import {
  describeJob,
  describeTalent,
  jobExact,
  jobRefine,
  jobRest,
  jobScorer,
  jobsQuery,
  newJobIndex,
  newTalentIndex,
  talentExact,
  talentRefine,
  talentRest,
  talentScorer,
  talentsQuery,
} from '../src/server/modules/matching/matching.queries.js';
import type { SearchSpec, SideIndex } from '../src/server/modules/matching/matching.index.js';
import { inferOccupation, learnModel } from '../src/server/modules/matching/matching.model.js';
import { Bm25 } from './bm25.js';
import { buildWorld, type Job, type Talent, truth } from './matching-data.js';
import { measureHttp } from './matching-http.js';

const SIZES = {
  ci: { talents: 10_000, jobs: 2_000, queries: 200, recallQueries: 200, fairnessQueries: 2_000 },
  medium: { talents: 200_000, jobs: 40_000, queries: 100, recallQueries: 20, fairnessQueries: 2_000 },
  province: { talents: 1_000_000, jobs: 200_000, queries: 200, recallQueries: 20, fairnessQueries: 2_000 },
} as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizeName = (arg('size') ?? 'ci') as keyof typeof SIZES;
if (!SIZES[sizeName]) throw new Error(`--size ci|province, not ${sizeName}`);
const size: { talents: number; jobs: number; queries: number; recallQueries: number; fairnessQueries: number } = { ...SIZES[sizeName] };
if (arg('queries')) size.queries = Number(arg('queries'));
if (arg('recall-queries')) size.recallQueries = Number(arg('recall-queries'));
if (arg('fairness-queries')) size.fairnessQueries = Number(arg('fairness-queries'));
/** `--evaluate off`: the timed pass alone (latency figures for repeated runs; the quality figures are null). */
const evaluate = arg('evaluate') !== 'off';
if (!evaluate) size.fairnessQueries = 0;
const say = (m: string) => process.stderr.write(`[bench:matching] ${m}\n`);

/** The grades of every candidate of one query, in a buffer reused across queries, and how many of each grade. */
class Truth {
  readonly grades: Int8Array;
  readonly counts = [0, 0, 0, 0];
  constructor(n: number) {
    this.grades = new Int8Array(n);
  }
  fill(grade: (i: number) => number) {
    this.counts.fill(0);
    for (let i = 0; i < this.grades.length; i++) {
      const g = grade(i);
      this.grades[i] = g;
      this.counts[g] = (this.counts[g] as number) + 1;
    }
    return this;
  }
  /** The grades in the ideal order, the first k. */
  ideal(k: number): number[] {
    const out: number[] = [];
    for (let g = 3; g >= 0 && out.length < k; g--) for (let c = 0; c < (this.counts[g] as number) && out.length < k; c++) out.push(g);
    return out;
  }
  get relevant() {
    return (this.counts[2] as number) + (this.counts[3] as number);
  }
}

function ndcg(grades: readonly number[], truth: Truth, k = 10): number | null {
  const dcg = (g: readonly number[]) => g.slice(0, k).reduce((s, x, i) => s + (2 ** x - 1) / Math.log2(i + 2), 0);
  const best = dcg(truth.ideal(k));
  return best > 0 ? dcg(grades) / best : null;
}

function averagePrecision(grades: readonly number[], relevantTotal: number): number | null {
  if (relevantTotal === 0) return null;
  let hits = 0;
  let sum = 0;
  grades.forEach((g, i) => {
    if (g >= 2) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevantTotal;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number) : 0;
};
const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
};
/** CPU time of this process since `c0` (user + system, all threads), in ms: less inflated than wall time on a shared machine. */
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Before each timed query: a young-generation collection of the evaluation's own garbage (the truth of
 * every pair is recomputed per query into reused buffers, but texts and results remain), so a pause for it does not land inside
 * the search being timed. Only with node --expose-gc (npm run bench:matching passes it).
 */
const gcHook = (globalThis as { gc?: (o?: object) => void }).gc;
const settle = () => gcHook?.({ type: 'minor', execution: 'sync' });

/** What the timed pass records per direction. */
interface Timings {
  ms: number[];
  cpu: number[];
  scored: number[];
  postings: number[];
  reach: number[];
}

/** One served query, timed (wall and CPU), with how much of the index it read. */
function timed<F extends { id: string }, R extends { raw: number }>(index: SideIndex<F>, spec: SearchSpec<F, R>, into: Timings) {
  settle();
  const c0 = process.cpuUsage();
  const s0 = performance.now();
  const found = index.search(spec);
  into.ms.push(performance.now() - s0);
  into.cpu.push(cpuMs(c0));
  into.scored.push(index.lastScored);
  into.postings.push(index.lastPostings);
  into.reach[index.lastReach] = (into.reach[index.lastReach] as number) + 1;
  return found;
}

async function main() {
  const started = performance.now();
  // other work on the same cores inflates wall times: the JSON records the load average at start and end
  const loadStart = os.loadavg().map((x) => round(x, 2));
  say(`generating ${sizeName}: ${size.talents} talents, ${size.jobs} jobs, ${size.queries} queries each way`);
  const world = buildWorld(size);
  const { talents, jobs, now } = world;
  say(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s; building the index`);
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  }).observe({ entryTypes: ['gc'] });
  await new Promise((r) => setTimeout(r, 10));
  const gc0 = gcMs;
  const bc0 = process.cpuUsage();
  const b0 = performance.now();
  const model = learnModel(jobs.map((j) => j.f));
  // as the engine does: a talent who named no desired occupation gets the 中类 inferred from the skills
  for (const t of talents) t.f = inferOccupation(t.f, model);
  const jobIndex = newJobIndex();
  const talentIndex = newTalentIndex();
  jobIndex.load(jobs, (j, sink) => describeJob(j.f, model, sink));
  talentIndex.load(talents, (t, sink) => describeTalent(t.f, sink));
  const buildS = (performance.now() - b0) / 1000;
  const buildCpuS = cpuMs(bc0) / 1000;
  await new Promise((r) => setTimeout(r, 10));
  const buildGcS = (gcMs - gc0) / 1000;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  say(`index built in ${buildS.toFixed(2)} s, ${jobIndex.postingCount + talentIndex.postingCount} postings, rss ${rssMb.toFixed(0)} MiB`);

  // the served query of each direction, as the engine builds it (matching.engine.ts)
  const talentsFor = (f: Job['f'], k: number) => ({
    ...talentsQuery(f, model),
    k,
    score: talentScorer(f, model, now),
    exact: talentExact(f, model, now),
    rest: talentRest(talentIndex, f, now),
    refine: talentRefine(talentIndex, f),
  });
  const jobsFor = (f: Talent['f'], k: number) => ({
    ...jobsQuery(f, model),
    k,
    score: jobScorer(f, model, now, null),
    exact: jobExact(f, model, now, null),
    rest: jobRest(jobIndex, f, now),
    refine: jobRefine(jobIndex, f),
  });
  // warm-up (not measured): the first queries of each direction compile the hot paths
  for (const ji of world.evalJobs.slice(0, 10)) talentIndex.search(talentsFor((jobs[ji] as Job).f, 20));
  for (const ti of world.evalTalents.slice(0, 10)) jobIndex.search(jobsFor((talents[ti] as Talent).f, 20));
  const talentSlot = new Map(talents.map((t, i) => [t.f.id, i]));
  const jobSlot = new Map(jobs.map((j, i) => [j.f.id, i]));
  // the truth of every pair of a query, in buffers reused across queries (no large garbage per query)
  const talentTruth = new Truth(talents.length);
  const jobTruth = new Truth(jobs.length);
  const stats = () => ({
    ndcg: [] as (number | null)[],
    map: [] as (number | null)[],
    bm25: [] as (number | null)[],
    ms: [] as number[],
    cpu: [] as number[],
    scored: [] as number[],
    postings: [] as number[],
    reach: [0, 0, 0],
    recall: [] as number[],
  });
  const t4j = stats();
  const j4t = stats();
  // The timed pass: the served top-20 queries alone, one after the other. The evaluation pass below
  // allocates (truth of every pair, BM25 accumulators, top-100 lists); run between timed queries, its
  // collections landed inside them (CPU time above wall time: concurrent marking).
  gcHook?.({ type: 'major', execution: 'sync' });
  const fastT4j = world.evalJobs.slice(0, size.queries).map((ji) => timed(talentIndex, talentsFor((jobs[ji] as Job).f, 20), t4j));
  const fastJ4t = world.evalTalents.slice(0, size.queries).map((ti) => timed(jobIndex, jobsFor((talents[ti] as Talent).f, 20), j4t));

  // the evaluation pass (skipped with --evaluate off: latency only): talents for a job
  const evaluated = evaluate ? size.queries : 0;
  const bmTalents = new Bm25(evaluate ? talents.map((t) => t.text) : []);
  world.evalJobs.slice(0, evaluated).forEach((ji, q) => {
    const job = jobs[ji] as Job;
    const { grades } = talentTruth.fill((i) => truth(talents[i] as Talent, job));
    const spec = talentsFor(job.f, 100);
    const fast20 = fastT4j[q] ?? [];
    const fast100 = talentIndex.search(spec);
    const got = fast100.map((r) => grades[talentSlot.get(r.doc.id) as number] ?? 0);
    t4j.ndcg.push(ndcg(got, talentTruth));
    t4j.map.push(averagePrecision(got, talentTruth.relevant));
    t4j.bm25.push(
      ndcg(
        bmTalents.top(job.text, 10).map((d) => grades[d] as number),
        talentTruth,
      ),
    );
    if (q < size.recallQueries) {
      const exact = new Set(talentIndex.exhaustive({ k: 20, score: spec.score }).map((r) => r.doc.id));
      t4j.recall.push(exact.size ? fast20.filter((r) => exact.has(r.doc.id)).length / exact.size : 1);
    }
  });
  if (evaluate) say(`talents-for-job done: nDCG@10 ${mean(t4j.ndcg).toFixed(3)}, p99 ${pct(t4j.ms, 99).toFixed(1)} ms`);

  // jobs for a talent
  const bmJobs = new Bm25(evaluate ? jobs.map((j) => j.text) : []);
  world.evalTalents.slice(0, evaluated).forEach((ti, q) => {
    const talent = talents[ti] as Talent;
    const { grades } = jobTruth.fill((i) => truth(talent, jobs[i] as Job));
    const score = jobScorer(talent.f, model, now, null);
    const fast20 = fastJ4t[q] ?? [];
    const n = ndcg(
      fast20.slice(0, 10).map((r) => grades[jobSlot.get(r.doc.id) as number] ?? 0),
      jobTruth,
    );
    j4t.ndcg.push(n);
    j4t.bm25.push(
      ndcg(
        bmJobs.top(talent.text, 10).map((d) => grades[d] as number),
        jobTruth,
      ),
    );
    if (q < size.recallQueries) {
      const exact = new Set(jobIndex.exhaustive({ k: 20, score }).map((r) => r.doc.id));
      j4t.recall.push(exact.size ? fast20.filter((r) => exact.has(r.doc.id)).length / exact.size : 1);
    }
  });
  // fairness: nDCG@10 of jobs-for-talent by hidden gender and age band, over more talents than the timed
  // queries (untimed): with ~70 talents per band the sampling error alone exceeds the 0.02 bound
  const groups = new Map<string, number[]>();
  for (let q = 0; q < size.fairnessQueries; q++) {
    const talent = talents[Math.floor((q * talents.length) / size.fairnessQueries)] as Talent;
    const { grades } = jobTruth.fill((i) => truth(talent, jobs[i] as Job));
    const found = jobIndex.search(jobsFor(talent.f, 10));
    const n = ndcg(
      found.map((r) => grades[jobSlot.get(r.doc.id) as number] ?? 0),
      jobTruth,
    );
    if (n === null) continue;
    const band = talent.age < 30 ? 'age<30' : talent.age < 45 ? 'age30-44' : 'age45+';
    for (const g of [`gender:${talent.gender}`, band]) groups.set(g, [...(groups.get(g) ?? []), n]);
  }
  const byGroup = Object.fromEntries([...groups].map(([g, xs]) => [g, round(mean(xs))]));
  const gap = (prefix: string) => {
    const v = Object.entries(byGroup)
      .filter(([k]) => k.startsWith(prefix))
      .map(([, x]) => x);
    return round(Math.max(...v) - Math.min(...v));
  };
  const http =
    (arg('http') ?? (sizeName === 'ci' ? 'on' : 'off')) === 'on'
      ? await measureHttp({
          jobs: Math.min(size.jobs, 20_000),
          seed: arg('http-seed') === 'province' ? 'province' : 'demo',
          existing: arg('http-existing'),
          duration: Number(arg('http-duration') ?? 5),
          users: Number(arg('http-users') ?? 200),
          cold: Number(arg('http-first-visits') ?? 2000),
          connections: (arg('http-connections') ?? '1,8').split(',').map(Number),
          postgres: arg('http-db') === 'postgres',
          log: say,
        })
      : null;
  const quality = (x: number) => (evaluate ? x : null);
  const headline = http?.results.mixed_c8 ?? http?.results[Object.keys(http.results).at(-1) as string] ?? null;
  const result = {
    bench: 'matching',
    size: sizeName,
    talents: talents.length,
    jobs: jobs.length,
    queries: size.queries,
    ndcg10_talents_for_job: quality(round(mean(t4j.ndcg))),
    ndcg10_jobs_for_talent: quality(round(mean(j4t.ndcg))),
    map: quality(round(mean(t4j.map))),
    recall20_vs_exhaustive: quality(round(mean([...t4j.recall, ...j4t.recall]))),
    bm25_ndcg10: quality(round(mean(t4j.bm25))),
    bm25_ndcg10_jobs_for_talent: quality(round(mean(j4t.bm25))),
    ndcg10_by_group: byGroup,
    fairness_queries: size.fairnessQueries,
    fairness_group_sizes: Object.fromEntries([...groups].map(([g, xs]) => [g, xs.length])),
    fairness_gap_gender: quality(gap('gender')),
    fairness_gap_age: quality(gap('age')),
    p50_ms_talents_for_job: round(pct(t4j.ms, 50), 2),
    p99_ms_talents_for_job: round(pct(t4j.ms, 99), 2),
    p50_ms_jobs_for_talent: round(pct(j4t.ms, 50), 2),
    p99_ms_jobs_for_talent: round(pct(j4t.ms, 99), 2),
    cpu_p50_ms_talents_for_job: round(pct(t4j.cpu, 50), 2),
    cpu_p99_ms_talents_for_job: round(pct(t4j.cpu, 99), 2),
    cpu_p50_ms_jobs_for_talent: round(pct(j4t.cpu, 50), 2),
    cpu_p99_ms_jobs_for_talent: round(pct(j4t.cpu, 99), 2),
    // documents scored in full per top-20 query (the rest were pruned by the bounds)
    scored_p50_talents_for_job: pct(t4j.scored, 50),
    scored_p99_talents_for_job: pct(t4j.scored, 99),
    scored_p50_jobs_for_talent: pct(j4t.scored, 50),
    scored_p99_jobs_for_talent: pct(j4t.scored, 99),
    // postings read per top-20 query, and how many queries went past the skill lists to the buckets or to every document
    postings_p50_talents_for_job: pct(t4j.postings, 50),
    postings_p99_talents_for_job: pct(t4j.postings, 99),
    postings_p50_jobs_for_talent: pct(j4t.postings, 50),
    postings_p99_jobs_for_talent: pct(j4t.postings, 99),
    reach_talents_for_job: { skills: t4j.reach[0], buckets: t4j.reach[1], all: t4j.reach[2] },
    reach_jobs_for_talent: { skills: j4t.reach[0], buckets: j4t.reach[1], all: j4t.reach[2] },
    http_p50_ms: headline?.p50 ?? null,
    http_p99_ms: headline?.p99 ?? null,
    http_rps: headline?.rps ?? null,
    http_connections: headline?.connections ?? null,
    // the same mix for a population of other people (`--http-users`), at the same concurrency
    http_many_p50_ms: http?.results.many_mixed_c8?.p50 ?? null,
    http_many_p99_ms: http?.results.many_mixed_c8?.p99 ?? null,
    http_many_rps: http?.results.many_mixed_c8?.rps ?? null,
    // people asking for the first time (`--http-first-visits`; no answer from the ranking cache), c = 8
    http_first_visit_jobs_for_me_p99_ms: http?.results.first_visit_jobs_for_me_c8?.p99 ?? null,
    http_first_visit_jobs_for_me_rps: http?.results.first_visit_jobs_for_me_c8?.rps ?? null,
    http_first_visit_talents_for_job_p99_ms: http?.results.first_visit_talents_for_job_c8?.p99 ?? null,
    http_first_visit_talents_for_job_rps: http?.results.first_visit_talents_for_job_c8?.rps ?? null,
    http: http,
    build_s: round(buildS, 2),
    build_cpu_s: round(buildCpuS, 2),
    build_gc_s: round(buildGcS, 2),
    rss_mb: Math.round(Math.max(rssMb, process.memoryUsage().rss / 2 ** 20)),
    index_typed_mb: round((jobIndex.typedBytes() + talentIndex.typedBytes()) / 2 ** 20, 1),
    total_s: round((performance.now() - started) / 1000, 1),
    load_avg_start: loadStart,
    load_avg_end: os.loadavg().map((x) => round(x, 2)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
