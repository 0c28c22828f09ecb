/**
 * Starts the real platform for browser tests: an in-memory PGlite loaded from the run's seeded template
 * (migrated, catalogues, the `ci` seed: e2e/global-setup.ts), serving the built web app (dist/web) on 127.0.0.1 at a random port.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { buildApp, REPO_ROOT, WEB_DIST } from '../src/server/app.js';
import { systemCtx } from '../src/server/context.js';
import { migrateDatabase, openDatabase } from '../src/server/db/client.js';
import type { Clock } from '../src/server/lib/clock.js';
import { silentProgress } from '../src/server/lib/progress.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { demoAccountInfo, type DemoAccountInfo } from '../src/server/seed/demo-accounts.js';
import { seed } from '../src/server/seed/seed.js';
import { testConfig } from '../test/test-config.js';

export interface E2eServer {
  url: string;
  close(): Promise<void>;
  demo: { accounts: Record<string, DemoAccountInfo> };
}

export async function ensureWebBuilt() {
  if (existsSync(path.join(WEB_DIST, 'index.html')) && existsSync(path.join(WEB_DIST, 'assets'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** `clock`: a movable clock for journeys that span days (e.g. a 公示 period); default the system clock. */
export async function startE2eServer(opts: { clock?: Clock } = {}): Promise<E2eServer> {
  await ensureWebBuilt();
  // the run's seeded database (e2e/global-setup.ts), or a fresh one seeded here when run without it
  const template = inject('e2eTemplate');
  const database = await openDatabase(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {});
  if (!template) {
    await migrateDatabase(database);
    await loadReferenceCatalogs(database);
  }
  const app = await buildApp({ database, config: testConfig(), logger: false, ...(opts.clock ? { clock: opts.clock } : {}) });
  if (!template) await seed(systemCtx(app.platform), 'ci', silentProgress);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const infos = await demoAccountInfo(systemCtx(app.platform));
  const accounts: Record<string, DemoAccountInfo> = {};
  for (const a of infos) {
    accounts[a.username] = a;
    accounts[a.role] ??= a;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    demo: { accounts },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A demo account of the ci seed, or a clear failure when the seed lacks it. */
export function demoAccount(server: E2eServer, username: string): DemoAccountInfo {
  const a = server.demo.accounts[username];
  if (!a) throw new Error(`no ${username} in the ci seed`);
  return a;
}
