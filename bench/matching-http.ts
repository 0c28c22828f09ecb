/**
 * The recommend endpoints over HTTP, for bench/matching.ts (`--http`, on by default at ci size).
 *
 * A FRESH database (file-backed PGlite in a temporary directory; PostgreSQL with `--http-db postgres`
 * and DATABASE_URL) is migrated, loaded with the catalogues and seeded as `gancai seed --size demo`
 * does (demo accounts, 3,000 talents with profiles, 1,500 published postings) — or, with
 * `--http-seed province`, as `gancai seed --size province` does (1M talents, 200k postings) — topped
 * up with the jobs module's own `seedJobs` to `jobs` postings. The real Fastify app listens on a loopback port, the
 * matching index is built from the rows (as at start-up), and autocannon (child process,
 * bench/matching-load.mjs) drives, as the signed-in demo talent and employer:
 * - `GET /api/matching/jobs-for-me?limit=20` (top jobs with scores and reasons),
 * - `GET /api/matching/gaps?jobId=…` (missing skills with the courses that teach them), and
 * - `GET /api/matching/jobs/:id/talents?limit=20` (top consenting talents for the employer's postings, up to 5),
 * each alone and all mixed, at each concurrency — and the same three for a population of `users` other
 * people (`--http-users`, sampled deterministically from the seeded accounts: talents with a profile,
 * and the members of verified employers with published postings, each given a session as signing
 * in would), so that the load is not one person's query repeated. Latencies are taken from every response.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { systemCtx } from '../src/server/context.js';
import { migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { silentProgress } from '../src/server/lib/progress.js';
import { users } from '../src/server/modules/auth/auth.tables.js';
import { createSession } from '../src/server/modules/auth/sessions.service.js';
import { sessionCookieName } from '../src/server/plugins/session.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { jobPostings, seedJobs } from '../src/server/modules/jobs/index.js';
import { matchingEngine } from '../src/server/modules/matching/index.js';
import { DEMO_PASSWORD } from '../src/server/seed/demo-accounts.js';
import type { SeedSize } from '../src/server/seed/bulk.js';
import { seed } from '../src/server/seed/seed.js';
import { benchConfig, freshDatabase } from './seed.js';

const run = promisify(execFile);

export interface LoadResult {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  rps: number;
  non2xx: number;
  errors: number;
}

type Req = { path: string; headers: Record<string, string> };

export type HttpResult = LoadResult & {
  connections: number;
  /** Distinct requests in the class (sent in turn, again from the first once all were sent). */
  people: number;
  /** Share of the run's searches answered by the ranking cache (null: the class searched nothing). */
  cacheHitShare: number | null;
};

async function drive(address: string, requests: Req[], connections: number, duration: number): Promise<LoadResult> {
  const script = path.resolve(import.meta.dirname, 'matching-load.mjs');
  // (in a file: thousands of people's requests are more than a command line holds)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gancai-load-'));
  const file = path.join(dir, 'load.json');
  writeFileSync(file, JSON.stringify({ url: address, connections, duration, requests }));
  try {
    const { stdout } = await run(process.execPath, [script, file], { maxBuffer: 1 << 24 });
    return JSON.parse(stdout.trim().split('\n').at(-1) as string) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureHttp(opts: {
  jobs: number;
  seed: SeedSize;
  duration: number;
  connections: number[];
  postgres: boolean;
  /** How many other talents and employers' postings make the population classes (0: none). */
  users: number;
  /** How many further people make the first-visit classes (run at c = 8 only; 0: none). */
  cold: number;
  /** A database already seeded (`gancai seed --size …`, master key from DATA_DIR or ./.data): used as it is, kept afterwards. */
  existing?: string | undefined;
  log: (m: string) => void;
}) {
  const scratch = opts.existing ? mkdtempSync(path.join(os.tmpdir(), 'gancai-matching-')) : '';
  const fresh = opts.existing
    ? {
        label: `existing-${new URL(opts.existing).pathname.slice(1)}`,
        dataDir: scratch,
        open: () => openDatabase({ url: opts.existing as string }),
        dispose: async () => rmSync(scratch, { recursive: true, force: true }),
      }
    : await freshDatabase(opts.postgres ? process.env.DATABASE_URL : undefined, 'gancai-matching');
  const database = await fresh.open();
  try {
    await migrateDatabase(database);
    await loadReferenceCatalogs(database);
    // an existing database was sealed with the development master key of the data directory it was seeded from
    const limits = { RATE_LIMIT_GLOBAL: '100000000', RATE_LIMIT_LOGIN: '1000' };
    const config = opts.existing
      ? loadConfig({ NODE_ENV: 'test', DATA_DIR: process.env.DATA_DIR ?? '.data', LOG_LEVEL: 'silent', SEED_SIZE: 'none', ...limits })
      : benchConfig(fresh.dataDir, limits);
    const app = await buildApp({ database, config, logger: false, startTasks: false });
    const ctx = systemCtx(app.platform);
    let t = performance.now();
    if (!opts.existing) await seed(ctx, opts.seed, silentProgress);
    const [{ n: published } = { n: 0 }] = await database.query<{ n: number }>("select count(*)::int as n from job_postings where status = 'published'");
    if (opts.jobs > published) await seedJobs(ctx, opts.jobs - published, silentProgress);
    const seedS = (performance.now() - t) / 1000;
    opts.log(`http: seeded ${opts.seed} (${Math.max(opts.jobs, published)} postings at least) in ${seedS.toFixed(1)} s`);
    await app.ready();
    t = performance.now();
    const engine = matchingEngine(app.platform);
    await engine.ready();
    const stats = engine.stats();
    opts.log(`http: matching index ${stats?.jobs} jobs, ${stats?.talents} talents, built in ${((stats?.buildMs ?? 0) / 1000).toFixed(2)} s`);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const signIn = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const cookie = res.cookies.find((c) => c.name.endsWith('gancai_sid'));
      if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      return { cookie: `${cookie.name}=${cookie.value}` };
    };
    const talent = await signIn('talent.ganzhou');
    const employer = await signIn('employer.ganzhou');
    const first = await app.inject({ method: 'GET', url: '/api/matching/jobs-for-me?limit=20', headers: talent });
    const items = (first.json() as { items: { job: { id: string } }[] }).items;
    const [emp] = await database.db.select({ orgId: users.orgId }).from(users).where(eq(users.username, 'employer.ganzhou'));
    const own = emp?.orgId
      ? await database.db
          .select({ id: jobPostings.id })
          .from(jobPostings)
          .where(and(eq(jobPostings.orgId, emp.orgId), eq(jobPostings.status, 'published')))
          .limit(5)
      : [];
    const classes: Record<string, Req[]> = {
      jobs_for_me: [{ path: '/api/matching/jobs-for-me?limit=20', headers: talent }],
      gaps_with_courses: items.slice(0, 5).map((i) => ({ path: `/api/matching/gaps?jobId=${i.job.id}`, headers: talent })),
      talents_for_job: own.map((o) => ({ path: `/api/matching/jobs/${o.id}/talents?limit=20`, headers: employer })),
      ...(opts.users > 0 ? await population(app, database, opts.users) : {}),
    };
    // people not asked for before (neither here nor in the warm-up): every request a search, none served by the ranking cache
    const cold: Record<string, Req[]> = opts.cold > 0 ? await firstVisits(app, database, opts.users, opts.cold) : {};
    const mixes = {
      mixed: [...(classes.jobs_for_me ?? []), ...(classes.gaps_with_courses ?? []), ...(classes.talents_for_job ?? [])],
      ...(classes.many_jobs_for_me ? { many_mixed: [...classes.many_jobs_for_me, ...(classes.many_gaps ?? []), ...(classes.many_talents_for_job ?? [])] } : {}),
    };
    const all = Object.values(classes).flat();
    await drive(address, all, 1, 3); // warm-up
    const out: Record<string, HttpResult> = {};
    const measure = async (name: string, reqs: Req[], c: number) => {
      const before = engine.stats()?.rankings;
      const r = await drive(address, reqs, c, opts.duration);
      const after = engine.stats()?.rankings;
      // searches the server answered from the ranking cache (matching.cache.ts), both directions
      const hits = (after?.jobs.hits ?? 0) + (after?.talents.hits ?? 0) - (before?.jobs.hits ?? 0) - (before?.talents.hits ?? 0);
      const misses = (after?.jobs.misses ?? 0) + (after?.talents.misses ?? 0) - (before?.jobs.misses ?? 0) - (before?.talents.misses ?? 0);
      const cacheHitShare = hits + misses ? Math.round((hits / (hits + misses)) * 1000) / 1000 : null;
      out[`${name}_c${c}`] = { ...r, connections: c, people: reqs.length, cacheHitShare };
      opts.log(
        `http c=${c} ${name.padEnd(22)} p50 ${r.p50} ms  p99 ${r.p99} ms  ${r.rps} req/s  cache hits ${cacheHitShare ?? '-'}${r.non2xx ? `  non-2xx ${r.non2xx}` : ''}`,
      );
    };
    for (const c of opts.connections) {
      for (const [name, reqs] of Object.entries(classes)) if (reqs.length) await measure(name, reqs, c);
      for (const [name, reqs] of Object.entries(mixes)) await measure(name, reqs, c);
    }
    for (const [name, reqs] of Object.entries(cold)) if (reqs.length) await measure(name, reqs, 8);
    await app.close();
    return {
      db: fresh.label,
      seed: opts.existing ? 'existing' : opts.seed,
      seedS: Math.round(seedS),
      jobs: stats?.jobs ?? 0,
      talents: stats?.talents ?? 0,
      buildMs: stats?.buildMs ?? 0,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      results: out,
    };
  } finally {
    await database.close().catch(() => {});
    await fresh.dispose();
  }
}

/** A session for a seeded account, as a password sign-in creates (bulk accounts have no password), as a Cookie header. */
function sessionCookies(app: Awaited<ReturnType<typeof buildApp>>) {
  const ctx = systemCtx(app.platform);
  return async (user: { id: string; role: string }) => {
    const s = await createSession(ctx, user, true);
    return { cookie: `${sessionCookieName(app.platform.config.env === 'production')}=${s.token}` };
  };
}

/** The first `n` talents with skills and `2n` postings of verified employers, in a fixed order (a hash of the id). */
async function sample(database: Awaited<ReturnType<typeof openDatabase>>, n: number) {
  const talents = await database.query<{ id: string }>(
    `select u.id from users u join talent_profiles p on p.user_id = u.id
      where u.role = 'talent' and u.status = 'active' and jsonb_array_length(p.skills) > 0
      order by md5(u.id::text) limit $1`,
    [n],
  );
  const postings = await database.query<{ job: string; member: string }>(
    `select j.id as job, (select m.id from users m where m.org_id = o.id and m.role = 'employer' and m.status = 'active' order by m.id limit 1) as member
       from job_postings j join organisations o on o.id = j.org_id
      where j.status = 'published' and o.status = 'verified' and o.kind = 'employer'
      order by md5(j.id::text) limit $1`,
    [n * 2],
  );
  return { talents, postings };
}

/**
 * Requests of `n` other people: talents with a profile, each asking for jobs and for the gaps of a job
 * it was shown; employers' members, each asking for talents for one of the organisation's postings.
 * Sampled by a hash of the id (the same people on the same database), signed in by a session row as
 * a password sign-in creates (bulk accounts have no password).
 */
async function population(app: Awaited<ReturnType<typeof buildApp>>, database: Awaited<ReturnType<typeof openDatabase>>, n: number) {
  const cookieOf = sessionCookies(app);
  const { talents, postings } = await sample(database, n);
  const jobsForMe: Req[] = [];
  const gaps: Req[] = [];
  for (const t of talents) {
    const headers = await cookieOf({ id: t.id, role: 'talent' });
    jobsForMe.push({ path: '/api/matching/jobs-for-me?limit=20', headers });
    const res = await app.inject({ method: 'GET', url: '/api/matching/jobs-for-me?limit=20', headers });
    const first = (res.json() as { items?: { job: { id: string } }[] }).items?.[0];
    if (first) gaps.push({ path: `/api/matching/gaps?jobId=${first.job.id}`, headers });
  }
  const talentsForJob: Req[] = [];
  for (const p of postings) {
    if (!p.member || talentsForJob.length >= n) continue;
    talentsForJob.push({ path: `/api/matching/jobs/${p.job}/talents?limit=20`, headers: await cookieOf({ id: p.member, role: 'employer' }) });
  }
  return { many_jobs_for_me: jobsForMe, many_gaps: gaps, many_talents_for_job: talentsForJob };
}

/**
 * Requests of `n` people after the first `skip` of population()'s order (so never asked before): talents
 * asking for jobs, employers' members asking for talents for one posting each.
 */
async function firstVisits(app: Awaited<ReturnType<typeof buildApp>>, database: Awaited<ReturnType<typeof openDatabase>>, skip: number, n: number) {
  const cookieOf = sessionCookies(app);
  const { talents, postings } = await sample(database, skip + n);
  const jobsForMe: Req[] = [];
  for (const t of talents.slice(skip)) jobsForMe.push({ path: '/api/matching/jobs-for-me?limit=20', headers: await cookieOf({ id: t.id, role: 'talent' }) });
  const talentsForJob: Req[] = [];
  for (const p of postings.slice(2 * skip)) {
    if (!p.member || talentsForJob.length >= n) continue;
    talentsForJob.push({ path: `/api/matching/jobs/${p.job}/talents?limit=20`, headers: await cookieOf({ id: p.member, role: 'employer' }) });
  }
  return { first_visit_jobs_for_me: jobsForMe, first_visit_talents_for_job: talentsForJob };
}
