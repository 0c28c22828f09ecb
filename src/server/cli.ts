/**
 * gancai db migrate | seed --size ci|demo|province | audit verify | totp <account>
 * Works on the embedded database in DATA_DIR, or on PostgreSQL when DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { openPlatformDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { type Platform, systemCtx } from './context.js';
import { systemClock } from './lib/clock.js';
import { decrypt, deriveKeys } from './lib/crypto.js';
import { terminalProgress } from './lib/progress.js';
import { verifyAuditChain } from './modules/audit/audit.verify.js';
import { rebuildRollups, syncFacts } from './modules/dashboard/index.js';
import { users } from './modules/auth/auth.tables.js';
import { currentTotp } from './modules/auth/totp.js';
import { classifyStream, getOccupationClassifier, runTitlesRank } from './modules/occupations/index.js';
import { createTaskRunner } from './modules/tasks/tasks.runner.js';
import { seed, type SeedSize } from './seed/seed.js';

const USAGE = `用法 / usage:
  gancai db migrate                       迁移数据库 / apply migrations
  gancai seed --size ci|demo|province     生成数据 / generate data (province: 1,000,000 talents)
  gancai audit verify                     校验审计链 / verify the audit chain
  gancai dashboard rebuild                补录看板事实并重建汇总表 / backfill dashboard facts, rebuild rollups (timed)
  gancai totp <account>                   显示演示账号当前动态口令 / current TOTP code of a demo account
  gancai occupations classify             标准输入每行一个职位名称 → 职业分类编码 / stdin titles → title<TAB>code<TAB>name<TAB>score
  gancai titles rank --queries Q.tsv --corpus C.tsv [--top 100]
                                          职位名称相似度排序 / rank corpus titles per query → q_id<TAB>c_id<TAB>score`;

async function withPlatform<T>(fn: (p: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openPlatformDatabase(config, (m) => process.stderr.write(`${m}\n`));
  const platform: Platform = { database, config, keys: deriveKeys(config.masterKey), clock: systemClock, tasks: createTaskRunner(database.kind) };
  try {
    return await fn(platform);
  } finally {
    await database.close();
  }
}

function sizeArg(args: string[]): SeedSize {
  const i = args.indexOf('--size');
  const v = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--size='))?.slice(7);
  if (v === 'ci' || v === 'demo' || v === 'province') return v;
  throw new Error('--size must be ci, demo or province');
}

async function run(args: string[]): Promise<number> {
  const [cmd, sub] = args;
  if (cmd === 'db' && sub === 'migrate') {
    await withPlatform(async () => {});
    process.stdout.write('migrations applied\n');
    return 0;
  }
  if (cmd === 'seed') {
    const size = sizeArg(args);
    const result = await withPlatform(async (p) => {
      const bar = terminalProgress();
      const r = await seed(systemCtx(p), size, bar);
      bar.finish();
      return r;
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  if (cmd === 'audit' && sub === 'verify') {
    const result = await withPlatform((p) => verifyAuditChain(systemCtx(p)));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok && result.firstBad) {
      process.stderr.write(`审计链在第 ${result.firstBad.seq} 条处不一致 (${result.firstBad.problem}) / audit chain broken at seq ${result.firstBad.seq}\n`);
    }
    return result.ok ? 0 : 2;
  }
  if (cmd === 'occupations' && sub === 'classify') {
    const n = await withPlatform(async (p) => classifyStream(await getOccupationClassifier(p.database), process.stdin, process.stdout));
    process.stderr.write(`${n} titles classified\n`);
    return 0;
  }
  if (cmd === 'titles' && sub === 'rank') {
    // the files are checked before the database is opened; the classifier outlives it (pure once built)
    return runTitlesRank(args.slice(2), process, () => withPlatform((p) => getOccupationClassifier(p.database)));
  }
  if (cmd === 'dashboard' && sub === 'rebuild') {
    const result = await withPlatform(async (p) => {
      const t0 = performance.now();
      const added = await syncFacts(p.database.db);
      const backfillMs = Math.round(performance.now() - t0);
      return { added, backfillMs, ...(await rebuildRollups(p.database.db)) };
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  if (cmd === 'totp' && sub) {
    const code = await withPlatform(async (p) => {
      const [u] = await p.database.db.select().from(users).where(eq(users.username, sub));
      if (!u?.isDemo || !u.totpSecretEnc) throw new Error(`${sub} is not a demo account with a second factor`);
      return currentTotp(decrypt(p.keys, u.totpSecretEnc), new Date());
    });
    const left = 30 - (Math.floor(Date.now() / 1000) % 30);
    process.stdout.write(`${code}  (${left}s)\n`);
    return 0;
  }
  process.stdout.write(`${USAGE}\n`);
  return cmd ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // the driver's reason (a timeout, a constraint) is the cause of the query error that wraps it
    const lines: string[] = [];
    for (let e: unknown = err; e !== undefined && lines.length < 5; e = e instanceof Error ? e.cause : undefined)
      lines.push(e instanceof Error ? e.message : String(e));
    process.stderr.write(`${lines.join('\ncaused by: ')}\n`);
    process.exit(1);
  },
);
