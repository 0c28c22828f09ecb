import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { loadReferenceCatalogs, REFERENCE_DIR } from './catalog.load.js';

/** Row counts stated in data/reference/SOURCES.md. */
const EXPECTED_COUNTS = {
  regions: 113,
  occupations: 2215,
  occupation_announcements: 126,
  industries: 1971,
  education_levels: 40,
  skill_levels: 13,
  skill_clusters: 36,
  skills: 822,
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog${url}` });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

async function countBy(table: string, column: string): Promise<Record<string, number>> {
  const rows = await t.database.query<{ key: string; n: number }>(`select ${column}::text as key, count(*)::int as n from ${table} group by 1`);
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}

describe('reference data in the database', () => {
  it('has the row counts stated in SOURCES.md', async () => {
    expect(await loadReferenceCatalogs(t.database)).toEqual(EXPECTED_COUNTS);
    expect(await countBy('regions', 'level')).toEqual({ province: 1, city: 11, county: 100, special: 1 });
    expect(await countBy('occupations', 'level')).toEqual({ 1: 8, 2: 79, 3: 450, 4: 1678 });
    expect(await countBy('industries', 'level')).toEqual({ section: 20, division: 97, group: 473, class: 1381 });
    expect(await countBy('occupation_announcements', 'batch')).toEqual({ 1: 13, 2: 16, 3: 9, 4: 18, 5: 18, 6: 19, 7: 17, 8: 16 });
  });

  it('gives 赣江新区 the project-internal code 369900 under the province', async () => {
    const [row] = await t.database.query<Record<string, string>>(`select * from regions where name = '赣江新区'`);
    expect(row).toMatchObject({ code: '369900', level: 'special', parent_code: '360000' });
    expect(row?.note).toMatch(/project-internal/i);
    expect(row?.note).toContain('永修县');
  });

  it('keeps both superseded codes with their status and splits skill aliases', async () => {
    const superseded = await t.database.query<{ code: string; status: string }>(
      `select code, status from occupations where status like 'superseded%' order by code`,
    );
    expect(superseded).toEqual([
      { code: '2-02-32-00', status: 'superseded_by_2-02-32-01' },
      { code: '4-05-02-00', status: 'superseded_by_4-05-02-01' },
    ]);
    const [llm] = await t.database.query<{ aliases_zh: string[] }>(`select aliases_zh from skills where id = 'llm'`);
    expect(llm?.aliases_zh).toEqual(['大型语言模型', '大语言模型', '基座模型']);
  });
});

describe('GET /api/catalog/regions', () => {
  it('lists the 18 county units of 赣州市, cacheable', async () => {
    const res = await get('/regions?parentCode=360700');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body.items).toHaveLength(18);
    expect(res.body.items.every((r: { level: string }) => r.level === 'county')).toBe(true);
    expect(res.body.items[0]).toMatchObject({ code: '360702', name: '章贡区', parentCode: '360700', kind: '市辖区' });
  });

  it('filters by level and rejects a malformed parent code', async () => {
    expect((await get('/regions?level=city')).body.items).toHaveLength(11);
    const bad = await get('/regions?parentCode=36');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/catalog/occupations', () => {
  it('returns 2-02-38-01 人工智能工程技术人员 as digital, with its ancestors', async () => {
    const res = await get('/occupations/2-02-38-01');
    expect(res.status).toBe(200);
    expect(res.body.occupation).toMatchObject({ code: '2-02-38-01', name: '人工智能工程技术人员', level: 4, isDigital: true, status: 'current' });
    expect(res.body.ancestors.map((o: { code: string }) => o.code)).toEqual(['2', '2-02', '2-02-38']);
    expect(res.body.children).toEqual([]);
    const parent = await get('/occupations/2-02-38');
    expect(parent.body.children.map((o: { code: string }) => o.code)).toContain('2-02-38-01');
  });

  it('has 108 digital occupations, all level 4: 97 in the 2022 book and 11 added later, none superseded', async () => {
    const res = await get('/occupations?digital=true&pageSize=100&page=2');
    expect(res.body.total).toBe(108);
    expect(res.body.items).toHaveLength(8);
    const all = await t.database.query<{ level: number; status: string; n: number }>(
      'select level, status, count(*)::int as n from occupations where is_digital group by 1, 2 order by 2',
    );
    expect(all).toEqual([
      { level: 4, status: 'added_after_2022_edition', n: 11 },
      { level: 4, status: 'current', n: 97 },
    ]);
    expect((await get('/occupations?digital=true&level=4&includeSuperseded=true')).body.total).toBe(108);
  });

  it('finds 人工智能 by name, closest matches first', async () => {
    const res = await get(`/occupations?q=${encodeURIComponent('人工智能')}`);
    expect(res.status).toBe(200);
    const codes = res.body.items.map((o: { code: string }) => o.code);
    expect(codes).toEqual(['2-02-38-01', '4-04-05-05', '4-04-05-13']);
    expect(res.body.total).toBe(3);
    // an exact name match outranks an earlier code that merely contains the text
    const exact = await get(`/occupations?q=${encodeURIComponent('小学教师')}`);
    expect(exact.body.items.map((o: { code: string }) => o.code).slice(0, 2)).toEqual(['2-08-02-04', '2-08-02']);
  });

  it('matches a code prefix in q and treats LIKE wildcards literally', async () => {
    const byCode = await get('/occupations?q=2-02-38-0&level=4');
    expect(byCode.body.items[0].code).toBe('2-02-38-01');
    expect((await get(`/occupations?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
  });

  it('lists everything under a code prefix', async () => {
    const res = await get('/occupations?prefix=4-04-05&level=4&pageSize=50');
    const names = res.body.items.map((o: { name: string }) => o.name);
    expect(res.body.total).toBe(15);
    expect(names).toContain('人工智能训练师');
    expect(names).toContain('生成式人工智能系统应用员');
    expect(res.body.items.find((o: { code: string }) => o.code === '4-04-05-13')).toMatchObject({ in2022Edition: false, addedBatch: '6' });
  });

  it('hides superseded codes from search unless asked, but still returns them by code', async () => {
    const q = encodeURIComponent('制药工程技术人员');
    expect((await get(`/occupations?q=${q}&level=4`)).body.items.map((o: { code: string }) => o.code)).toEqual(['2-02-32-01']);
    expect((await get(`/occupations?q=${q}&level=4&includeSuperseded=true`)).body.total).toBe(2);
    expect((await get('/occupations/2-02-32-00')).body.occupation.status).toBe('superseded_by_2-02-32-01');
  });

  it.each([['pageSize=1000'], ['prefix=abc'], ['prefix=9-01'], ['level=5'], ['digital=yes'], ['page=0'], [`q=${'a'.repeat(51)}`]])(
    'rejects %s with 400 VALIDATION_FAILED',
    async (query) => {
      const res = await get(`/occupations?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.headers['cache-control']).not.toBe('public, max-age=300');
    },
  );

  it('answers 404 NOT_FOUND for an unknown code and 400 for a malformed one', async () => {
    const res = await get('/occupations/2-02-99-99');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await get('/occupations/abc')).status).toBe(400);
  });

  it('counts digital occupations by 大类 and 中类', async () => {
    const res = await get('/digital-occupations/summary');
    expect(res.body.total).toBe(108);
    expect(res.body.byMajor.map((g: { code: string; count: number }) => [g.code, g.count])).toEqual([
      ['2', 54],
      ['4', 46],
      ['5', 1],
      ['6', 7],
    ]);
    expect(res.body.byMajor[0].name).toBe('专业技术人员');
    expect(res.body.byMid.find((g: { code: string }) => g.code === '2-02')).toMatchObject({ name: '工程技术人员', count: 49 });
  });
});

describe('other catalogues', () => {
  it('lists industries by level, parent and text', async () => {
    expect((await get('/industries?level=section&pageSize=100')).body.total).toBe(20);
    const software = await get('/industries?parentCode=651');
    expect(software.body.items.map((i: { code: string }) => i.code)).toEqual(['6511', '6512', '6513', '6519']);
    const q = await get(`/industries?q=${encodeURIComponent('软件开发')}`);
    expect(q.body.items[0]).toMatchObject({ code: '651', level: 'group', section: 'I' });
    expect((await get('/industries?level=grouping')).status).toBe(400);
  });

  it('lists education levels, skill levels and skill clusters', async () => {
    const education = await get('/education-levels');
    expect(education.body.items).toHaveLength(40);
    expect(education.body.items[0]).toEqual({ code: '10', name: '研究生教育', parentCode: null, isCategory: true });
    const levels = (await get('/skill-levels')).body.items;
    expect(levels).toHaveLength(13);
    expect(levels.filter((l: { scheme: string }) => l.scheme === 'eight_level_2022').map((l: { nameTraditional: string }) => l.nameTraditional)).toEqual([
      '学徒工',
      '初级工',
      '中级工',
      '高级工',
      '技师',
      '高级技师',
      '特级技师',
      '首席技师',
    ]);
    const clusters = (await get('/skill-clusters')).body.items;
    expect(clusters).toHaveLength(36);
    expect(clusters.reduce((sum: number, c: { skillCount: number }) => sum + c.skillCount, 0)).toBe(822);
  });

  it('finds skills by Chinese name, alias and English name', async () => {
    expect((await get(`/skills?q=${encodeURIComponent('大模型')}`)).body.items[0].id).toBe('llm');
    expect((await get(`/skills?q=${encodeURIComponent('第五代移动通信')}`)).body.items.map((s: { id: string }) => s.id)).toEqual(['5g']);
    expect((await get('/skills?q=retrieval-augmented')).body.items[0].id).toBe('rag');
    const cluster = await get('/skills?clusterId=llm-genai&pageSize=100');
    expect(cluster.body.items.every((s: { clusterId: string }) => s.clusterId === 'llm-genai')).toBe(true);
    expect((await get('/skills?direction=iot&pageSize=1')).body.total).toBe(84);
    expect((await get('/skills?clusterId=Bad!')).status).toBe(400);
  });

  it('lists sources with the required JobE attribution', async () => {
    const items = (await get('/sources')).body.items as { id: string; attribution?: string; note: string }[];
    expect(items.map((s) => s.id)).toContain('occupations-2022');
    expect(items.find((s) => s.id === 'it-skills')?.attribution).toContain('JobE ontology (kangvcar/JobE), CC BY 4.0');
    expect(items.find((s) => s.id === 'jiangxi-map')?.note).toContain('审图号');
  });
});

describe('loadReferenceCatalogs', () => {
  it('is idempotent: a second run skips current tables and keeps the counts', async () => {
    await t.database.query(`update skills set name_zh = 'changed' where id = 'llm'`);
    expect(await loadReferenceCatalogs(t.database)).toEqual(EXPECTED_COUNTS);
    expect(await loadReferenceCatalogs(t.database)).toEqual(EXPECTED_COUNTS);
    // skipped: the stamp and row count still match, so the manual edit survives …
    expect((await t.database.query(`select name_zh from skills where id = 'llm'`))[0]).toEqual({ name_zh: 'changed' });
    // … until a forced reload.
    expect(await loadReferenceCatalogs(t.database, { force: true })).toEqual(EXPECTED_COUNTS);
    expect((await t.database.query(`select name_zh from skills where id = 'llm'`))[0]).toEqual({ name_zh: '大模型' });
  });

  it('reloads a table whose rows went missing', async () => {
    await t.database.query(`delete from regions where level = 'county'`);
    expect((await loadReferenceCatalogs(t.database)).regions).toBe(113);
    expect((await get('/regions?parentCode=360700')).body.items).toHaveLength(18);
  });

  it('reloads only the table whose file changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gancai-ref-'));
    try {
      cpSync(REFERENCE_DIR, dir, { recursive: true });
      const file = path.join(dir, 'admin_divisions/jiangxi_admin_divisions.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('360100,南昌市', '360100,南昌市（测试）'));
      await t.database.query(`update skills set name_zh = 'changed' where id = 'llm'`);
      expect(await loadReferenceCatalogs(t.database, { dir })).toEqual(EXPECTED_COUNTS);
      expect((await t.database.query(`select name from regions where code = '360100'`))[0]).toEqual({ name: '南昌市（测试）' });
      expect((await t.database.query(`select name_zh from skills where id = 'llm'`))[0]).toEqual({ name_zh: 'changed' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await loadReferenceCatalogs(t.database, { force: true });
    }
    expect((await t.database.query(`select name from regions where code = '360100'`))[0]).toEqual({ name: '南昌市' });
  });

  it('fails loudly, naming file and record, on a malformed row', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gancai-ref-'));
    try {
      cpSync(REFERENCE_DIR, dir, { recursive: true });
      const file = path.join(dir, 'skills/jobe_skill_clusters.csv');
      writeFileSync(file, `${readFileSync(file, 'utf8')}broken,,Broken,ai\n`);
      await expect(loadReferenceCatalogs(t.database, { dir })).rejects.toThrow(/jobe_skill_clusters\.csv record 37: name_zh is empty/);
      expect((await t.database.query('select count(*)::int as n from skill_clusters'))[0]).toEqual({ n: 36 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
