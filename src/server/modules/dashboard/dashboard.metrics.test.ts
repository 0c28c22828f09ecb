/** recordMetric: idempotent facts, rollups at county / city / province, and a rebuild that agrees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/helpers.js';
import type { Database, Db } from '../../db/client.js';
import { rebuildRollups, recordMetric, recordMetricReturning, rollupRegions, shanghaiMonth } from './dashboard.metrics.js';

let database: Database;
let drop: () => Promise<void>;
let db: Db;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  db = database.db;
});
afterAll(async () => drop?.());

const rollup = async (metric: string, region: string) =>
  database.query<{ month: string; dimension: string; digital: boolean; count: number; amount_fen: number }>(
    'select month, dimension, digital, count::int as count, amount_fen::int as amount_fen from metric_rollups where metric = $1 and region_code = $2 order by month, dimension, digital',
    [metric, region],
  );
const snapshot = async () => ({
  r: await database.query('select * from metric_rollups order by 1, 2, 3, 4, 5'),
  o: await database.query('select * from metric_rollup_occupations order by 1, 2, 3, 4, 5'),
  h: await database.query('select * from metric_days_histogram order by 1, 2, 3, 4'),
});

describe('recordMetric', () => {
  it('maps regions to their rollup levels and instants to Shanghai months', () => {
    expect(rollupRegions('360702')).toEqual(['360702', '360700', '360000']);
    expect(rollupRegions('360700')).toEqual(['360700', '360000']);
    expect(rollupRegions('369900')).toEqual(['369900', '360000']);
    expect(rollupRegions('360000')).toEqual(['360000']);
    expect(shanghaiMonth(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04');
    expect(shanghaiMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
  });

  it('appends once per (metric, subject) and counts at county, city and province', async () => {
    const at = new Date('2026-05-10T02:00:00Z');
    const fact = {
      metric: 'subsidy.paid' as const,
      subjectId: 'claim-1',
      regionCode: '360702',
      occurredAt: at,
      amountFen: 150_000,
      days: 12,
      dimension: 'training',
    };
    expect(await recordMetricReturning(db, fact)).toBe(true);
    expect(await recordMetricReturning(db, fact)).toBe(false);
    await recordMetric(db, { ...fact, subjectId: 'claim-2', regionCode: '360100', amountFen: 50_000, days: 3 });
    expect(await rollup('subsidy.paid', '360702')).toEqual([{ month: '2026-05', dimension: 'training', digital: false, count: 1, amount_fen: 150000 }]);
    expect(await rollup('subsidy.paid', '360700')).toEqual([{ month: '2026-05', dimension: 'training', digital: false, count: 1, amount_fen: 150000 }]);
    expect(await rollup('subsidy.paid', '360000')).toEqual([{ month: '2026-05', dimension: 'training', digital: false, count: 2, amount_fen: 200000 }]);
    const hist = await database.query<{ days: number; count: number }>(
      "select days, count::int as count from metric_days_histogram where metric = 'subsidy.paid' and region_code = '360000' order by days",
    );
    expect(hist).toEqual([
      { days: 3, count: 1 },
      { days: 12, count: 1 },
    ]);
  });

  it('leaves nothing behind when the caller rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordMetric(tx as unknown as Db, { metric: 'hire', subjectId: 'app-rolled-back', regionCode: '360702', occurredAt: new Date(), days: 4 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await database.query("select 1 from metric_events where subject_id = 'app-rolled-back'")).toHaveLength(0);
    expect(await rollup('hire', '360000')).toHaveLength(0);
  });

  it('refuses malformed facts', async () => {
    await expect(recordMetric(db, { metric: 'hire', subjectId: 'x', regionCode: '3607', occurredAt: new Date() })).rejects.toThrow();
    await expect(recordMetric(db, { metric: 'subsidy.paid', subjectId: 'x', regionCode: '360702', occurredAt: new Date(), amountFen: 1.5 })).rejects.toThrow();
    await expect(recordMetric(db, { metric: 'nope' as 'hire', subjectId: 'x', regionCode: '360702', occurredAt: new Date() })).rejects.toThrow();
  });

  it('a full rebuild reproduces exactly what the incremental path maintained', async () => {
    for (let i = 0; i < 40; i++) {
      await recordMetric(db, {
        metric: i % 2 ? 'job.published' : 'hire',
        subjectId: `s-${i}`,
        regionCode: ['360702', '360703', '360100', '360102', '369900', '360000'][i % 6] as string,
        occurredAt: new Date(Date.UTC(2026, i % 12, 1 + (i % 27), 20)),
        occupationCode: i % 3 ? '4-04-05-01' : null,
        digital: i % 4 === 0,
        days: i % 2 ? null : i % 9,
      });
    }
    const before = await snapshot();
    const rebuilt = await rebuildRollups(db);
    expect(rebuilt.events).toBe(42);
    expect(await snapshot()).toEqual(before);
  });
});
