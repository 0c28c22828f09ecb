/** Open-data API: JSON and CSV shapes, licence in every answer, suppression, filters, paging, rate limit, OpenAPI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { testConfig } from '../../../../test/test-config.js';
import { refreshWages } from '../wages/index.js';
import { insertPostings, SOFTWARE } from '../wages/wages.test-support.js';
import { refreshDemand } from './opendata.demand.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await insertPostings(t.database, [
    ...Array.from({ length: 12 }, (_, i) => ({
      regionCode: '360702',
      minYuan: 6000 + i * 100,
      maxYuan: 8000,
      publishedAt: '2019-05-10T02:00:00Z',
      headcount: 2,
    })),
    ...Array.from({ length: 3 }, () => ({ regionCode: '360102', minYuan: 9000, maxYuan: 11000, publishedAt: '2019-05-20T02:00:00Z' })),
    { regionCode: '360102', minYuan: 9000, maxYuan: 11000, publishedAt: '2019-06-30T16:30:00Z' }, // 2019-07-01 China time
  ]);
  await refreshWages(t.database.db, t.clock.now());
  await refreshDemand(t.database.db, t.clock.now());
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

function expectLicence(res: Awaited<ReturnType<typeof get>>) {
  expect(res.headers.link).toContain('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
  expect(res.headers['x-data-licence']).toBe('CC-BY-4.0');
}

describe('GET /api/open/wages', () => {
  it('answers JSON with licence, attribution, method and stable fields', async () => {
    const res = await get(`/api/open/wages?year=2019&occupation=${SOFTWARE}&source=postings`);
    expect(res.statusCode).toBe(200);
    expectLicence(res);
    const body = res.json();
    expect(body).toMatchObject({ dataset: 'wages', licence: { id: 'CC-BY-4.0' }, total: 3, limit: 200, offset: 0 });
    expect(body.attribution.join('\n')).toContain('职业分类大典');
    expect(body.attribution.join('\n')).toContain('国家统计局');
    expect(body.method).toContain('线性插值');
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        'cityCode',
        'cityName',
        'computedAt',
        'observations',
        'occupationCode',
        'occupationName',
        'p10Fen',
        'p25Fen',
        'p50Fen',
        'p75Fen',
        'p90Fen',
        'source',
        'suppressed',
        'year',
      ].sort(),
    );
    const byCity = Object.fromEntries(body.items.map((i: { cityCode: string }) => [i.cityCode, i]));
    expect(byCity['360700']).toMatchObject({ observations: 12, suppressed: null });
    expect(byCity['360100']).toMatchObject({ observations: 4, p50Fen: null, suppressed: 'fewer_than_10_observations' });
    expect(byCity['360000']).toMatchObject({ observations: 16, suppressed: null });
    const page = (await get(`/api/open/wages?year=2019&occupation=${SOFTWARE}&limit=1&offset=1`)).json();
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
  });

  it('answers CSV by ?format=csv or Accept: text/csv, suppressed cells empty with the reason', async () => {
    for (const res of [
      await get(`/api/open/wages?year=2019&occupation=${SOFTWARE}&format=csv`),
      await get(`/api/open/wages?year=2019&occupation=${SOFTWARE}`, { accept: 'text/csv' }),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expectLicence(res);
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'source,year,city_code,city_name,occupation_code,occupation_name,observations,p10_yuan,p25_yuan,p50_yuan,p75_yuan,p90_yuan,suppressed,licence',
      );
      expect(lines).toHaveLength(4);
      expect(lines.find((l) => l.includes(',360100,'))).toBe(
        `postings,2019,360100,南昌市,${SOFTWARE},计算机软件工程技术人员,4,,,,,,fewer_than_10_observations,CC-BY-4.0`,
      );
      expect(lines.find((l) => l.includes(',360700,'))).toMatch(/^postings,2019,360700,赣州市,.*,12,\d+\.\d{2},/);
    }
  });

  it('refuses bad filters', async () => {
    for (const q of ['year=19', 'city=3607', 'occupation=abc', 'limit=5000', 'format=xml']) {
      const res = await get(`/api/open/wages?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('GET /api/open/demand', () => {
  it('counts published digital postings per occupation × city × month (China time)', async () => {
    const res = await get(`/api/open/demand?year=2019&occupation=${SOFTWARE}`);
    expect(res.statusCode).toBe(200);
    expectLicence(res);
    const items = res.json().items as { month: string; cityCode: string; postings: number; headcount: number }[];
    expect(items.map((i) => [i.month, i.cityCode, i.postings, i.headcount])).toEqual([
      ['2019-07', '360100', 1, 1],
      ['2019-05', '360100', 3, 3],
      ['2019-05', '360700', 12, 24],
    ]);
    expect((await get('/api/open/demand?month=2019-05&city=360700')).json().items).toHaveLength(1);
    const csv = await get('/api/open/demand?month=2019-07&format=csv');
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual([
      'month,city_code,city_name,occupation_code,occupation_name,postings,headcount,licence',
      `2019-07,360100,南昌市,${SOFTWARE},计算机软件工程技术人员,1,1,CC-BY-4.0`,
    ]);
  });
});

describe('GET /api/open/training', () => {
  it('publishes city counts from the dashboard rollup, withholding 1–4, never the province row', async () => {
    const insert = (metric: string, region: string, count: number) =>
      t.database.query(
        `insert into metric_rollup_occupations (metric, region_code, year, occupation_code, digital, count) values ($1, $2, 2019, $3, true, $4)`,
        [metric, region, SOFTWARE, count],
      );
    await insert('training.enrolled', '360700', 3);
    await insert('training.completed', '360700', 12);
    await insert('certificate.issued', '360700', 0);
    await insert('training.enrolled', '360702', 3); // county row: not published
    await insert('training.enrolled', '360000', 40); // province row: not published
    await insert('training.enrolled', '360100', 37);
    const res = await get('/api/open/training?year=2019');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect((await get('/api/open/training?year=2019&offset=5')).json()).toMatchObject({ total: 2, items: [] });
    expectLicence(res);
    expect(res.json().notes).toEqual([]);
    expect(res.json().items).toEqual([
      {
        year: 2019,
        cityCode: '360100',
        cityName: '南昌市',
        occupationCode: SOFTWARE,
        occupationName: '计算机软件工程技术人员',
        enrolled: 37,
        completed: 0,
        certificatesIssued: 0,
        suppressed: [],
      },
      {
        year: 2019,
        cityCode: '360700',
        cityName: '赣州市',
        occupationCode: SOFTWARE,
        occupationName: '计算机软件工程技术人员',
        enrolled: null,
        completed: 12,
        certificatesIssued: 0,
        suppressed: ['enrolled'],
      },
    ]);
    const csv = (await get('/api/open/training?year=2019&city=360700', { accept: 'text/csv' })).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toEqual([
      'year,city_code,city_name,occupation_code,occupation_name,enrolled,completed,certificates_issued,suppressed,licence',
      `2019,360700,赣州市,${SOFTWARE},计算机软件工程技术人员,,12,0,enrolled,CC-BY-4.0`,
    ]);
  });
});

describe('catalogue, OpenAPI and rate limit', () => {
  it('describes the datasets and documents every route with tags', async () => {
    const index = await get('/api/open');
    expectLicence(index);
    expect(index.json()).toMatchObject({ suppression: { wageMinObservations: 10, countSuppressBelow: 5 } });
    const doc = (await get('/api/openapi.json')).json();
    for (const p of ['/api/open/wages', '/api/open/demand', '/api/open/training']) {
      expect(doc.paths[p].get.tags, p).toEqual(['open-data']);
      expect(doc.paths[p].get.description.length).toBeGreaterThan(40);
    }
  });

  it('answers 429 RATE_LIMITED with Retry-After after the per-minute limit', async () => {
    const base = testConfig();
    const limited = await createTestApp({ config: { rateLimit: { ...base.rateLimit, openDataPerMinute: 3 } } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.app.inject({ url: '/api/open/wages' })).statusCode).toBe(200);
      const res = await limited.app.inject({ url: '/api/open/wages' });
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // the limit is per route: the other datasets still answer
      expect((await limited.app.inject({ url: '/api/open/demand' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
