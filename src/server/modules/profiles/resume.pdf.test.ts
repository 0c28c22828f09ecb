/** 简历 PDF over HTTP: a valid A4 PDF with the CJK font embedded as a subset, the text extractable, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { pdfFonts, pdfObjects, pdfText } from '../../lib/pdf.test-support.js';
import { profileBody } from './profiles.test-support.js';

let t: TestApp;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  talent = await t.signIn('talent.ganzhou');
});
afterAll(async () => t?.close());

const download = (s: Session) => s.request({ method: 'GET', url: '/api/profiles/me/resume.pdf' });

describe('résumé PDF', () => {
  it('needs a profile, and is for talents only', async () => {
    expect((await download(talent)).statusCode).toBe(404);
    expect((await download(await t.signIn('employer.ganzhou'))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/profiles/me/resume.pdf' })).statusCode).toBe(401);
  });

  it('is a Chinese A4 PDF with a subset font and extractable text, named after the person', async () => {
    expect((await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody() })).statusCode).toBe(200);
    const res = await download(talent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="resume.pdf"; filename*=UTF-8''${encodeURIComponent('刘晓琳-简历.pdf')}`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    expect(pdf.length).toBeLessThan(300_000);
    const objects = pdfObjects(pdf);
    expect([...objects.values()].some((o) => /\/MediaBox\s*\[0 0 595\.28 841\.89\]/.test(o.dict))).toBe(true);
    const fonts = pdfFonts(objects);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.baseFont).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
      expect(f.toUnicode.size).toBeGreaterThan(10);
      expect(f.toUnicode.size).toBeLessThan(1000);
    }
    const text = pdfText(pdf);
    for (const expected of [
      '刘晓琳',
      '13907971234',
      '求职意向',
      '江西理工大学 · 计算机科学与技术',
      '大学本科毕业',
      '赣州某科技有限公司 · 数据分析师',
      'Python（熟练）',
      '数据分析师（三级）',
      '未核验',
      '8,000 元起',
      '赣州市',
    ])
      expect(text).toContain(expected);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where object_id = $1 and action = 'profile.resume_download'`, [
      talent.userId,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('marks verified certificates and long histories flow onto more pages', async () => {
    const work = Array.from({ length: 14 }, (_, i) => ({
      employerName: `赣州第${i + 1}数据服务有限公司`,
      title: '数据工程师',
      fromMonth: `${2000 + i}-01`,
      toMonth: `${2000 + i}-12`,
      description: '负责数据仓库建设、ETL 任务开发与运维，参与数据治理与质量监控，编写技术文档并培训新同事。'.repeat(2),
    }));
    expect((await talent.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody({ workHistory: work }) })).statusCode).toBe(200);
    await t.database.query(`update talent_profiles set certificates = jsonb_set(certificates, '{0,verified}', 'true') where user_id = $1`, [talent.userId]);
    const pdf = (await download(talent)).rawPayload;
    const text = pdfText(pdf);
    expect(text).toContain('已核验');
    expect(text).toContain('第 2 / ');
    expect(text).toContain('赣州第14数据服务有限公司 · 数据工程师');
  });
});
