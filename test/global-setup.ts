/**
 * Prepares one migrated template database per run (catalogues and demo accounts loaded):
 * PGlite → a dumped data directory each test file loads; PostgreSQL (DATABASE_URL) → a template database.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Database, migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { deriveKeys } from '../src/server/lib/crypto.js';
import { systemClock } from '../src/server/lib/clock.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/catalog.load.js';
import { createTaskRunner } from '../src/server/modules/tasks/tasks.runner.js';
import { systemCtx } from '../src/server/context.js';
import { seedDemoAccounts } from '../src/server/seed/demo-accounts.js';
import { testConfig } from './test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

async function prepare(database: Database) {
  await migrateDatabase(database);
  await loadReferenceCatalogs(database);
  const config = testConfig();
  const platform = { database, config, keys: deriveKeys(config.masterKey), clock: systemClock, tasks: createTaskRunner(database.kind) };
  await seedDemoAccounts(systemCtx(platform));
}

export function adminUrl(url: string, dbName: string) {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `gancai_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ url: adminUrl(url, name) });
    await prepare(database);
    await database.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    };
  }
  const database = await openDatabase({});
  await prepare(database);
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  const dir = path.resolve('.test-artifacts');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => rmSync(file, { force: true });
}
