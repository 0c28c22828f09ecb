import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { classifyStream, getOccupationClassifier, type OccupationClassifier } from './index.js';

let t: TestApp;
let classifier: OccupationClassifier;

beforeAll(async () => {
  t = await createTestApp();
  classifier = await getOccupationClassifier(t.database);
}, 60_000);
afterAll(async () => t?.close());

describe('classifier', () => {
  it('is built once per database', async () => {
    expect(await getOccupationClassifier(t.database)).toBe(classifier);
    expect(classifier.size).toBeGreaterThan(1600);
  });

  it.each([
    ['赣州市某某公司招聘Java开发(8-12K)', '2-02-10-03'],
    ['Web前端工程师', '2-02-10-03'],
    ['运维工程师', '2-02-10-08'],
    ['UI设计师', '2-09-06-01'],
    ['算法工程师（NLP）', '2-02-38-01'],
    ['普工', '6-25-04-07'],
    ['会计', '2-06-03-00'],
    ['护士', '2-05-08-01'],
    ['厨师', '4-03-02-01'],
    ['叉车司机 包吃住', '6-30-05-01'],
    ['养老护理员', '4-10-01-05'],
    ['幼儿园老师', '2-08-03-00'],
    ['电焊工', '6-18-02-04'],
    ['保洁阿姨', '4-09-08-01'],
    ['人工智能训练师', '4-04-05-05'],
  ])('%s → %s', (title, code) => {
    const r = classifier.classify(title);
    expect(r.code).toBe(code);
    expect(r.name).toBeTruthy();
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.candidates[0]).toEqual({ code: r.code, name: r.name, score: r.score });
    expect(r.matched.length).toBeGreaterThan(0);
  });

  it('answers with codes of the catalogue only, candidates in falling score order', async () => {
    const codes = new Set((await t.database.query<{ code: string }>(`select code from occupations where level = 4`)).map((r) => r.code));
    for (const title of ['数据分析师', '销售经理', '汽修学徒', '某某科技']) {
      const r = classifier.classify(title);
      for (const c of r.candidates) expect(codes.has(c.code)).toBe(true);
      const scores = r.candidates.map((c) => c.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(r.candidates.length).toBeLessThanOrEqual(5);
    }
  });

  it('uses the description when the title alone is vague', () => {
    const vague = classifier.classify('技术员');
    const withText = classifier.classify('技术员', '负责数控车床编程与操作，看懂图纸，熟悉CNC加工中心');
    expect(withText.code).toBe('6-18-01-07');
    expect(withText.code).not.toBe(vague.code);
  });

  it('returns no code for a title with nothing of a job in it', () => {
    expect(classifier.classify('急招！！！(面议)')).toEqual({ code: null, name: null, score: 0, candidates: [], matched: [] });
    expect(classifier.classify('南昌市某某有限公司').code).toBeNull();
  });

  it('keeps a floor of accuracy on the dev split (data/classifier/dev.tsv)', () => {
    const file = path.resolve(import.meta.dirname, '../../../../data/classifier/dev.tsv');
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThanOrEqual(150);
    let top1 = 0;
    let top3 = 0;
    for (const [title = '', code = ''] of rows) {
      const r = classifier.classify(title);
      if (r.code === code) top1++;
      if (r.candidates.slice(0, 3).some((c) => c.code === code)) top3++;
    }
    expect(top1 / rows.length).toBeGreaterThanOrEqual(0.93);
    expect(top3 / rows.length).toBeGreaterThanOrEqual(0.97);
  });
});

describe('POST /api/occupations/classify', () => {
  const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/occupations/classify', payload: payload as object });

  it('classifies without an account and honours limit', async () => {
    const res = await post({ title: '南昌 招聘 会计（5-8K）', limit: 2 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.code).toBe('2-06-03-00');
    expect(body.name).toBe('会计专业人员');
    expect(body.candidates.length).toBeLessThanOrEqual(2);
    expect(body.matched).toContain('会计');
  });

  it('works for a signed-in employer too (CSRF token sent by the web app)', async () => {
    const s = await t.signIn('employer.ganzhou');
    const res = await s.request({ method: 'POST', url: '/api/occupations/classify', payload: { title: 'Java开发工程师', description: '负责后端接口开发' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe('2-02-10-03');
  });

  it.each([
    [{}, 'title missing'],
    [{ title: '' }, 'empty title'],
    [{ title: '   ' }, 'blank title'],
    [{ title: 'x'.repeat(201) }, 'title too long'],
    [{ title: '会计', limit: 0 }, 'limit 0'],
    [{ title: '会计', limit: 11 }, 'limit 11'],
    [{ title: '会计', limit: 2.5 }, 'limit not an integer'],
    [{ title: 42 }, 'title not a string'],
    [{ title: '会计', description: 'x'.repeat(5001) }, 'description too long'],
  ])('400 VALIDATION_FAILED: %#', async (payload, _label) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('CLI stream (gancai occupations classify)', () => {
  it('writes one line per input line, in order, with empty code and name when nothing fits', async () => {
    const titles = ['会计', '', '急招！！！', 'Java开发\t(8-12K)', '护士', ...Array.from({ length: 3000 }, (_, i) => (i % 2 ? '厨师' : '普工'))];
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await classifyStream(classifier, Readable.from([`\uFEFF${titles.slice(0, 3).join('\n')}\r\n`, `${titles.slice(3).join('\n')}\n`]), out);
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .split('\n')
      .filter((_l, i, all) => i < all.length - 1);
    expect(n).toBe(titles.length);
    expect(lines).toHaveLength(titles.length);
    expect(lines[0]).toBe('会计\t2-06-03-00\t会计专业人员\t' + classifier.classify('会计').score);
    expect(lines[1]).toBe('\t\t\t0');
    expect(lines[2]).toBe('急招！！！\t\t\t0');
    expect(lines[3]?.split('\t')).toEqual(['Java开发 (8-12K)', '2-02-10-03', '计算机软件工程技术人员', expect.any(String)]);
    expect(lines[4]?.split('\t')[1]).toBe('2-05-08-01');
    expect(lines[5]?.split('\t').slice(0, 2)).toEqual(['普工', '6-25-04-07']);
    expect(lines[6]?.split('\t').slice(0, 2)).toEqual(['厨师', '4-03-02-01']);
    for (const l of lines) expect(l.split('\t')).toHaveLength(4);
  });

  it('stops quietly when the reader goes away (… | head)', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let seen = 0;
    out.on('data', (c: Buffer) => {
      seen += c.length;
      if (seen > 0) out.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    });
    const many = Array.from({ length: 50_000 }, () => '会计').join('\n');
    const n = await classifyStream(classifier, Readable.from([many]), out);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(50_000);
  });
});
