/**
 * Dashboards over HTTP: the numbers equal counts taken directly from the records after new activity,
 * officials are held to their region, targets, 暂无数据 for sources that have not landed, exact medians.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestDatabase, type Session, type TestApp } from '../../../../test/helpers.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { profileBody } from '../profiles/profiles.test-support.js';
import { rebuildRollups, recordMetric, shanghaiMonth } from './dashboard.metrics.js';
import type { Actor } from '../../context.js';
import { medianFromHistogram, summary } from './dashboard.service.js';
import { syncFacts } from './dashboard.sources.js';
import { DASHBOARD_SYNC_TASK } from './dashboard.tasks.js';

const DAY_MS = 86_400_000;
const officialActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000001',
  username: 'official.test',
  role: 'official',
  regionCode: '360000',
  department: 'hrss',
  orgId: null,
  sessionId: 'test',
};
let t: TestApp;
let ganzhou: Session;
let province: Session;
let employer: Session;
let talent: Session;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  // backfill at start: demo accounts were created in bulk, without the registration service
  await syncFacts(t.ctx().db);
  ganzhou = await t.signIn('official.ganzhou');
  province = await t.signIn('official.province');
  employer = await t.signIn('employer.ganzhou');
  talent = await t.signIn('talent.ganzhou');
  year = Number(shanghaiMonth(t.clock.now()).slice(0, 4));
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const indicator = async (s: Session, region: string, key: string) => {
  const res = await get(s, `/api/dashboard/summary?regionCode=${region}&year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().indicators.find((i: { key: string }) => i.key === key) as { value: number | null; available: boolean; target: number | null };
};
/** Counts straight from the business tables (not from the facts), for the given region prefix and year. */
async function direct(prefix: string) {
  const q = async (text: string) => Number((await t.database.query<{ n: number }>(text, [`${prefix}%`, String(year)]))[0]?.n);
  const y = (col: string) => `to_char(${col} at time zone 'Asia/Shanghai', 'YYYY') = $2`;
  return {
    jobs: await q(`select count(*)::int as n from job_postings where published_at is not null and region_code like $1 and ${y('published_at')}`),
    digitalJobs: await q(
      `select count(*)::int as n from job_postings where published_at is not null and is_digital and region_code like $1 and ${y('published_at')}`,
    ),
    applications: await q(`select count(*)::int as n from job_applications where region_code like $1 and ${y('submitted_at')}`),
    hires: await q(`select count(*)::int as n from job_applications where hired_at is not null and region_code like $1 and ${y('hired_at')}`),
    talents: await q(`select count(*)::int as n from users where role = 'talent' and region_code like $1 and ${y('created_at')}`),
  };
}

describe('numbers equal the records', () => {
  it('backfill is idempotent', async () => {
    const again = await syncFacts(t.ctx().db);
    expect(Object.values(again).reduce((s, n) => s + n, 0)).toBe(0);
  });

  it('publishing, applying and hiring move the indicators by exactly what the records say', async () => {
    const before = await direct('3607');
    expect(await indicator(ganzhou, '360700', 'jobs_published')).toMatchObject({ value: before.jobs, available: true });
    const jobId = await publishJob(employer, ganzhou, jobBody(t.clock.now()));
    await publishJob(employer, ganzhou, jobBody(t.clock.now(), { title: '数据可视化工程师' }));
    expect((await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody() })).statusCode).toBe(200);
    const applied = await talent.request({ method: 'POST', url: '/api/applications', payload: { jobId } });
    expect(applied.statusCode, applied.body).toBe(201);
    const applicationId = applied.json().id as string;
    t.clock.advance(3 * DAY_MS + 3_600_000);
    const employer2 = await t.signIn('employer.ganzhou');
    for (const action of ['view', 'interview', 'offer', 'hire']) {
      const res = await employer2.request({ method: 'POST', url: `/api/applications/${applicationId}/transitions/${action}`, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
    }
    ganzhou = await t.signIn('official.ganzhou');
    province = await t.signIn('official.province');
    const after = await direct('3607');
    expect(after.jobs).toBe(before.jobs + 2);
    expect(after.hires).toBe(before.hires + 1);
    for (const [region, s] of [
      ['360700', ganzhou],
      ['360702', ganzhou],
      ['360000', province],
    ] as const) {
      const counts = await direct(region === '360000' ? '36' : region === '360700' ? '3607' : '360702');
      expect(await indicator(s, region, 'jobs_published')).toMatchObject({ value: counts.jobs });
      expect(await indicator(s, region, 'digital_jobs_published')).toMatchObject({ value: counts.digitalJobs });
      expect(await indicator(s, region, 'applications_submitted')).toMatchObject({ value: counts.applications });
      expect(await indicator(s, region, 'hires')).toMatchObject({ value: counts.hires });
      expect(await indicator(s, region, 'job_seekers_registered')).toMatchObject({ value: counts.talents });
    }
    expect(await indicator(ganzhou, '360700', 'median_days_to_hire')).toMatchObject({ value: 3 });
    // the province map shows 赣州 with the same figure as 赣州's own summary
    const map = (await get(province, `/api/dashboard/breakdown?regionCode=360000&indicator=jobs_published&year=${year}`)).json();
    expect(map.rows.find((r: { regionCode: string }) => r.regionCode === '360700').value).toBe(after.jobs);
    expect(map.rows).toHaveLength(12);
    // drill-down: 赣州's counties, 章贡区 holds the postings
    const counties = (await get(ganzhou, `/api/dashboard/breakdown?regionCode=360700&indicator=hires&year=${year}`)).json();
    expect(counties.rows.find((r: { regionCode: string }) => r.regionCode === '360702').value).toBe(after.hires);
    const trend = (await get(ganzhou, `/api/dashboard/trend?regionCode=360700&indicator=hires&year=${year}`)).json();
    expect(trend.points).toHaveLength(12);
    expect(trend.points.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBe(after.hires);
  });

  it('a registration through the service is counted at once', async () => {
    const before = await indicator(ganzhou, '360700', 'job_seekers_registered');
    const { idNumberCheckChar } = await import('../../../shared/identifiers.js');
    const body17 = '36070219990101777';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/talent',
      payload: {
        username: 'dash.newcomer',
        password: 'Ganzhou#2026',
        displayName: '新来者',
        regionCode: '360703',
        idNumber: `${body17}${idNumberCheckChar(body17)}`,
        phone: '13607970777',
        consents: ['privacy_policy', 'sensitive_pi'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await indicator(ganzhou, '360700', 'job_seekers_registered')).toMatchObject({ value: (before.value ?? 0) + 1 });
  });

  it('the background sync picks up accounts created in bulk (imports) within one run', async () => {
    const before = (await indicator(ganzhou, '360700', 'job_seekers_registered')).value ?? 0;
    const bulk = async (username: string) =>
      t.database.query(
        `insert into users (username, role, display_name, region_code, status, created_at) values ($1, 'talent', '导入求职者', '360702', 'active', $2)`,
        [username, t.clock.now().toISOString()],
      );
    await bulk('dash.import.1');
    // on PostgreSQL pg-boss picks the task up a moment later: wait until the task row says it finished
    const run = async () => {
      const id = await t.app.platform.tasks.enqueue(t.ctx(), DASHBOARD_SYNC_TASK, {});
      await t.app.platform.tasks.idle();
      await expect
        .poll(async () => (await t.database.query<{ status: string }>('select status from tasks where id = $1', [id]))[0]?.status, {
          timeout: 20_000,
          interval: 100,
        })
        .toBe('succeeded');
    };
    await run(); // first run in this process: full backfill
    expect(await indicator(ganzhou, '360700', 'job_seekers_registered')).toMatchObject({ value: before + 1 });
    await bulk('dash.import.2');
    await run(); // later runs: only records changed since the previous run (minus a margin)
    expect(await indicator(ganzhou, '360700', 'job_seekers_registered')).toMatchObject({ value: before + 2 });
  });

  it('a full rebuild gives the same tiles as the incremental path', async () => {
    const before = (await get(province, `/api/dashboard/summary?regionCode=360000&year=${year}`)).json().indicators;
    await rebuildRollups(t.ctx().db);
    expect((await get(province, `/api/dashboard/summary?regionCode=360000&year=${year}`)).json().indicators).toEqual(before);
  });
});

describe('region scope', () => {
  it('a 赣州 official cannot get 南昌 numbers, in any view', async () => {
    for (const url of [
      `/api/dashboard/summary?regionCode=360100&year=${year}`,
      `/api/dashboard/summary?regionCode=360000&year=${year}`,
      `/api/dashboard/breakdown?regionCode=360100&indicator=hires&year=${year}`,
      `/api/dashboard/breakdown?regionCode=360000&indicator=hires&year=${year}`,
      `/api/dashboard/trend?regionCode=360102&indicator=hires&year=${year}`,
      `/api/dashboard/occupations?regionCode=360100&year=${year}`,
    ]) {
      const res = await get(ganzhou, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('"value"');
    }
    const regions = (await get(ganzhou, '/api/dashboard/regions')).json();
    expect(regions.home).toBe('360700');
    expect(regions.regions.every((r: { code: string }) => r.code.startsWith('3607'))).toBe(true);
  });

  it('the province official reads 南昌; people who are not officials read nothing', async () => {
    expect((await get(province, `/api/dashboard/summary?regionCode=360100&year=${year}`)).statusCode).toBe(200);
    talent = await t.signIn('talent.ganzhou');
    expect((await get(talent, `/api/dashboard/summary?regionCode=360700&year=${year}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/dashboard/summary?regionCode=360700&year=${year}` })).statusCode).toBe(401);
  });
});

describe('targets', () => {
  it('shows the notice targets by default and lets only the province official change them', async () => {
    expect(await indicator(province, '360000', 'digital_technicians_trained')).toMatchObject({ target: 10_000 });
    expect(await indicator(province, '360000', 'entrepreneurs_trained')).toMatchObject({ target: 500 });
    const put = (s: Session, payload: Record<string, unknown>) => s.request({ method: 'PUT', url: '/api/dashboard/targets', payload });
    const refused = await put(ganzhou, { indicator: 'digital_technicians_trained', year, regionCode: '360000', value: 9 });
    expect(refused.statusCode).toBe(403);
    expect((await put(ganzhou, { indicator: 'digital_technicians_trained', year, regionCode: '360100', value: 9 })).statusCode).toBe(404);
    expect((await put(ganzhou, { indicator: 'digital_technicians_trained', year, regionCode: '360700', value: 1200 })).statusCode).toBe(200);
    expect((await put(province, { indicator: 'digital_technicians_trained', year, regionCode: '360000', value: 12_000 })).statusCode).toBe(200);
    expect(await indicator(province, '360000', 'digital_technicians_trained')).toMatchObject({ target: 12_000 });
    expect(await indicator(ganzhou, '360700', 'digital_technicians_trained')).toMatchObject({ target: 1200 });
    expect(await indicator(province, '360000', 'digital_technicians_trained')).toMatchObject({ target: 12_000 });
    const other = await indicator(province, '360000', 'digital_technicians_trained');
    expect(other.target).toBe(12_000);
    expect((await get(province, `/api/dashboard/summary?regionCode=360000&year=${year + 1}`)).json().indicators[0].target).toBe(10_000);
    const listed = (await get(ganzhou, `/api/dashboard/targets?year=${year}`)).json();
    expect(listed.filter((r: { regionCode: string }) => r.regionCode !== '360000').every((r: { regionCode: string }) => r.regionCode.startsWith('3607'))).toBe(
      true,
    );
    const audit = await t.database.query<{ detail: { to: number } }>("select detail from audit_log where action = 'dashboard.target_set' order by seq");
    expect(audit.map((a) => a.detail.to)).toEqual([1200, 12_000]);
  });
});

describe('暂无数据 and medians', () => {
  it('an indicator whose source module has not landed is null and marked unavailable, not zero', async () => {
    // a database of a platform without the stations and competitions modules (their tables absent)
    const other = await openTestDatabase();
    try {
      await other.database.query('drop table talent_stations cascade');
      await other.database.query('drop table competitions cascade');
      const ctx = { ...t.ctx(), db: other.database.db, actor: { ...officialActor, regionCode: '360000' } };
      const res = await summary(ctx, '360000', year);
      const pick = (k: string) => res.indicators.find((i) => i.key === k);
      expect(pick('stations_registered')).toMatchObject({ value: null, available: false });
      expect(pick('competition_entries')).toMatchObject({ value: null, available: false });
      expect(pick('jobs_published')).toMatchObject({ value: 0, available: true });
    } finally {
      await other.drop();
    }
    // here every source module is installed: a zero is a zero
    expect(await indicator(province, '360000', 'stations_registered')).toMatchObject({ available: true });
  });

  it('the histogram median equals the median of the sorted observations', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const n = sorted.length;
        const expected = n % 2 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
        const hist = new Map<number, number>();
        for (const x of xs) hist.set(x, (hist.get(x) ?? 0) + 1);
        expect(medianFromHistogram([...hist].map(([days, count]) => ({ days, count })))).toBe(expected);
      }),
    );
    expect(medianFromHistogram([])).toBeNull();
  });

  it('median processing days over recorded facts, in a region and its city', async () => {
    const days = [1, 2, 2, 9, 30, 31];
    for (const [i, d] of days.entries()) {
      await recordMetric(t.ctx().db, {
        metric: 'subsidy.paid',
        subjectId: `claim-${i}`,
        regionCode: i < 4 ? '360702' : '360703',
        occurredAt: t.clock.now(),
        amountFen: 100_000,
        days: d,
      });
    }
    expect(await indicator(ganzhou, '360700', 'median_subsidy_processing_days')).toMatchObject({ value: 5.5 });
    expect(await indicator(ganzhou, '360702', 'median_subsidy_processing_days')).toMatchObject({ value: 2 });
    expect(await indicator(ganzhou, '360700', 'subsidy_amount_paid')).toMatchObject({ value: 600_000 });
  });
});
