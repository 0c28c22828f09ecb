/** `npm start`: build the web app if needed, open and migrate the database, seed on first start, listen. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp, REPO_ROOT, WEB_DIST } from './app.js';
import { openPlatformDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { systemCtx } from './context.js';
import { terminalProgress } from './lib/progress.js';
import { APPLICATIONS_REMIND_STALE_TASK } from './modules/applications/index.js';
import { JOBS_EXPIRE_TASK, warmSegmenter } from './modules/jobs/index.js';
import { TALENTPOOL_EXPIRE_TASK } from './modules/talentpool/index.js';
import { POLICIES_PREFILL_TASK } from './modules/policies/index.js';
import { PROVIDERS_EXPIRE_TASK } from './modules/providers/index.js';
import { AGENCIES_EXPIRE_TASK } from './modules/agencies/index.js';
import { IMPORTS_PURGE_TASK } from './modules/imports/index.js';
import { DASHBOARD_SYNC_EVERY_MS, DASHBOARD_SYNC_TASK } from './modules/dashboard/index.js';
import { getOccupationClassifier } from './modules/occupations/index.js';
import { reindexProfileTokens } from './modules/profiles/index.js';
import { TRAINING_FINISH_TASK } from './modules/training/index.js';
import { RECOGNITION_DEADLINES_TASK } from './modules/recognition/index.js';
import { WAGES_REFRESH_TASK } from './modules/wages/index.js';
import { OPENDATA_REFRESH_TASK } from './modules/opendata/index.js';
import { demoAccountInfo } from './seed/demo-accounts.js';
import { isSeeded, seed } from './seed/seed.js';

const say = (msg: string) => process.stdout.write(`[赣才] ${msg}\n`);

async function buildWebIfMissing() {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return;
  say('首次启动：构建网页应用（约 10 秒）…');
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  await buildWebIfMissing();
  const database = await openPlatformDatabase(config, say);
  const app = await buildApp({ database, config });
  const ctx = systemCtx(app.platform);
  if (config.seedSize !== 'none' && !(await isSeeded(ctx))) {
    say(`首次启动：生成演示数据（${config.seedSize}）…`);
    const bar = terminalProgress();
    await seed(ctx, config.seedSize, bar);
    bar.finish();
  }
  warmSegmenter();
  // profiles saved before the talent pool existed get their search tokens (a no-op afterwards)
  await reindexProfileTokens(ctx);
  // Postings past their end date are closed hourly (searches already hide them).
  // Applications unanswered for 7 days are reminded (once a day each); invitations unanswered for 14 days expire;
  // import files past their retention are deleted.
  const expiry = setInterval(() => {
    void app.platform.tasks.enqueue(ctx, JOBS_EXPIRE_TASK, {}).catch(() => {});
    void app.platform.tasks.enqueue(ctx, APPLICATIONS_REMIND_STALE_TASK, {}).catch(() => {});
    void app.platform.tasks.enqueue(ctx, TALENTPOOL_EXPIRE_TASK, {}).catch(() => {});
    // 免申即享: people who became eligible (new certificate, completed class) get a prefilled claim
    void app.platform.tasks.enqueue(ctx, POLICIES_PREFILL_TASK, {}).catch(() => {});
    // accreditations past valid_until become expired (lookups already ignore them)
    void app.platform.tasks.enqueue(ctx, PROVIDERS_EXPIRE_TASK, {}).catch(() => {});
    // HR service agencies whose licence ended (受托招聘 already checks the date)
    void app.platform.tasks.enqueue(ctx, AGENCIES_EXPIRE_TASK, {}).catch(() => {});
    void app.platform.tasks.enqueue(ctx, IMPORTS_PURGE_TASK, {}).catch(() => {});
    // training classes whose last session ended over a day ago are finished and judged (idempotent)
    void app.platform.tasks.enqueue(ctx, TRAINING_FINISH_TASK, {}).catch(() => {});
    // 高层次人才认定: reminders before the statutory deadline, escalation once passed (one of each per deadline)
    void app.platform.tasks.enqueue(ctx, RECOGNITION_DEADLINES_TASK, {}).catch(() => {});
    // 工资价位 and open-data demand are recomputed from the postings (surveys also on upload)
    void app.platform.tasks.enqueue(ctx, WAGES_REFRESH_TASK, {}).catch(() => {});
    void app.platform.tasks.enqueue(ctx, OPENDATA_REFRESH_TASK, {}).catch(() => {});
  }, 3600_000);
  expiry.unref();
  // dashboard facts from bulk paths (imports): a full backfill now, then every 30 s (ADR 0015)
  void app.platform.tasks.enqueue(ctx, DASHBOARD_SYNC_TASK, { full: true }).catch(() => {});
  const dashboardSync = setInterval(() => void app.platform.tasks.enqueue(ctx, DASHBOARD_SYNC_TASK, {}).catch(() => {}), DASHBOARD_SYNC_EVERY_MS);
  dashboardSync.unref();
  void app.platform.tasks.enqueue(ctx, WAGES_REFRESH_TASK, {}).catch(() => {});
  void app.platform.tasks.enqueue(ctx, OPENDATA_REFRESH_TASK, {}).catch(() => {});
  await app.listen({ port: config.port, host: config.host });
  // the job-title classifier is built in the background, so the first posting form does not wait for it
  void getOccupationClassifier(database).catch((err) => app.log.warn({ err }, 'classifier warm-up failed'));
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  say(`已就绪（${((Date.now() - started) / 1000).toFixed(1)} 秒）：http://${shownHost}:${config.port}`);
  await printDemoAccounts(ctx);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(expiry);
    clearInterval(dashboardSync);
    say(`收到 ${signal}，正在停止…`);
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function printDemoAccounts(ctx: ReturnType<typeof systemCtx>) {
  const accounts = await demoAccountInfo(ctx);
  if (!accounts.length) return;
  say('演示账号（仅演示数据）/ Demo accounts (demo data only):');
  for (const a of accounts) {
    const totp = a.totpSecret ? `  TOTP 密钥 ${a.totpSecret}（npx gancai totp ${a.username}）` : '';
    process.stdout.write(`  ${a.username.padEnd(20)} ${a.password}  ${a.note}${totp}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[赣才] 启动失败 / start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
