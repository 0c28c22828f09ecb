/**
 * Prepared statements for the hottest reads (the session of every request, a talent's own profile):
 * built once per database handle, so Drizzle does not rebuild the SQL on every call, and on PostgreSQL
 * the statement is named, so each connection parses and plans it once.
 */
import type { Db } from './client.js';

const cache = new WeakMap<Db, Map<string, unknown>>();

/**
 * The statement `name` of this database handle, built by `build` on first use (given the name, for
 * Drizzle's `.prepare(name)`). Names are unique per statement text.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let own = cache.get(db);
  if (!own) {
    own = new Map();
    cache.set(db, own);
  }
  let statement = own.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db, name);
    own.set(name, statement);
  }
  return statement;
}
