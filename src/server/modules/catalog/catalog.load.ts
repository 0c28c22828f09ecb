/**
 * Loads the reference catalogues (regions, occupations, industries, education and skill levels,
 * skills) from data/reference into the database. Safe to run on every start:
 *
 * - Each table carries a stamp in its table comment (`COMMENT ON TABLE`): a SHA-256 of the CSV
 *   file and LOADER_VERSION, plus the row count loaded. A table whose stamp matches the file and
 *   its current row count is skipped without parsing, so a start with current data costs reading
 *   and hashing the files and one query. No extra table or migration is needed for this.
 * - A table whose file changed (or whose rows were tampered with) is replaced inside one
 *   transaction: delete, multi-row inserts in batches, new stamp. Readers on PostgreSQL keep
 *   seeing the old rows until commit. An advisory lock keeps concurrent starters in line.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { parseCsvRecords } from './catalog.csv.js';
import { DATASETS, type Dataset } from './catalog.datasets.js';

/** Bump when a mapping in catalog.datasets.ts changes, so existing databases reload. */
const LOADER_VERSION = 1;
const BATCH_SIZE = 500;
const LOCK_KEY = 7202;

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/reference');

export interface LoadOptions {
  /** Defaults to the repository's data/reference. */
  dir?: string;
  /** Reload every table even when its stamp matches. */
  force?: boolean;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface Source {
  dataset: Dataset;
  text: string;
  /** Identifies file content and loader version; the stored stamp adds the row count. */
  fingerprint: string;
}

interface TableState {
  name: string;
  count: number;
  stamp: string | null;
}

/** Returns the row count of every catalogue table after loading, keyed by table name. */
export async function loadReferenceCatalogs(database: Database, options: LoadOptions = {}): Promise<Record<string, number>> {
  const dir = options.dir ?? REFERENCE_DIR;
  const sources = await Promise.all(DATASETS.map((dataset) => readSource(dataset, dir)));
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const states = await readStates(tx, DATASETS);
    const counts: Record<string, number> = {};
    for (const source of sources) {
      const state = states.get(source.dataset.name);
      const current = state && state.stamp === stampOf(source, state.count);
      counts[source.dataset.name] = current && !options.force ? state.count : await replaceTable(tx, source);
    }
    return counts;
  });
}

async function readSource(dataset: Dataset, dir: string): Promise<Source> {
  const text = await readFile(path.join(dir, dataset.file), 'utf8');
  const hash = createHash('sha256').update(`loader v${LOADER_VERSION}\n`).update(text).digest('hex');
  return { dataset, text, fingerprint: `gancai reference data ${dataset.file} sha256:${hash}` };
}

function stampOf(source: Source, rowCount: number): string {
  return `${source.fingerprint} rows:${rowCount}`;
}

/** One round trip: each table's row count and stamp. */
async function readStates(tx: Tx, datasets: readonly Dataset[]): Promise<Map<string, TableState>> {
  const selects: SQL[] = datasets.map(
    (d) =>
      sql`select ${d.name}::text as name, (select count(*)::int from ${d.table}) as count,
        obj_description(to_regclass(${d.name}::text), 'pg_class') as stamp`,
  );
  const result = (await tx.execute(sql.join(selects, sql` union all `))) as unknown as { rows: TableState[] };
  return new Map(result.rows.map((row) => [row.name, { ...row, count: Number(row.count) }]));
}

/** Parses the file, replaces the table's rows and stamps it. Returns the new row count. */
async function replaceTable(tx: Tx, source: Source): Promise<number> {
  const { dataset } = source;
  const rows = dataset.toRows(parseCsvRecords(source.text));
  await tx.delete(dataset.table);
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.insert(dataset.table).values(rows.slice(start, start + BATCH_SIZE) as never);
  }
  // COMMENT takes no bind parameters; the stamp is built from a file path, hex digits and a number.
  const stamp = stampOf(source, rows.length);
  if (!/^[\w ./:-]+$/.test(stamp)) throw new Error(`unsafe stamp: ${stamp}`);
  await tx.execute(sql`comment on table ${dataset.table} is ${sql.raw(`'${stamp}'`)}`);
  return rows.length;
}
