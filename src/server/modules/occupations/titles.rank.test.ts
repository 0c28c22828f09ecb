import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { getOccupationClassifier, type OccupationClassifier } from './index.js';
import { buildTitleRanker } from './titles.rank.js';
import { parseTitleTsv, runTitlesRank } from './titles.rank.cli.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const SET = path.join(ROOT, 'data/classifier/titles-rank');

let t: TestApp;
let classifier: OccupationClassifier;
const tmp = mkdtempSync(path.join(tmpdir(), 'titles-rank-'));

beforeAll(async () => {
  t = await createTestApp();
  classifier = await getOccupationClassifier(t.database);
}, 60_000);
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await t?.close();
});

function tsv(name: string): string[][] {
  return readFileSync(path.join(SET, name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

/** Mean average precision of ranked lists against the relevant ids of each query. */
function meanAp(ranked: Map<string, string[]>, relevant: Map<string, Set<string>>): number {
  let sum = 0;
  for (const [q, rel] of relevant) {
    let hits = 0;
    let ap = 0;
    (ranked.get(q) ?? []).forEach((id, i) => {
      if (rel.has(id)) {
        hits++;
        ap += hits / (i + 1);
      }
    });
    sum += ap / rel.size;
  }
  return sum / relevant.size;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const code = await runTitlesRank(args, { stdout, stderr }, async () => classifier);
  return { code, out, err };
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('title ranking', () => {
  it('keeps a floor of MAP on the hand-made set (data/classifier/titles-rank)', () => {
    const corpus = tsv('corpus.tsv').map(([id = '', title = '']) => ({ id, title }));
    const queries = tsv('queries.tsv');
    const relevant = new Map<string, Set<string>>();
    for (const [q = '', c = ''] of tsv('qrels.tsv')) relevant.set(q, (relevant.get(q) ?? new Set()).add(c));
    expect(queries.length).toBeGreaterThanOrEqual(30);
    expect(corpus.length).toBeGreaterThanOrEqual(290);
    const ranker = buildTitleRanker(classifier, corpus);
    const ranked = new Map(queries.map(([q = '', title = '']) => [q, ranker.rank(title, 100).map((r) => r.id)]));
    const map = meanAp(ranked, relevant);
    // text only (the same cosine without classifier, words or exact bonus) as a baseline in the same run
    const textOnly = buildTitleRanker({ ...classifier, classify: () => ({ code: null, name: null, score: 0, candidates: [], matched: [] }) }, corpus);
    const baseline = meanAp(new Map(queries.map(([q = '', title = '']) => [q, textOnly.rank(title, 100).map((r) => r.id)])), relevant);
    console.info(`titles-rank MAP ${map.toFixed(4)} (without the classifier ${baseline.toFixed(4)})`);
    expect(map).toBeGreaterThanOrEqual(0.8);
    expect(map).toBeGreaterThan(baseline);
  });

  it('tells hard negatives apart and knows synonyms the lexicon knows', () => {
    const corpus = [
      { id: 'sales-eng', title: '销售工程师' },
      { id: 'soft-eng', title: '软件工程师' },
      { id: 'front', title: '前端开发工程师' },
      { id: 'back', title: '后端开发工程师' },
      { id: 'hr', title: '人力资源业务伙伴' },
      { id: 'cook', title: '厨师' },
      { id: 'ui', title: 'ＵＩ设计师（8-12K）' },
    ];
    const r = buildTitleRanker(classifier, corpus);
    expect(r.rank('软件开发工程师')[0]?.id).toBe('soft-eng');
    expect(r.rank('技术销售工程师')[0]?.id).toBe('sales-eng');
    expect(r.rank('web前端')[0]?.id).toBe('front');
    expect(r.rank('后端工程师')[0]?.id).toBe('back');
    expect(r.rank('HRBP')[0]?.id).toBe('hr');
    expect(r.rank('南昌某某公司招聘UI设计师')[0]).toEqual({ id: 'ui', score: expect.any(Number) });
    const scores = r.rank('软件开发工程师').map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.rank('软件开发工程师', 2)).toHaveLength(2);
    expect(r.rank('急招！！！')).toEqual([]);
  });

  it('ranks thousands of queries over tens of thousands of titles in reasonable time', () => {
    const base = tsv('corpus.tsv').map(([, title = '']) => title);
    const corpus = Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, title: `${base[i % base.length]}${i % 7 === 0 ? '' : ` ${i % 97}号`}` }));
    const started = performance.now();
    const r = buildTitleRanker(classifier, corpus);
    const built = performance.now();
    const queries = tsv('queries.tsv').map(([, title = '']) => title);
    for (let i = 0; i < 300; i++) expect(r.rank(queries[i % queries.length] ?? '', 100).length).toBeGreaterThan(0);
    const perQuery = (performance.now() - built) / 300;
    console.info(`titles-rank 20k corpus built in ${((built - started) / 1000).toFixed(1)} s, ${perQuery.toFixed(1)} ms a query`);
    expect(perQuery).toBeLessThan(200);
  }, 120_000);
});

describe('gancai titles rank', () => {
  const queries = () => write('q.tsv', '\uFEFFq1\tJava开发\r\nq2\t护士\n\nq3\t急招！！！\n');
  const corpus = () => write('c.tsv', 'a\t后端开发工程师\nb\tJava工程师\nc\t注册护士\nd\t厨师\ne\t护理人员\n');

  it('writes q_id, c_id, score lines, best first per query, queries in input order, at most --top', async () => {
    const r = await run(['--queries', queries(), '--corpus', corpus(), '--top', '2']);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    for (const l of lines) expect(l).toHaveLength(3);
    expect(lines.map((l) => l[0])).toEqual(['q1', 'q1', 'q2', 'q2']);
    expect(lines[0]?.[1]).toBe('b');
    expect(new Set(lines.slice(2).map((l) => l[1]))).toEqual(new Set(['c', 'e']));
    expect(Number(lines[0]?.[2])).toBeGreaterThanOrEqual(Number(lines[1]?.[2]));
    expect(r.err).toMatch(/3 queries × 5 titles/);
    // without --top: every corpus title with anything in common (q1: the two developer titles, not 护士 or 厨师)
    const all = await run([`--queries=${queries()}`, `--corpus=${corpus()}`]);
    expect(all.code).toBe(0);
    expect(
      all.out
        .split('\n')
        .filter((l) => l.startsWith('q1\t'))
        .map((l) => l.split('\t')[1]),
    ).toEqual(['b', 'a']);
    const one = await run(['--queries', queries(), '--corpus', corpus(), '--top', '1']);
    expect(
      one.out
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2).join(' ')),
    ).toEqual(['q1 b', expect.stringMatching(/^q2 [ce]$/)]);
  });

  it.each([
    [['--queries', '/nonexistent/q.tsv', '--corpus', '/nonexistent/c.tsv'], /file not found: \/nonexistent\//],
    [['--corpus', '/nonexistent/c.tsv'], /--queries and --corpus are required/],
    [['--queries'], /--queries needs a value/],
    [['--queries', 'Q', '--corpus', 'C', '--top', '0'], /--top must be an integer/],
    [['--queries', 'Q', '--corpus', 'C', '--top', 'ten'], /--top must be an integer/],
  ])('bad arguments → exit 2 with a clear message: %#', async (args, message) => {
    const fixed = args.map((a) => (a === 'Q' ? queries() : a === 'C' ? corpus() : a));
    const r = await run(fixed);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('reports malformed lines with file and line number and writes nothing', async () => {
    const bad = write('bad.tsv', 'a\t会计\nb 出纳\n');
    const r = await run(['--queries', queries(), '--corpus', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:2: `);
    expect(r.err).toMatch(/expected id<TAB>title/);
    expect(r.out).toBe('');
    expect(() => parseTitleTsv('a\tx\na\ty\n', 'c.tsv', true)).toThrow('c.tsv:2: 编号重复 / duplicate id "a"');
    expect(() => parseTitleTsv('a\t  \n', 'q.tsv', false)).toThrow('q.tsv:1: 名称为空 / empty title');
    expect(() => parseTitleTsv('\tx\n', 'q.tsv', false)).toThrow('q.tsv:1: 编号为空 / empty id');
  });

  it('runs as a command (node bin/gancai.mjs titles rank …)', () => {
    // the embedded database in a fresh folder, whatever the environment says
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: path.join(tmp, 'data') };
    const missing = spawnSync('node', ['bin/gancai.mjs', 'titles', 'rank', '--queries', path.join(tmp, 'none.tsv'), '--corpus', corpus()], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('file not found');
    const ok = spawnSync('node', ['bin/gancai.mjs', 'titles', 'rank', '--queries', queries(), '--corpus', corpus(), '--top', '1'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^q1\tb\t0\.\d+$/), expect.stringMatching(/^q2\t[ce]\t0\.\d+$/)]);
  }, 120_000);
});
