/**
 * 工资价位: percentile method against hand-computed numbers, suppression under 10 observations, what counts
 * as a posting's pay, survey upload (normalisation, row errors, region scope, idempotent re-upload, withdrawal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { monthlyFen } from '../../../shared/wages.js';
import { seedWages } from './wages.seed.js';
import { refreshWages } from './wages.tasks.js';
import { insertPostings, NOT_DIGITAL, SOFTWARE, surveyXlsx, XLSX_TYPE } from './wages.test-support.js';

let t: TestApp;
let ganzhou: Session;

beforeAll(async () => {
  t = await createTestApp();
  ganzhou = await t.signIn('official.ganzhou');
  // 赣州 2019: ten postings whose midpoints are 3000 … 15000 元 (min/max chosen so the midpoint, not an end, counts)
  const pairs: [number, number][] = [
    [2500, 3500],
    [4000, 4000],
    [4000, 5000],
    [3000, 7000],
    [5000, 7000],
    [6000, 7000],
    [6000, 8000],
    [8000, 8000],
    [8000, 12000],
    [10000, 20000],
  ];
  await insertPostings(t.database, [
    ...pairs.map(([minYuan, maxYuan], i) => ({ regionCode: i % 2 ? '360702' : '360703', minYuan, maxYuan, publishedAt: '2019-06-15T02:00:00Z' })),
    // left out: 面议 (no minimum), never published, not a digital occupation, published 2020-01-01 00:30 China time
    { regionCode: '360702', minYuan: 0, maxYuan: 0, publishedAt: '2019-06-15T02:00:00Z' },
    { regionCode: '360702', minYuan: 5000, maxYuan: 6000, publishedAt: null },
    { regionCode: '360702', minYuan: 3000, maxYuan: 3000, publishedAt: '2019-06-15T02:00:00Z', occupationCode: NOT_DIGITAL },
    { regionCode: '360702', minYuan: 50000, maxYuan: 50000, publishedAt: '2019-12-31T16:30:00Z' },
    // 南昌 2019: nine postings at 9000 元
    ...Array.from({ length: 9 }, () => ({ regionCode: '360102', minYuan: 9000, maxYuan: 9000, publishedAt: '2019-03-01T02:00:00Z' })),
  ]);
  await refreshWages(t.database.db, t.clock.now());
});
afterAll(async () => t?.close());

const cell = async (q: string) => {
  const res = await t.app.inject({ url: `/api/open/wages?${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Record<string, unknown>[];
};
const upload = (s: Session, body: Buffer, year = 2020) =>
  s.request({ method: 'POST', url: `/api/wages/surveys?year=${year}&fileName=survey.xlsx`, payload: body, headers: { 'content-type': XLSX_TYPE } });

describe('postings', () => {
  it('computes P10–P90 by linear interpolation of posting midpoints (hand-computed)', async () => {
    const [g] = await cell(`source=postings&year=2019&city=360700&occupation=${SOFTWARE}`);
    // sorted midpoints 3000 4000 4500 5000 6000 6500 7000 8000 10000 15000; h = 9p
    expect(g).toMatchObject({
      cityName: '赣州市',
      occupationName: '计算机软件工程技术人员',
      observations: 10,
      p10Fen: 390_000, // 3000 + 0.9 × 1000
      p25Fen: 462_500, // 4500 + 0.25 × 500
      p50Fen: 625_000, // 6000 + 0.5 × 500
      p75Fen: 775_000, // 7000 + 0.75 × 1000
      p90Fen: 1_050_000, // 10000 + 0.1 × 5000
      suppressed: null,
    });
    const [y2020] = await cell(`source=postings&year=2020&city=360700&occupation=${SOFTWARE}`);
    expect(y2020).toMatchObject({ observations: 1, p50Fen: null, suppressed: 'fewer_than_10_observations' });
    expect(await cell(`year=2019&occupation=${NOT_DIGITAL}`)).toEqual([]);
  });

  it('suppresses a cell under 10 observations and still counts it in the province', async () => {
    const [nc] = await cell(`source=postings&year=2019&city=360100&occupation=${SOFTWARE}`);
    expect(nc).toMatchObject({
      observations: 9,
      p10Fen: null,
      p25Fen: null,
      p50Fen: null,
      p75Fen: null,
      p90Fen: null,
      suppressed: 'fewer_than_10_observations',
    });
    const [jx] = await cell(`source=postings&year=2019&city=360000&occupation=${SOFTWARE}`);
    // 19 values: the ten above and nine of 9000; h = 18p
    expect(jx).toMatchObject({ cityName: '江西省', observations: 19, p10Fen: 440_000, p50Fen: 900_000, p90Fen: 920_000, suppressed: null });
  });

  it('lists what has data for the page', async () => {
    const res = await t.app.inject({ url: '/api/wages/options' });
    expect(res.json().years).toEqual(expect.arrayContaining([2019, 2020]));
    expect(res.json().cities).toEqual(
      expect.arrayContaining([
        { code: '360700', name: '赣州市' },
        { code: '360000', name: '江西省' },
      ]),
    );
  });
});

describe('wage surveys', () => {
  const good: (string | number)[][] = [
    ...[5000, 5500, 6000, 6500, 7000, 7500, 8000, 9000, 9500].map((p) => [SOFTWARE, '计算机软件工程技术人员', '360702', '月', p]),
    [SOFTWARE, '', '360703', '年薪', 120000],
    [SOFTWARE, '', '360702', '日', 400],
    [SOFTWARE, '', '360702', '小时', '50.00'],
    [NOT_DIGITAL, '前厅服务员', '360702', '月', 4000],
  ];

  it('normalises yearly, daily and hourly pay to monthly', () => {
    expect(monthlyFen(12_000_000, 'year')).toBe(1_000_000);
    expect(monthlyFen(40_000, 'day')).toBe(870_000);
    expect(monthlyFen(5_000, 'hour')).toBe(870_000);
    expect(monthlyFen(650_000, 'month')).toBe(650_000);
  });

  it('imports a survey for the own city, computes its cell at once, and ignores the same file uploaded again', async () => {
    const res = await upload(ganzhou, await surveyXlsx(good));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: '360700', year: 2020, rowCount: 12, skippedNotDigital: 1, duplicate: false });
    const [s] = await cell(`source=survey&year=2020&city=360700&occupation=${SOFTWARE}`);
    // sorted monthly: 5000 5500 6000 6500 7000 7500 8000 8700 8700 9000 9500 10000; h = 11p
    expect(s).toMatchObject({ observations: 12, p10Fen: 555_000, p25Fen: 637_500, p50Fen: 775_000, p75Fen: 877_500, p90Fen: 945_000 });
    const again = await upload(ganzhou, await surveyXlsx([...good].reverse()));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: res.json().id, duplicate: true });
    const [stored] = await t.database.query<{ n: number }>(`select count(*)::int as n from wage_survey_rows where batch_id = $1`, [res.json().id]);
    expect(stored?.n).toBe(12);
    const audit = await t.database.query<{ object_id: string }>(`select object_id from audit_log where action = 'wages.survey_upload'`);
    expect(audit.map((a) => a.object_id)).toEqual([res.json().id]);
  });

  it('refuses the whole file with each row error (row, column, reason) and stores nothing', async () => {
    const before = await t.database.query<{ n: number }>(`select count(*)::int as n from wage_survey_batches`);
    const res = await upload(
      ganzhou,
      await surveyXlsx([
        ['9-99-99-99', '', '360702', '月', 5000],
        [SOFTWARE, '', '360102', '月', 5000],
        [SOFTWARE, '', '360702', '周', 5000],
        [SOFTWARE, '', '360702', '月', 'abc'],
        [SOFTWARE, '', '360702', '月', 100],
        [SOFTWARE, '', '360000', '月', 5000],
        [SOFTWARE, '', '360702', '月', 6000],
      ]),
      2021,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('WAGES_SURVEY_ROWS_INVALID');
    expect(res.json().params).toEqual({
      errorCount: 6,
      errors: [
        { row: 2, column: '职业代码', reason: 'occupation_unknown' },
        { row: 3, column: '地区代码', reason: 'region_outside_scope' },
        { row: 4, column: '计薪周期', reason: 'pay_period_invalid' },
        { row: 5, column: '工资（元）', reason: 'pay_invalid' },
        { row: 6, column: '工资（元）', reason: 'pay_out_of_range' },
        { row: 7, column: '地区代码', reason: 'region_not_city' },
      ],
    });
    expect(await t.database.query(`select count(*)::int as n from wage_survey_batches`)).toEqual(before);
    const header = await upload(ganzhou, await surveyXlsx([[SOFTWARE, '360702', 5000]], ['职业代码', '地区代码', '工资']));
    expect(header.json()).toMatchObject({ code: 'WAGES_SURVEY_HEADER_MISSING', params: { columns: '计薪周期、工资（元）' } });
    expect((await upload(ganzhou, Buffer.from('not a workbook'))).json().code).toBe('WAGES_SURVEY_UNREADABLE');
    expect((await upload(ganzhou, await surveyXlsx([]))).json().code).toBe('WAGES_SURVEY_EMPTY');
  });

  it('keeps uploads to officials of 人社 in their region', async () => {
    const talent = await t.signIn('talent.ganzhou');
    expect((await upload(talent, await surveyXlsx(good))).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/wages/surveys?year=2020', payload: await surveyXlsx(good), headers: { 'content-type': XLSX_TYPE } }))
        .statusCode,
    ).toBe(401);
    const nanchang = await t.signIn('official.nanchang');
    const theirs = await upload(nanchang, await surveyXlsx(good));
    expect(theirs.statusCode).toBe(422);
    expect(theirs.json().params.errors[0]).toEqual({ row: 2, column: '地区代码', reason: 'region_outside_scope' });
    const list = (s: Session) => s.request({ method: 'GET', url: '/api/wages/surveys' });
    expect((await list(nanchang)).json().items).toEqual([]);
    expect((await list(ganzhou)).json().items).toHaveLength(1);
    expect((await list(await t.signIn('official.province'))).json().items).toHaveLength(1);
    const id = (await list(ganzhou)).json().items[0].id as string;
    expect((await nanchang.request({ method: 'POST', url: `/api/wages/surveys/${id}/withdraw` })).statusCode).toBe(404);
    expect((await talent.request({ method: 'POST', url: `/api/wages/surveys/${id}/withdraw` })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/wages/surveys/${id}/withdraw` })).statusCode).toBe(401);
    expect((await talent.request({ method: 'GET', url: '/api/wages/surveys' })).statusCode).toBe(403);
  });

  it('withdraws a batch: its rows stop counting; uploading the file again restores it', async () => {
    const id = (await ganzhou.request({ method: 'GET', url: '/api/wages/surveys' })).json().items[0].id as string;
    const res = await ganzhou.request({ method: 'POST', url: `/api/wages/surveys/${id}/withdraw` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().withdrawnAt).not.toBeNull();
    expect(await cell(`source=survey&year=2020`)).toEqual([]);
    expect((await ganzhou.request({ method: 'POST', url: `/api/wages/surveys/${id}/withdraw` })).json().code).toBe('WAGES_SURVEY_WITHDRAWN');
    const again = await upload(ganzhou, await surveyXlsx(good));
    expect(again.statusCode).toBe(201);
    expect((await cell(`source=survey&year=2020&city=360700&occupation=${SOFTWARE}`))[0]).toMatchObject({ observations: 12, p50Fen: 775_000 });
  });

  it('serves the template with the expected columns', async () => {
    const res = await t.app.inject({ url: '/api/wages/surveys/template' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('demo seed', () => {
  it('stores a 赣州 survey once and computes its cells, one suppressed', async () => {
    const first = await seedWages(t.ctx());
    expect(first.surveyRows).toBe(214);
    await seedWages(t.ctx());
    const batches = await t.database.query<{ n: number }>(`select count(*)::int as n from wage_survey_batches where file_name like '%演示数据%'`);
    expect(batches[0]?.n).toBe(1);
    const year = new Date(t.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear() - 1;
    const cells = await cell(`source=survey&year=${year}&city=360700`);
    expect(cells.find((c) => c.occupationCode === '2-02-38-08')).toMatchObject({ observations: 6, suppressed: 'fewer_than_10_observations' });
    expect(cells.find((c) => c.occupationCode === SOFTWARE)).toMatchObject({ observations: 64, suppressed: null });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('on PostgreSQL', () => {
  it('stores one batch when the same file is uploaded twice at the same moment', async () => {
    const body = await surveyXlsx(Array.from({ length: 11 }, (_, i) => [SOFTWARE, '', '360703', '月', 7000 + i * 50]));
    const [a, b] = await Promise.all([upload(ganzhou, body, 2022), upload(ganzhou, body, 2022)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const rows = await t.database.query<{ n: number }>(`select count(*)::int as n from wage_survey_rows where year = 2022`);
    expect(rows[0]?.n).toBe(11);
  });
});
