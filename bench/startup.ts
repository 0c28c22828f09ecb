/**
 * `npm run bench:startup [-- --warm-runs 3]`
 *
 * Time from spawning `node --import tsx src/server/main.ts` to `/api/health/ready` answering 200:
 *  - first start on a fresh DATA_DIR: migrations, reference catalogues, demo accounts and the
 *    SEED_SIZE=demo data set;
 *  - then `--warm-runs` starts (default 3) of the same DATA_DIR (already migrated, loaded and seeded).
 * Embedded PGlite by default; with DATABASE_URL, a fresh database on that server (dropped afterwards).
 * main.ts builds the web app first when dist/web is missing: run `npm run build` beforehand to
 * measure the server alone; the JSON says whether dist/web was present.
 * The last line on stdout is one JSON object.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase } from './seed.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 10 * 60_000;

function warmRunsArg(args: string[]): number {
  const i = args.indexOf('--warm-runs');
  const n = i >= 0 ? Number(args[i + 1]) : 3;
  if (!Number.isInteger(n) || n < 1) throw new Error('--warm-runs must be a positive integer');
  return n;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function isReady(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** SIGTERM (main.ts shuts down cleanly), SIGKILL after 15 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  child.kill('SIGTERM');
  await exited(child);
  clearTimeout(killer);
}

interface StartResult {
  seconds: number;
  /** What main.ts itself printed as its start-up time (from its own first line of code). */
  selfReportedSeconds: number | null;
}

/** Spawns the server (node directly, not through npx) and polls readiness every 25 ms. */
async function timeStart(env: NodeJS.ProcessEnv): Promise<StartResult> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  try {
    while (!(await isReady(port))) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = (performance.now() - started) / 1000;
    const self = /已就绪（([\d.]+) 秒）/.exec(output);
    return { seconds, selfReportedSeconds: self?.[1] ? Number(self[1]) : null };
  } finally {
    await stop(child);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number) => Number(x.toFixed(2));

async function main() {
  const warmRuns = warmRunsArg(process.argv.slice(2));
  const webDistPresent = existsSync(path.join(ROOT, 'dist/web/index.html'));
  const fresh = await freshDatabase(process.env.DATABASE_URL, 'gancai-startup');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', DATA_DIR: fresh.dataDir, SEED_SIZE: 'demo', LOG_LEVEL: 'warn' };
  if (fresh.url) env.DATABASE_URL = fresh.url;
  else delete env.DATABASE_URL;
  try {
    process.stderr.write(`first start (${fresh.label}, DATA_DIR ${fresh.dataDir})…\n`);
    const first = await timeStart(env);
    const warm: StartResult[] = [];
    for (let i = 0; i < warmRuns; i++) {
      process.stderr.write(`warm start ${i + 1}/${warmRuns}…\n`);
      warm.push(await timeStart(env));
    }
    const line = {
      bench: 'startup',
      db: fresh.label,
      seed_size: 'demo',
      web_dist_present: webDistPresent,
      first_start_seconds: round(first.seconds),
      first_start_self_reported_seconds: first.selfReportedSeconds,
      second_start_seconds: round(warm[0]?.seconds ?? 0),
      warm_start_seconds: warm.map((w) => round(w.seconds)),
      warm_start_median_seconds: round(median(warm.map((w) => w.seconds))),
      node: process.version,
      cpus: os.cpus().length,
      date: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await fresh.dispose();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
