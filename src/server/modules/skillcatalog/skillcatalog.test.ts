/** Catalogue versions over HTTP and the lookups other modules call (PGlite, and PostgreSQL with DATABASE_URL). */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { catalogueEntriesInForce, chinaDate, subsidyStandardFor } from './skillcatalog.lookup.js';
import { seedSkillCatalogues } from './skillcatalog.seed.js';

const DAY_MS = 86_400_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let nanchang: Session;
let ganzhou: Session;
let province: Session;

beforeAll(async () => {
  t = await createTestApp();
  // 10 March, noon in China: far from a month end, so "next month" is unambiguous
  t.clock.set(new Date('2026-03-10T04:00:00Z'));
  nanchang = await t.signIn('official.nanchang');
  ganzhou = await t.signIn('official.ganzhou');
  province = await t.signIn('official.province');
});
afterAll(async () => t?.close());

const today = () => chinaDate(t.clock.now());
const daysFromToday = (n: number) => chinaDate(new Date(t.clock.now().getTime() + n * DAY_MS));
const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const anon = (url: string) => t.app.inject({ method: 'GET', url });
const auditCount = async (action: string, objectId: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = $1 and object_id = $2`, [action, objectId]))[0]?.n ?? 0;

async function workbook(
  rows: (string | number)[][],
  headers = ['职业编码', '职业名称', '工种', '等级', '补贴标准（元）', '数字职业', '备注'],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('目录条目');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function draft(s: Session, body: Record<string, unknown>): Promise<string> {
  const res = await post(s, '/api/skill-catalogues/versions', { kind: 'training_subsidy', label: '测试版本一', effectiveFrom: today(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('seeded demo catalogues', () => {
  it('answers this month and next month differently, and a city version replaces the province one', async () => {
    expect(await seedSkillCatalogues(t.ctx())).toBeGreaterThan(4);
    const db = t.database.db;
    const on = today();
    const nextMonth = '2026-04-01';
    const provinceNow = await subsidyStandardFor(db, { occupationCode: '4-04-05-05', levelCode: '5', on, regionCode: '360402' });
    expect(provinceNow).toMatchObject({
      kind: 'training_subsidy',
      publisherRegionCode: '360000',
      subsidyFen: 100_000,
      digital: true,
      effectiveTo: '2026-03-31',
    });
    const provinceNext = await subsidyStandardFor(db, { occupationCode: '4-04-05-05', levelCode: '5', on: nextMonth, regionCode: '360402' });
    expect(provinceNext).toMatchObject({ subsidyFen: 120_000, effectiveFrom: nextMonth, effectiveTo: null });
    // the future version does not change what today's lookups return
    expect((await subsidyStandardFor(db, { occupationCode: '4-04-05-05', levelCode: '5', on: '2026-03-31', regionCode: '360402' }))?.subsidyFen).toBe(100_000);
    // 赣州 (a county of it) gets the city's version
    expect(await subsidyStandardFor(db, { occupationCode: '4-04-05-05', levelCode: '5', on, regionCode: '360702' })).toMatchObject({
      publisherRegionCode: '360700',
      subsidyFen: 110_000,
    });
    // not in the catalogue, or a level not listed: null
    expect(await subsidyStandardFor(db, { occupationCode: '4-04-05-05', levelCode: '1', on, regionCode: '360402' })).toBeNull();
    expect(await subsidyStandardFor(db, { occupationCode: '2-02-38-01', levelCode: '5', on: '2025-12-31', regionCode: '360402' })).toBeNull();
    const shortage = await catalogueEntriesInForce(db, { kind: 'shortage', on, regionCode: '360702' });
    expect(shortage.map((e) => e.occupationCode)).toContain('6-18-02-04');
    expect(shortage.find((e) => e.occupationCode === '6-18-02-04')).toMatchObject({ workType: '电焊工', levelCode: null, subsidyFen: null, digital: false });
  });

  it('shows the public what is in force and what the next version changes', async () => {
    const res = await anon('/api/skill-catalogues/in-force?kind=training_subsidy&regionCode=360700');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toMatchObject({ regionCode: '360700', regionName: '赣州市', inForce: true, allowedActions: [] });
    const digital = (await anon('/api/skill-catalogues/in-force?kind=training_subsidy&regionCode=360000&digitalOnly=true')).json();
    expect(digital.entries.length).toBeGreaterThan(20);
    expect(digital.entries.every((e: { digital: boolean }) => e.digital)).toBe(true);
    const versions = (await anon('/api/skill-catalogues/versions?kind=training_subsidy&regionCode=360000')).json().items;
    expect(versions.map((v: { status: string }) => v.status)).toEqual(['published', 'published']);
    const [next, current] = versions;
    const diff = (await anon(`/api/skill-catalogues/diff?from=${current.id}&to=${next.id}`)).json();
    expect(diff.added.map((e: { occupationCode: string }) => e.occupationCode)).toEqual(['4-04-05-14', '4-04-05-14', '4-04-05-14']);
    expect(new Set(diff.removed.map((e: { occupationCode: string }) => e.occupationCode))).toEqual(new Set(['4-10-01-03']));
    const ai5 = diff.changed.find((e: { occupationCode: string; levelCode: string }) => e.occupationCode === '4-04-05-05' && e.levelCode === '5');
    expect(ai5).toMatchObject({ before: { subsidyFen: 100_000 }, after: { subsidyFen: 120_000 } });
    // the 赣州 draft is not public
    const ganzhouDrafts = (await anon('/api/skill-catalogues/versions?regionCode=360700&status=draft')).json().items;
    expect(ganzhouDrafts).toEqual([]);
    expect((await get(ganzhou, '/api/skill-catalogues/versions?regionCode=360700&status=draft')).json().items).toHaveLength(1);
    expect((await get(nanchang, '/api/skill-catalogues/versions?regionCode=360700&status=draft')).json().items).toHaveLength(0);
  });
});

describe('versions and effective dates', () => {
  it('publishes a draft, and a later version closes it the day before without changing today', async () => {
    const v1 = await draft(nanchang, { label: '南昌市2026年版' });
    const anonDraft = await anon(`/api/skill-catalogues/versions/${v1}`);
    expect(anonDraft.statusCode).toBe(404);
    expect((await get(ganzhou, `/api/skill-catalogues/versions/${v1}`)).statusCode).toBe(404);
    expect((await post(nanchang, `/api/skill-catalogues/versions/${v1}/transitions/publish`)).json().code).toBe('CATALOGUE_EMPTY');
    const entry = await post(nanchang, `/api/skill-catalogues/versions/${v1}/entries`, { occupationCode: '4-04-05-05', levelCode: '5', subsidyFen: 105_000 });
    expect(entry.statusCode, entry.body).toBe(200);
    await post(nanchang, `/api/skill-catalogues/versions/${v1}/entries`, { occupationCode: '6-31-01-03', levelCode: '4', subsidyFen: 120_000 });
    const published = await post(nanchang, `/api/skill-catalogues/versions/${v1}/transitions/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', inForce: true, effectiveTo: null, entryCount: 2 });
    expect(published.json().entries.find((e: { occupationCode: string }) => e.occupationCode === '4-04-05-05').digital).toBe(true);
    expect(published.json().entries.find((e: { occupationCode: string }) => e.occupationCode === '6-31-01-03').digital).toBe(false);
    expect((await anon(`/api/skill-catalogues/versions/${v1}`)).statusCode).toBe(200);
    // published versions are frozen
    const frozen = await post(nanchang, `/api/skill-catalogues/versions/${v1}/entries`, { occupationCode: '4-04-05-05', levelCode: '4', subsidyFen: 1 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('CATALOGUE_NOT_EDITABLE');

    const start = daysFromToday(30);
    const v2 = await draft(nanchang, { label: '南昌市2026年调整版', effectiveFrom: start, copyFrom: v1 });
    expect((await get(nanchang, `/api/skill-catalogues/versions/${v2}`)).json().entryCount).toBe(2);
    await post(nanchang, `/api/skill-catalogues/versions/${v2}/entries`, { occupationCode: '4-04-05-05', levelCode: '5', subsidyFen: 130_000 });
    expect((await post(nanchang, `/api/skill-catalogues/versions/${v2}/transitions/publish`)).statusCode).toBe(200);
    const old = (await get(nanchang, `/api/skill-catalogues/versions/${v1}`)).json();
    expect(old.effectiveTo).toBe(daysFromToday(29));
    expect(await auditCount('catalogue_version.superseded', v1)).toBe(1);
    expect(await auditCount('catalogue_version.publish', v2)).toBe(1);

    const db = t.database.db;
    const q = { occupationCode: '4-04-05-05', levelCode: '5', regionCode: '360102' };
    expect((await subsidyStandardFor(db, { ...q, on: today() }))?.subsidyFen).toBe(105_000);
    expect((await subsidyStandardFor(db, { ...q, on: daysFromToday(29) }))?.subsidyFen).toBe(105_000);
    expect((await subsidyStandardFor(db, { ...q, on: start }))?.subsidyFen).toBe(130_000);
    // 南昌's own catalogue replaces the province's there
    expect(await subsidyStandardFor(db, { occupationCode: '2-02-38-01', levelCode: '5', on: today(), regionCode: '360102' })).toBeNull();

    // a version may not start on or before the latest published one, nor in the past
    const v3 = await draft(nanchang, { label: '南昌市错误日期版', effectiveFrom: daysFromToday(10), copyFrom: v1 });
    const early = await post(nanchang, `/api/skill-catalogues/versions/${v3}/transitions/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'CATALOGUE_EFFECTIVE_FROM_NOT_AFTER_CURRENT', params: { latest: start } });
    const past = await post(nanchang, '/api/skill-catalogues/versions', { kind: 'training_subsidy', label: '南昌过去版本', effectiveFrom: daysFromToday(-1) });
    expect(past.json().code).toBe('CATALOGUE_EFFECTIVE_FROM_PAST');
    const discarded = await post(nanchang, `/api/skill-catalogues/versions/${v3}/transitions/discard`, { reason: '日期有误' });
    expect(discarded.json().status).toBe('discarded');

    // a month later the in-force answer follows the calendar
    const saved = t.clock.now();
    t.clock.advance(30 * DAY_MS);
    const later = (await anon('/api/skill-catalogues/in-force?kind=training_subsidy&regionCode=360102')).json();
    expect(later.version.id).toBe(v2);
    t.clock.set(saved);
  });

  it('keeps officials to their region and publishers to the province or a city', async () => {
    const other = await post(ganzhou, '/api/skill-catalogues/versions', { kind: 'shortage', regionCode: '360100', label: '越权版本', effectiveFrom: today() });
    expect(other.statusCode).toBe(403);
    const county = await post(province, '/api/skill-catalogues/versions', {
      kind: 'shortage',
      regionCode: '360702',
      label: '区县版本',
      effectiveFrom: today(),
    });
    expect(county.json().code).toBe('CATALOGUE_REGION_LEVEL');
    const id = await draft(ganzhou, { kind: 'shortage', label: '赣州市急需紧缺目录' });
    expect((await post(nanchang, `/api/skill-catalogues/versions/${id}/transitions/publish`)).statusCode).toBe(404);
    expect((await post(nanchang, `/api/skill-catalogues/versions/${id}/entries`, { occupationCode: '4-04-05-05' })).statusCode).toBe(404);
    expect((await get(province, `/api/skill-catalogues/versions/${id}`)).statusCode).toBe(200);
    const talent = await t.signIn('talent.ganzhou');
    expect((await post(talent, '/api/skill-catalogues/versions', { kind: 'shortage', label: '个人版本', effectiveFrom: today() })).statusCode).toBe(403);
    // entry rules: a shortage entry has no subsidy, a subsidy entry needs level and standard, codes must be 细类
    const withSubsidy = await post(ganzhou, `/api/skill-catalogues/versions/${id}/entries`, { occupationCode: '4-04-05-05', subsidyFen: 100 });
    expect(withSubsidy.json()).toMatchObject({ code: 'CATALOGUE_ENTRY_INVALID', params: { problem: 'subsidy_not_allowed' } });
    const unknown = await post(ganzhou, `/api/skill-catalogues/versions/${id}/entries`, { occupationCode: '9-99-99-99' });
    expect(unknown.json().code).toBe('CATALOG_UNKNOWN_CODE');
    const sub = await draft(ganzhou, { label: '赣州补贴草稿二' });
    const noLevel = await post(ganzhou, `/api/skill-catalogues/versions/${sub}/entries`, { occupationCode: '4-04-05-05', subsidyFen: 100 });
    expect(noLevel.json().params.problem).toBe('level_required');
  });
});

describe('Excel import and export', () => {
  it('reports every bad row and imports nothing, then imports a clean file and exports it back', async () => {
    const id = await draft(province, { label: '省级测试导入版', effectiveFrom: daysFromToday(60), regionCode: '360000' });
    await post(province, `/api/skill-catalogues/versions/${id}/entries`, { occupationCode: '6-31-01-03', levelCode: '5', subsidyFen: 80_000 });
    const bad = await workbook([
      ['4-04-05-05', '人工智能训练师', '', '五级/初级工', '1,000', '', ''],
      ['9-99-99-99', '不存在', '', '五级', '1000', '', ''],
      ['2-02-38', '数字技术工程技术人员', '', '初级', '1000', '', ''],
      ['4-04-05-01', '', '', '六级', '1000', '', ''],
      ['4-04-05-02', '', '', '四级', '', '', ''],
      ['4-04-05-02', '', '', '三级', '12.345', '', ''],
      ['4-04-05-05', '', '', '初级工', '1200', '', ''],
      ['', '', '', '五级', '900', '', ''],
    ]);
    const res = await province.request({ method: 'POST', url: `/api/skill-catalogues/versions/${id}/import`, payload: bad, headers: { 'content-type': XLSX } });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.code).toBe('CATALOGUE_IMPORT_ROWS_INVALID');
    expect(body.params.count).toBe(7);
    expect(body.params.rows.map((r: { row: number; error: string }) => `${r.row}:${r.error}`)).toEqual([
      '3:occupation_unknown',
      '4:occupation_not_detailed',
      '5:level_invalid',
      '6:subsidy_required',
      '7:subsidy_invalid',
      '8:duplicate',
      '9:occupation_required',
    ]);
    expect((await get(province, `/api/skill-catalogues/versions/${id}`)).json().entryCount).toBe(1);

    const good = await workbook([
      ['4-04-05-05', '人工智能训练师', '', '五级/初级工', '1,000', '', ''],
      ['4-04-05-05', '人工智能训练师', '', '四级', '1500.5', '', '含实操考核'],
      ['6-18-02-04', '焊工', '电焊工', '三级', 1800, '', ''],
    ]);
    const ok = await province.request({ method: 'POST', url: `/api/skill-catalogues/versions/${id}/import`, payload: good, headers: { 'content-type': XLSX } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 3 });
    const version = (await get(province, `/api/skill-catalogues/versions/${id}`)).json();
    expect(
      version.entries.map((e: { occupationCode: string; levelCode: string; subsidyFen: number; workType: string }) => [
        e.occupationCode,
        e.workType,
        e.levelCode,
        e.subsidyFen,
      ]),
    ).toEqual([
      ['4-04-05-05', '', '5', 100_000],
      ['4-04-05-05', '', '4', 150_050],
      ['6-18-02-04', '电焊工', '3', 180_000],
    ]);
    expect(await auditCount('catalogue_version.import', id)).toBe(1);

    const file = await get(province, `/api/skill-catalogues/versions/${id}/export`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(2).values).toEqual([undefined, '4-04-05-05', '人工智能训练师', '', '五级/初级工', '1000.00', '是', '']);
    expect(sheet.getRow(3).getCell(5).value).toBe('1500.50');
    // the export imports back unchanged into a new draft
    const copy = await draft(province, { label: '省级导出再导入版', effectiveFrom: daysFromToday(61), regionCode: '360000' });
    const again = await province.request({
      method: 'POST',
      url: `/api/skill-catalogues/versions/${copy}/import`,
      payload: file.rawPayload,
      headers: { 'content-type': XLSX },
    });
    expect(again.json()).toEqual({ imported: 3 });
    const diff = (await get(province, `/api/skill-catalogues/diff?from=${id}&to=${copy}`)).json();
    expect({ added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged }).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 3,
    });
    // an unreadable file and a sheet without the required columns
    const junk = await province.request({
      method: 'POST',
      url: `/api/skill-catalogues/versions/${copy}/import`,
      payload: Buffer.from('not a workbook'),
      headers: { 'content-type': XLSX },
    });
    expect(junk.json().code).toBe('IMPORT_FILE_UNREADABLE');
    const noHeader = await province.request({
      method: 'POST',
      url: `/api/skill-catalogues/versions/${copy}/import`,
      payload: await workbook([['4-04-05-05']], ['编码']),
      headers: { 'content-type': XLSX },
    });
    expect(noHeader.json().code).toBe('IMPORT_HEADER_MISSING');
  });
});
