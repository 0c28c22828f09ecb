/** Search over several published postings: facets, sorting, pagination and safe highlighting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { prepareSearchIndex } from './jobs.search.js';
import { pruneSearchChanges } from './jobs.search-sync.js';
import { expireJobs } from './jobs.service.js';
import { jobBody, publishJob } from './jobs.test-support.js';

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const employer = await t.signIn('employer.ganzhou');
  const ganzhou = await t.signIn('official.ganzhou');
  const nanchang = await t.signIn('official.nanchang');
  const now = t.clock.now();
  ids.bigdata = await publishJob(employer, ganzhou, jobBody(now, { title: '大数据开发工程师', occupationCode: '2-02-38-03', salaryMaxFen: 1_500_000 }));
  t.clock.advance(1000);
  ids.callCentre = await publishJob(
    employer,
    ganzhou,
    jobBody(now, {
      title: '呼叫中心客服专员',
      occupationCode: '4-04-05-03',
      regionCode: '360703',
      requiredSkills: [{ name: '普通话二级甲等' }],
      preferredSkills: [],
      educationCode: '31',
      salaryMinFen: 400_000,
      salaryMaxFen: 600_000,
    }),
  );
  t.clock.advance(1000);
  ids.script = await publishJob(employer, ganzhou, jobBody(now, { title: '<script>alert(1)</script>数据工程师', occupationCode: '2-02-38-03' }));
  t.clock.advance(1000);
  ids.java = await publishJob(
    employer,
    nanchang,
    jobBody(now, {
      title: 'Java开发工程师',
      occupationCode: '2-02-10-03',
      regionCode: '360111',
      salaryMaxFen: 2_000_000,
      requiredSkills: [{ skillId: 'java' }],
    }),
  );
});
afterAll(async () => t?.close());

const search = async (qs = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/jobs?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const counts = (facet: { code?: string; value?: boolean; count: number }[]) => Object.fromEntries(facet.map((f) => [String(f.code ?? f.value), f.count]));

describe('job search', () => {
  it('counts facets over the filtered set', async () => {
    const all = await search();
    expect(all.total).toBe(4);
    expect(counts(all.facets.city)).toEqual({ '360700': 3, '360100': 1 });
    expect(all.facets.city.find((c: { code: string }) => c.code === '360700').name).toBe('赣州市');
    expect(counts(all.facets.digital)).toEqual({ true: 3, false: 1 });
    expect(counts(all.facets.education)).toEqual({ '21': 3, '31': 1 });
    expect(counts(all.facets.occupation)).toEqual({ '2-02': 3, '4-04': 1 });
  });

  it('leaves each facet’s own filter out of its counts', async () => {
    const ganzhou = await search('city=360700');
    expect(ganzhou.total).toBe(3);
    expect(counts(ganzhou.facets.city)).toEqual({ '360700': 3, '360100': 1 });
    expect(counts(ganzhou.facets.digital)).toEqual({ true: 2, false: 1 });
    const digital = await search('digital=true');
    expect(digital.total).toBe(3);
    expect(counts(digital.facets.digital)).toEqual({ true: 3, false: 1 });
    expect(counts(digital.facets.city)).toEqual({ '360700': 2, '360100': 1 });
    expect(counts(digital.facets.education)).toEqual({ '21': 3 });
  });

  it('lets an education category cover its detailed codes', async () => {
    expect((await search('education=20')).total).toBe(3); // 大学本科教育 covers 21 大学本科毕业
    expect((await search('education=21')).total).toBe(3);
    expect((await search('education=30')).total).toBe(1);
    expect((await search('education=22')).total).toBe(0);
  });

  it('ranks, sorts and pages', async () => {
    const byRelevance = await search(`q=${encodeURIComponent('开发工程师')}`);
    expect(byRelevance.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.bigdata, ids.java].sort());
    const bySalary = await search('sort=salary');
    expect(bySalary.items.map((i: { id: string }) => i.id)).toEqual([ids.java, ids.bigdata, ids.script, ids.callCentre]);
    const page2 = await search('sort=salary&pageSize=2&page=2');
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([ids.script, ids.callCentre]);
    expect(page2.total).toBe(4);
    const newest = await search('sort=newest');
    expect(newest.items[0].id).toBe(ids.java);
  });

  it('escapes HTML before highlighting', async () => {
    const res = await search(`q=${encodeURIComponent('数据')}`);
    const item = res.items.find((i: { id: string }) => i.id === ids.script);
    expect(item.highlight.title).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>数据</mark>工程师');
    expect(item.title).toBe('<script>alert(1)</script>数据工程师');
    const partial = await search(`q=${encodeURIComponent('<scr')}`);
    expect(partial.match).toBe('partial');
    expect(partial.items[0].highlight.title).toBe('<mark>&lt;scr</mark>ipt&gt;alert(1)&lt;/script&gt;数据工程师');
  });

  it('answers a code when nothing matches', async () => {
    const none = await search(`q=${encodeURIComponent('飞行员')}`);
    expect(none).toMatchObject({ items: [], total: 0, code: 'JOBS_NO_MATCH' });
    expect(counts(none.facets.digital)).toEqual({ true: 0, false: 0 });
    const sqlish = await search(`q=${encodeURIComponent("') | ('x' & !")}`);
    expect(sqlish.total).toBe(0);
  });
});

describe('job search freshness (index and answer cache)', () => {
  const q = `q=${encodeURIComponent('潜水教练')}`;
  const found = async () => (await search(q)).items.map((i: { id: string }) => i.id);

  it('shows a posting on the next search after it is published, and hides it after it is closed', async () => {
    const employer = await t.signIn('employer.ganzhou');
    const official = await t.signIn('official.ganzhou');
    expect(await prepareSearchIndex(t.database)).not.toBeNull(); // answered by the index from here on
    expect(await found()).toEqual([]);
    expect(await found()).toEqual([]); // now cached
    const id = await publishJob(employer, official, jobBody(t.clock.now(), { title: '潜水教练', occupationCode: '4-04-05-03' }));
    expect(await found()).toEqual([id]);
    expect(await found()).toEqual([id]);
    const closed = await employer.request({ method: 'POST', url: `/api/jobs/${id}/transitions/close`, payload: {} });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await found()).toEqual([]);
  });

  it('follows writes made by any code, including plain SQL, and the expiry task', async () => {
    const employer = await t.signIn('employer.ganzhou');
    const official = await t.signIn('official.ganzhou');
    const id = await publishJob(employer, official, jobBody(t.clock.now(), { title: '潜水教练助理', occupationCode: '4-04-05-03' }));
    expect(await found()).toEqual([id]);
    const before = (await search('')).total;
    await t.database.query(`update job_postings set status = 'expired' where id = $1`, [id]);
    expect(await found()).toEqual([]);
    expect((await search('')).total).toBe(before - 1);
    await t.database.query(`update job_postings set status = 'published', region_code = '360111' where id = $1`, [id]);
    expect((await search(`${q}&city=360100`)).total).toBe(1);
    expect((await search(`${q}&city=360700`)).total).toBe(0);
    // the validity passes: hidden at once by date, then expired by the task
    t.clock.advance(31 * 86_400_000);
    expect(await found()).toEqual([]);
    await expireJobs(t.ctx());
    expect(await found()).toEqual([]);
    t.clock.advance(-31 * 86_400_000);
    expect(await found()).toEqual([]); // status is now expired, whatever the date
  });
});

describe('search change log', () => {
  it('prunes only rows older than a day, and search stays right', async () => {
    const before = (await search('')).total;
    expect(await pruneSearchChanges(t.database)).toBe(0);
    await t.database.query(`update job_search_changes set changed_at = now() - interval '2 days'`);
    expect(await pruneSearchChanges(t.database)).toBeGreaterThan(0);
    // rows a transaction still open anywhere in the cluster might not have seen stay until it ends (on a
    // shared PostgreSQL, other test files' transactions): prune again until they are gone
    await expect
      .poll(
        async () => {
          await pruneSearchChanges(t.database);
          return (await t.database.query<{ n: number }>('select count(*)::int as n from job_search_changes'))[0]?.n;
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe(0);
    expect((await search('')).total).toBe(before);
  });
});
