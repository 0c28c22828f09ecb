/**
 * The in-process index answers exactly what the SQL definition answers (totals, every facet count, the
 * matching set, date and salary order, pages), over a few hundred seeded postings, on PGlite and on
 * PostgreSQL (DATABASE_URL). Plus the pure parts: tsquery parsing and posting-list algebra.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { JobSearchQuery } from '../../../shared/jobs.js';
import { silentProgress } from '../../lib/progress.js';
import { intersect, SearchIndex, union } from './jobs.search-index.js';
import { parseTsquery } from './jobs.search-query.js';
import { prepareSearchIndex, searchWithIndex, searchWithSql, setSearchCache } from './jobs.search.js';
import { seedJobs } from './jobs.seed.js';

let t: TestApp;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  await seedJobs(t.ctx(), 400, silentProgress);
  // edge cases: no education, an expired validity, an unpublished draft-like status, a null published_at
  await t.database.query(`update job_postings set education_code = null where id in (select id from job_postings order by id limit 15)`);
  await t.database.query(`update job_postings set valid_until = valid_from where id in (select id from job_postings order by id desc limit 10)`);
  await t.database.query(`update job_postings set status = 'closed' where id in (select id from job_postings order by id offset 40 limit 10)`);
  await t.database.query(
    `update job_postings set salary_max_fen = 900000, salary_min_fen = 500000 where id in (select id from job_postings order by id offset 60 limit 30)`,
  );
  expect(await prepareSearchIndex(t.database)).not.toBeNull();
  setSearchCache(false);
});
afterAll(async () => {
  setSearchCache(true);
  await t?.close();
});

const QUERIES = [
  '',
  'q=工程师',
  'q=数据分析',
  'q=大数据开发工程师',
  'q=Java开发',
  'q=数据 python',
  'q=据分析', // partial word: trigram/ILIKE fallback
  'q=析师&city=360700',
  'q=飞行员',
  'q=工程师&city=360700',
  'q=开发&county=360111',
  'q=运营&digital=true&education=20',
  'education=21',
  'education=30&digital=false',
  'occupation=2-02&salaryMin=1000000',
  'occupation=4',
  'postedWithin=7',
  'q=工程师&postedWithin=30&salaryMin=800000',
  'sort=salary',
  'sort=salary&city=360100',
  'sort=newest&q=数据',
  'q=开发&sort=salary&page=2&pageSize=7',
  'page=3&pageSize=9',
  'q=c++',
  'q=!',
];

const parse = (qs: string) => JobSearchQuery.parse(Object.fromEntries(new URLSearchParams(qs)));

describe('job search index', () => {
  it('agrees with the SQL definition on totals, facets and pages', async () => {
    for (const offset of [0, 70]) {
      const ctx = { ...t.ctx(), now: new Date(t.clock.now().getTime() + offset * DAY_MS) };
      for (const qs of QUERIES) {
        const q = parse(qs);
        const fast = await searchWithIndex(ctx, q);
        const exact = await searchWithSql(ctx, q);
        expect(fast, qs).not.toBeNull();
        if (!fast) continue;
        expect(fast.match, qs).toBe(exact.match);
        expect(fast.counts, qs).toEqual(exact.counts);
        const relevance = (q.sort ?? (exact.match === 'all' ? 'newest' : 'relevance')) === 'relevance';
        if (!relevance) expect(fast.pageIds, qs).toEqual(exact.pageIds);
        else expect(fast.pageIds.length, qs).toBe(exact.pageIds.length);
      }
    }
  });

  it('finds the same set as SQL when ranking by relevance', async () => {
    for (const qs of ['q=工程师', 'q=数据分析', 'q=据分析', 'q=区块链']) {
      const all = parse(`${qs}&pageSize=50`);
      const fastIds: string[] = [];
      const exactIds: string[] = [];
      for (let page = 1; page <= 10; page++) {
        fastIds.push(...((await searchWithIndex(t.ctx(), { ...all, page }))?.pageIds ?? []));
        exactIds.push(...(await searchWithSql(t.ctx(), { ...all, page })).pageIds);
      }
      expect(new Set(fastIds).size, qs).toBe(fastIds.length);
      expect([...fastIds].sort(), qs).toEqual([...exactIds].sort());
    }
  });

  it('ranks title matches first', async () => {
    const res = await searchWithIndex(t.ctx(), parse('q=开发&pageSize=20'));
    const titles = (
      await t.database.query<{ id: string; title: string }>('select id::text as id, title from job_postings where id = any($1::uuid[])', [res?.pageIds ?? []])
    ).map((r) => r.title);
    expect(titles.length).toBe(20);
    for (const title of titles) expect(title).toContain('开发');
  });
});

describe('tsquery parsing and posting lists', () => {
  it('parses PostgreSQL tsquery output and refuses what it cannot evaluate', () => {
    expect(parseTsquery("( '数据分析' | '数据' & '分析' ) & 'python'")).toEqual({
      kind: 'and',
      left: {
        kind: 'or',
        left: { kind: 'term', lexeme: '数据分析' },
        right: { kind: 'and', left: { kind: 'term', lexeme: '数据' }, right: { kind: 'term', lexeme: '分析' } },
      },
      right: { kind: 'term', lexeme: 'python' },
    });
    expect(parseTsquery("'it''s'")).toEqual({ kind: 'term', lexeme: "it's" });
    expect(parseTsquery("'a' <-> 'b'")).toBeNull();
    expect(parseTsquery("'a':*")).toBeNull();
    expect(parseTsquery("!'a'")).toBeNull();
    expect(parseTsquery('')).toBeNull();
  });

  it('intersects and unites sorted lists', () => {
    const a = Int32Array.from([1, 3, 5, 7, 9, 200, 300]);
    const b = Int32Array.from([2, 3, 9, 10, 300, 301]);
    expect([...intersect(a, b)]).toEqual([3, 9, 300]);
    expect([...intersect(b, a)]).toEqual([3, 9, 300]);
    expect([...union(a, b)]).toEqual([1, 2, 3, 5, 7, 9, 10, 200, 300, 301]);
    expect([...intersect(a, new Int32Array(0))]).toEqual([]);
  });
});

describe('SearchIndex', () => {
  const job = (i: number, lexemes: string[]) => ({
    id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    regionCode: i % 2 ? '360702' : '360111',
    occupationCode: '2-02-38-03',
    educationCode: null,
    isDigital: true,
    salaryMinFen: 100,
    salaryMaxFen: 200,
    publishedAt: i,
    validFrom: 0,
    validUntil: 10,
    title: `岗位${i}`,
    lexemes,
  });

  it('replaces, removes and compacts without losing or reordering postings', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 3000; i++) index.upsert(job(i, i % 3 === 0 ? ['java', '开发'] : ['开发']));
    for (let i = 0; i < 3000; i += 2) index.remove(job(i, []).id);
    index.upsert(job(1, ['python'])); // an edit moves the posting to a new slot
    expect(index.size).toBe(1500);
    expect(index.needsCompaction()).toBe(true);
    const live = (lexeme: string) => [...index.postingsOf(lexeme)].filter((s) => index.alive[s]).map((s) => index.ids[s]);
    const before = { java: live('java'), dev: live('开发'), python: live('python') };
    const generation = index.generation;
    index.compact();
    expect(index.slots).toBe(1500);
    expect(live('java')).toEqual(before.java);
    expect(live('开发')).toEqual(before.dev);
    expect(live('python')).toEqual([job(1, []).id]);
    expect(before.java.length).toBe(500); // odd multiples of 3 below 3000
    expect([...index.postingsOf('开发')]).toEqual([...index.postingsOf('开发')].sort((a, b) => a - b));
    expect(index.generation).toBe(generation);
    index.remove(job(3, []).id);
    expect(index.generation).toBe(generation + 1);
    expect(index.has(job(3, []).id)).toBe(false);
  });
});
