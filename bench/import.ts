/**
 * `npm run bench:import [-- --rows 200000] [--pglite] [--xlsx]`
 *
 * Generates a job-seeker file (every 50th row bad, in the eight kinds of imports.fixtures.ts), then
 * imports it, and the same file again (every row "unchanged"), through the import task's code path
 * (runImport: stream → validate → seal → 1,000-row transactions), on a fresh file-backed PGlite and,
 * when DATABASE_URL is set and --pglite is not given, on a fresh PostgreSQL database. Each database
 * runs in its own child process so that peak RSS is its own. The last stdout line is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { systemCtx } from '../src/server/context.js';
import { users } from '../src/server/modules/auth/auth.tables.js';
import { TALENT_HEADER, talentRows, writeCsvFile, writeXlsxFile } from '../src/server/modules/imports/imports.fixtures.js';
import { runImport } from '../src/server/modules/imports/imports.process.js';
import { importDir, uploadPath } from '../src/server/modules/imports/imports.service.js';
import { importBatches } from '../src/server/modules/imports/imports.tables.js';
import { seedDemoAccounts } from '../src/server/seed/demo-accounts.js';
import { benchPlatform, freshDatabase } from './seed.js';

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const round = (x: number, d = 1) => Number(x.toFixed(d));

/** One database: fresh, migrated, reference data and demo accounts; import the file twice. */
async function child(file: string, format: 'csv' | 'xlsx', usePg: boolean) {
  const fresh = await freshDatabase(usePg ? process.env.DATABASE_URL : undefined, 'gancai-bench-import');
  const database = await fresh.open();
  try {
    const platform = await benchPlatform(database, fresh.dataDir);
    const ctx = systemCtx(platform, 'bench-import');
    await seedDemoAccounts(ctx);
    const [official] = await ctx.db.select().from(users).where(eq(users.username, 'official.ganzhou'));
    if (!official) throw new Error('demo official missing');
    mkdirSync(importDir(ctx), { recursive: true });
    const bytes = statSync(file).size;
    const pass = async () => {
      const id = randomUUID();
      copyFileSync(file, uploadPath(ctx, id));
      await ctx.db.insert(importBatches).values({
        id,
        kind: 'talents',
        status: 'queued',
        fileName: path.basename(file),
        fileFormat: format,
        fileBytes: bytes,
        fileSha256: '-',
        ownerId: official.id,
        ownerRole: 'official',
        regionCode: official.regionCode,
      });
      const started = performance.now();
      let last = 0;
      const counts = await runImport(systemCtx(platform, 'bench-import'), id, async (done, total) => {
        if (done - last >= 20_000) {
          last = done;
          process.stderr.write(`  ${database.kind}: ${done}/${total ?? '?'} rows\n`);
        }
      });
      const seconds = (performance.now() - started) / 1000;
      return { seconds, counts };
    };
    const first = await pass();
    const second = await pass();
    const { totalRows, inserted, rejected } = first.counts;
    return {
      db: fresh.label,
      rows: totalRows,
      inserted,
      rejected,
      seconds: round(first.seconds, 2),
      rows_per_second: Math.round(totalRows / first.seconds),
      reimport_seconds: round(second.seconds, 2),
      reimport_rows_per_second: Math.round(second.counts.totalRows / second.seconds),
      reimport_inserted: second.counts.inserted,
      reimport_unchanged: second.counts.unchanged,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await database.close();
    await fresh.dispose();
  }
}

async function main() {
  const childFile = arg('child-file');
  const format = flag('xlsx') ? 'xlsx' : 'csv';
  if (childFile) {
    const result = await child(childFile, format, flag('child-pg'));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const rows = Number(arg('rows') ?? 200_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gancai-import-file-'));
  try {
    const file = path.join(dir, `talents.${format}`);
    const genStarted = performance.now();
    const data = talentRows(rows, { badEvery: 50 });
    if (format === 'xlsx') await writeXlsxFile(file, TALENT_HEADER, data);
    else await writeCsvFile(file, TALENT_HEADER, data);
    const fileMb = statSync(file).size / 2 ** 20;
    process.stderr.write(`generated ${rows} rows (${fileMb.toFixed(1)} MB ${format}) in ${((performance.now() - genStarted) / 1000).toFixed(1)} s\n`);
    const targets = [false, ...(process.env.DATABASE_URL && !flag('pglite') ? [true] : [])];
    const results: unknown[] = [];
    for (const pg of targets) {
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(import.meta.dirname, 'import.ts'),
          '--child-file',
          file,
          ...(format === 'xlsx' ? ['--xlsx'] : []),
          ...(pg ? ['--child-pg'] : []),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env, maxBuffer: 1 << 20 },
      );
      if (run.status !== 0) throw new Error(`child for ${pg ? 'PostgreSQL' : 'PGlite'} failed (${run.status})`);
      const line = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      process.stderr.write(
        `${line.db}: ${line.rows} rows in ${line.seconds} s = ${line.rows_per_second} rows/s (re-import ${line.reimport_rows_per_second} rows/s), peak RSS ${line.peak_rss_mb} MB\n`,
      );
      results.push(line);
    }
    process.stdout.write(
      `${JSON.stringify({ bench: 'import', kind: 'talents', format, rows, file_mb: round(fileMb), results, node: process.version, cpus: os.cpus().length, date: new Date().toISOString() })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
