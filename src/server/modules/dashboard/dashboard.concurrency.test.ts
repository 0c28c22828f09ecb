/**
 * recordMetric under concurrent transactions, on PostgreSQL only (PGlite has one connection and hides
 * races): many facts at once on the same hot rollup rows are all counted, the same fact twice at once once,
 * and a rebuild running beside recorders loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/helpers.js';
import type { Database, Db } from '../../db/client.js';
import { rebuildRollups, recordMetric } from './dashboard.metrics.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  if (!onPostgres) return;
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

const provinceCount = async (metric: string) =>
  Number(
    (
      await database.query<{ n: string }>("select coalesce(sum(count), 0)::int as n from metric_rollups where metric = $1 and region_code = '360000'", [metric])
    )[0]?.n,
  );
const record = (subjectId: string, metric: 'hire' | 'job.published' = 'hire') =>
  database.db.transaction(async (tx) => {
    await recordMetric(tx as unknown as Db, { metric, subjectId, regionCode: '360702', occurredAt: new Date('2026-06-01T02:00:00Z'), days: 3 });
  });

describe.skipIf(!onPostgres)('recordMetric on PostgreSQL', () => {
  it('counts 40 concurrent facts on the same rollup rows exactly', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => record(`c-${i}`)));
    expect(await provinceCount('hire')).toBe(40);
    const hist = await database.query<{ n: number }>(
      "select count::int as n from metric_days_histogram where metric = 'hire' and region_code = '360700' and days = 3",
    );
    expect(hist[0]?.n).toBe(40);
  });

  it('counts the same fact recorded twice at once only once', async () => {
    await Promise.all(Array.from({ length: 8 }, () => record('same-fact', 'job.published')));
    expect(await provinceCount('job.published')).toBe(1);
  });

  it('loses nothing when a full rebuild runs among recorders', async () => {
    await Promise.all([...Array.from({ length: 20 }, (_, i) => record(`r-${i}`)), rebuildRollups(database.db)]);
    expect(await provinceCount('hire')).toBe(60);
    const facts = await database.query<{ n: number }>("select count(*)::int as n from metric_events where metric = 'hire'");
    expect(facts[0]?.n).toBe(60);
  });
});
