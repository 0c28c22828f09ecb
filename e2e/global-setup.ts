/**
 * Builds the web app once and one seeded database per browser-test run: migrated, catalogues loaded and
 * the `ci` seed written into an in-memory PGlite, dumped to a file that every test file's server loads
 * (instead of seeding again for each file).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../src/server/app.js';
import { systemCtx } from '../src/server/context.js';
import { migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { silentProgress } from '../src/server/lib/progress.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { seed } from '../src/server/seed/seed.js';
import { testConfig } from '../test/test-config.js';
import { ensureWebBuilt } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  await ensureWebBuilt();
  const database = await openDatabase({});
  await migrateDatabase(database);
  await loadReferenceCatalogs(database);
  // tasks the seed queues stay queued in the dump and run when each test file's server starts
  const app = await buildApp({ database, config: testConfig(), logger: false, startTasks: false });
  await seed(systemCtx(app.platform), 'ci', silentProgress);
  await app.close();
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  const dir = path.resolve('.test-artifacts');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `e2e-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('e2eTemplate', file);
  return () => rmSync(file, { force: true });
}
