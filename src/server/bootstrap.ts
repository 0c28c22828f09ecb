/** Opens, migrates and prepares the database the same way for the server, the CLI and the tests. */
import path from 'node:path';
import type { Config } from './config.js';
import { type Database, migrateDatabase, openDatabase } from './db/client.js';
import { loadReferenceCatalogs } from './modules/catalog/catalog.load.js';

export async function openPlatformDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<Database> {
  const pgliteDir = path.join(config.dataDir, 'pglite');
  log(config.databaseUrl ? '连接 PostgreSQL…' : `打开内嵌数据库 ${path.relative(process.cwd(), pgliteDir) || pgliteDir}…`);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : pgliteDir });
  log('执行数据库迁移…');
  await migrateDatabase(database);
  log('载入参考目录（行政区划、职业分类大典、行业分类、学历、技能）…');
  await loadReferenceCatalogs(database);
  return database;
}
