/**
 * `npm run bench:seed -- --size ci|demo|province`
 *
 * Seeds a FRESH database exactly as `gancai seed --size …` does (demo accounts, then the bulk
 * generator) and reports the rate. Embedded PGlite, file-backed in a temporary directory, by
 * default; with DATABASE_URL, a fresh database `gancai_bench_<ts>` on that server, dropped afterwards.
 * The progress bar goes to stderr; the last line on stdout is one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { type Platform, systemCtx } from '../src/server/context.js';
import { type Database, migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { systemClock } from '../src/server/lib/clock.js';
import { deriveKeys } from '../src/server/lib/crypto.js';
import { terminalProgress } from '../src/server/lib/progress.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { createTaskRunner } from '../src/server/modules/tasks/tasks.runner.js';
import { type SeedSize, seed } from '../src/server/seed/seed.js';

function sizeArg(args: string[]): SeedSize {
  const i = args.indexOf('--size');
  const v = i >= 0 ? args[i + 1] : (args.find((a) => a.startsWith('--size='))?.slice(7) ?? 'demo');
  if (v === 'ci' || v === 'demo' || v === 'province') return v;
  throw new Error('--size must be ci, demo or province');
}

interface Fresh {
  label: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** A fresh database: a new database on the DATABASE_URL server, or PGlite in a new temporary directory. */
export async function freshDatabase(url: string | undefined, prefix: string): Promise<Fresh & { url?: string; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  if (!url) {
    const dir = path.join(dataDir, 'pglite');
    return {
      label: 'pglite-file',
      dataDir,
      open: () => openDatabase({ dataDir: dir }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix.replaceAll('-', '_')}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
  return {
    label: `postgresql-${version.split(' ')[0]}`,
    dataDir,
    url: own.toString(),
    open: () => openDatabase({ url: own.toString() }),
    async dispose() {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Configuration of a benchmark run: a throw-away master key, the fresh data directory, no logs, no seed. */
export function benchConfig(dataDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    GANCAI_MASTER_KEY: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_SIZE: 'none',
    ...env,
  });
}

/** A fresh database migrated and loaded with the reference catalogues, and the platform around it. */
export async function benchPlatform(database: Database, dataDir: string): Promise<Platform> {
  await migrateDatabase(database);
  await loadReferenceCatalogs(database);
  const config = benchConfig(dataDir);
  return { database, config, keys: deriveKeys(config.masterKey), clock: systemClock, tasks: createTaskRunner(database.kind) };
}

async function measure(size: SeedSize, fresh: Fresh & { dataDir: string }) {
  const setupStarted = performance.now();
  const database = await fresh.open();
  try {
    const platform = await benchPlatform(database, fresh.dataDir);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const bar = terminalProgress();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await seed(systemCtx(platform), size, bar);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    bar.finish();
    const [stats] = await database.query<{ bytes: string | number; users: string | number }>(
      'select pg_database_size(current_database()) as bytes, (select count(*) from users) as users',
    );
    return { result, seconds, setupSeconds, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, bytes: Number(stats?.bytes ?? 0), users: Number(stats?.users ?? 0) };
  } finally {
    await database.close();
  }
}

async function main() {
  const size = sizeArg(process.argv.slice(2));
  const fresh = await freshDatabase(process.env.DATABASE_URL, 'gancai-bench');
  try {
    const m = await measure(size, fresh);
    const { talents, organisations, consents } = m.result;
    // rows written: talents, organisations, their member accounts and consent records
    const rows = talents + 2 * organisations + consents;
    const round = (x: number, digits = 1) => Number(x.toFixed(digits));
    const line = {
      bench: 'seed',
      size,
      db: fresh.label,
      talents,
      organisations,
      consents,
      rows,
      seconds: round(m.seconds, 2),
      rows_per_second: Math.round(rows / m.seconds),
      talents_per_second: Math.round(talents / m.seconds),
      setup_seconds: round(m.setupSeconds, 2),
      node_cpu_seconds: round(m.nodeCpuSeconds, 1),
      users_in_db: m.users,
      db_size_mb: round(m.bytes / 2 ** 20),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
      cpus: os.cpus().length,
      date: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await fresh.dispose();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'seed.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
